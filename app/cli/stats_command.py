"""`ccms stats`: the office's figures for one calendar month (aggregates only), to a file."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from app.cli.common import add_parser, opened
from app.services.output_files import check_output
from app.services.statistics import FORMATS, export_statistics, parse_month, previous_month


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(sub, common, "stats",
                   "write the office's monthly statistics (counts only, no personal data)")
    p.add_argument("--month", metavar="YYYY-MM",
                   help="the calendar month, in UTC (default: the previous month)")
    p.add_argument("--format", choices=FORMATS, default="csv",
                   help="csv (default) or json")
    p.add_argument("--out", type=Path, required=True, metavar="FILE",
                   help="where the figures go (owner-only; an existing file is replaced)")
    p.set_defaults(func=cmd_stats)


def cmd_stats(args: argparse.Namespace) -> int:
    # Checked before the store is opened: a bad month or output place is one line, and
    # nothing is read or written.
    today = datetime.now(UTC).date()
    month = previous_month(today) if args.month is None else parse_month(args.month, today)
    check_output(args.out, "out", data_dir=args.data_dir)
    with opened(args) as ctx:
        stats = export_statistics(ctx, month, args.out, args.format)
    print(f"wrote {len(stats.figures)} figures for {stats.month} to {args.out}")
    return 0
