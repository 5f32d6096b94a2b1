"""`ccms sync --server URL [--enrol CODE] [--ca-bundle FILE]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import add_parser, opened
from app.cli.progress import TerminalProgress
from app.sync import state
from app.sync.client import SyncClient
from app.sync.enrolment import enrol_device
from app.sync.runner import client_for, run_sync


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(sub, common, "sync", "push local changes, then pull the office's changes")
    p.add_argument("--server", help="server address, e.g. https://ccms.example.ca "
                   "(remembered after enrolment)")
    p.add_argument("--enrol", metavar="CODE", help="one-time enrolment code (first sync)")
    p.add_argument("--ca-bundle", type=Path, metavar="FILE",
                   help="trust this CA bundle for the server's certificate")
    p.set_defaults(func=cmd_sync)


def cmd_sync(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        known = state.read(ctx.store, state.SERVER_URL)
        if args.enrol:
            if not args.server:
                print("ccms: --enrol needs --server", file=sys.stderr)
                return 2
            device = enrol_device(ctx, args.server, args.enrol, args.ca_bundle)
            print(f"enrolled this device as {device}", file=sys.stderr)
        elif not known:
            print("ccms: this device is not enrolled: run ccms sync --server URL --enrol CODE",
                  file=sys.stderr)
            return 2
        elif args.server and args.server.rstrip("/") != known:
            print("ccms: this device is enrolled with another server; enrol again to change",
                  file=sys.stderr)
            return 2
        if args.ca_bundle and not args.enrol:
            state.write(ctx.store, state.CA_BUNDLE, str(args.ca_bundle))
        bars: dict[str, TerminalProgress] = {}

        def progress(phase: str, done: int, total: int) -> None:
            bar = bars.setdefault(phase, TerminalProgress(phase, total))
            bar.total = max(total, 1)
            bar.update(done)

        client: SyncClient = client_for(ctx)
        summary = run_sync(ctx, client, progress=progress)
        for bar in bars.values():
            bar.done()
    print(summary.line())
    return 0 if summary.complete else 1
