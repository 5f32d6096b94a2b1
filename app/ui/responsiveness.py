"""Keeping the event loop responsive while workers run.

Python's cyclic garbage collector runs in whichever thread allocates, holding the GIL, and
a collection takes about a microsecond per object it examines. Collections therefore run
only on the GUI thread (`GuiThreadCollector`), and are kept small:

- young generations are collected often (every 5,000 net allocations, and the middle one
  every 10 of those), so one never holds more than a few thousand objects to examine: with
  the interpreter's usual ratios raised to 50,000 and 50, as before, a middle-generation
  collection during a sync and an import met 216,000 objects and froze the window 170 ms;
- a full collection examines every long-lived object (the matcher's caches, a loaded
  list: about 150 ms at national scale), so while background work runs it is put off,
  up to `FULL_DEFERRAL` times its due count, and runs once the work has reported.

Objects alive at start-up are frozen out of collection altogether. A collection that
started in a worker thread could also free the Python wrapper of a dead widget there, and
a QObject destroyed off its own thread can crash the process: another reason to collect
on the GUI thread only."""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.ui.background import background_work_running

THRESHOLDS = (5_000, 10, 10)
FULL_DEFERRAL = 5
BUSY_INTERVAL_MS = 50  # how often allocations are checked while work runs
IDLE_INTERVAL_MS = 500


def tune_garbage_collector() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


class GuiThreadCollector(QObject):
    """Automatic collection off; a GUI-thread timer collects the oldest generation whose
    count passed its threshold, as the interpreter would, except that a full collection
    waits for background work to end (see the module's text)."""

    def __init__(self, parent: QObject | None = None,
                 busy: Callable[[], bool] = background_work_running) -> None:
        super().__init__(parent)
        self.busy = busy
        gc.disable()
        self.timer = QTimer(self, interval=IDLE_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the oldest generation due (if any); returns it, or -1."""
        busy = self.busy()
        self.timer.setInterval(BUSY_INTERVAL_MS if busy else IDLE_INTERVAL_MS)
        generation = due(gc.get_count(), busy)
        if generation >= 0:
            gc.collect(generation)
        return generation

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def due(counts: tuple[int, int, int], busy: bool) -> int:
    """The oldest generation to collect now, or -1."""
    deferred = busy and counts[2] <= THRESHOLDS[2] * FULL_DEFERRAL
    for g in range(1 if deferred else 2, -1, -1):
        if counts[g] > THRESHOLDS[g]:
            return g
    return -1
