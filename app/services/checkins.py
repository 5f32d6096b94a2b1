"""Check-ins (append-only), the follow-up a miss opens, and its escalation to a compliance
report when it stays unresolved past the agreement's window."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from app.errors import NotFound, ValidationError
from app.models import (
    CheckIn,
    ComplianceReport,
    FollowUp,
    ScheduledCheckIn,
    SupervisionAgreement,
)
from app.models.enums import CheckInOutcome, FollowUpStatus, ReportingMode
from app.services import validation as v
from app.services.context import ServiceContext
from app.services.lookup import file_ids, load_live
from app.services.participants import load_participant
from app.services.recorder import ChangeRecorder, recording

DEFAULT_WINDOW_DAYS = 7
_REPORT_NAMESPACE = uuid.UUID("9e0c2f55-0a43-4f5e-a1b1-3d0f8f0f6c21")
PRESENT = (CheckInOutcome.ATTENDED, CheckInOutcome.LATE)


@dataclass(frozen=True)
class FollowUpView:
    id: str
    participant_id: str
    checkin_id: str
    due_at: datetime
    status: str
    resolution: str | None


@dataclass(frozen=True)
class CheckInView:
    id: str
    participant_id: str
    slot_id: str | None
    scheduled_at: datetime | None
    actual_at: datetime | None
    mode: str
    outcome: str
    wellbeing: str | None
    needs_update: str | None
    notes: str | None
    corrects_id: str | None
    corrected: bool
    # The follow-up that points at this entry (a miss opens one; its correction carries it).
    follow_up: FollowUpView | None = None


def _aware(field: str, value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError(field, "must be a date and time") from None
    if not isinstance(value, datetime):
        raise ValidationError(field, "must be a date and time")
    if value.tzinfo is None:
        raise ValidationError(field, "must carry a time zone")
    return value


def _validate(data: dict[str, Any], now: datetime) -> dict[str, Any]:
    col = v.Collector()
    out = {
        "outcome": col.run("outcome", v.choice, data.get("outcome"), CheckInOutcome,
                           required=True),
        "mode": col.run("mode", v.choice, data.get("mode"), ReportingMode),
        "actual_at": col.run("actual_at", _aware, data.get("actual_at")),
        "wellbeing": col.run("wellbeing", v.text, data.get("wellbeing"), max_len=4000,
                             multiline=True),
        "needs_update": col.run("needs_update", v.text, data.get("needs_update"),
                                max_len=4000, multiline=True),
        "notes": col.run("notes", v.text, data.get("notes"), max_len=4000, multiline=True),
    }
    col.raise_if_any()
    if out["outcome"] in PRESENT:
        out["actual_at"] = out["actual_at"] or now
        if out["actual_at"] > now + timedelta(minutes=5):
            raise ValidationError("actual_at", "is in the future")
    elif out["outcome"] is CheckInOutcome.MISSED:
        out["actual_at"] = None
    out["outcome"] = out["outcome"].value
    out["mode"] = out["mode"].value if out["mode"] else None
    return out


def _current_for_slot(session: Session, slot: str) -> CheckIn | None:
    later = aliased(CheckIn)
    return session.scalar(select(CheckIn).where(
        CheckIn.slot_id == slot,
        ~exists().where(later.corrects_id == CheckIn.id)).limit(1))


def _window_days(session: Session, agreement_id: str | None) -> int:
    if agreement_id is None:
        return DEFAULT_WINDOW_DAYS
    agreement = session.get(SupervisionAgreement, agreement_id)
    return agreement.compliance_window_days if agreement else DEFAULT_WINDOW_DAYS


def _open_follow_up(rec: ChangeRecorder, row: CheckIn) -> None:
    start = row.scheduled_at or rec.ctx.now()
    rec.create(FollowUp(participant_id=row.participant_id, checkin_id=row.id,
                        due_at=start + timedelta(days=_window_days(rec.session,
                                                                   row.agreement_id)),
                        status=FollowUpStatus.OPEN.value),
               participant_id=row.participant_id)


def record_checkin(ctx: ServiceContext, participant_id: str, data: dict[str, Any],
                   slot_id: str | None = None) -> str:
    """Record what happened at a reporting event (a slot of the schedule, or unscheduled).
    A missed check-in opens a follow-up."""
    clean = _validate(data, ctx.now())
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        scheduled_at = agreement_id = None
        mode = clean["mode"]
        if slot_id is not None:
            slot = rec.session.get(ScheduledCheckIn, slot_id)
            if slot is None or slot.participant_id not in file_ids(rec.session, p.id):
                raise NotFound("scheduled check-in", slot_id)
            if _current_for_slot(rec.session, slot.id) is not None:
                raise ValidationError("slot", "this check-in is already recorded; correct "
                                      "it instead")
            scheduled_at, agreement_id, mode = slot.due_at, slot.agreement_id, mode or slot.mode
        if mode is None:
            raise ValidationError("mode", "is required")
        if clean["outcome"] == CheckInOutcome.MISSED and slot_id is None:
            raise ValidationError("outcome", "only a scheduled check-in can be missed")
        row = rec.create(CheckIn(participant_id=p.id, slot_id=slot_id,
                                 scheduled_at=scheduled_at, agreement_id=agreement_id,
                                 actual_at=clean["actual_at"], mode=mode,
                                 outcome=clean["outcome"], wellbeing=clean["wellbeing"],
                                 needs_update=clean["needs_update"], notes=clean["notes"],
                                 recorded_by=ctx.actor_id), participant_id=p.id)
        if row.outcome == CheckInOutcome.MISSED:
            _open_follow_up(rec, row)
        return row.id


def correct_checkin(ctx: ServiceContext, checkin_id: str, changes: dict[str, Any]) -> str:
    """A correction is a new entry that references the old one; the old stays as written.
    Correcting a miss to a presence resolves its open follow-up, and the reverse opens one."""
    with recording(ctx) as rec:
        old = rec.session.get(CheckIn, checkin_id)
        if old is None:
            raise NotFound("check-in", checkin_id)
        if rec.session.scalar(select(exists().where(CheckIn.corrects_id == old.id))):
            raise ValidationError("checkin", "this entry was already corrected; correct the "
                                  "latest one")
        base = {"outcome": old.outcome, "mode": old.mode, "actual_at": old.actual_at,
                "wellbeing": old.wellbeing, "needs_update": old.needs_update,
                "notes": old.notes}
        base.update(changes)
        clean = _validate(base, ctx.now())
        row = rec.create(CheckIn(participant_id=old.participant_id, slot_id=old.slot_id,
                                 scheduled_at=old.scheduled_at, agreement_id=old.agreement_id,
                                 actual_at=clean["actual_at"], mode=clean["mode"] or old.mode,
                                 outcome=clean["outcome"], wellbeing=clean["wellbeing"],
                                 needs_update=clean["needs_update"], notes=clean["notes"],
                                 corrects_id=old.id, recorded_by=ctx.actor_id),
                         participant_id=old.participant_id)
        was_missed = old.outcome == CheckInOutcome.MISSED
        if was_missed and row.outcome != CheckInOutcome.MISSED:
            for fu in _follow_ups_of(rec.session, old.id, FollowUpStatus.OPEN):
                rec.update(fu, {"status": FollowUpStatus.RESOLVED.value,
                                "resolution": "check-in corrected",
                                "resolved_at": ctx.now(), "checkin_id": row.id},
                           participant_id=fu.participant_id)
        elif row.outcome == CheckInOutcome.MISSED and not was_missed:
            _open_follow_up(rec, row)
        elif was_missed:
            for fu in _follow_ups_of(rec.session, old.id, None):
                rec.update(fu, {"checkin_id": row.id}, participant_id=fu.participant_id)
        return row.id


def _follow_ups_of(session: Session, checkin_id: str,
                   status: FollowUpStatus | None) -> list[FollowUp]:
    stmt = select(FollowUp).where(FollowUp.checkin_id == checkin_id,
                                  FollowUp.deleted.is_(False))
    if status is not None:
        stmt = stmt.where(FollowUp.status == status.value)
    return list(session.scalars(stmt))


def resolve_follow_up(ctx: ServiceContext, follow_up_id: str, resolution: str) -> None:
    text = v.text("resolution", resolution, required=True, max_len=2000, multiline=True)
    with recording(ctx) as rec:
        fu = load_live(rec.session, FollowUp, follow_up_id, "follow-up")
        if fu.status != FollowUpStatus.OPEN:
            raise ValidationError("follow_up", "is not open")
        rec.update(fu, {"status": FollowUpStatus.RESOLVED.value, "resolution": text,
                        "resolved_at": ctx.now()}, participant_id=fu.participant_id)


def report_id_for(follow_up_id: str) -> str:
    return str(uuid.uuid5(_REPORT_NAMESPACE, follow_up_id))


def escalate_overdue_follow_ups(ctx: ServiceContext) -> int:
    """Every open follow-up past its window becomes a compliance report to CBSA (one per
    follow-up, whichever device escalates it). Returns how many were escalated."""
    made = 0
    with recording(ctx) as rec:
        overdue = rec.session.scalars(select(FollowUp).where(
            FollowUp.status == FollowUpStatus.OPEN.value, FollowUp.deleted.is_(False),
            FollowUp.due_at < ctx.now())).all()
        for fu in overdue:
            rid = report_id_for(fu.id)
            if rec.session.get(ComplianceReport, rid) is None:
                rec.create(ComplianceReport(id=rid, participant_id=fu.participant_id,
                                            follow_up_id=fu.id, checkin_id=fu.checkin_id,
                                            reason="missed_checkin_unresolved",
                                            reported_at=ctx.now()),
                           participant_id=fu.participant_id)
            rec.update(fu, {"status": FollowUpStatus.ESCALATED.value},
                       participant_id=fu.participant_id)
            made += 1
    return made


def list_checkins(ctx: ServiceContext, participant_id: str) -> list[CheckInView]:
    """Every entry, newest first; `corrected` marks those a later entry replaced, and
    `follow_up` is the follow-up a miss opened (the open one first, should there be two)."""
    later = aliased(CheckIn)
    with ctx.store.session() as session:
        rows = session.execute(select(CheckIn, exists().where(
            later.corrects_id == CheckIn.id)).where(
            CheckIn.participant_id.in_(file_ids(session, participant_id))).order_by(
            CheckIn.scheduled_at.desc().nulls_last(), CheckIn.created_at.desc())).all()
        follow_ups: dict[str, FollowUpView] = {}
        for f in session.scalars(select(FollowUp).where(
                FollowUp.checkin_id.in_([c.id for c, _ in rows]),
                FollowUp.deleted.is_(False)).order_by(FollowUp.due_at)):
            if follow_ups.get(f.checkin_id) is None or f.status == FollowUpStatus.OPEN:
                follow_ups[f.checkin_id] = _follow_up_view(f)
        return [CheckInView(c.id, c.participant_id, c.slot_id, c.scheduled_at, c.actual_at,
                            c.mode, c.outcome, c.wellbeing, c.needs_update, c.notes,
                            c.corrects_id, bool(corrected), follow_ups.get(c.id))
                for c, corrected in rows]


def _follow_up_view(f: FollowUp) -> FollowUpView:
    return FollowUpView(f.id, f.participant_id, f.checkin_id, f.due_at, f.status,
                        f.resolution)


def list_follow_ups(ctx: ServiceContext, participant_id: str) -> list[FollowUpView]:
    with ctx.store.session() as session:
        rows = session.scalars(select(FollowUp).where(
            FollowUp.participant_id == participant_id, FollowUp.deleted.is_(False)).order_by(
            FollowUp.due_at.desc())).all()
        return [_follow_up_view(f) for f in rows]
