"""Two imports of one file at once, in a forced order: an import running on another thread
than the test's stops before writing its first batch (its rows read, its list of the rows
already done taken) until the test lets it go, so the test's own import can write rows in
between. Events with deadlines, no sleeps."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from app.services import importing

WAIT = 60  # seconds: a deadline, never a pause


@contextmanager
def other_thread_held(monkeypatch: pytest.MonkeyPatch,
                      batch: int = 10) -> Iterator[dict[str, threading.Event]]:
    """Yields {"waiting": set once the other thread is held, "go": set it to let it on}."""
    events = {"waiting": threading.Event(), "go": threading.Event()}
    original = importing._Run.write

    def write_when_allowed(self: Any, *args: Any) -> None:
        if (threading.current_thread() is not threading.main_thread()
                and not events["waiting"].is_set()):
            events["waiting"].set()
            assert events["go"].wait(WAIT), "the test never let the held import go on"
        original(self, *args)

    monkeypatch.setattr(importing._Run, "write", write_when_allowed)
    monkeypatch.setattr(importing, "BATCH", batch)
    try:
        yield events
    finally:
        events["go"].set()  # never leave the thread waiting if the test failed early


def first_two_batches(ctx: Any, path: Any) -> importing.ImportSummary:
    """The test's own import: two batches written, then stopped (as Stop or Ctrl+C does)."""
    batches = iter((False, True))
    return importing.run_import(ctx, path, None, on_duplicate="create",
                                cancel=lambda: next(batches))
