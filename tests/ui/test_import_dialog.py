"""The import dialog: a generated old-system file with its mapping, a preview of the first
rows, the import in the background, and the counts with the rejects file at the end."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from app.services.context import ServiceContext
from app.services.participant_search import ParticipantQuery, search_participants
from app.ui.main_window import MainWindow
from tests.caseload_csv import HEADERS, MAPPING, people, write_csv


def test_preview_then_import(qtbot, ctx: ServiceContext, unlocked: MainWindow,  # type: ignore[no-untyped-def]
                             tmp_path: Path) -> None:
    rows = people(30, seed=3)
    rows[4]["DOB"] = "31/02/1990"  # no such day: refused with its reason
    csv_path, mapping_path = tmp_path / "old.csv", tmp_path / "mapping.json"
    write_csv(csv_path, rows, HEADERS)
    mapping_path.write_text(json.dumps(MAPPING), encoding="utf-8")

    unlocked.import_action.trigger()
    dialog = unlocked.workspace.import_dialog
    dialog.file.setText(str(csv_path))
    dialog.mapping.setText(str(mapping_path))
    dialog.on_duplicate.setCurrentIndex(dialog.on_duplicate.findData("create"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    assert dialog.table.rowCount() == 20
    problems = dialog.table.item(4, 1).text()
    assert "Date of birth" in problems
    assert "1 of the first 20 rows" in dialog.message.text()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    assert (dialog.summary.imported, dialog.summary.rejected) == (29, 1)
    assert "Imported 29" in dialog.message.text()
    assert dialog.summary.rejects_path is not None and dialog.summary.rejects_path.exists()
    assert search_participants(ctx, ParticipantQuery(rows[0]["Surname"])).total >= 1
