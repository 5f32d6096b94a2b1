"""Work run off the GUI thread reports on it; a result that comes back after its view was
closed (a file replaced by another before its load returned) is dropped, not delivered to
deleted widgets, which would raise in the event loop."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.ui.background import background_work_running, run_in_background


class _View(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)

    def load(self, release: threading.Event, fail: bool) -> None:
        def work() -> str:
            release.wait(10)
            if fail:
                raise ValueError("the store was locked meanwhile")
            return "loaded"

        def failed(exc: BaseException) -> None:
            self.label.setText(str(exc))

        run_in_background(work, lambda text: self.label.setText(text),
                          lambda exc: failed(exc))


def test_results_reach_a_view_that_is_still_there(qtbot: QtBot) -> None:
    view = _View()
    qtbot.addWidget(view)
    release = threading.Event()
    view.load(release, fail=False)
    release.set()
    qtbot.waitUntil(lambda: view.label.text() == "loaded", timeout=10_000)
    view.load(release, fail=True)
    qtbot.waitUntil(lambda: view.label.text() == "the store was locked meanwhile",
                    timeout=10_000)


def test_results_for_a_closed_view_are_dropped(qtbot: QtBot) -> None:
    for fail in (False, True):
        view = _View()
        release = threading.Event()
        view.load(release, fail)
        label = view.label
        shiboken6.delete(view)  # closed while its work runs
        assert not shiboken6.isValid(label)
        release.set()
        # The op stops running once its result was handled (after the callbacks): had
        # they touched the deleted label, pytest-qt would fail this test.
        qtbot.waitUntil(lambda: not background_work_running(), timeout=10_000)
