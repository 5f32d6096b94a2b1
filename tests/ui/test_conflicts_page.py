"""The Conflicts tab in words: whose file (the live file after a merge), the field's label,
a change the server refused with its reason; dismissing a refusal; opening the file; the
count on the tab; a sync's result in the status bar; the state before the first probe."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from app.models import Conflict
from app.services import participants as ps
from app.services.conflicts import list_conflicts
from app.services.context import ServiceContext
from app.services.participant_merge import merge_participants, plan_merge
from app.sync.runner import SyncSummary
from app.ui.conflicts_page import refusal_reason, refused_summary
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.sync_widget import sync_result_words


def _merged_pair(ctx: ServiceContext) -> tuple[str, str]:
    kept = ps.create_participant(ctx, {"family_name": "Testperson", "given_names": "Amani",
                                       "date_of_birth": "1984-05-06", "phone": "604 555 0101"})
    absorbed = ps.create_participant(ctx, {"family_name": "Testperson",
                                           "given_names": "Amani J.",
                                           "date_of_birth": "1984-05-06"})
    choices = {d.field: "kept" for d in plan_merge(ctx, kept, absorbed).differences}
    merge_participants(ctx, kept, absorbed, choices)
    return kept, absorbed


def _add_conflicts(ctx: ServiceContext, absorbed: str) -> None:
    """As a sync leaves them: a field conflict on the merged-away file, and a refused
    change (field "*": the change as sent, and the server's reason)."""
    with ctx.store.transaction() as session:
        session.add(Conflict(entity="participant", record_id=absorbed, participant_id=absorbed,
                             field="phone", base_value="250 555 0199",
                             local_value="778 555 0123", server_value="604 555 0101",
                             server_version=3))
        session.add(Conflict(entity="participant", record_id=absorbed, participant_id=absorbed,
                             field="*", base_value=None,
                             local_value={"phone": {"old": "250 555 0199",
                                                    "new": "778 555 0123"},
                                          "city": {"old": None, "new": "Surrey"}},
                             server_value="the record does not exist on the server"))


def _rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(i, j).text() for j in range(table.columnCount())]
            for i in range(table.rowCount())]


def test_rows_name_the_person_the_field_and_the_refusal(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                        unlocked: MainWindow) -> None:
    kept, absorbed = _merged_pair(ctx)
    _add_conflicts(ctx, absorbed)
    ws = unlocked.workspace
    assert ws is not None
    page = ws.conflicts
    ws.tabs.setCurrentWidget(page)  # showing the tab refreshes it
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    assert _rows(page.table) == [
        ["Testperson, Amani", "Participant file", "Phone", "778 555 0123", "604 555 0101"],
        ["Testperson, Amani", "Participant file", "Refused by the server",
         "Changes to: Phone, City", "the server does not have this record"]]
    index = ws.tabs.indexOf(page)
    qtbot.waitUntil(lambda: ws.tabs.tabText(index) == "Conflicts (2)", timeout=10_000)

    page.table.setCurrentCell(0, 0)  # a field conflict: the two keep buttons
    assert not page.keep_local.isHidden() and page.dismiss.isHidden()
    page.table.setCurrentCell(1, 0)  # a refusal: only Dismiss
    assert page.keep_local.isHidden() and page.keep_server.isHidden()
    assert not page.dismiss.isHidden()
    qtbot.mouseClick(page.dismiss, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    assert [c.field for c in list_conflicts(ctx)] == ["phone"]
    qtbot.waitUntil(lambda: ws.tabs.tabText(index) == "Conflicts (1)", timeout=10_000)

    # Double-click opens the live file (the one the merged-away file went into).
    rect = page.table.visualItemRect(page.table.item(0, 0))
    # (As a real double-click: a press and release, then the second press.)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: ws.file is not None and ws.file.pid == kept, timeout=10_000)
    assert ws.list_stack.currentWidget() is ws.file


def test_rows_in_french(qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _, absorbed = _merged_pair(ctx)
    _add_conflicts(ctx, absorbed)
    assert install_language("fr")
    try:
        ws = unlocked.workspace
        assert ws is not None
        page = ws.conflicts
        page.refresh()
        qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
        assert _rows(page.table)[1] == [
            "Testperson, Amani", "Dossier du participant", "Refusé par le serveur",
            "Modifications de : Téléphone, Ville",
            "le serveur n'a pas cet enregistrement"]
        assert _rows(page.table)[0][2] == "Téléphone"
    finally:
        install_language("en")


def test_refusal_words() -> None:
    assert refusal_reason("office_id cannot change") == "a record cannot move to another office"
    assert refusal_reason("a reason from a newer server") == "a reason from a newer server"
    assert refused_summary({"merged_into_id": {"old": None, "new": "x"},
                            "deleted": {"old": False, "new": True}}) == \
        "Merging this file into another file"
    assert refused_summary({"deleted": {"old": False, "new": True}}) == "Deleting this record"


def test_sync_result_in_the_status_bar(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                       unlocked: MainWindow) -> None:
    summary = SyncSummary(True, pushed=3, pulled=5, conflicts=1, rejected=2)
    assert unlocked.sync_widget is not None
    unlocked.sync_widget.synced.emit(summary)
    message = unlocked.statusBar().currentMessage()
    assert message == ("Sync complete. Changes sent: 3, received: 5. 1 change conflicts with "
                       "another device's. 2 changes were refused by the server. See the "
                       "Conflicts tab.")
    assert sync_result_words(SyncSummary(True, 0, 0)) == \
        "Sync complete. Changes sent: 0, received: 0."
    assert sync_result_words(SyncSummary(False, error="timed out")).startswith(
        "Sync did not complete")


def test_connection_not_checked_before_the_first_probe(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                       unlocked: MainWindow) -> None:
    from app.ui.sync_widget import SyncStatusWidget

    widget = SyncStatusWidget(ctx)
    qtbot.addWidget(widget)
    shown: list[Any] = []
    widget._show_state = lambda v: (shown.append(v),  # type: ignore[method-assign]
                                    SyncStatusWidget._show_state(widget, v))
    widget.refresh_state()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert widget.online is None
    # This store is not enrolled: the probe's state is "not enrolled"; enrolled, it is
    # "connection not checked yet" until a probe answers.
    pending, last, error, _ = shown[0]
    SyncStatusWidget._show_state(widget, (pending, last, error, "http://127.0.0.1:9"))
    assert widget.state.text().startswith("connection not checked yet")
    widget.online = False
    SyncStatusWidget._show_state(widget, (pending, last, error, "http://127.0.0.1:9"))
    assert widget.state.text().startswith("offline")
