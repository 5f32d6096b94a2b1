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

from benchmarks import duplicate_quality, gui_figures, store_figures, sync_figures
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
    "dup_recall_at_5": (">=", 0.99, ("regional", "national")),
    "dup_recall_at_1": (">=", 0.97, ("regional", "national")),
    "dup_false_alarm_rate": ("<=", 0.01, ("regional", "national")),
    "dup_check_p95_ms": ("<=", 50, ("national",)),
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "processor": platform.processor() or platform.machine()}


def stall_figure(scale_name: str) -> dict[str, Any]:
    """A device with a big outbox syncs while a caseload file is imported (the real
    import: CSV, validation, duplicate check, batches), window open."""
    import tempfile

    from app.services.importing import run_import
    from app.services.synthetic import seed
    from app.sync.runner import client_for, run_sync
    from tests.caseload_csv import HEADERS, MAPPING, people, write_csv

    n = 200 if scale_name == "quick" else 1_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_url = f"sqlite:///{folder / 'server.db'}"
        with sync_figures.server_process(db_url) as url:
            syncing = sync_figures._device(folder, "syncing", url, db_url)
            seed(syncing, n, 1)
            importing = sync_figures._device(folder, "importing", url, db_url)
            caseload = folder / "caseload.csv"
            write_csv(caseload, people(n, seed=2), HEADERS)
            gui_figures.app()
            from app.ui.main_window import MainWindow

            window = MainWindow(folder / "syncing")
            window._opened(syncing.store, syncing)
            window.show()
            # The window's first load is the first-paint figures', not a stall of this work.
            gui_figures.settle()
            try:
                from app.ui.sync_widget import UI_BATCH, UI_PAGE

                return gui_figures.max_stall_during([
                    lambda: run_sync(syncing, client_for(syncing), batch_size=UI_BATCH,
                                     page_size=UI_PAGE),
                    lambda: run_import(importing, caseload, MAPPING)])
            finally:
                window.close()


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
        log("list sorts...")
        figures.update(store_figures.sort_figures(ctx))
        # Memory is read after the first paints: before the matcher's 6,000 checks, whose
        # caches would otherwise count as the window's.
        log("first paint and memory...")
        figures.update(gui_figures.first_paints(ctx))
        log("duplicate matcher quality...")
        figures.update(duplicate_quality.figures(ctx, scale))
        log("initial pull of the regional store..." if scale_name != "quick" else
            "initial pull of the quick store...")
        pull_source = ctx if scale_name != "national" else None
        if pull_source is not None:
            figures.update(sync_figures.initial_pull(pull_source))
    finally:
        ctx.store.lock()
    if scale_name == "national":
        regional = open_scale_store(ensure(SCALES["regional"], log))
        try:
            figures.update(sync_figures.initial_pull(regional))
        finally:
            regional.store.lock()
    log("batched push versus one change per request...")
    figures.update(sync_figures.sync_batch_speedup(1_000 if scale_name == "quick"
                                                   else 10_000))
    log("event loop while a full sync and a bulk intake run...")
    figures.update(stall_figure(scale_name))
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
    from app.ui.responsiveness import tune_garbage_collector

    tune_garbage_collector()  # as the app does at start-up
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--scale", choices=sorted(SCALES), default="quick")
    parser.add_argument("--out", type=Path, help="also write the JSON object to this file")
    args = parser.parse_args(argv)
    result = run(args.scale)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    sys.stdout.flush()
    # Skip interpreter teardown: PySide6 objects still alive at exit can crash it, and the
    # figures are already out.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
