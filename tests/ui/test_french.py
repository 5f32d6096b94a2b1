"""French: every string of the UI has a translation, and walking every main screen in
French finds no English left (names of people and numbers aside)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from app.services.agreements import create_agreement
from app.services.context import ServiceContext
from app.services.participant_status import change_status
from app.services.participants import create_participant
from app.ui.agreement_dialog import AgreementDialog
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.record_dialogs import CheckInDialog, ReferralDialog
from app.ui.settings import Settings
from tests.conftest import FAST_KDF

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = json.loads((ROOT / "resources/translations/fr.json").read_text(encoding="utf-8"))
ENGLISH_ONLY = {en for en, fr in CATALOGUE.items() if en != fr}


def _update_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations",
                                                  ROOT / "scripts/update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_has_french() -> None:
    strings = _update_module().ui_strings()
    assert len(strings) > 150
    assert [s for s in strings if s not in CATALOGUE] == []
    assert (ROOT / "resources/translations/ccms_fr.qm").stat().st_mtime >= \
        (ROOT / "resources/translations/fr.json").stat().st_mtime - 1


def test_french_puts_a_space_before_two_part_punctuation() -> None:
    """"qui est cette personne ?", "a ; b", "fermer ?" (as the catalogue's colons do)."""
    assert [f for f in CATALOGUE.values() if re.search(r"[^\s][?!;]", f)] == []


def texts(root: QWidget) -> list[str]:
    out: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            out += [str(m.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation
                                     .Horizontal)) for c in range(m.columnCount())]
        out.append(w.accessibleName())
    return [t for t in out if t]


def english_left(root: QWidget) -> list[str]:
    return sorted({t for t in texts(root) if t.replace("&", "") in ENGLISH_ONLY
                   or t in ENGLISH_ONLY})


def test_french_everywhere(qtbot, ctx: ServiceContext, store_dir: Path,  # type: ignore[no-untyped-def]
                           settings: Settings) -> None:
    pid = create_participant(ctx, {"family_name": "Diallo", "given_names": "Aminata"})
    for status in ("assessed", "accepted", "active"):
        change_status(ctx, pid, status)
    create_agreement(ctx, pid, {"effective_on": "2026-03-02", "reporting_frequency": "weekly",
                                "reporting_mode": "in_person"})
    assert install_language("fr")
    try:
        w = MainWindow(store_dir, settings, kdf=FAST_KDF)
        qtbot.addWidget(w)
        w.show()
        assert english_left(w.unlock_screen) == []
        assert english_left(w.first_run) == []
        w._opened(ctx.store, ctx)
        ws = w.workspace
        assert ws is not None
        qtbot.waitUntil(lambda: ws.participants.model.rowCount() == 1, timeout=10_000)
        ws.dashboard.refresh()
        qtbot.waitUntil(lambda: ws.dashboard.lists["today"].count() > 0, timeout=10_000)
        ws.open_participant(pid)
        qtbot.waitUntil(lambda: ws.file is not None and ws.file.agreement.list.count() == 1,
                        timeout=10_000)
        assert ws.file is not None and w.sync_widget is not None
        screens: list[QWidget] = [w, ws.dashboard, ws.participants, ws.file, ws.conflicts,
                                  w.sync_widget]
        w.intake_action.trigger()
        screens.append(ws.intake_dialog)
        screens += [CheckInDialog(ctx, pid, None, "", w), ReferralDialog(ctx, pid, w),
                    AgreementDialog(ctx, pid, None, w)]
        menus = [a.text() for a in w.menuBar().actions()]
        for screen in screens:
            assert english_left(screen) == [], type(screen).__name__
        assert "&Fichier" in menus and "&Langue" in menus
        assert ws.tabs.tabText(0) == "Tableau de bord"
        header, model = ws.participants.table.horizontalHeader(), ws.participants.model
        for column in range(1, model.columnCount()):  # no French title cut short
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            assert header.sectionSize(column) > header.fontMetrics().horizontalAdvance(
                title), title
    finally:
        install_language("en")


def test_field_problems_are_joined_the_french_way(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.error_words import field_errors
    errors = {"family_name": "is required", "date_of_birth": "is not a real date"}
    assert field_errors(errors).count("; ") == 1
    assert install_language("fr")
    try:
        words = field_errors(errors)
        assert " ; " in words and words.count(" : ") == 2
    finally:
        install_language("en")


def test_needs_with_notes_are_joined_the_french_way(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.value_words import value_words
    needs = {"housing": "shelter until May", "employment": ""}
    assert value_words("needs", needs) == "housing: shelter until May; employment"
    assert install_language("fr")
    try:
        words = value_words("needs", needs)
        assert words.count(" ; ") == 1 and words.count(" : ") == 1
    finally:
        install_language("en")
