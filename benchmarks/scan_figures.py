"""`python -m benchmarks.scan_figures --participants 5000|220000 [--files N] [--out F]`: how
long the caseload scan (`scan_pairs`) takes over a cached benchmark store, and the pairs it
finds (one JSON line each with --out, to compare two versions of the scan).

With --files, the scan stops once that many files are checked (after the batch that passes
it): a sample, for a scan too long to run whole. Every value is synthetic."""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import sys
import time
from typing import Any

from app.services.matching import scan_pairs
from app.services.views import DuplicatePair
from benchmarks.scale_data import SCALES, ensure, open_scale_store


class _Enough(Exception):
    pass


def figures(participants: int, files: int | None, out: str | None,
            batch: int = 500) -> dict[str, Any]:
    scale = next(s for s in SCALES.values() if s.participants == participants)
    ctx = open_scale_store(ensure(scale, lambda m: print(m, file=sys.stderr)))
    checked = [0, 0]

    def progress(done: int, total: int) -> None:
        checked[:] = [done, total]
        if files is not None and done >= files:
            raise _Enough

    pairs: list[DuplicatePair] = []
    started = time.perf_counter()
    try:
        with ctx.store.session() as session, contextlib.suppress(_Enough):
            pairs.extend(scan_pairs(session, progress=progress, batch=batch))
        seconds = time.perf_counter() - started
    finally:
        ctx.store.lock()
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            for p in pairs:
                fh.write(json.dumps([p.a_id, p.b_id, p.score, list(p.reasons)]) + "\n")
    done, total = checked
    return {"scale": scale.name, "files_checked": done, "live_files": total,
            "seconds": round(seconds, 1), "ms_per_file": round(1000 * seconds / max(done, 1), 3),
            "estimated_full_seconds": round(seconds / max(done, 1) * total, 1),
            "pairs": len(pairs),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scan_figures")
    parser.add_argument("--participants", type=int, default=5_000,
                        choices=sorted(s.participants for s in SCALES.values()))
    parser.add_argument("--files", type=int, default=None)
    parser.add_argument("--out", default=None)
    args = parser.parse_args(argv)
    print(json.dumps(figures(args.participants, args.files, args.out), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
