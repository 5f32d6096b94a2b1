"""Garbage is collected on the GUI thread only: automatic collection is off while the
collector runs, its timer collects a generation once its count passes the threshold, and
a full collection waits while background work runs (up to a bound)."""

from __future__ import annotations

import gc

from app.ui.responsiveness import FULL_DEFERRAL, THRESHOLDS, GuiThreadCollector, due


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collector_takes_over_from_automatic_collection(qtbot) -> None:  # type: ignore[no-untyped-def]
    collector = GuiThreadCollector(busy=lambda: False)
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


def test_the_oldest_generation_due_is_collected() -> None:
    young, middle, full = THRESHOLDS
    assert due((young, middle, full), busy=False) == -1
    assert due((young + 1, 0, 0), busy=False) == 0
    assert due((young + 1, middle + 1, 0), busy=False) == 1
    assert due((young + 1, middle + 1, full + 1), busy=False) == 2


def test_a_full_collection_waits_for_background_work_within_a_bound() -> None:
    young, middle, full = THRESHOLDS
    assert due((young + 1, middle + 1, full + 1), busy=True) == 1
    assert due((young + 1, 0, full + 1), busy=True) == 0
    assert due((0, 0, full + 1), busy=True) == -1
    assert due((0, 0, full * FULL_DEFERRAL + 1), busy=True) == 2


def test_the_collector_runs_the_deferred_collection_once_work_ends(qtbot) -> None:  # type: ignore[no-untyped-def]
    busy = [True]
    collector = GuiThreadCollector(busy=lambda: busy[0])
    try:
        gc.collect()
        for _ in range(THRESHOLDS[2] + 1):  # as many middle collections as make a full one due
            gc.collect(1)
        assert gc.get_count()[2] > THRESHOLDS[2]
        assert collector.check() != 2
        assert gc.get_count()[2] > THRESHOLDS[2]
        busy[0] = False
        qtbot.waitUntil(lambda: gc.get_count()[2] == 0, timeout=5_000)
    finally:
        collector.stop()
