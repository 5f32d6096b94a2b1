"""`ccms`: headless commands. Each module in COMMAND_MODULES adds its subcommands.

Ctrl+C (and a kill, handled alike) at any point of a command ends it with one line and exit
status 130. Everything but the standard library is imported inside `main`'s handling of it
(the store, SQLAlchemy and the services take most of a second to import, and a Ctrl+C then
used to end in a traceback); once the command is over, a Ctrl+C while the process ends
exits at once with the same line."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

from app.cli import interrupts

COMMAND_MODULES = (
    "app.cli.store_commands",
    "app.cli.data_commands",
    "app.cli.sync_command",
    "app.cli.import_commands",
    "app.cli.stats_command",
)
INTERRUPTED = "ccms: interrupted; nothing half-written was kept"
EXIT_INTERRUPTED = 130


def describe_database_error(exc: Any) -> str:
    """`exc`: SQLAlchemy's DatabaseError (not imported here, see the module's docstring)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if any(k in text for k in ("not a database", "malformed", "hmac", "corrupt")):
        return "the store file is damaged (a page failed its integrity check)"
    if "locked" in text or "busy" in text:
        return "the store is busy: another CCMS program is using it; try again"
    return f"the store refused the change ({type(exc).__name__}); nothing was written"


class OneLineParser(argparse.ArgumentParser):
    """A bad argument is one line naming it (and `--help` says the rest), like every other
    error of `ccms`, instead of argparse's usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    from app.config import default_data_dir

    parser = OneLineParser(prog="ccms", description="CCMS Desktop, headless.")
    parser.add_argument("--data-dir", type=Path, default=default_data_dir(),
                        help="folder of the encrypted store (default: the user data folder)")
    common = argparse.ArgumentParser(add_help=False)
    # Accepted after the subcommand too; SUPPRESS keeps the top-level value otherwise.
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def _silence_stdout() -> None:
    """What is left in the buffer would fail again at exit, with a traceback."""
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until the process ends


def _exit_at_once(signum: int, frame: FrameType | None) -> None:
    """For when nothing is left to clean up (the command is over, or its interruption is
    being reported): no exception that could surface as a traceback, just the line."""
    os.write(2, (INTERRUPTED + "\n").encode())
    os._exit(EXIT_INTERRUPTED)


def main(argv: list[str] | None = None) -> int:
    """`argv` None: the `ccms` process itself; a list: a caller running a command, whose
    signal handlers are given back afterwards."""
    on_main_thread = threading.current_thread() is threading.main_thread()
    interrupts.reset()
    # A kill or a closed terminal cleans up as Ctrl+C does; both stay requested until the
    # next progress step sees them (`interrupts`). An ignored Ctrl+C (a background job)
    # stays ignored.
    saved = ((signal.getsignal(signal.SIGINT), signal.signal(signal.SIGTERM, interrupts.request))
             if on_main_thread else None)
    if saved is not None and saved[0] is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, interrupts.request)
    if argv is None:
        interrupts.install_unraisable_hook()
    try:
        return _run(argv)
    except KeyboardInterrupt:
        if on_main_thread:
            signal.signal(signal.SIGINT, _exit_at_once)  # a second Ctrl+C while saying so
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if saved is not None:
            if argv is None:
                # Up to the process's very end (atexit, closing the store's connections), a
                # Ctrl+C or a kill finds nothing half-done: exit at once, with the line. An
                # ignored Ctrl+C (a background job) stays ignored.
                if saved[0] is not signal.SIG_IGN:
                    signal.signal(signal.SIGINT, _exit_at_once)
                signal.signal(signal.SIGTERM, _exit_at_once)
            else:
                signal.signal(signal.SIGINT, saved[0])
                signal.signal(signal.SIGTERM, saved[1])


def _run(argv: list[str] | None) -> int:
    # Imported here, inside main's handling of Ctrl+C: they take most of the start-up time.
    from sqlalchemy.exc import DatabaseError as SADatabaseError

    from app.errors import CCMSError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, not at exit: a full disk or closed pipe is then reported
        return code
    except CCMSError as exc:
        print(f"ccms: {exc}", file=sys.stderr)
        return 2
    except SADatabaseError as exc:
        # Never a traceback or the statement (it could quote a row): one line that names
        # the problem.
        print(f"ccms: {describe_database_error(exc)}", file=sys.stderr)
        return 3
    except BrokenPipeError:  # the reader went away (`ccms ... | head`): nothing to say
        _silence_stdout()
        return 141
    except OSError as exc:  # standard output on a full disk, or a file a service did not name
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"ccms: {exc.strerror or exc}{where}", file=sys.stderr)
        _silence_stdout()
        return 2


if __name__ == "__main__":
    sys.exit(main())
