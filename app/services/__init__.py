"""Use cases and rules: the only writers of domain rows. No Qt, no HTTP."""
