"""`python -m benchmarks --scale quick|regional|national --out FILE`: prints ONE JSON object
whose `figures` hold every measured figure, each timing beside the baseline it was compared
with in the same run, and `targets` says which targets were met."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import store_figures
from benchmarks.scale_data import SCALES, ensure, open_scale_store

# name -> (comparison, limit); checked only at the scale the target is stated for.
TARGETS: dict[str, tuple[str, float, tuple[str, ...]]] = {
    "store_overhead_ratio": ("<=", 1.3, ("quick", "regional", "national")),
    "search_p95_ms": ("<=", 50, ("national",)),
    "search_ratio_vs_fts5": ("<=", 3, ("regional", "national")),
    "list_first_paint_ms": ("<=", 300, ("national",)),
    "dashboard_first_paint_ms": ("<=", 300, ("national",)),
    "sync_batch_speedup": (">=", 20, ("quick", "regional", "national")),
    "initial_pull_s": ("<=", 20, ("regional",)),
    "gui_max_stall_ms": ("<=", 50, ("quick", "regional", "national")),
    "rss_mb": ("<=", 400, ("national",)),
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "processor": platform.processor() or platform.machine()}


def run(scale_name: str) -> dict[str, Any]:
    scale = SCALES[scale_name]
    started = time.perf_counter()
    scale_store = ensure(scale, log)
    figures: dict[str, Any] = {}
    log("store overhead...")
    figures.update(store_figures.store_overhead())
    log("unlock...")
    figures.update(store_figures.unlock_figures(scale_store))
    ctx = open_scale_store(scale_store)
    try:
        log("search...")
        figures.update(store_figures.search_figures(ctx, scale_store.samples))
    finally:
        ctx.store.lock()
    targets = {}
    for name, (op, limit, scales) in TARGETS.items():
        if name in figures and figures[name] is not None and scale_name in scales:
            value = figures[name]
            targets[name] = {"target": f"{op} {limit}",
                             "met": value <= limit if op == "<=" else value >= limit}
    return {
        "scale": scale_name,
        "sizes": {"participants": scale.participants, "checkins": scale.checkins,
                  "referrals": scale.referrals},
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "figures": figures,
        "targets": targets,
        "elapsed_s": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--scale", choices=sorted(SCALES), default="quick")
    parser.add_argument("--out", type=Path, help="also write the JSON object to this file")
    args = parser.parse_args(argv)
    result = run(args.scale)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
