"""Keeping the event loop responsive while workers run.

Python's cyclic garbage collector runs in whichever thread allocates, holding the GIL; a
full collection over the objects a sync or an import makes took 50-100 ms here, which
froze the window for as long. Objects alive at start-up are frozen out of collection, and
collections run less often (each then has less to do, as most objects die young).

Collections also run only on the GUI thread (`GuiThreadCollector`): a collection that starts
in a worker thread may free the Python wrapper of a dead widget there, and a QObject
destroyed off its own thread can crash the process."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

THRESHOLDS = (50_000, 50, 50)


def tune_garbage_collector() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


class GuiThreadCollector(QObject):
    """Automatic collection off; a GUI-thread timer collects each generation once its count
    passes the same thresholds the interpreter would use."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the oldest generation due (if any); returns it, or -1."""
        counts = gc.get_count()
        generation = -1
        for g in range(3):
            if counts[g] > THRESHOLDS[g]:
                generation = g
        if generation >= 0:
            gc.collect(generation)
        return generation

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
