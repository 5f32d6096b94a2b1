"""`python -m benchmarks.report REGIONAL.json NATIONAL.json`: the figures as a Markdown
table against their targets (for docs/performance.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.__main__ import TARGETS

ROWS = ("store_overhead_ratio", "search_p95_ms", "search_ratio_vs_fts5",
        "list_first_paint_ms", "list_sort_max_ms", "dashboard_first_paint_ms",
        "sync_batch_speedup",
        "initial_pull_s", "gui_max_stall_ms", "rss_mb", "unlock_ms", "unlock_kdf_ms",
        "dup_recall_at_1", "dup_recall_at_5", "dup_recall_at_5_ranked", "dup_false_alarm_rate",
        "dup_check_p50_ms", "dup_check_p95_ms")


def cell(result: dict, name: str) -> str:
    value = result["figures"].get(name)
    if value is None:
        return "—"
    verdict = result["targets"].get(name)
    mark = "" if verdict is None else (" ✅" if verdict["met"] else " ❌")
    return f"{value}{mark}"


def table(results: list[dict]) -> str:
    head = ("| figure | target | "
            + " | ".join(f"{r['scale']} ({r['when'][11:16]} UTC)" for r in results) + " |")
    lines = [head, "|---|---|" + "---|" * len(results)]
    for name in ROWS:
        target = TARGETS.get(name)
        where = f"{target[0]} {target[1]} ({', '.join(target[2])})" if target else "—"
        lines.append(f"| `{name}` | {where} | " + " | ".join(cell(r, name) for r in results)
                     + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    results = [json.loads(Path(p).read_text(encoding="utf-8")) for p in argv]
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
