"""The caseload dashboard: today's and overdue check-ins, open follow-ups, referrals past
follow-up, agreements due for review, counts per status, compliance over time, workload.
Every query is scoped to the office, bounded, and served by an index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import exists, func, select, text
from sqlalchemy.orm import Session, aliased

from app.models import (
    Caseworker,
    CheckIn,
    FollowUp,
    Participant,
    Referral,
    ScheduledCheckIn,
    SupervisionAgreement,
)
from app.models.enums import (
    OPEN_PARTICIPANT_STATUSES,
    FollowUpStatus,
    ParticipantStatus,
)
from app.models.referral import OPEN_SQL
from app.services.checkin_schedule import office_zone, slot_is_due
from app.services.context import ServiceContext
from app.services.lookup import file_ids
from app.services.views import DatedItem, display_name

REPORTING = (ParticipantStatus.ACTIVE.value, ParticipantStatus.ACCEPTED.value)
OVERDUE_LOOKBACK_DAYS = 60


@dataclass(frozen=True)
class ComplianceMonth:
    month: str  # "YYYY-MM"
    attended: int
    late: int
    missed: int
    excused: int


@dataclass(frozen=True)
class Workload:
    caseworker_id: str | None
    caseworker_name: str | None
    open_files: int


@dataclass(frozen=True)
class Dashboard:
    today: tuple[DatedItem, ...]
    overdue: tuple[DatedItem, ...]
    missed_open: tuple[DatedItem, ...]
    referrals_past_follow_up: tuple[DatedItem, ...]
    agreements_due_for_review: tuple[DatedItem, ...]
    counts_by_status: dict[str, int]


def _day_bounds(session: Session, ctx: ServiceContext, day: date) -> tuple[datetime, datetime]:
    zone = office_zone(session, ctx.office_id)
    start = datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)
    return start, start + timedelta(days=1)


def _unrecorded_slots(session: Session, ctx: ServiceContext, start: datetime, end: datetime,
                      kind: str, limit: int) -> tuple[DatedItem, ...]:
    recorded = exists().where(CheckIn.slot_id == ScheduledCheckIn.id)
    rows = session.execute(
        # The participant through the agreement: a merge moves agreements to the kept file,
        # while slots (append-only) keep the id they were made with.
        select(ScheduledCheckIn.id, Participant.id, ScheduledCheckIn.due_at,
               ScheduledCheckIn.mode, Participant.family_name, Participant.given_names)
        .join(SupervisionAgreement, SupervisionAgreement.id == ScheduledCheckIn.agreement_id)
        .join(Participant, Participant.id == SupervisionAgreement.participant_id)
        .where(ScheduledCheckIn.due_at >= start, ScheduledCheckIn.due_at < end,
               ScheduledCheckIn.office_id == ctx.office_id,
               Participant.status.in_(REPORTING), Participant.deleted.is_(False),
               slot_is_due(), ~recorded)
        .order_by(ScheduledCheckIn.due_at).limit(limit)).all()
    return tuple(DatedItem(kind, r[0], r[1], display_name(r[4], r[5]), r[2], r[3]) for r in rows)


def todays_checkins(ctx: ServiceContext, limit: int = 200) -> tuple[DatedItem, ...]:
    with ctx.store.session() as session:
        start, end = _day_bounds(session, ctx, ctx.now().date())
        return _unrecorded_slots(session, ctx, start, end, "checkin_today", limit)


def overdue_checkins(ctx: ServiceContext, limit: int = 200) -> tuple[DatedItem, ...]:
    """Slots whose day has passed with nothing recorded (the caseworker must record them)."""
    with ctx.store.session() as session:
        today_start, _ = _day_bounds(session, ctx, ctx.now().date())
        return _unrecorded_slots(session, ctx, today_start - timedelta(
            days=OVERDUE_LOOKBACK_DAYS), today_start, "checkin_overdue", limit)


def missed_with_open_follow_up(ctx: ServiceContext, limit: int = 200) -> tuple[DatedItem, ...]:
    with ctx.store.session() as session:
        rows = session.execute(
            select(FollowUp.id, FollowUp.participant_id, FollowUp.due_at,
                   Participant.family_name, Participant.given_names)
            .join(Participant, Participant.id == FollowUp.participant_id)
            .where(FollowUp.status == FollowUpStatus.OPEN.value,
                   FollowUp.deleted.is_(False), FollowUp.office_id == ctx.office_id)
            .order_by(FollowUp.due_at).limit(limit)).all()
        return tuple(DatedItem("follow_up", r[0], r[1], display_name(r[3], r[4]), r[2],
                               "overdue" if r[2] < ctx.now() else "open") for r in rows)


def referrals_past_follow_up(ctx: ServiceContext, limit: int = 200) -> tuple[DatedItem, ...]:
    with ctx.store.session() as session:
        rows = session.execute(
            select(Referral.id, Referral.participant_id, Referral.follow_up_on, Referral.type,
                   Participant.family_name, Participant.given_names)
            .join(Participant, Participant.id == Referral.participant_id)
            .where(text(f"referral.{OPEN_SQL}"),
                   Referral.follow_up_on < ctx.now().date(), Referral.deleted.is_(False),
                   Referral.office_id == ctx.office_id)
            .order_by(Referral.follow_up_on).limit(limit)).all()
        return tuple(DatedItem("referral", r[0], r[1], display_name(r[4], r[5]), r[2], r[3])
                     for r in rows)


def agreements_due_for_review(ctx: ServiceContext, within_days: int = 14,
                              limit: int = 200) -> tuple[DatedItem, ...]:
    horizon = ctx.now().date() + timedelta(days=within_days)
    with ctx.store.session() as session:
        rows = session.execute(
            select(SupervisionAgreement.id, SupervisionAgreement.participant_id,
                   SupervisionAgreement.review_on, Participant.family_name,
                   Participant.given_names)
            .join(Participant, Participant.id == SupervisionAgreement.participant_id)
            .where(SupervisionAgreement.review_on <= horizon,
                   SupervisionAgreement.superseded_on.is_(None),
                   SupervisionAgreement.deleted.is_(False),
                   SupervisionAgreement.office_id == ctx.office_id,
                   Participant.status.in_([s.value for s in OPEN_PARTICIPANT_STATUSES]))
            .order_by(SupervisionAgreement.review_on).limit(limit)).all()
        return tuple(DatedItem("agreement_review", r[0], r[1], display_name(r[3], r[4]), r[2])
                     for r in rows)


def counts_by_status(ctx: ServiceContext) -> dict[str, int]:
    with ctx.store.session() as session:
        rows = session.execute(
            select(Participant.status, func.count()).where(
                Participant.office_id == ctx.office_id, Participant.deleted.is_(False),
                Participant.merged_into_id.is_(None)).group_by(Participant.status)).all()
    counts = {s.value: 0 for s in ParticipantStatus}
    counts.update({status: n for status, n in rows})
    return counts


def compliance_over_time(ctx: ServiceContext, months: int = 12) -> list[ComplianceMonth]:
    """Outcomes of current (uncorrected) check-ins per month, oldest first."""
    today = ctx.now().date()
    first = date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    start = datetime.combine(first, time(0, 0), tzinfo=UTC)
    later = aliased(CheckIn)
    month = func.strftime("%Y-%m", CheckIn.scheduled_at)
    with ctx.store.session() as session:
        rows = session.execute(
            select(month, CheckIn.outcome, func.count())
            .where(CheckIn.scheduled_at >= start, CheckIn.office_id == ctx.office_id,
                   ~exists().where(later.corrects_id == CheckIn.id))
            .group_by(month, CheckIn.outcome)).all()
    table: dict[str, dict[str, int]] = {}
    for m, outcome, n in rows:
        table.setdefault(m, {})[outcome] = n
    out = []
    cursor = first
    while cursor <= today:
        key = cursor.strftime("%Y-%m")
        got = table.get(key, {})
        out.append(ComplianceMonth(key, got.get("attended", 0), got.get("late", 0),
                                   got.get("missed", 0), got.get("excused", 0)))
        cursor = (cursor + timedelta(days=32)).replace(day=1)
    return out


def workload(ctx: ServiceContext) -> list[Workload]:
    with ctx.store.session() as session:
        rows = session.execute(
            select(Participant.caseworker_id, Caseworker.name, func.count())
            .outerjoin(Caseworker, Caseworker.id == Participant.caseworker_id)
            .where(Participant.office_id == ctx.office_id, Participant.deleted.is_(False),
                   Participant.merged_into_id.is_(None),
                   Participant.status.in_([s.value for s in OPEN_PARTICIPANT_STATUSES]))
            .group_by(Participant.caseworker_id, Caseworker.name)
            .order_by(func.count().desc())).all()
        return [Workload(r[0], r[1], r[2]) for r in rows]


def dashboard(ctx: ServiceContext, limit: int = 100) -> Dashboard:
    return Dashboard(
        today=todays_checkins(ctx, limit), overdue=overdue_checkins(ctx, limit),
        missed_open=missed_with_open_follow_up(ctx, limit),
        referrals_past_follow_up=referrals_past_follow_up(ctx, limit),
        agreements_due_for_review=agreements_due_for_review(ctx, limit=limit),
        counts_by_status=counts_by_status(ctx))


def open_slots_of(ctx: ServiceContext, participant_id: str,
                  limit: int = 20) -> list[tuple[str, datetime]]:
    """A participant's slots without a check-in, from 60 days back to a week ahead."""
    now = ctx.now()
    recorded = exists().where(CheckIn.slot_id == ScheduledCheckIn.id)
    with ctx.store.session() as session:
        rows = session.execute(
            select(ScheduledCheckIn.id, ScheduledCheckIn.due_at)
            .join(SupervisionAgreement, SupervisionAgreement.id == ScheduledCheckIn.agreement_id)
            .where(ScheduledCheckIn.participant_id.in_(file_ids(session, participant_id)),
                   ScheduledCheckIn.due_at >= now - timedelta(days=OVERDUE_LOOKBACK_DAYS),
                   ScheduledCheckIn.due_at < now + timedelta(days=7), slot_is_due(),
                   ~recorded)
            .order_by(ScheduledCheckIn.due_at).limit(limit)).all()
    return [(r[0], r[1]) for r in rows]
