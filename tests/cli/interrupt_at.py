"""Runs `ccms` exactly as its console script does (`from app.cli import main;
sys.exit(main())`), but stops at one chosen point until a signal arrives, after telling the
test it got there (a line on the file descriptor CCMS_TEST_READY_FD). The test then sends
SIGINT: a Ctrl+C at that very point, every time, with no timing luck.

    CCMS_TEST_STOP_AT=import:sqlalchemy        while that module is first imported
    CCMS_TEST_STOP_AT=call:app.store.store:unwrap_key   when that function is called
    CCMS_TEST_STOP_AT=exit                      after main() returned, as the process ends

    python -m tests.cli.interrupt_at --data-dir D doctor
"""

from __future__ import annotations

import atexit
import importlib
import importlib.abc
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any


def _stop_here() -> None:
    os.write(int(os.environ["CCMS_TEST_READY_FD"]), b"ready\n")
    signal.pause()  # until a signal; its handler raises KeyboardInterrupt (or exits)


class _StopOnImport(importlib.abc.MetaPathFinder):
    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: Any = None) -> None:
        if fullname == self.name:
            sys.meta_path.remove(self)
            _stop_here()
        return None  # the real finders import it


def _stopping(function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _stop_here()
        return function(*args, **kwargs)
    return wrapper


def _arm(point: str) -> None:
    kind, _, where = point.partition(":")
    if kind == "import":
        sys.meta_path.insert(0, _StopOnImport(where))
    elif kind == "call":
        module_name, _, attr = where.partition(":")
        module = importlib.import_module(module_name)
        setattr(module, attr, _stopping(getattr(module, attr)))
    elif kind == "exit":
        atexit.register(_stop_here)
    else:
        raise SystemExit(f"unknown stop point {point!r}")


if __name__ == "__main__":
    sys.argv[0] = "ccms"
    # Ctrl+C as at a terminal, even when the tests run in the background (a shell starts
    # background commands with SIGINT ignored, and Python then leaves it ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _arm(os.environ["CCMS_TEST_STOP_AT"])
    from app.cli import main

    sys.exit(main())
