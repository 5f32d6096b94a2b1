"""One way to run work off the GUI thread: BackgroundOp runs a plain function on the global
QThreadPool and delivers success, failure and progress as signals on the GUI thread. Only
plain values cross threads, never ORM objects or sessions."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_live: set[BackgroundOp] = set()  # keeps an op (and its signals) alive until it reports


class _Signals(QObject):
    success = Signal(object)
    failure = Signal(object)
    progress = Signal(str, int, int)


def _widgets_of(callback: Any, depth: int = 2) -> list[QObject]:
    """The Qt objects a callback works on: the object of a bound method, and those its
    closure holds (the `self` of a lambda written in a method), also through the functions
    it calls from its closure (`lambda exc: failed(exc)`)."""
    found: list[Any] = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            found.append(cell.cell_contents)
        except ValueError:  # a cell not filled yet
            continue
    widgets = [o for o in found if isinstance(o, QObject)]
    if depth:
        for o in found:
            if callable(o) and not isinstance(o, QObject | type):
                widgets.extend(_widgets_of(o, depth - 1))
    return widgets


def _unless_gone(callback: Callable[..., None]) -> Callable[..., None]:
    """`callback`, skipped when a widget it works on was deleted while the work ran (a file
    closed, or replaced by another, before its load came back): there is nothing left to
    show the result in, and touching it would raise."""
    def deliver(*values: Any) -> None:
        if all(shiboken6.isValid(o) for o in _widgets_of(callback)):
            callback(*values)
        else:
            log.debug("a background result arrived for a closed view; dropped")

    return deliver


class BackgroundOp(QRunnable):
    """`fn(report, cancel)` if `with_progress` else `fn()`; `report(phase, done, total)`."""

    def __init__(self, fn: Callable[..., Any], *, success: Callable[[Any], None] | None = None,
                 failure: Callable[[BaseException], None] | None = None,
                 progress: Callable[[str, int, int], None] | None = None,
                 with_progress: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.with_progress = fn, with_progress
        self.cancel = threading.Event()
        self.signals = _Signals()
        if success:
            self.signals.success.connect(_unless_gone(success))
        if failure:
            self.signals.failure.connect(_unless_gone(failure))
        if progress:
            self.signals.progress.connect(_unless_gone(progress))
        self.signals.success.connect(self._done)
        self.signals.failure.connect(self._done)

    def start(self) -> BackgroundOp:
        _live.add(self)
        QThreadPool.globalInstance().start(self)
        return self

    def _done(self, _: object) -> None:
        _live.discard(self)

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(self.signals.progress.emit, self.cancel)
            else:
                result = self.fn()
        except BaseException as exc:  # every failure reaches the window
            log.debug("background operation failed: %s", type(exc).__name__)
            self.signals.failure.emit(exc)
            return
        self.signals.success.emit(result)


def background_work_running() -> bool:
    """Whether any operation started here has not reported yet (read on the GUI thread)."""
    return bool(_live)


def run_in_background(fn: Callable[..., Any], success: Callable[[Any], None] | None = None,
                      failure: Callable[[BaseException], None] | None = None) -> BackgroundOp:
    return BackgroundOp(fn, success=success, failure=failure).start()
