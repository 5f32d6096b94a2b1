"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.participant_file import ParticipantFile
from app.ui.record_dialogs import ServiceDialog

D = TypeVar("D", bound=QDialog)


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The table's item at (row, column), which the test expects to be there."""
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item


def click_open(qtbot: QtBot, cls: type[D], button: QWidget) -> D:
    """Click a button that opens a `cls` dialog (with open(), or exec()); return the dialog,
    shown but not blocking (so the test can fill it in)."""
    dialogs: list[QDialog] = []
    original_open, original_exec = cls.open, cls.exec

    def open_seen(self: QDialog) -> None:
        dialogs.append(self)
        original_open(self)

    def open_without_blocking(self: QDialog) -> int:
        open_seen(self)
        return 0

    cls.open = open_seen  # type: ignore[method-assign]
    cls.exec = open_without_blocking  # type: ignore[method-assign]
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finally:
        cls.open, cls.exec = original_open, original_exec  # type: ignore[method-assign]
    dialog = dialogs[0]
    assert isinstance(dialog, cls)
    return dialog


def dialog_save(qtbot: QtBot, dialog: ServiceDialog) -> None:
    """Click the dialog's Save and wait until it has closed, accepted."""
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)


def open_file(qtbot: QtBot, window: MainWindow, pid: str) -> ParticipantFile:
    """The participant file of `pid`, opened in the window and loaded."""
    workspace = window.workspace
    assert workspace is not None
    workspace.open_participant(pid)
    page = workspace.file
    assert page is not None
    qtbot.waitUntil(lambda: page.status_label.text() != "", timeout=10_000)
    return page
