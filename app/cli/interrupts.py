"""Ctrl+C and a kill (SIGTERM) stop a command as KeyboardInterrupt, and stay requested.

Python runs a signal handler between any two bytecodes, including inside a finaliser or a
weakref callback, where the KeyboardInterrupt it raises is printed as "Exception ignored"
and lost: the import went on to its end after a kill. So the request is also kept here, and
every progress step (`check`) raises it again; the lost one is not printed."""

from __future__ import annotations

import sys
import threading
from types import FrameType
from typing import Any

_requested = threading.Event()


def request(signum: int, frame: FrameType | None) -> None:
    """The signal handler: remember the request, then stop what runs now."""
    _requested.set()
    raise KeyboardInterrupt


def check() -> None:
    """Between steps of long work: stop if an interruption was asked for and swallowed."""
    if _requested.is_set():
        raise KeyboardInterrupt


def reset() -> None:
    _requested.clear()


def _unraisable(info: Any) -> None:
    if _requested.is_set() and isinstance(info.exc_value, KeyboardInterrupt):
        return  # raised again at the next step (`check`); no traceback for it
    sys.__unraisablehook__(info)


def install_unraisable_hook() -> None:
    sys.unraisablehook = _unraisable
