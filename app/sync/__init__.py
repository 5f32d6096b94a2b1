"""Sync with the central endpoint: wire schema, HTTP client, push, pull, merge, runner.
No Qt here: the UI runs the runner in a worker thread."""
