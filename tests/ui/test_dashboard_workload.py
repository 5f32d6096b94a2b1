"""The supervisor's view of workload on the dashboard: open files per caseworker, and Enter on
a caseworker lists their files; the list names each file's caseworker and sorts by them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.models import Caseworker
from app.services.caseworkers import list_caseworkers
from app.services.context import ServiceContext
from app.services.participant_status import change_status
from app.services.participants import create_participant, update_participant
from app.services.recorder import recording
from app.ui.main_window import MainWindow


def test_open_files_per_caseworker_and_their_list(qtbot: QtBot, ctx: ServiceContext,
                                                  unlocked: MainWindow) -> None:
    [worker] = list_caseworkers(ctx)
    for name in ("Amadou", "Bintou", "Chidi"):
        create_participant(ctx, {"family_name": name, "caseworker_id": worker.id})
    closed = create_participant(ctx, {"family_name": "Closed-Too",
                                      "caseworker_id": worker.id})
    change_status(ctx, closed, "closed", "transferred")
    unassigned = create_participant(ctx, {"family_name": "Unassigned"})
    update_participant(ctx, unassigned, {"caseworker_id": None})  # intake assigns its maker
    workspace = unlocked.workspace
    assert workspace is not None
    board = workspace.dashboard
    board.refresh()
    lines = board.workload
    qtbot.waitUntil(lambda: lines.count() == 2, timeout=10_000)
    assert [lines.item(i).text() for i in range(2)] == ["Test Worker: 3", "no caseworker: 1"]

    workspace.tabs.setCurrentWidget(board)
    lines.setCurrentRow(0)
    qtbot.keyClick(lines, Qt.Key.Key_Return)
    page = workspace.participants
    assert workspace.tabs.currentWidget() is workspace.list_stack
    assert workspace.list_stack.currentWidget() is page
    assert page.caseworker.currentData() == worker.id
    # Their open files, as the workload counts them (not the closed one).
    assert page.status.currentText() == "Open files (not refused or closed)"
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    assert sorted(page.model.rows[i].family_name for i in range(3)) == [
        "Amadou", "Bintou", "Chidi"]


def test_the_list_shows_each_files_caseworker_and_sorts_by_it(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    with recording(ctx) as rec:
        amira = rec.create(Caseworker(name="Amira Haddad")).id
    for name in ("Zulu", "Bravo"):
        create_participant(ctx, {"family_name": name})  # the actor's: Test Worker
    create_participant(ctx, {"family_name": "Yankee", "caseworker_id": amira})
    workspace = unlocked.workspace
    assert workspace is not None
    page = workspace.participants
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    column = next(c for c in range(page.model.columnCount()) if page.model.headerData(
        c, Qt.Orientation.Horizontal) == "Caseworker")

    def shown() -> list[tuple[str, str]]:
        return [(page.model.index(r, 0).data(), page.model.index(r, column).data())
                for r in range(page.model.rowCount())]

    assert shown() == [("Bravo", "Test Worker"), ("Yankee", "Amira Haddad"),
                       ("Zulu", "Test Worker")]  # by name, to start
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 5, 5))
    qtbot.waitUntil(lambda: shown() == [("Yankee", "Amira Haddad"), ("Bravo", "Test Worker"),
                                        ("Zulu", "Test Worker")], timeout=10_000)


def test_the_list_filters_by_a_risk_or_a_vulnerability_flag(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    create_participant(ctx, {"family_name": "Asante", "risk_flags": ["absconding_history"]})
    create_participant(ctx, {"family_name": "Bekele",
                             "vulnerability_flags": ["mental_health"]})
    workspace = unlocked.workspace
    assert workspace is not None
    page = workspace.participants
    page.start()
    qtbot.waitUntil(lambda: page.flag.count() == 3, timeout=10_000)
    assert [page.flag.itemText(i) for i in range(3)] == [
        "Any flags", "risk: history of absconding", "vulnerability: mental health"]
    page.flag.setCurrentIndex(2)
    qtbot.waitUntil(lambda: [r.family_name for r in page.model.rows] == ["Bekele"],
                    timeout=10_000)
    page.flag.setCurrentIndex(1)
    qtbot.waitUntil(lambda: [r.family_name for r in page.model.rows] == ["Asante"],
                    timeout=10_000)
