"""`ccms seed`, `ccms export` and `ccms doctor`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import add_parser, opened
from app.cli.progress import TerminalProgress
from app.services.export import FORMATS, PLAINTEXT_WARNING, export_all
from app.services.health import check_store
from app.services.synthetic import seed


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(sub, common, "seed", "add realistic synthetic participants (test data)")
    p.add_argument("--participants", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(func=cmd_seed)

    p = add_parser(sub, common, "export", "write every record to a PLAINTEXT file")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.set_defaults(func=cmd_export)

    p = add_parser(sub, common, "doctor", "check the store's integrity; non-zero on a problem")
    p.set_defaults(func=cmd_doctor)


def cmd_seed(args: argparse.Namespace) -> int:
    if not 1 <= args.participants <= 1_000_000:
        print("ccms: --participants must be between 1 and 1000000", file=sys.stderr)
        return 2
    with opened(args) as ctx:
        bar = TerminalProgress("seeding", args.participants)
        summary = seed(ctx, args.participants, args.seed, progress=lambda d, t: bar.update(d))
        bar.done()
    print(f"seeded {summary.participants} participants, {summary.agreements} agreements, "
          f"{summary.checkins} check-ins, {summary.referrals} referrals, {summary.notes} "
          f"notes, {summary.compliance_reports} compliance reports")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    print(f"ccms: {PLAINTEXT_WARNING}", file=sys.stderr)
    with opened(args) as ctx:
        summary = export_all(ctx, args.format, args.out)
    total = sum(summary.counts.values())
    print(f"exported {total} records to {summary.path}: " +
          ", ".join(f"{n} {name}" for name, n in summary.counts.items() if n))
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        report = check_store(ctx)
    print(f"schema revision: {report.revision} (head {report.head})")
    for name, n in report.counts.items():
        print(f"{name}: {n}")
    if report.ok:
        print("store OK: cipher and database integrity, schema, audit chains")
        return 0
    for problem in report.problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1
