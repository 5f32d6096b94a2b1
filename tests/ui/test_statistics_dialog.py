"""File > Monthly statistics, through real widgets: the month and the file are checked by
name, and the file written holds counts, not names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.services.context import ServiceContext
from app.services.participants import create_participant
from app.ui.main_window import MainWindow


def test_monthly_statistics_written_from_the_file_menu(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    create_participant(ctx, {"family_name": "Nakamura-Synthetic", "phone": "604 555 0111"})
    told: list[str] = []

    def information(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        told.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", information)
    unlocked.statistics_action.trigger()
    workspace = unlocked.workspace
    assert workspace is not None
    dialog = workspace.statistics_dialog
    assert dialog.month.text() == "2026-02"  # the month before the clock's (2026-03-02)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    dialog.month.setText("2026-13")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Month: must be a month as YYYY-MM"
    dialog.month.setText("2026-03")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "File to write: is required"
    dialog.path.setText(str(tmp_path / "missing" / "stats.csv"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text().startswith("File to write: its folder "
                                                           "does not exist"), timeout=10_000)
    assert not (tmp_path / "missing").exists()

    out = tmp_path / "stats.csv"
    dialog.path.setText(str(out))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: told != [], timeout=10_000)
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[:3] == ["section,key,value", "about,office,Vancouver",
                                     "about,month,2026-03"]
    assert "files,intakes,1" in text.splitlines()
    assert "Nakamura" not in text and "0111" not in text
    assert told[0].endswith(f"figures of 2026-03 written to {out}.")
