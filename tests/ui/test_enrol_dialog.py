"""Settings > Connect to the office server: a store made offline is enrolled later, against
the real reference server; missing fields and a wrong code are said, and nothing changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.context import ServiceContext
from app.sync import state
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.sync.conftest import RunningServer, server, server_db_url  # noqa: F401
from tests.ui.helpers import dialog_save


def test_a_store_made_offline_is_enrolled_later(qtbot: QtBot, ctx: ServiceContext,
                                                unlocked: MainWindow,
                                                server: RunningServer) -> None:  # noqa: F811
    widget = unlocked.sync_widget
    assert widget is not None
    qtbot.waitUntil(lambda: "not enrolled" in widget.state.text(),
                    timeout=10_000)
    unlocked.enrol_action.trigger()
    dialog = unlocked.enrol_dialog
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)

    ok.click()
    assert dialog.error.text() == "Server address: is required; Enrolment code: is required"
    dialog.server.setText(server.url)
    dialog.code.setText("not-a-code")
    dialog.error.clear()
    ok.click()
    qtbot.waitUntil(lambda: dialog.error.text() != "" and ok.isEnabled(), timeout=15_000)
    assert dialog.error.text() == ("The server refused this enrolment code: it may be "
                                   "mistyped, used already or expired. Ask your supervisor "
                                   "for a new one.")
    assert state.read(ctx.store, state.SERVER_URL) is None  # refused: nothing kept

    dialog.code.setText(server.enrol_code())
    dialog_save(qtbot, dialog)
    assert state.read(ctx.store, state.SERVER_URL) == server.url
    assert state.read(ctx.store, state.DEVICE_ID)
    qtbot.waitUntil(lambda: "not enrolled" not in widget.state.text(), timeout=10_000)
    assert widget.button.isEnabled()  # Sync now can run


def test_a_refused_code_at_first_run_is_said_and_the_store_stands(
        qtbot: QtBot, tmp_path: Path, settings: Settings,
        server: RunningServer) -> None:  # noqa: F811
    window = MainWindow(tmp_path / "fresh", settings, kdf=FAST_KDF)
    qtbot.addWidget(window)
    window.show()
    screen = window.first_run
    screen.office.setText("Vancouver")
    screen.passphrase.setText(PASSPHRASE)
    screen.again.setText(PASSPHRASE)
    screen.server.setText(server.url)
    screen.code.setText("not-a-code")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15_000)
    assert screen.enrol_note.text() == (
        "The device could not be enrolled: The server refused this enrolment code: it may be "
        "mistyped, used already or expired. Ask your supervisor for a new one.")
    window.close()
