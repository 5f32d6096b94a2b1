"""Supervision agreements: create, amend (a new version; the old one kept), list versions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.errors import ValidationError
from app.models import SupervisionAgreement
from app.models.enums import ParticipantStatus, ReportingFrequency, ReportingMode
from app.models.wire import wire_fields
from app.services import validation as v
from app.services.checkin_schedule import generate_slots
from app.services.context import ServiceContext
from app.services.lookup import load_live
from app.services.participants import load_participant
from app.services.recorder import recording

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

CONDITION_FIELDS = (
    "effective_on", "review_on", "end_on", "reporting_frequency", "custom_interval_days",
    "reporting_mode", "reporting_time", "residency_address", "curfew", "programming",
    "conditions", "compliance_window_days", "signed_by_participant_on",
    "signed_by_caseworker_on", "cbsa_officer",
)


@dataclass(frozen=True)
class AgreementView:
    id: str
    participant_id: str
    version_no: int
    current: bool
    supersedes_id: str | None
    superseded_on: date | None
    amendment_reason: str | None
    fields: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["fields"][name]
        except KeyError:
            raise AttributeError(name) from None


def _time(field: str, value: Any) -> str:
    out = v.text(field, value, max_len=5) or "10:00"
    if _TIME.match(out) is None:
        raise ValidationError(field, "must be a time as HH:MM (24-hour)")
    return out


def validate_conditions(data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(CONDITION_FIELDS)
    if unknown:
        raise ValidationError({f: "is not an agreement field" for f in sorted(unknown)})
    col = v.Collector()
    out: dict[str, Any] = {
        "effective_on": col.run("effective_on", v.a_date, data.get("effective_on"),
                                required=True),
        "review_on": col.run("review_on", v.a_date, data.get("review_on")),
        "end_on": col.run("end_on", v.a_date, data.get("end_on")),
        "reporting_frequency": col.run("reporting_frequency", v.choice,
                                       data.get("reporting_frequency"), ReportingFrequency,
                                       required=True),
        "reporting_mode": col.run("reporting_mode", v.choice, data.get("reporting_mode"),
                                  ReportingMode, required=True),
        "reporting_time": col.run("reporting_time", _time, data.get("reporting_time")),
        "residency_address": col.run("residency_address", v.text,
                                     data.get("residency_address"), max_len=300),
        "curfew": col.run("curfew", v.text, data.get("curfew"), max_len=40),
        "programming": col.run("programming", v.text_list, data.get("programming")),
        "conditions": col.run("conditions", v.text, data.get("conditions"), max_len=4000,
                              multiline=True),
        "compliance_window_days": col.run("compliance_window_days", v.positive_int,
                                          data.get("compliance_window_days", 7), maximum=90),
        "signed_by_participant_on": col.run("signed_by_participant_on", v.a_date,
                                            data.get("signed_by_participant_on")),
        "signed_by_caseworker_on": col.run("signed_by_caseworker_on", v.a_date,
                                           data.get("signed_by_caseworker_on")),
        "cbsa_officer": col.run("cbsa_officer", v.text, data.get("cbsa_officer"),
                                max_len=200),
        "custom_interval_days": None,
    }
    if out["reporting_frequency"] == ReportingFrequency.CUSTOM:
        out["custom_interval_days"] = col.run("custom_interval_days", v.positive_int,
                                              data.get("custom_interval_days"), maximum=365)
    col.raise_if_any()
    start = out["effective_on"]
    for later in ("review_on", "end_on"):
        if out[later] is not None and out[later] < start:
            col.errors[later] = "must not be before the effective date"
    col.raise_if_any()
    for key in ("reporting_frequency", "reporting_mode"):
        out[key] = out[key].value
    return out


def _current(session: Any, participant_id: str) -> SupervisionAgreement | None:
    return session.scalar(select(SupervisionAgreement).where(
        SupervisionAgreement.participant_id == participant_id,
        SupervisionAgreement.superseded_on.is_(None),
        SupervisionAgreement.deleted.is_(False)).order_by(
        SupervisionAgreement.version_no.desc()).limit(1))


def create_agreement(ctx: ServiceContext, participant_id: str, data: dict[str, Any]) -> str:
    """The first agreement of a participant (accepted or active), with its first slots."""
    conditions = validate_conditions(data)
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        if p.status not in (ParticipantStatus.ACCEPTED, ParticipantStatus.ACTIVE,
                            ParticipantStatus.SUSPENDED):
            raise ValidationError("participant", "must be accepted before an agreement is "
                                  "signed")
        if _current(rec.session, p.id) is not None:
            raise ValidationError("agreement", "this participant already has an agreement; "
                                  "amend it instead")
        row = rec.create(SupervisionAgreement(participant_id=p.id, version_no=1,
                                              **conditions), participant_id=p.id)
        rec.session.flush()
        generate_slots(rec, row, until=ctx.now().date())
        return row.id


def amend_agreement(ctx: ServiceContext, agreement_id: str, changes: dict[str, Any],
                    reason: str) -> str:
    """A new version from the changed conditions; the old version is kept, marked
    superseded from the new effective date. Returns the new version's id."""
    why = v.text("amendment_reason", reason, required=True, max_len=1000, multiline=True)
    with recording(ctx) as rec:
        old = load_live(rec.session, SupervisionAgreement, agreement_id, "agreement")
        if old.superseded_on is not None:
            raise ValidationError("agreement", "only the current version can be amended")
        merged = {f: getattr(old, f) for f in CONDITION_FIELDS}
        merged.update(changes)
        conditions = validate_conditions(merged)
        if conditions["effective_on"] < old.effective_on:
            raise ValidationError("effective_on", "must not be before the current version's "
                                  "effective date")
        new = rec.create(SupervisionAgreement(
            participant_id=old.participant_id, version_no=old.version_no + 1,
            supersedes_id=old.id, amendment_reason=why, **conditions),
            participant_id=old.participant_id)
        rec.update(old, {"superseded_on": conditions["effective_on"]},
                   participant_id=old.participant_id, action="amend")
        rec.session.flush()
        generate_slots(rec, new, until=ctx.now().date())
        return new.id


def list_agreements(ctx: ServiceContext, participant_id: str) -> list[AgreementView]:
    """Every version, newest first."""
    with ctx.store.session() as session:
        rows = session.scalars(select(SupervisionAgreement).where(
            SupervisionAgreement.participant_id == participant_id,
            SupervisionAgreement.deleted.is_(False)).order_by(
            SupervisionAgreement.version_no.desc())).all()
        return [view_of(r) for r in rows]


def current_agreement(ctx: ServiceContext, participant_id: str) -> AgreementView | None:
    with ctx.store.session() as session:
        row = _current(session, participant_id)
        return view_of(row) if row is not None else None


def view_of(row: SupervisionAgreement) -> AgreementView:
    return AgreementView(
        id=row.id, participant_id=row.participant_id, version_no=row.version_no,
        current=row.superseded_on is None, supersedes_id=row.supersedes_id,
        superseded_on=row.superseded_on, amendment_reason=row.amendment_reason,
        fields={f: getattr(row, f) for f in wire_fields(SupervisionAgreement)})
