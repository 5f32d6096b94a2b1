"""Garbage is collected on the GUI thread only: automatic collection is off while the
collector runs, and its timer collects a generation once its count passes the threshold."""

from __future__ import annotations

import gc

from app.ui.responsiveness import THRESHOLDS, GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collector_takes_over_from_automatic_collection(qtbot) -> None:  # type: ignore[no-untyped-def]
    collector = GuiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        gc.collect()
        garbage = [_Cycle() for _ in range(THRESHOLDS[0] + 1_000)]
        del garbage  # cycles: only a collection frees them
        assert gc.get_count()[0] > THRESHOLDS[0]
        qtbot.waitUntil(lambda: gc.get_count()[0] < THRESHOLDS[0], timeout=5_000)
    finally:
        collector.stop()
    assert gc.isenabled()
