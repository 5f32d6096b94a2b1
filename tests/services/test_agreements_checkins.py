"""Agreements and their versions, the schedule, check-ins, follow-ups, compliance reports."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.errors import AppendOnly, NotFound, ValidationError
from app.models import CheckIn, ComplianceReport, ScheduledCheckIn
from app.services import dashboard
from app.services.agreements import (
    amend_agreement,
    create_agreement,
    current_agreement,
    list_agreements,
)
from app.services.checkin_schedule import extend_schedules, slot_dates, slot_id
from app.services.checkins import (
    correct_checkin,
    escalate_overdue_follow_ups,
    list_checkins,
    list_follow_ups,
    record_checkin,
    resolve_follow_up,
)
from app.services.context import ServiceContext
from app.services.participant_status import change_status
from app.services.participants import create_participant
from app.services.recorder import recording
from tests.conftest import FixedClock

WEEKLY = {"effective_on": "2026-03-02", "review_on": "2026-06-01",
          "reporting_frequency": "weekly", "reporting_mode": "in_person",
          "reporting_time": "10:00", "compliance_window_days": 7,
          "conditions": "Reside at the approved address."}


def _active(ctx: ServiceContext, family: str = "Abebe") -> str:
    pid = create_participant(ctx, {"family_name": family, "given_names": "Selam"})
    for status in ("assessed", "accepted", "active"):
        change_status(ctx, pid, status)
    return pid


def _slots(ctx: ServiceContext, pid: str) -> list[ScheduledCheckIn]:
    with ctx.store.session() as s:
        return list(s.scalars(select(ScheduledCheckIn).where(
            ScheduledCheckIn.participant_id == pid).order_by(ScheduledCheckIn.due_at)))


def test_agreement_needs_an_accepted_participant(ctx: ServiceContext) -> None:
    pid = create_participant(ctx, {"family_name": "Tesfaye"})
    with pytest.raises(ValidationError) as err:
        create_agreement(ctx, pid, WEEKLY)
    assert err.value.field == "participant"


@pytest.mark.parametrize("bad, field", [
    ({"reporting_frequency": "daily"}, "reporting_frequency"),
    ({"reporting_mode": "pigeon"}, "reporting_mode"),
    ({"reporting_time": "25:00"}, "reporting_time"),
    ({"review_on": "2026-01-01"}, "review_on"),
    ({"effective_on": "not a date"}, "effective_on"),
    ({"reporting_frequency": "custom"}, "custom_interval_days"),
    ({"compliance_window_days": 0}, "compliance_window_days"),
    ({"colour": "blue"}, "colour"),
])
def test_agreement_refuses_bad_conditions(ctx: ServiceContext, bad: dict, field: str) -> None:
    pid = _active(ctx)
    with pytest.raises(ValidationError) as err:
        create_agreement(ctx, pid, {**WEEKLY, **bad})
    assert field in err.value.errors


def test_weekly_schedule_and_amendment_keeps_history(ctx: ServiceContext,
                                                     clock: FixedClock) -> None:
    pid = _active(ctx)
    first = create_agreement(ctx, pid, WEEKLY)
    slots = _slots(ctx, pid)
    # From 2 March to the horizon (56 days ahead of today, 2 March): 9 weekly slots.
    assert len(slots) == 9
    assert [s.due_at.weekday() for s in slots] == [0] * 9  # Mondays
    assert slots[0].due_at == datetime(2026, 3, 2, 18, 0, tzinfo=UTC)  # 10:00 in Vancouver
    assert slots[0].id == slot_id(first, slots[0].due_at)

    second = amend_agreement(ctx, first, {"effective_on": "2026-03-16",
                                          "reporting_frequency": "biweekly"},
                             "Moved to biweekly after good compliance")
    versions = list_agreements(ctx, pid)
    assert [(a.version_no, a.current) for a in versions] == [(2, True), (1, False)]
    assert versions[1].superseded_on == date(2026, 3, 16)
    assert versions[0].supersedes_id == first and versions[0].conditions == WEEKLY["conditions"]
    assert current_agreement(ctx, pid).id == second  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        amend_agreement(ctx, first, {"curfew": "22:00-06:00"}, "old version")
    with pytest.raises(ValidationError):
        amend_agreement(ctx, second, {"curfew": "22:00"}, "")

    clock.advance(days=14)  # 16 March: today's slot comes from version 2 only
    today = dashboard.todays_checkins(ctx)
    assert len(today) == 1 and today[0].participant_id == pid
    with ctx.store.session() as s:
        slot = s.get(ScheduledCheckIn, today[0].record_id)
        assert slot is not None
        assert slot.agreement_id == second


def test_monthly_dates_clamp_to_month_end() -> None:
    from app.models import SupervisionAgreement

    a = SupervisionAgreement(effective_on=date(2026, 1, 31), reporting_frequency="monthly",
                             end_on=None)
    assert list(slot_dates(a, date(2026, 5, 1))) == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]


def test_extend_schedules_is_idempotent(ctx: ServiceContext, clock: FixedClock) -> None:
    pid = _active(ctx)
    create_agreement(ctx, pid, WEEKLY)
    clock.advance(days=30)
    made = extend_schedules(ctx)
    assert made == 4
    assert extend_schedules(ctx) == 0
    assert len(_slots(ctx, pid)) == 13


def test_missed_checkin_follow_up_then_compliance_report(ctx: ServiceContext,
                                                         clock: FixedClock) -> None:
    pid = _active(ctx)
    create_agreement(ctx, pid, WEEKLY)
    slot = _slots(ctx, pid)[0]
    clock.advance(hours=9)  # after the 10:00 slot
    assert [i.record_id for i in dashboard.todays_checkins(ctx)] == [slot.id]

    cid = record_checkin(ctx, pid, {"outcome": "missed"}, slot_id=slot.id)
    assert dashboard.todays_checkins(ctx) == ()
    follow = list_follow_ups(ctx, pid)
    assert len(follow) == 1 and follow[0].status == "open" and follow[0].checkin_id == cid
    assert [i.participant_id for i in dashboard.missed_with_open_follow_up(ctx)] == [pid]
    with pytest.raises(ValidationError):
        record_checkin(ctx, pid, {"outcome": "attended"}, slot_id=slot.id)

    clock.advance(days=6)
    assert escalate_overdue_follow_ups(ctx) == 0
    clock.advance(days=2)
    assert escalate_overdue_follow_ups(ctx) == 1
    assert escalate_overdue_follow_ups(ctx) == 0
    assert list_follow_ups(ctx, pid)[0].status == "escalated"
    with ctx.store.session() as s:
        assert s.scalar(select(func.count(ComplianceReport.id))) == 1


def test_correction_is_a_new_entry_and_resolves_the_follow_up(ctx: ServiceContext,
                                                              clock: FixedClock) -> None:
    pid = _active(ctx)
    create_agreement(ctx, pid, WEEKLY)
    slot = _slots(ctx, pid)[0]
    clock.advance(hours=9)
    missed = record_checkin(ctx, pid, {"outcome": "missed"}, slot_id=slot.id)
    fixed = correct_checkin(ctx, missed, {"outcome": "late",
                                          "actual_at": clock.now - timedelta(hours=2),
                                          "notes": "Came at noon; bus strike."})
    entries = {c.id: c for c in list_checkins(ctx, pid)}
    assert entries[missed].corrected and entries[missed].outcome == "missed"
    assert entries[fixed].corrects_id == missed and not entries[fixed].corrected
    assert list_follow_ups(ctx, pid)[0].status == "resolved"
    march = dashboard.compliance_over_time(ctx, months=1)[-1]
    assert (march.month, march.missed, march.late) == ("2026-03", 0, 1)
    with pytest.raises(ValidationError):
        correct_checkin(ctx, missed, {"outcome": "attended"})
    with recording(ctx) as rec, pytest.raises(AppendOnly):
        row = rec.session.get(CheckIn, fixed)
        assert row is not None
        rec.update(row, {"notes": "edited"})


def test_resolving_a_follow_up(ctx: ServiceContext, clock: FixedClock) -> None:
    pid = _active(ctx)
    create_agreement(ctx, pid, WEEKLY)
    clock.advance(hours=9)
    record_checkin(ctx, pid, {"outcome": "missed"}, slot_id=_slots(ctx, pid)[0].id)
    fu = list_follow_ups(ctx, pid)[0]
    with pytest.raises(ValidationError):
        resolve_follow_up(ctx, fu.id, "  ")
    resolve_follow_up(ctx, fu.id, "Reached by phone; was in hospital.")
    clock.advance(days=30)
    assert escalate_overdue_follow_ups(ctx) == 0
    with pytest.raises(ValidationError):
        resolve_follow_up(ctx, fu.id, "again")


def test_checkin_input_errors(ctx: ServiceContext, clock: FixedClock) -> None:
    pid = _active(ctx)
    with pytest.raises(ValidationError) as err:
        record_checkin(ctx, pid, {"outcome": "maybe", "mode": "in_person"})
    assert "outcome" in err.value.errors
    with pytest.raises(ValidationError) as err:
        record_checkin(ctx, pid, {"outcome": "missed", "mode": "telephone"})
    assert err.value.field == "outcome"  # an unscheduled check-in cannot be missed
    with pytest.raises(ValidationError) as err:
        record_checkin(ctx, pid, {"outcome": "attended", "mode": "telephone",
                                  "actual_at": clock.now + timedelta(days=1)})
    assert err.value.field == "actual_at"
    with pytest.raises(NotFound):
        record_checkin(ctx, pid, {"outcome": "attended"}, slot_id="no-such-slot")
    unscheduled = record_checkin(ctx, pid, {"outcome": "attended", "mode": "telephone",
                                            "wellbeing": "Good; started a job"})
    assert list_checkins(ctx, pid)[0].id == unscheduled
