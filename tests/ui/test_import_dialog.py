"""The import dialog: a generated old-system file with its mapping, a preview of the first
rows, the import in the background, and the counts with the rejects file at the end; where
the refused rows go; files that cannot be imported; stopping and closing while an import
runs; messages in French."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from PySide6.QtCore import Qt

from app.services.context import ServiceContext
from app.services.participant_search import ParticipantQuery, search_participants
from app.ui import import_dialog
from app.ui.background import background_work_running
from app.ui.i18n import install_language, tr
from app.ui.import_dialog import ImportDialog
from app.ui.main_window import MainWindow
from tests.caseload_csv import HEADERS, MAPPING, people, write_csv
from tests.ui.helpers import cell


def _files(tmp_path: Path, rows: int, seed: int = 3) -> tuple[Path, Path, list[dict[str, str]]]:
    data = people(rows, seed=seed)
    csv_path, mapping_path = tmp_path / "old.csv", tmp_path / "mapping.json"
    write_csv(csv_path, data, HEADERS)
    mapping_path.write_text(json.dumps(MAPPING), encoding="utf-8")
    return csv_path, mapping_path, data


def _dialog(unlocked: MainWindow, csv_path: Path, mapping_path: Path | None) -> ImportDialog:
    unlocked.import_action.trigger()
    assert unlocked.workspace is not None
    dialog = unlocked.workspace.import_dialog
    dialog.file.setText(str(csv_path))
    dialog.mapping.setText(str(mapping_path) if mapping_path else "")
    dialog.on_duplicate.setCurrentIndex(dialog.on_duplicate.findData("create"))
    return dialog


def _preview(qtbot, dialog: ImportDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.message.clear()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() not in ("", tr("Reading the file...")),
                    timeout=10_000)


def test_preview_shows_values_in_words(qtbot, unlocked: MainWindow,  # type: ignore[no-untyped-def]
                                       tmp_path: Path) -> None:
    """The preview shows a country as the file will show it (by its name), however the old
    system wrote it; text naming no country as written."""
    csv_path, mapping_path, rows = _files(tmp_path, 3)
    rows[0]["Country"], rows[1]["Country"], rows[2]["Country"] = "Haïti", "XXA", "USSR"
    write_csv(csv_path, rows, HEADERS)
    dialog = _dialog(unlocked, csv_path, mapping_path)
    _preview(qtbot, dialog)
    titles = [dialog.table.model().headerData(c, Qt.Orientation.Horizontal)
              for c in range(dialog.table.columnCount())]
    column = titles.index("Country of citizenship")
    assert [cell(dialog.table, r, column).text() for r in range(3)] == \
        ["Haiti", "Stateless", "USSR"]


def test_preview_then_import(qtbot, ctx: ServiceContext, unlocked: MainWindow,  # type: ignore[no-untyped-def]
                             tmp_path: Path) -> None:
    csv_path, mapping_path, rows = _files(tmp_path, 30)
    rows[4]["DOB"] = "31/02/1990"  # no such day: refused with its reason
    rows[6]["DOB"] = "1990-02-03"  # not the mapping's format
    write_csv(csv_path, rows, HEADERS)
    dialog = _dialog(unlocked, csv_path, mapping_path)
    assert dialog.rejects.placeholderText().endswith("old.rejects.csv")
    _preview(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 20
    assert cell(dialog.table, 4, 1).text() == "Date of birth: is not a real date"
    assert cell(dialog.table, 6, 1).text() == \
        "Date of birth: does not match the date format %d/%m/%Y"
    assert cell(dialog.table, 6, 1).toolTip() == cell(dialog.table, 6, 1).text()
    # No column, problems included, pushes the values off the screen.
    assert all(dialog.table.columnWidth(c) <= 260 for c in range(dialog.table.columnCount()))
    assert "2 of the first 20 rows" in dialog.message.text()
    assert dialog.message.objectName() == "error"

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    assert dialog.summary is not None
    assert (dialog.summary.imported, dialog.summary.rejected) == (28, 2)
    assert dialog.summary.rejects_path == tmp_path / "old.rejects.csv"
    assert dialog.summary.rejects_path.exists()
    assert "Imported 28" in dialog.message.text()
    assert str(dialog.summary.rejects_path) in dialog.message.text()
    assert dialog.message.objectName() != "error"
    assert dialog.message.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert search_participants(ctx, ParticipantQuery(rows[0]["Surname"])).total >= 1


def test_refused_rows_go_where_chosen(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                      unlocked: MainWindow, tmp_path: Path) -> None:
    csv_path, mapping_path, rows = _files(tmp_path, 10)
    rows[2]["DOB"] = "31/02/1990"
    write_csv(csv_path, rows, HEADERS)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    dialog = _dialog(unlocked, csv_path, mapping_path)
    dialog.rejects.setText(str(elsewhere / "refused.csv"))
    _preview(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    assert dialog.summary is not None
    assert dialog.summary.rejects_path == elsewhere / "refused.csv"
    assert (elsewhere / "refused.csv").exists() and not (tmp_path / "old.rejects.csv").exists()


def test_a_file_that_cannot_be_imported_clears_the_preview(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                           unlocked: MainWindow,
                                                           tmp_path: Path) -> None:
    csv_path, mapping_path, _ = _files(tmp_path, 5)
    dialog = _dialog(unlocked, csv_path, mapping_path)
    _preview(qtbot, dialog)
    assert dialog.table.rowCount() == 5 and dialog.import_button.isEnabled()

    missing = tmp_path / "missing.csv"
    dialog.file.setText(str(missing))
    _preview(qtbot, dialog)
    assert dialog.message.text() == f"There is no file {missing}."
    assert dialog.message.objectName() == "error"
    assert dialog.table.rowCount() == 0 and dialog.table.columnCount() == 0
    assert not dialog.import_button.isEnabled()

    dialog.file.setText(str(tmp_path))
    _preview(qtbot, dialog)
    assert dialog.message.text() == f"{tmp_path} is a folder; choose a file to import."
    assert not dialog.import_button.isEnabled()

    header_only = tmp_path / "header.csv"
    header_only.write_text(",".join(HEADERS) + "\n", encoding="utf-8")
    dialog.file.setText(str(header_only))
    _preview(qtbot, dialog)
    assert dialog.message.text() == ("header.csv has a header line but no data rows: there is "
                                     "nothing to import.")
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()

    dialog.file.setText(str(csv_path))
    dialog.mapping.clear()  # the headers are not field names: no family name column
    _preview(qtbot, dialog)
    assert dialog.message.text().startswith("Family name (column mapping): is required")
    assert not dialog.import_button.isEnabled()


def test_closing_during_an_import_asks_and_waits_for_it_to_stop(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                                unlocked: MainWindow,
                                                                tmp_path: Path) -> None:
    csv_path, mapping_path, _ = _files(tmp_path, 1500)
    dialog = _dialog(unlocked, csv_path, mapping_path)
    _preview(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.op is not None

    # Esc while it runs: a question, and the dialog stays. "Keep importing" keeps it.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.stop_question is not None
    question = dialog.stop_question
    qtbot.waitUntil(question.isVisible, timeout=5_000)
    qtbot.mouseClick(dialog.stop_no, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()

    # If the import is still running, ask again and stop it; either way the dialog closes
    # only once no import runs.
    if dialog.op is not None:
        dialog.reject()
        qtbot.waitUntil(lambda: dialog.stop_question is not None, timeout=5_000)
        qtbot.mouseClick(dialog.stop_yes, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
        assert dialog.op is None and dialog.summary is not None
    else:
        dialog.reject()
        assert not dialog.isVisible()


def test_stop_then_resume(qtbot, ctx: ServiceContext, unlocked: MainWindow,  # type: ignore[no-untyped-def]
                          tmp_path: Path) -> None:
    csv_path, mapping_path, _ = _files(tmp_path, 1000)
    dialog = _dialog(unlocked, csv_path, mapping_path)
    _preview(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    # Stopped (or finished first): Import is available again without a new preview.
    assert dialog.import_button.isEnabled()
    first = dialog.summary
    assert first is not None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.op is None, timeout=30_000)
    second = dialog.summary
    assert second is not None
    assert not second.cancelled
    assert first.imported + second.imported == 1000


def test_import_messages_in_french(qtbot, ctx: ServiceContext, unlocked: MainWindow,  # type: ignore[no-untyped-def]
                                   tmp_path: Path) -> None:
    csv_path, mapping_path, rows = _files(tmp_path, 5)
    rows[1]["DOB"] = "1990-02-03"
    write_csv(csv_path, rows, HEADERS)
    assert install_language("fr")
    try:
        dialog = ImportDialog(ctx, unlocked)
        qtbot.addWidget(dialog)
        dialog.file.setText(str(csv_path))
        dialog.mapping.setText(str(mapping_path))
        _preview(qtbot, dialog)
        assert cell(dialog.table, 1, 1).text() == \
            "Date de naissance : ne correspond pas au format de date %d/%m/%Y"
        dialog.mapping.clear()
        _preview(qtbot, dialog)
        assert dialog.message.text().startswith(
            "Nom de famille (correspondance des colonnes) : est obligatoire")
        empty = tmp_path / "vide.csv"
        empty.write_text("\n", encoding="utf-8")
        dialog.file.setText(str(empty))
        _preview(qtbot, dialog)
        assert dialog.message.text() == "vide.csv est vide : il n'y a rien à importer."
    finally:
        install_language("en")


def test_tab_leaves_the_preview_table(qtbot, ctx: ServiceContext, unlocked: MainWindow,  # type: ignore[no-untyped-def]
                                      tmp_path: Path) -> None:
    csv_path, mapping_path, _ = _files(tmp_path, 5)
    dialog = _dialog(unlocked, csv_path, mapping_path)
    _preview(qtbot, dialog)
    dialog.activateWindow()
    dialog.table.setCurrentCell(0, 0)
    dialog.table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(dialog.table.hasFocus, timeout=5_000)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert not dialog.table.hasFocus()
    assert dialog.table.currentColumn() == 0


def test_enter_in_a_field_previews(qtbot, ctx: ServiceContext, unlocked: MainWindow,  # type: ignore[no-untyped-def]
                                   tmp_path: Path, monkeypatch) -> None:
    csv_path, mapping_path, _ = _files(tmp_path, 5)
    choosers: list[object] = []

    def choose_nothing(*a: object, **k: object) -> tuple[str, str]:
        choosers.append(a)
        return ("", "")

    monkeypatch.setattr(import_dialog.QFileDialog, "getOpenFileName", choose_nothing)
    dialog = _dialog(unlocked, csv_path, mapping_path)
    dialog.activateWindow()
    for field in (dialog.file, dialog.mapping):
        dialog.table.setRowCount(0)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.waitUntil(field.hasFocus, timeout=5_000)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=10_000)
        assert not choosers  # no file chooser opened
        assert dialog.import_button.isEnabled()
    # Enter again previews again; it does not start the import.
    dialog.table.setRowCount(0)
    qtbot.keyClick(dialog.file, Qt.Key.Key_Return)
    assert dialog.op is None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=10_000)
    assert dialog.op is None and dialog.summary is None


def test_a_preview_of_a_file_no_longer_chosen_is_dropped(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                         unlocked: MainWindow, tmp_path: Path,
                                                         monkeypatch) -> None:
    csv_path, mapping_path, _ = _files(tmp_path, 5)
    gate = threading.Event()
    real_preview = import_dialog.preview

    def held_preview(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(10)  # the real preview, finishing only once the test lets it
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "preview", held_preview)
    dialog = _dialog(unlocked, csv_path, mapping_path)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Reading the file..."
    other = tmp_path / "never-previewed.csv"
    dialog.file.setText(str(other))  # changed while the preview of old.csv runs
    assert not dialog.import_button.isEnabled()
    assert dialog.message.text() == ""
    gate.set()
    qtbot.waitUntil(lambda: not background_work_running(), timeout=10_000)
    # old.csv's rows arrived, and were dropped: nothing shown, nothing to import.
    assert not dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 0 and dialog.message.text() == ""

    dialog.mapping.clear()  # and a change of mapping alone disables Import too
    dialog.file.setText(str(csv_path))
    dialog.mapping.setText(str(mapping_path))
    _preview(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    dialog.mapping.setText(str(mapping_path) + " ")
    assert not dialog.import_button.isEnabled()
