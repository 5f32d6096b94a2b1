"""Check-in slots generated from an agreement's reporting frequency.

A slot's id is derived from its agreement and due time, so every device that generates the
same schedule makes the same rows (they sync as the same records, never as duplicates).
Slots run from the effective date to a horizon ahead of today; `extend_schedules` moves the
horizon forward. A superseded version's slots from its successor's effective date on are
no longer due (queries use `slot_is_due`)."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from app.models import Office, Participant, ScheduledCheckIn, SupervisionAgreement
from app.models.enums import ParticipantStatus, ReportingFrequency
from app.services.context import ServiceContext
from app.services.recorder import ChangeRecorder, recording

HORIZON_DAYS = 56
_SLOT_NAMESPACE = uuid.UUID("0b5cf4a4-8f1d-4c2e-bf0a-6a77c3b1d9e2")


def slot_id(agreement_id: str, due_at: datetime) -> str:
    return str(uuid.uuid5(_SLOT_NAMESPACE, f"{agreement_id}|{due_at.isoformat()}"))


def _add_months(day: date, months: int, anchor_day: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(anchor_day, calendar.monthrange(year, month)[1]))


def slot_dates(agreement: SupervisionAgreement, until: date) -> Iterator[date]:
    """Reporting days from the effective date through `until` (and the end date)."""
    last = min(until, agreement.end_on) if agreement.end_on else until
    start = agreement.effective_on
    frequency = ReportingFrequency(agreement.reporting_frequency)
    if frequency is ReportingFrequency.MONTHLY:
        n = 0
        while (day := _add_months(start, n, start.day)) <= last:
            yield day
            n += 1
        return
    step = {ReportingFrequency.WEEKLY: 7, ReportingFrequency.BIWEEKLY: 14}.get(
        frequency, agreement.custom_interval_days or 7)
    day = start
    while day <= last:
        yield day
        day += timedelta(days=step)


def office_zone(session: Session, office_id: str) -> ZoneInfo:
    office = session.get(Office, office_id)
    return ZoneInfo(office.time_zone if office is not None else "America/Toronto")


def due_at(day: date, reporting_time: str, zone: ZoneInfo) -> datetime:
    hour, minute = (int(x) for x in reporting_time.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=zone).astimezone(UTC)


def generate_slots(rec: ChangeRecorder, agreement: SupervisionAgreement, until: date) -> int:
    """Create the missing slots of one agreement version up to `until` + the horizon."""
    session = rec.session
    zone = office_zone(session, agreement.office_id or rec.ctx.office_id)
    horizon = until + timedelta(days=HORIZON_DAYS)
    if agreement.superseded_on is not None:
        horizon = min(horizon, agreement.superseded_on - timedelta(days=1))
    existing = set(session.scalars(select(ScheduledCheckIn.id).where(
        ScheduledCheckIn.agreement_id == agreement.id)))
    made = 0
    for day in slot_dates(agreement, horizon):
        when = due_at(day, agreement.reporting_time, zone)
        sid = slot_id(agreement.id, when)
        if sid in existing:
            continue
        rec.create(ScheduledCheckIn(id=sid, participant_id=agreement.participant_id,
                                    agreement_id=agreement.id, due_at=when,
                                    mode=agreement.reporting_mode),
                   participant_id=agreement.participant_id)
        made += 1
    return made


def extend_schedules(ctx: ServiceContext, until: date | None = None,
                     batch: int = 500) -> int:
    """Generate slots up to the horizon for every current agreement of a participant who
    reports (active or suspended). Returns the number of slots made."""
    until = until or ctx.now().date()
    with ctx.store.session() as session:
        ids = session.scalars(select(SupervisionAgreement.id).join(
            Participant, Participant.id == SupervisionAgreement.participant_id).where(
            SupervisionAgreement.superseded_on.is_(None),
            SupervisionAgreement.deleted.is_(False),
            Participant.status.in_((ParticipantStatus.ACTIVE.value,
                                    ParticipantStatus.ACCEPTED.value)))).all()
    made = 0
    for i in range(0, len(ids), batch):
        with recording(ctx) as rec:
            for agreement in rec.session.scalars(select(SupervisionAgreement).where(
                    SupervisionAgreement.id.in_(ids[i:i + batch]))):
                made += generate_slots(rec, agreement, until)
    return made


def slot_is_due() -> ColumnElement[bool]:
    """SQL condition (joined with the slot's agreement): the slot still belongs to the
    schedule: its version was not superseded before it and the agreement had not ended."""
    return and_(
        SupervisionAgreement.deleted.is_(False),
        or_(SupervisionAgreement.superseded_on.is_(None),
            ScheduledCheckIn.due_at < SupervisionAgreement.superseded_on),
    )
