"""Keeping the event loop responsive while workers run.

Python's cyclic garbage collector runs in whichever thread allocates, holding the GIL; a
full collection over the objects a sync or an import makes took 50-100 ms here, which
froze the window for as long. Objects alive at start-up are frozen out of collection, and
collections run less often (each then has less to do, as most objects die young)."""

from __future__ import annotations

import gc

THRESHOLDS = (50_000, 50, 50)


def tune_garbage_collector() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
