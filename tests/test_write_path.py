"""Every domain write produces its audit event and outbox entry in the same transaction;
a write that skips the services is refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial

import pytest
from sqlalchemy import func, select

from app.errors import UnrecordedWrite
from app.models import AuditEvent, Caseworker, OutboxEntry, Participant
from app.services import (
    agreements,
    checkins,
    documents,
    notes,
    participant_status,
    participants,
    referrals,
)
from app.services.audit import verify_chain
from app.services.context import ServiceContext
from tests.conftest import FixedClock


def _counts(ctx: ServiceContext) -> tuple[int, int]:
    with ctx.store.session() as s:
        return (s.scalar(select(func.count(AuditEvent.id))) or 0,
                s.scalar(select(func.count(OutboxEntry.seq))) or 0)


def test_every_write_service_records_audit_and_outbox(ctx: ServiceContext,
                                                      clock: FixedClock) -> None:
    state: dict[str, str] = {}
    pdf = b"%PDF-1.4 test"

    def step(name: str, fn: Callable[[], object]) -> None:
        before = _counts(ctx)
        result = fn()
        if isinstance(result, str):
            state[name] = result
        after = _counts(ctx)
        assert after[0] > before[0], f"{name} wrote no audit event"
        assert after[1] > before[1], f"{name} wrote no outbox entry"

    step("pid", lambda: participants.create_participant(ctx, {"family_name": "Writepath"}))
    pid = state["pid"]
    step("update", lambda: participants.update_participant(ctx, pid, {"city": "Surrey"}))
    step("alias", lambda: participants.add_alias(ctx, pid, {"family_name": "Otherwise"}))
    step("rm_alias", lambda: participants.remove_alias(ctx, state["alias"]))
    step("member", lambda: participants.add_household_member(
        ctx, pid, {"name": "Child One", "relationship": "child", "dependant": True}))
    step("edit_member", lambda: participants.update_household_member(
        ctx, state["member"], {"date_of_birth": "2020"}))
    step("rm_member", lambda: participants.remove_household_member(ctx, state["member"]))
    step("view", lambda: participants.get_participant(ctx, pid))
    for status in ("assessed", "accepted", "active"):
        step(status, partial(participant_status.change_status, ctx, pid, status))
    step("agreement", lambda: agreements.create_agreement(ctx, pid, {
        "effective_on": "2026-03-02", "reporting_frequency": "weekly",
        "reporting_mode": "telephone"}))
    step("amend", lambda: agreements.amend_agreement(
        ctx, state["agreement"], {"curfew": "23:00-06:00"}, "curfew added"))
    step("checkin", lambda: checkins.record_checkin(
        ctx, pid, {"outcome": "attended", "mode": "telephone"}))
    step("correct", lambda: checkins.correct_checkin(ctx, state["checkin"], {"outcome": "late"}))
    step("referral", lambda: referrals.make_referral(
        ctx, pid, {"type": "health", "provider": "Clinic"}))
    step("update_referral", lambda: referrals.update_referral(
        ctx, state["referral"], {"notes": "call back"}))
    step("move_referral", lambda: referrals.move_referral(ctx, state["referral"], "made"))
    step("note", lambda: notes.add_note(ctx, pid, "A note"))
    step("edit_note", lambda: notes.edit_note(ctx, state["note"], "An edited note"))
    step("rm_note", lambda: notes.remove_note(ctx, state["note"]))
    step("doc", lambda: documents.attach_document(ctx, pid, "a.pdf", pdf))
    step("read_doc", lambda: documents.read_document(ctx, state["doc"]))
    step("rm_doc", lambda: documents.remove_document(ctx, state["doc"]))
    clock.advance(days=1)
    step("missed", lambda: checkins.record_checkin(
        ctx, pid, {"outcome": "missed"}, slot_id=_first_slot(ctx, pid)))
    fu = checkins.list_follow_ups(ctx, pid)[0].id
    clock.advance(days=30)
    step("escalate", lambda: checkins.escalate_overdue_follow_ups(ctx))
    step("suspend", lambda: participant_status.change_status(ctx, pid, "suspended", "travel"))
    assert fu
    with ctx.store.session() as s:
        assert verify_chain(s, ctx.device_id) == []


def _first_slot(ctx: ServiceContext, pid: str) -> str:
    from app.models import ScheduledCheckIn

    with ctx.store.session() as s:
        slot = s.scalar(select(ScheduledCheckIn.id).where(
            ScheduledCheckIn.participant_id == pid).order_by(ScheduledCheckIn.due_at))
    assert slot is not None
    return slot


def test_a_write_outside_the_services_is_refused(ctx: ServiceContext) -> None:
    pid = participants.create_participant(ctx, {"family_name": "Guarded"})
    with ctx.store.write_session() as s, pytest.raises(UnrecordedWrite):
        p = s.get(Participant, pid)
        assert p is not None
        p.family_name = "Changed"
        s.commit()
    with ctx.store.write_session() as s, pytest.raises(UnrecordedWrite):
        s.add(Caseworker(name="Sneaky", office_id=ctx.office_id))
        s.commit()
    with ctx.store.write_session() as s, pytest.raises(UnrecordedWrite):
        s.delete(s.get(Participant, pid))
        s.commit()
    with ctx.store.session() as s:
        p = s.get(Participant, pid)
        assert p is not None
        assert p.family_name == "Guarded"


def test_a_failed_write_leaves_nothing_half_written(ctx: ServiceContext) -> None:
    before = _counts(ctx)
    with pytest.raises(Exception):  # noqa: B017 - any failure must roll everything back
        participants.create_participant(ctx, {"family_name": "Half",
                                              "caseworker_id": "no-such-worker"})
    assert _counts(ctx) == before
    with ctx.store.session() as s:
        assert s.scalar(select(func.count(Participant.id))) == 0


def test_audit_chain_detects_tampering(ctx: ServiceContext) -> None:
    participants.create_participant(ctx, {"family_name": "Chained"})
    with ctx.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_event SET action = 'view' WHERE device_seq = 2")
    with ctx.store.session() as s:
        problems = verify_chain(s, ctx.device_id)
    assert problems and "altered" in problems[0]


def test_clock_is_the_context_clock(ctx: ServiceContext, clock: FixedClock) -> None:
    pid = participants.create_participant(ctx, {"family_name": "Timely"})
    with ctx.store.session() as s:
        p = s.get(Participant, pid)
        assert p is not None
        assert p.created_at == clock.now
    clock.advance(days=1)
    participants.update_participant(ctx, pid, {"city": "Burnaby"})
    with ctx.store.session() as s:
        p = s.get(Participant, pid)
        assert p is not None
        assert p.updated_at == clock.now
        assert p.created_at == clock.now - timedelta(days=1)
