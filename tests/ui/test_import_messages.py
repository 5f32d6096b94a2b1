"""The import's messages in French: each one is made by the service itself (a real file, a
real mapping, a real store), then put into words as the app shows it (app/ui/message_words);
a message no shape matches would stay in English and fail here."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.errors import CCMSError
from app.services.context import ServiceContext
from app.services.import_check import preview
from app.services.importing import run_import
from app.ui.error_words import describe, field_errors
from app.ui.i18n import install_language
from app.ui.import_dialog import ImportDialog
from app.ui.main_window import MainWindow
from tests.caseload_csv import HEADERS, MAPPING, people, write_csv
from tests.import_hold import WAIT, first_two_batches, other_thread_held
from tests.services.test_import_concurrent import caseload
from tests.ui.helpers import cell


@pytest.fixture
def french(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    assert install_language("fr")
    yield
    install_language("en")


def _two_exports(tmp_path: Path) -> tuple[Path, Path]:
    """Two old-system exports that give the same references to different people."""
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    write_csv(first, people(6, seed=1), HEADERS)
    write_csv(second, people(6, seed=2), HEADERS)
    return first, second


def test_a_reference_of_another_file_in_french(ctx: ServiceContext, tmp_path: Path,
                                               french: None) -> None:
    first, second = _two_exports(tmp_path)
    run_import(ctx, first, MAPPING, on_duplicate="create")
    assert field_errors(preview(second, MAPPING, 1, ctx).rows[0].errors) == (
        "Référence dans l'ancien système : appartient déjà à un autre dossier de la base, "
        "dont les données diffèrent ; ligne non importée")


def test_the_dialog_shows_the_rows_a_taken_reference_refuses(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow, tmp_path: Path) -> None:
    first, second = _two_exports(tmp_path)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    run_import(ctx, first, MAPPING, on_duplicate="create")
    dialog = ImportDialog(ctx, unlocked)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(second))
    dialog.mapping.setText(str(mapping))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 6, timeout=10_000)
    assert {cell(dialog.table, i, 1).text() for i in range(6)} == {
        "Reference in the old system: already belongs to another file in the store, with "
        "other details; not imported"}
    assert "6 of the first 6 rows have problems" in dialog.message.text()


def _preview_message(qtbot, dialog: ImportDialog) -> str:  # type: ignore[no-untyped-def]
    dialog.message.clear()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() not in ("", "Reading the file...",
                                                          "Lecture du fichier..."),
                    timeout=10_000)
    return dialog.message.text()


@pytest.mark.parametrize("language, expected", [
    ("en", "Columns of the file: not field names, so their data would be left out: "
     "'date_of_brith' (did you mean date_of_birth?), 'Notes'. Rename each to a field name, "
     "or choose a mapping file that names the columns to import. Nothing was imported."),
    ("fr", "Colonnes du fichier : ce ne sont pas des noms de champs, leurs données seraient "
     "donc laissées de côté : 'date_of_brith' (vouliez-vous dire date_of_birth ?), 'Notes'. "
     "Renommez chacune d'après un nom de champ, ou choisissez un fichier de correspondance "
     "qui nomme les colonnes à importer. Rien n'a été importé."),
])
def test_the_dialog_refuses_a_column_that_is_no_field(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow, tmp_path: Path,
        language: str, expected: str) -> None:
    f = tmp_path / "typo.csv"
    f.write_text("family_name,date_of_brith,Notes\nTestperson,1980-01-02,x\n", "utf-8")
    assert install_language(language)
    try:
        dialog = ImportDialog(ctx, unlocked)
        qtbot.addWidget(dialog)
        dialog.file.setText(str(f))
        assert _preview_message(qtbot, dialog) == expected
        assert dialog.message.objectName() == "error" and not dialog.import_button.isEnabled()
    finally:
        install_language("en")


def _said(call: Callable[[], object]) -> str:
    """The words the app shows for what the call raises."""
    with pytest.raises(CCMSError) as raised:
        call()
    return describe(raised.value)


DOB = "Date de naissance (correspondance des colonnes) : "


@pytest.mark.parametrize("text, expected", [
    ('{"family_name": ' + "[" * 5000 + "]" * 5000 + "}",
     "Nom de famille (correspondance des colonnes) : est imbriqué sur plus de 16 niveaux ; "
     'la valeur d\'un champ est un nom de colonne, null ou {"column": ..., "format": ...}'),
    (r'{"family_name": "Surname", "date_of_birth": {"column": "DOB", "format": "%Y\ud800"}}',
     DOB + "le format contient un caractère de contrôle ou un caractère de substitution "
     r"isolé (comme \ud800), ce qu'aucune date ne contient"),
    ('{"family_name": "Surname", "date_of_birth": {"column": "DOB", "format": "%d%m%Y%"}}',
     DOB + "le format se termine par un % seul ; écrivez %% pour un signe de pourcentage"),
    ('{"family_name": "Surname", "date_of_birth": {"column": "DOB", "format": ""}}',
     DOB + "le format est vide ; indiquez-en un comme %d/%m/%Y, ou retirez-le pour "
     "AAAA-MM-JJ"),
    ('{"family_name": "Surname", "date_of_birth": {"column": "DOB", "format": "'
     + "%d/%m/%Y" * 6 + '"}}', DOB + "le format est trop long (40 caractères au plus)"),
    ('{"family_name": "Surname", "date_of_birth": {"format": "%Y"}}',
     DOB + 'ne nomme aucune colonne : écrivez {"column": "...", "format": "..."}, ou null si '
     "le fichier n'a pas ce champ"),
    ('{"family_name": "' + "x" * (1 << 20) + '"}',
     "Fichier de correspondance : dépasse 1024 Ko, bien plus que ne contient une "
     "correspondance ; choisissez le fichier JSON de la correspondance"),
])
def test_mapping_refusals_in_french(tmp_path: Path, french: None, text: str,
                                    expected: str) -> None:
    data = tmp_path / "old.csv"
    data.write_text("Surname,DOB\nTestperson,1980\n", "utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(text, "utf-8")
    assert _said(lambda: preview(data, mapping, 1)) == expected


def test_a_mapping_that_is_no_regular_file_in_french(tmp_path: Path, french: None) -> None:
    data = tmp_path / "old.csv"
    data.write_text("family_name\nTestperson\n", "utf-8")
    assert _said(lambda: preview(data, Path("/dev/null"), 1)) == (
        "Le fichier de correspondance /dev/null n'est pas un fichier ordinaire (un tube ou un "
        "périphérique) ; choisissez le fichier JSON.")


def test_the_dialog_says_another_import_took_rows_in_french(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, french: None) -> None:
    f = caseload(tmp_path)
    dialog = ImportDialog(ctx, unlocked)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(f))
    dialog.on_duplicate.setCurrentIndex(dialog.on_duplicate.findData("create"))
    _preview_message(qtbot, dialog)
    with other_thread_held(monkeypatch) as held:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert held["waiting"].wait(WAIT), "the dialog's import never reached its batch"
        assert first_two_batches(ctx, f).imported == 20
        held["go"].set()
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT * 1000)
    assert dialog.summary is not None
    assert dialog.summary.imported_meanwhile == 20
    assert dialog.message.text().endswith(
        "Une autre importation de ce fichier s'est faite en même temps et en a importé 20 "
        "lignes ; elles sont comptées comme déjà importées, aucune n'a été importée deux "
        "fois.")


@pytest.mark.parametrize("content, expected", [
    (b"family_name,given_names\nNguy\xe1\xbb\x85n,Mar\xc3\xada\nCaf\xe9,Ann\n",
     "people.csv : ligne 3, colonne 4 : un octet n'est pas de l'UTF-8, alors que le reste du "
     "fichier l'est : le fichier mélange les encodages, et des noms seraient enregistrés "
     "déformés. Corrigez ce caractère (ou enregistrez de nouveau le fichier en CSV UTF-8) et "
     "importez de nouveau. Rien n'a été importé."),
    (b"family_name\nAb\x81x\n",
     "people.csv : ligne 2, colonne 3 : un octet n'est ni du texte UTF-8 ni du texte "
     "Windows-1252. Enregistrez le fichier en CSV UTF-8 et importez de nouveau. Rien n'a été "
     "importé."),
    ("family_name\nNguyen\n".encode("utf-16"),
     "people.csv est du texte UTF-16, qu'une importation ne lit pas. Enregistrez-le de "
     "nouveau en CSV UTF-8 (dans Excel : Enregistrer sous, « CSV UTF-8 »). Rien n'a été "
     "importé."),
    (b"family_name\nNguyen\x00\n",
     "people.csv : la ligne 2 contient un octet NUL, ce que du texte ne contient jamais (un "
     "classeur ou un autre fichier binaire ? Enregistrez-le en CSV). Rien n'a été importé."),
])
def test_files_that_are_not_utf8_text_in_french(tmp_path: Path, french: None, content: bytes,
                                                expected: str) -> None:
    f = tmp_path / "people.csv"
    f.write_bytes(content)
    assert _said(lambda: preview(f, None, 1)) == expected


def test_a_fifo_to_import_in_french(tmp_path: Path, french: None) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert _said(lambda: preview(fifo, None, 1)) == (
        f"{fifo} n'est pas un fichier ordinaire (un tube ou un périphérique) ; choisissez le "
        "fichier CSV à importer.")
