"""First run, unlock (wrong then right), lock and unlock with an unsaved form intact, and
forms and documents hidden while locked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config import StorePaths
from app.services.context import ServiceContext
from app.services.participants import create_participant
from app.ui.main_window import MainWindow
from app.ui.participant_file import DocumentViewer
from app.ui.record_dialogs import CheckInDialog
from tests.conftest import PASSPHRASE
from tests.ui.helpers import click_open, open_file


def test_first_run_creates_the_store(qtbot, window: MainWindow, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    screen = window.first_run
    assert window.stack.currentWidget() is screen
    screen.office.setText("Vancouver")
    screen.worker.setText("Ana Lee")
    qtbot.keyClicks(screen.passphrase, "short")
    assert screen.strength_text.text() == "Too short"
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert "12 characters" in screen.error.text()
    screen.passphrase.setText(PASSPHRASE)
    screen.again.setText(PASSPHRASE + "x")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert "differ" in screen.error.text()
    screen.again.setText(PASSPHRASE)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert StorePaths(store_dir).exists()
    assert window.stack.currentWidget() is window.workspace
    assert screen.passphrase.text() == ""


def test_unlock_wrong_then_right(qtbot, ctx, store_dir: Path, settings) -> None:  # type: ignore[no-untyped-def]
    create_participant(ctx, {"family_name": "Unlockme"})
    ctx.store.lock()
    from tests.conftest import FAST_KDF

    w = MainWindow(store_dir, settings, kdf=FAST_KDF)
    qtbot.addWidget(w)
    w.show()
    screen = w.unlock_screen
    assert w.stack.currentWidget() is screen
    qtbot.keyClicks(screen.passphrase, "wrong passphrase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not right" in screen.error.text(), timeout=10_000)
    assert screen.failures == 1 and screen.delay_after_failures() == 1
    assert not screen.unlock_button.isEnabled()  # waits before the next try
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=5_000)
    screen.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.workspace is not None, timeout=10_000)
    workspace = w.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.participants.model.rowCount() == 1, timeout=10_000)
    w.close()


def test_lock_and_unlock_keep_an_unsaved_form(qtbot, unlocked: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = unlocked
    w.intake_action.trigger()
    assert w.workspace is not None
    dialog = w.workspace.intake_dialog
    dialog.form.rows["family_name"].edit.setText("Half-Typed")
    dialog.form.rows["phone"].edit.setText("604 555")
    w.lock_action.trigger()
    assert w.ctx is not None
    assert not w.ctx.store.is_unlocked
    assert w.stack.currentWidget() is w.unlock_screen
    w.unlock_screen.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(w.unlock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.workspace, timeout=10_000)
    assert w.ctx.store.is_unlocked
    assert dialog.form.rows["family_name"].edit.text() == "Half-Typed"
    assert dialog.form.rows["phone"].edit.text() == "604 555"


def test_auto_lock_after_idle_time(qtbot, unlocked: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlocked.settings.idle_minutes = 1
    unlocked.last_activity -= 61
    unlocked._check_idle()
    assert unlocked.ctx is not None
    assert not unlocked.ctx.store.is_unlocked
    assert unlocked.stack.currentWidget() is unlocked.unlock_screen


def test_a_lock_hides_open_forms_and_gives_them_back(qtbot: QtBot, ctx: ServiceContext,
                                                     unlocked: MainWindow) -> None:
    """Forms and a document left open hold personal data: hidden while locked, shown again
    with what was typed once unlocked."""
    pid = create_participant(ctx, {"family_name": "Half-Recorded"})
    page = open_file(qtbot, unlocked, pid)
    form = click_open(qtbot, CheckInDialog, page.record_button)
    form.notes.setPlainText("Came with her daughter")
    viewer = DocumentViewer("scan.pdf", "application/pdf", b"%PDF-1.4\n%%EOF\n", unlocked)
    qtbot.addWidget(viewer)
    viewer.show()
    unlocked.lock_action.trigger()
    assert not form.isVisible() and not viewer.isVisible()
    assert unlocked.stack.currentWidget() is unlocked.unlock_screen

    unlocked.unlock_screen.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(unlocked.unlock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: unlocked.stack.currentWidget() is unlocked.workspace,
                    timeout=10_000)
    assert form.isVisible() and viewer.isVisible()
    assert form.notes.toPlainText() == "Came with her daughter"
