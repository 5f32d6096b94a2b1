"""The Conflicts tab in words: whose file (the live file after a merge), the field's label
and its values in words for every kind of record, a change the server refused with its
reason; dismissing a refusal; opening the file; the count on the tab; a sync's result in the
status bar; the state before the first probe."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from app.models import Conflict
from app.services import participants as ps
from app.services.conflicts import list_conflicts
from app.services.context import ServiceContext
from app.services.participant_merge import merge_participants, plan_merge
from app.services.referrals import make_referral
from app.sync.runner import SyncSummary
from app.sync.wire import ENTITY_FIELDS, ENUMS
from app.ui.conflicts_page import refusal_reason, refused_summary
from app.ui.field_labels import field_label
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.sync_widget import sync_result_words
from app.ui.value_words import enum_words, value_words
from tests.ui.helpers import cell

CATALOGUE = json.loads((Path(__file__).resolve().parents[2] /
                        "resources/translations/fr.json").read_text(encoding="utf-8"))


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
    return [[cell(table, i, j).text() for j in range(table.columnCount())]
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
    rect = page.table.visualItemRect(cell(page.table, 0, 0))
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
    # Ten operations out, five changes and their audit events; eleven in.
    summary = SyncSummary(True, pushed=10, pulled=11, conflicts=1, rejected=2,
                          records_sent=3, records_received=5)
    assert unlocked.sync_widget is not None
    unlocked.sync_widget.synced.emit(summary)
    message = unlocked.statusBar().currentMessage()
    assert message == ("Sync complete. Changes sent: 3, received: 5. 1 change conflicts with "
                       "another device's. 2 changes were refused by the server. See the "
                       "Conflicts tab.")
    assert sync_result_words(SyncSummary(True, 0, 0)) == \
        "Sync complete. Changes sent: 0, received: 0."
    # A merge that lost to the same files merged the other way: no refusal, still said.
    assert sync_result_words(SyncSummary(True, 8, 4, withdrawn=3, records_sent=4,
                                         records_received=2)) == (
        "Sync complete. Changes sent: 4, received: 2. A merge made on this device was not "
        "applied by the server: the files are as the server has them.")
    assert sync_result_words(SyncSummary(False, error="timed out")).startswith(
        "Sync did not complete")


def test_connection_not_checked_before_the_first_probe(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                       unlocked: MainWindow) -> None:
    from app.ui.sync_widget import SyncStatusWidget

    widget = SyncStatusWidget(ctx)
    qtbot.addWidget(widget)
    shown: list[Any] = []

    def recording_show_state(values: tuple[int, str | None, str | None, str | None]) -> None:
        shown.append(values)
        SyncStatusWidget._show_state(widget, values)

    widget._show_state = recording_show_state  # type: ignore[method-assign]
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


# -- every kind of record, in words ----------------------------------------------------------

ANOTHER_WORKER = str(uuid.UUID(int=7))  # a caseworker this device does not know


def _referral_conflicts(ctx: ServiceContext) -> None:
    """A referral's status and follow-up date changed here and elsewhere, who the file's
    caseworker is, and a refused change to the referral's provider and outcome."""
    pid = ps.create_participant(ctx, {"family_name": "Testperson", "given_names": "Noor"})
    rid = make_referral(ctx, pid, {"type": "housing", "provider": "Test Shelter"})
    at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with ctx.store.transaction() as session:
        for i, (entity, record, field, local, server) in enumerate([
                ("referral", rid, "status", "completed", "no_show"),
                ("referral", rid, "follow_up_on", "2026-03-16", None),
                ("participant", pid, "caseworker_id", ctx.actor_id, ANOTHER_WORKER),
                ("referral", rid, "*", {"provider": {"old": "Test Shelter", "new": "Test Inn"},
                                        "outcome": {"old": None, "new": "Housed"},
                                        "created_at": {"old": None, "new": "x"}},
                 "the record does not exist on the server")]):
            session.add(Conflict(entity=entity, record_id=record, participant_id=pid,
                                 field=field, base_value=None, local_value=local,
                                 server_value=server, server_version=2,
                                 detected_at=at + timedelta(seconds=i)))


def test_a_referral_conflict_in_words(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                      unlocked: MainWindow) -> None:
    _referral_conflicts(ctx)
    ws = unlocked.workspace
    assert ws is not None
    page = ws.conflicts
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 4, timeout=10_000)
    assert _rows(page.table) == [
        ["Testperson, Noor", "Referral", "Referral status", "completed", "no-show"],
        ["Testperson, Noor", "Referral", "Follow-up date", "2026-03-16", "(empty)"],
        ["Testperson, Noor", "Participant file", "Caseworker", "Test Worker",
         "(another record)"],
        ["Testperson, Noor", "Referral", "Refused by the server",
         "Changes to: Service provider, Outcome of the referral",
         "the server does not have this record"]]


