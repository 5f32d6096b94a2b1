"""The Qt desktop: widgets, item models and dialogs. Calls services; never SQL or HTTP."""
