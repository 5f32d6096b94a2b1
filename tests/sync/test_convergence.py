"""Devices edit offline, then sync: they converge on the server's state; different fields
merge; the same field is a conflict kept with both values until resolved."""

from __future__ import annotations

from sqlalchemy import func, select

from app.models import OutboxEntry
from app.services import participants as ps
from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.context import ServiceContext
from app.services.participant_search import ParticipantQuery, search_participants
from app.services.synthetic import seed
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, server_state


def _outbox(ctx: ServiceContext) -> int:
    with ctx.store.session() as s:
        return s.scalar(select(func.count(OutboxEntry.seq))) or 0


def test_three_devices_converge(devices: Devices, server: RunningServer) -> None:
    a, b, c = devices.new("a"), devices.new("b"), devices.new("c")
    seed(a, 15, 1)
    seed(b, 10, 2)
    ps.create_participant(c, {"family_name": "Offline-Intake", "given_names": "Yohannes"})
    for ctx in (a, b, c, a, b):
        summary = sync(ctx)
        assert summary.complete, summary.error
    expected = server_state(server.db_url, a.office_id)
    assert len([k for k in expected if k[0] == "participant"]) == 26
    for ctx in (a, b, c):
        assert _outbox(ctx) == 0
        assert device_state(ctx) == expected
    # Derived search columns were rebuilt from pulled data.
    assert search_participants(a, ParticipantQuery("offline-intake")).total == 1


def test_the_counts_a_person_sees_leave_audit_events_out(devices: Devices,
                                                         server: RunningServer) -> None:
    """One intake travels as two operations (the file and its audit event): the status bar
    says one change sent, and one received on the other device."""
    a, b = devices.new("a"), devices.new("b")
    assert sync(a).complete and sync(b).complete
    ps.create_participant(a, {"family_name": "Counted", "given_names": "Once"})
    sent = sync(a)
    assert (sent.pushed, sent.records_sent) == (2, 1)
    received = sync(b)
    assert (received.pulled, received.records_received) == (2, 1)


def test_different_fields_of_one_participant_both_survive(devices: Devices) -> None:
    a, b = devices.new("a"), devices.new("b")
    pid = ps.create_participant(a, {"family_name": "Mwangi", "phone": "604 555 0100"})
    assert sync(a).complete and sync(b).complete
    ps.update_participant(a, pid, {"phone": "604 555 0199"})
    ps.update_participant(b, pid, {"city": "Burnaby", "email": "m@example.org"})
    for ctx in (a, b, a):
        assert sync(ctx).complete
    for ctx in (a, b):
        detail = ps.get_participant(ctx, pid, record_view=False)
        assert (detail.phone, detail.city, detail.email) == (
            "604 555 0199", "Burnaby", "m@example.org")
        assert list_conflicts(ctx) == []


def test_same_field_conflict_kept_then_resolved(devices: Devices,
                                                server: RunningServer) -> None:
    a, b = devices.new("a"), devices.new("b")
    pid = ps.create_participant(a, {"family_name": "Otieno", "city": "Surrey"})
    assert sync(a).complete and sync(b).complete
    ps.update_participant(a, pid, {"city": "Richmond"})
    ps.update_participant(b, pid, {"city": "Coquitlam"})
    assert sync(a).complete
    summary = sync(b)
    assert summary.complete and summary.conflicts == 1
    [conflict] = list_conflicts(b)
    assert (conflict.field, conflict.local_value, conflict.server_value) == (
        "city", "Coquitlam", "Richmond")
    # Nothing silently overwritten: the server kept its value, b keeps both.
    assert ps.get_participant(b, pid, record_view=False).city == "Richmond"
    resolve_conflict(b, conflict.id, "local")
    assert list_conflicts(b) == []
    for ctx in (b, a):
        assert sync(ctx).complete
    for ctx in (a, b):
        assert ps.get_participant(ctx, pid, record_view=False).city == "Coquitlam"
    assert device_state(a) == device_state(b) == server_state(server.db_url, a.office_id)


def test_tombstones_travel(devices: Devices) -> None:
    a, b = devices.new("a"), devices.new("b")
    pid = ps.create_participant(a, {"family_name": "Ochieng"})
    alias = ps.add_alias(a, pid, {"family_name": "Ochieng-Otieno"})
    assert sync(a).complete and sync(b).complete
    assert search_participants(b, ParticipantQuery("ochieng-otieno")).total == 1
    ps.remove_alias(b, alias)
    assert sync(b).complete and sync(a).complete
    assert [x.id for x in ps.get_participant(a, pid, record_view=False).aliases] == []
    assert search_participants(a, ParticipantQuery("ochieng-otieno")).total == 0


def test_a_removed_document_is_erased_on_every_device_and_the_server(
        devices: Devices, server: RunningServer) -> None:
    """A scan attached to the wrong file and removed: its bytes are gone everywhere, not only
    hidden behind the tombstone."""
    from app.models import Document
    from app.services import documents

    a, b = devices.new("a"), devices.new("b")
    pid = ps.create_participant(a, {"family_name": "Wrong-File"})
    pdf = b"%PDF-1.4\n%synthetic scan\n%%EOF\n"
    doc = documents.attach_document(a, pid, "id-scan.pdf", pdf)
    assert sync(a).complete and sync(b).complete
    assert documents.read_document(b, doc)[1] == pdf
    documents.remove_document(a, doc)
    assert sync(a).complete and sync(b).complete
    for ctx in (a, b):
        with ctx.store.session() as s:
            row = s.get(Document, doc)
            assert row is not None and row.deleted and row.content is None
    state = server_state(server.db_url, a.office_id)
    assert state[("document", doc)]["content"] is None
    assert state[("document", doc)]["deleted"] is True