def test_a_referral_conflict_in_french(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                       unlocked: MainWindow) -> None:
    _referral_conflicts(ctx)
    assert install_language("fr")
    try:
        ws = unlocked.workspace
        assert ws is not None
        page = ws.conflicts
        page.refresh()
        qtbot.waitUntil(lambda: page.table.rowCount() == 4, timeout=10_000)
        assert [row[1:] for row in _rows(page.table)] == [
            ["Aiguillage", "Statut de l'aiguillage", "terminé", "absence"],
            ["Aiguillage", "Date de suivi", "2026-03-16", "(vide)"],
            ["Dossier du participant", "Intervenant", "Test Worker",
             "(un autre enregistrement)"],
            ["Aiguillage", "Refusé par le serveur",
             "Modifications de : Fournisseur de services, Résultat de l'aiguillage",
             "le serveur n'a pas cet enregistrement"]]
    finally:
        install_language("en")


def test_every_wire_field_of_every_record_has_a_label(qapp) -> None:  # type: ignore[no-untyped-def]
    """A field added to the wire schema without words here fails this test."""
    missing, untranslated, repeated = [], [], []
    for entity, fields in ENTITY_FIELDS.items():
        labels = {f: field_label(f, entity) for f in fields}
        missing += [f"{entity}.{f}" for f, label in labels.items()
                    if label in (f, f.replace("_", " "))]
        untranslated += [f"{entity}.{f}" for f, label in labels.items()
                         if label not in CATALOGUE]
        repeated += [f"{entity}: {label}" for label in set(labels.values())
                     if list(labels.values()).count(label) > 1]
    assert (missing, untranslated, repeated) == ([], [], [])
    # The same name means different things in different records.
    assert field_label("status") == field_label("status", "participant") == "Status"
    assert field_label("status", "referral") == "Referral status"
    assert field_label("status", "follow_up") == "Follow-up status"
    assert field_label("name", "office") == "Office name"
    assert field_label("type", "referral") == "Type of service"
    assert field_label("a_field_from_a_newer_server", "referral") == \
        "a field from a newer server"
    assert install_language("fr")
    try:
        assert field_label("outcome", "referral") == "Résultat de l'aiguillage"
        assert field_label("end_on", "supervision_agreement") == "Date de fin"
    finally:
        install_language("en")


def test_every_code_of_every_vocabulary_has_words(qapp) -> None:  # type: ignore[no-untyped-def]
    assert {name: sorted(codes - set(enum_words(name))) for name, codes in ENUMS.items()} == \
        {name: [] for name in ENUMS}


@pytest.fixture
def vancouver_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("the time zone cannot be set here")
    monkeypatch.setenv("TZ", "America/Vancouver")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_values_of_other_records_in_words(qapp, vancouver_time: None) -> None:  # type: ignore[no-untyped-def]
    assert value_words("reporting_frequency", "biweekly", "supervision_agreement") == \
        "every two weeks"
    assert value_words("mode", "home_visit", "scheduled_checkin") == "home visit"
    assert value_words("outcome", "missed", "checkin") == "missed"
    assert value_words("status", "escalated", "follow_up") == "reported to CBSA"
    assert value_words("status", "in_progress", "referral") == "in progress"
    assert value_words("type", "family_and_child", "referral") == "family and child"
    assert value_words("role", "supervisor", "caseworker") == "supervisor"
    assert value_words("outcome", "Housed in March", "referral") == "Housed in March"
    # Times in this computer's time (Vancouver is UTC-8 in early March), dates as they are.
    assert value_words("resolved_at", "2026-03-02T17:30:00Z", "follow_up") == "2026-03-02 09:30"
    assert value_words("status_changed_at", "2026-03-02T17:30:00Z") == "2026-03-02 09:30"
    assert value_words("end_on", "2026-09-30", "supervision_agreement") == "2026-09-30"
    assert value_words("dependant", True, "household_member") == "Yes"
    assert value_words("active", False, "caseworker") == "No"
    # Other records' identifiers are not shown raw; a name already in their place is.
    record = str(uuid.UUID(int=42))
    assert value_words("supersedes_id", record, "supervision_agreement") == "(another record)"
    assert value_words("linked_participant_id", record, "household_member") == \
        "(another record)"
    assert value_words("merged_into_id", record) == "(another record)"
    assert value_words("caseworker_id", "Test Worker") == "Test Worker"
    assert value_words("content", "aGVsbG8=", "document") == "(file contents)"
    assert value_words("size", 2048, "document") == "2.0 kB"
    assert value_words("status_reason", "status_granted") == "status granted"
    assert value_words("status_reason", "not eligible") == "not eligible"
    assert value_words("reason", "missed_checkin_unresolved", "compliance_report") == \
        "missed check-in not resolved in time"
    # A participant's own fields as before.
    assert value_words("status", "suspended") == "suspended"
    assert value_words("languages", ["fr", "ti"]) == "French, Tigrinya"
    assert install_language("fr")
    try:
        assert value_words("status", "escalated", "follow_up") == "signalé à l'ASFC"
        assert value_words("reporting_frequency", "monthly", "supervision_agreement") == \
            "chaque mois"
        assert value_words("corrects_id", record, "checkin") == "(un autre enregistrement)"
    finally:
        install_language("en")


def test_refused_summary_names_the_fields_of_its_record() -> None:
    change = {"status": {"old": "made", "new": "accepted"},
              "updated_at": {"old": None, "new": "x"}}
    assert refused_summary(change, "referral") == "Changes to: Referral status"
    assert refused_summary(change) == "Changes to: Status"  # a participant's, as before
