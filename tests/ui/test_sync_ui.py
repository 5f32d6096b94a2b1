"""Sync from the window against the real reference server: progress shows, a conflict is
resolved in the conflicts view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import participants as ps
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.conftest import FAST_KDF
from tests.sync.conftest import (  # noqa: F401  # noqa: F401
    Devices,
    RunningServer,
    devices,
    server,
    server_db_url,
    sync,
    wait_until,
)
from tests.ui.helpers import cell


def test_sync_progress_and_conflict_resolution(qtbot, devices: Devices,  # type: ignore[no-untyped-def]  # noqa: F811
                                               server: RunningServer,  # noqa: F811
                                               settings: Settings) -> None:
    a, b = devices.new("a"), devices.new("b")
    pid = ps.create_participant(a, {"family_name": "Haddad", "city": "Surrey"})
    assert sync(a).complete and sync(b).complete
    ps.update_participant(a, pid, {"city": "Richmond"})
    assert sync(a).complete
    ps.update_participant(b, pid, {"city": "Delta"})

    w = MainWindow(b.store.paths.data_dir, settings, kdf=FAST_KDF)
    qtbot.addWidget(w)
    w.show()
    w._opened(b.store, b)
    widget = w.sync_widget
    assert widget is not None
    phases: list[str] = []
    widget.op = None
    qtbot.waitUntil(widget.button.isEnabled, timeout=10_000)
    # One edit waiting (with its audit event): one change, as a person counts them.
    widget.refresh_state()
    qtbot.waitUntil(lambda: "pending changes: 1 ·" in widget.state.text(), timeout=10_000)
    original = widget._progress

    def recording_progress(phase: str, done: int, total: int) -> None:
        phases.append(phase)
        original(phase, done, total)

    widget._progress = recording_progress  # type: ignore[method-assign]
    with qtbot.waitSignal(widget.synced, timeout=30_000) as signal:
        qtbot.mouseClick(widget.button, Qt.MouseButton.LeftButton)
        assert not widget.progress.isHidden()  # shown while the sync runs
    summary = signal.args[0]
    assert summary.complete and summary.conflicts == 1
    assert "push" in phases
    assert w.workspace is not None
    page = w.workspace.conflicts
    w.workspace.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    assert [cell(page.table, 0, j).text() for j in range(5)] == \
        ["Haddad", "Participant file", "City", "Delta", "Richmond"]
    # The result was said in the status bar, and the tab counts the open conflict.
    assert w.statusBar().currentMessage().startswith(
        "Sync complete. Changes sent: 1, received: 1. 1 change conflicts with another "
        "device's.")
    tabs = w.workspace.tabs
    qtbot.waitUntil(lambda: tabs.tabText(tabs.indexOf(page)) == "Conflicts (1)",
                    timeout=10_000)
    page.table.setCurrentCell(0, 0)
    qtbot.mouseClick(page.keep_local, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10_000)
    assert tabs.tabText(tabs.indexOf(page)) == "Conflicts"
    assert sync(b).complete and sync(a).complete
    assert ps.get_participant(a, pid, record_view=False).city == "Delta"
    w.close()


def test_first_run_enrols_the_device(qtbot, tmp_path, server: RunningServer,  # type: ignore[no-untyped-def]  # noqa: F811
                                     settings: Settings) -> None:
    from app.sync import state
    from tests.conftest import PASSPHRASE

    w = MainWindow(tmp_path / "fresh", settings, kdf=FAST_KDF)
    qtbot.addWidget(w)
    w.show()
    screen = w.first_run
    screen.office.setText("Vancouver")
    screen.passphrase.setText(PASSPHRASE)
    screen.again.setText(PASSPHRASE)
    screen.server.setText(server.url)
    screen.code.setText(server.enrol_code())
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.workspace is not None, timeout=15_000)
    assert w.ctx is not None
    assert state.read(w.ctx.store, state.SERVER_URL) == server.url
    assert state.read(w.ctx.store, state.DEVICE_ID)
    assert screen.enrol_note.text() == ""
    w.close()
