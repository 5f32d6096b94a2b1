"""Referrals to community services and their status machine:
proposed -> made -> accepted -> in progress -> completed, or declined / no-show / withdrawn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.errors import IllegalTransition, ValidationError
from app.models import Referral
from app.models.enums import ReferralStatus, ReferralType
from app.services import validation as v
from app.services.context import ServiceContext
from app.services.lookup import load_live
from app.services.participants import load_participant
from app.services.recorder import recording

R = ReferralStatus
TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    R.PROPOSED: frozenset({R.MADE, R.WITHDRAWN}),
    R.MADE: frozenset({R.ACCEPTED, R.DECLINED, R.NO_SHOW, R.WITHDRAWN}),
    R.ACCEPTED: frozenset({R.IN_PROGRESS, R.COMPLETED, R.NO_SHOW, R.WITHDRAWN}),
    R.IN_PROGRESS: frozenset({R.COMPLETED, R.WITHDRAWN}),
    R.COMPLETED: frozenset(),
    R.DECLINED: frozenset(),
    R.NO_SHOW: frozenset(),
    R.WITHDRAWN: frozenset(),
}
EDITABLE = ("provider", "follow_up_on", "notes", "outcome")


@dataclass(frozen=True)
class ReferralView:
    id: str
    participant_id: str
    type: str
    provider: str
    referred_on: date
    status: str
    follow_up_on: date | None
    outcome: str | None
    notes: str | None


def _view(r: Referral) -> ReferralView:
    return ReferralView(r.id, r.participant_id, r.type, r.provider, r.referred_on, r.status,
                        r.follow_up_on, r.outcome, r.notes)


def _validate(data: dict[str, Any], *, partial: bool) -> dict[str, Any]:
    col = v.Collector()
    out: dict[str, Any] = {}
    checks = {
        "type": lambda f, x: v.choice(f, x, ReferralType, required=True),
        "provider": lambda f, x: v.text(f, x, required=True, max_len=200),
        "referred_on": lambda f, x: v.a_date(f, x, required=True),
        "follow_up_on": v.a_date,
        "notes": lambda f, x: v.text(f, x, max_len=4000, multiline=True),
        "outcome": lambda f, x: v.text(f, x, max_len=4000, multiline=True),
        "status": lambda f, x: v.choice(f, x, ReferralStatus),
    }
    unknown = set(data) - set(checks)
    if unknown:
        raise ValidationError({f: "is not a referral field" for f in sorted(unknown)})
    for field, check in checks.items():
        if field in data or not partial:
            out[field] = col.run(field, check, data.get(field))
    col.raise_if_any()
    if out.get("follow_up_on") and out.get("referred_on") and \
            out["follow_up_on"] < out["referred_on"]:
        raise ValidationError("follow_up_on", "must not be before the referral date")
    return {k: (val.value if isinstance(val, ReferralType | ReferralStatus) else val)
            for k, val in out.items()}


def make_referral(ctx: ServiceContext, participant_id: str, data: dict[str, Any]) -> str:
    data = {"referred_on": ctx.now().date(), **data}
    clean = _validate(data, partial=False)
    status = clean.pop("status") or R.PROPOSED.value
    if status not in (R.PROPOSED, R.MADE):
        raise ValidationError("status", "a new referral is proposed or made")
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        return rec.create(Referral(participant_id=p.id, status=status, **clean),
                          participant_id=p.id).id


def update_referral(ctx: ServiceContext, referral_id: str, changes: dict[str, Any]) -> None:
    bad = set(changes) - set(EDITABLE)
    if bad:
        raise ValidationError({f: "cannot be edited here" for f in sorted(bad)})
    clean = _validate(changes, partial=True)
    with recording(ctx) as rec:
        row = _load(rec.session, referral_id)
        if clean.get("follow_up_on") and clean["follow_up_on"] < row.referred_on:
            raise ValidationError("follow_up_on", "must not be before the referral date")
        rec.update(row, clean, participant_id=row.participant_id)


def allowed_moves(status: str) -> tuple[str, ...]:
    """The statuses a referral in `status` may move to, in the order of its life."""
    return tuple(s.value for s in ReferralStatus if s in TRANSITIONS[ReferralStatus(status)])


def move_referral(ctx: ServiceContext, referral_id: str, target: str,
                  outcome: str | None = None, follow_up_on: date | str | None = None) -> None:
    new = v.choice("status", target, ReferralStatus, required=True)
    assert new is not None
    changes: dict[str, Any] = {"status": new.value}
    if outcome is not None:
        changes["outcome"] = v.text("outcome", outcome, max_len=4000, multiline=True)
    follow_up = v.a_date("follow_up_on", follow_up_on)
    if follow_up is not None:
        changes["follow_up_on"] = follow_up
    with recording(ctx) as rec:
        row = _load(rec.session, referral_id)
        current = ReferralStatus(row.status)
        if new not in TRANSITIONS[current]:
            raise IllegalTransition("referral", current.value, new.value)
        if follow_up is not None and follow_up < row.referred_on:
            raise ValidationError("follow_up_on", "must not be before the referral date")
        if not TRANSITIONS[new]:
            changes["follow_up_on"] = None  # closed: nothing left to follow up
        rec.update(row, changes, participant_id=row.participant_id, action="status")


def list_referrals(ctx: ServiceContext, participant_id: str) -> list[ReferralView]:
    with ctx.store.session() as session:
        rows = session.scalars(select(Referral).where(
            Referral.participant_id == participant_id, Referral.deleted.is_(False)).order_by(
            Referral.referred_on.desc())).all()
        return [_view(r) for r in rows]


def _load(session: Any, referral_id: str) -> Referral:
    return load_live(session, Referral, referral_id, "referral")
