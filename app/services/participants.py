"""Intake and the participant's profile: create, edit, aliases, household, read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.models import Alias, Caseworker, HouseholdMember, Participant, new_id
from app.models.enums import ParticipantStatus, ReferralSource
from app.models.wire import wire_fields
from app.services import validation as v
from app.services.context import ServiceContext
from app.services.countries import country_code
from app.services.lookup import MAX_MERGE_HOPS, file_ids, load_live
from app.services.name_keys import write_keys
from app.services.recorder import ChangeRecorder, recording
from app.services.text import build_search_text, digits, file_numbers
from app.services.views import (
    AliasView,
    HouseholdLinkView,
    HouseholdMemberView,
    ParticipantDetail,
    display_name,
)

# Editable profile fields and how each is checked. Status has its own service
# (participant_status), ids and derived columns are never edited directly.
PROFILE_FIELDS: dict[str, Any] = {
    "family_name": lambda f, x: v.name(f, x, required=True),
    "given_names": v.name,
    "client_id": v.client_id,
    "external_ref": lambda f, x: v.text(f, x, max_len=100),
    "date_of_birth": v.partial_date,
    "sex": lambda f, x: v.text(f, x, max_len=20),
    "gender": lambda f, x: v.text(f, x, max_len=60),
    "citizenship": lambda f, x: _citizenship(f, x),
    "languages": v.text_list,
    "interpreter_needed": v.boolean,
    "phone": v.phone,
    "email": v.email,
    "address_line": lambda f, x: v.text(f, x, max_len=300),
    "city": lambda f, x: v.text(f, x, max_len=120),
    "province": v.province,
    "postal_code": v.postal_code,
    "caseworker_id": lambda f, x: v.text(f, x, max_len=36),
    "referral_source": lambda f, x: v.choice(f, x, ReferralSource),
    "referral_office": lambda f, x: v.text(f, x, max_len=200),
    "referral_date": v.a_date,
    "detention_facility": lambda f, x: v.text(f, x, max_len=200),
    "needs": lambda f, x: _needs(f, x),
    "risk_flags": v.text_list,
    "vulnerability_flags": v.text_list,
    "consent_to_share": v.text_list,
    "consent_recorded_on": v.a_date,
}


def _needs(field: str, value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValidationError(field, "must map each need to a note")
    out: dict[str, str] = {}
    for key, note in value.items():
        k = v.text(field, key, required=True, max_len=60)
        out[str(k)] = v.text(field, note, max_len=2000, multiline=True) or ""
    return out


def _citizenship(field: str, value: Any) -> str | None:
    """A country's name (English or French) or code is kept as its code ("Haïti" -> "HT"),
    at intake and import alike; other text as written."""
    text = v.text(field, value, max_len=60)
    return None if text is None else country_code(text) or text


def validate_profile(data: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Clean every given field; collect all errors. `partial` allows missing required ones."""
    unknown = set(data) - set(PROFILE_FIELDS) - {"aliases", "household", "status"}
    if unknown:
        raise ValidationError({f: "is not a participant field" for f in sorted(unknown)})
    col = v.Collector()
    out: dict[str, Any] = {}
    for field, check in PROFILE_FIELDS.items():
        if field in data or (not partial and field == "family_name"):
            out[field] = col.run(field, check, data.get(field))
    col.raise_if_any()
    return out


def validate_alias(data: dict[str, Any]) -> dict[str, Any]:
    col = v.Collector()
    out = {"family_name": col.run("alias.family_name", v.name, data.get("family_name"),
                                  required=True),
           "given_names": col.run("alias.given_names", v.name, data.get("given_names"))}
    col.raise_if_any()
    return out


# A household member's fields and how each is checked.
HOUSEHOLD_FIELDS: dict[str, Any] = {
    "name": lambda f, x: v.name(f, x, required=True),
    "relationship": lambda f, x: v.text(f, x, required=True, max_len=40),
    "date_of_birth": v.partial_date,
    "dependant": v.boolean,
    "linked_participant_id": lambda f, x: v.text(f, x, max_len=36),
}


def validate_household_member(data: dict[str, Any], *,
                              partial: bool = False) -> dict[str, Any]:
    """Clean a member's fields; `partial` (an edit) checks only the fields given."""
    unknown = set(data) - set(HOUSEHOLD_FIELDS)
    if unknown:
        raise ValidationError({f"household.{f}": "is not a household member field"
                               for f in sorted(unknown)})
    col = v.Collector()
    out = {field: col.run(f"household.{field}", check, data.get(field))
           for field, check in HOUSEHOLD_FIELDS.items() if field in data or not partial}
    col.raise_if_any()
    return out


def create_participant(ctx: ServiceContext, data: dict[str, Any]) -> str:
    """Intake: a new participant (status 'referred') with optional `aliases` and `household`
    lists. Callers show `find_duplicates` first; this does not refuse a probable duplicate."""
    profile = validate_profile(data)
    aliases = [validate_alias(a) for a in data.get("aliases") or []]
    household = [validate_household_member(h) for h in data.get("household") or []]
    with recording(ctx) as rec:
        return create_participant_in(rec, profile, aliases, household)


def create_participant_in(rec: ChangeRecorder, profile: dict[str, Any],
                          aliases: list[dict[str, Any]],
                          household: list[dict[str, Any]],
                          participant_id: str | None = None,
                          status: str = ParticipantStatus.REFERRED.value) -> str:
    """The write half of intake, inside a caller's transaction (bulk import and seed use it
    to put many people in one transaction). `status`: an import keeps the old system's."""
    ctx = rec.ctx
    _check_caseworker(rec.session, profile.get("caseworker_id"))
    if profile.get("caseworker_id") is None and ctx.actor_id:
        profile["caseworker_id"] = ctx.actor_id
    p = Participant(id=participant_id or new_id(), **profile,
                    status=status, status_changed_at=ctx.now())
    _derive(p, [(a["family_name"], a["given_names"]) for a in aliases])
    rec.create(p, participant_id=p.id)
    for a in aliases:
        rec.create(Alias(participant_id=p.id, **a), participant_id=p.id)
    write_keys(rec.session, p.id, [(p.family_name, p.given_names),
                                   *((a["family_name"], a["given_names"]) for a in aliases)],
               p.date_of_birth)
    for h in household:
        _resolve_link(rec.session, p.id, h)
        rec.create(HouseholdMember(participant_id=p.id, **h), participant_id=p.id)
    return p.id


def update_participant(ctx: ServiceContext, participant_id: str,
                       changes: dict[str, Any]) -> dict[str, Any]:
    """Edit profile fields; returns the changed fields ({} when nothing changed)."""
    clean = validate_profile(changes, partial=True)
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        _check_caseworker(rec.session, clean.get("caseworker_id"))
        diff = rec.update(p, clean, participant_id=p.id)
        if diff:
            _refresh_search(rec.session, p)
        return diff


def add_alias(ctx: ServiceContext, participant_id: str, data: dict[str, Any]) -> str:
    alias = validate_alias(data)
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        row = rec.create(Alias(participant_id=p.id, **alias), participant_id=p.id)
        rec.session.flush()
        _refresh_search(rec.session, p)
        return row.id


def remove_alias(ctx: ServiceContext, alias_id: str) -> None:
    with recording(ctx) as rec:
        row = load_live(rec.session, Alias, alias_id, "alias")
        rec.delete(row, participant_id=row.participant_id)
        rec.session.flush()
        _refresh_search(rec.session, load_participant(rec.session, row.participant_id))


def add_household_member(ctx: ServiceContext, participant_id: str,
                         data: dict[str, Any]) -> str:
    member = validate_household_member(data)
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        _resolve_link(rec.session, p.id, member)
        return rec.create(HouseholdMember(participant_id=p.id, **member),
                          participant_id=p.id).id


def update_household_member(ctx: ServiceContext, member_id: str,
                            changes: dict[str, Any]) -> dict[str, Any]:
    """Edit a member (a name spelled better, a birth date learnt, a link to the member's own
    file made or undone); returns the changed fields ({} when nothing changed)."""
    clean = validate_household_member(changes, partial=True)
    with recording(ctx) as rec:
        row = load_live(rec.session, HouseholdMember, member_id, "household member")
        owner = load_participant(rec.session, row.participant_id)
        _resolve_link(rec.session, owner.id, clean)
        return rec.update(row, clean, participant_id=owner.id)


def remove_household_member(ctx: ServiceContext, member_id: str) -> None:
    with recording(ctx) as rec:
        row = load_live(rec.session, HouseholdMember, member_id, "household member")
        rec.delete(row, participant_id=row.participant_id)


def get_participant(ctx: ServiceContext, participant_id: str, *,
                    record_view: bool = True) -> ParticipantDetail:
    """The participant file. Opening it is audited (who looked at whom, when). Refused while
    the device is past its office's maximum days offline."""
    from app.services.offline_lock import ensure_files_unlocked

    ensure_files_unlocked(ctx)
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        if record_view:
            rec.audit("view", "participant", p.id, p.id)
        return detail_of(rec.session, p)


def detail_of(session: Session, p: Participant) -> ParticipantDetail:
    aliases = session.scalars(select(Alias).where(Alias.participant_id == p.id,
                                                  Alias.deleted.is_(False))).all()
    members = session.scalars(select(HouseholdMember).where(
        HouseholdMember.participant_id == p.id, HouseholdMember.deleted.is_(False))).all()
    fields = {f: getattr(p, f) for f in wire_fields(Participant)}
    return ParticipantDetail(
        id=p.id, version=p.version, fields=fields, merged_into_id=p.merged_into_id,
        aliases=tuple(AliasView(a.id, a.family_name, a.given_names) for a in aliases),
        household=tuple(HouseholdMemberView(m.id, m.name, m.relationship, m.date_of_birth,
                                            m.dependant, m.linked_participant_id,
                                            _linked_name(session, m.linked_participant_id))
                        for m in members),
        named_in=_named_in(session, p.id),
    )


def _named_in(session: Session, participant_id: str) -> tuple[HouseholdLinkView, ...]:
    """The live files whose household links a member to this file (or to a file merged
    into it)."""
    rows = session.execute(
        select(HouseholdMember.id, Participant.id, Participant.family_name,
               Participant.given_names, HouseholdMember.relationship)
        .join(Participant, Participant.id == HouseholdMember.participant_id)
        .where(HouseholdMember.linked_participant_id.in_(file_ids(session, participant_id)),
               HouseholdMember.deleted.is_(False), Participant.deleted.is_(False),
               Participant.id != participant_id)
        .order_by(Participant.family_name, Participant.given_names, HouseholdMember.id))
    return tuple(HouseholdLinkView(member_id, owner, display_name(family, given), relationship)
                 for member_id, owner, family, given, relationship in rows)


def _linked_name(session: Session, linked_id: str | None) -> str | None:
    """The name on the member's own file, if this device has it (a merged file's id names
    the file it went into); None when there is no link or the file is not here."""
    if linked_id is None:
        return None
    try:
        target = load_participant(session, linked_id)
    except NotFound:
        return None
    return display_name(target.family_name, target.given_names)


def load_participant(session: Session, participant_id: str, *,
                     follow_merge: bool = True) -> Participant:
    """The live file `participant_id` names. A merged file's id names the file that absorbed
    it, for writes too: an edit, note or check-in made through it belongs to the person's
    one file, not to the tombstone no list shows. Only the merge itself asks for the merged
    file as it is (`follow_merge=False`)."""
    p = session.get(Participant, participant_id)
    # Chains are short (a merged file's own merges are re-pointed), but bounded.
    hops = 0
    while follow_merge and p is not None and p.merged_into_id and hops < 10:
        p = session.get(Participant, p.merged_into_id)
        hops += 1
    if p is None or (p.deleted and not p.merged_into_id):
        raise NotFound("participant", participant_id)
    return p


def _resolve_link(session: Session, owner_id: str, member: dict[str, Any]) -> None:
    """A member's link names a live file other than the owner's: a merged file's id is
    written as the file it went into."""
    linked = member.get("linked_participant_id")
    if linked is None:
        return
    try:
        target = load_participant(session, linked)
    except NotFound:
        raise ValidationError("household.linked_participant_id",
                              "is not a participant file on this computer") from None
    if target.id == owner_id:
        raise ValidationError("household.linked_participant_id",
                              "is this participant's own file")
    member["linked_participant_id"] = target.id


def _check_caseworker(session: Session, caseworker_id: str | None) -> None:
    if caseworker_id is not None and session.get(Caseworker, caseworker_id) is None:
        raise ValidationError("caseworker_id", "is not a known caseworker")


def _derive(p: Participant, aliases: list[tuple[str, str | None]],
            merged: Sequence[str] = ()) -> None:
    p.phone_digits = digits(p.phone) or None
    p.search_text = build_search_text(
        p.family_name, p.given_names, [f"{a} {b or ''}" for a, b in aliases], p.client_id,
        p.phone, p.external_ref, merged)


def _merged_numbers(session: Session, participant_id: str) -> list[str]:
    """The client IDs, phones and references of the files merged into this one: searched
    for, they find it (a value not chosen at the merge stays only on the tombstone)."""
    ids = file_ids(session, participant_id)[1:]
    if not ids:
        return []
    return [n for row in session.execute(select(
        Participant.client_id, Participant.phone, Participant.external_ref).where(
        Participant.id.in_(ids)).order_by(Participant.id)) for n in file_numbers(*row)]


def _live_end(session: Session, p: Participant) -> Participant | None:
    """The live file a merged file went into, if this device has it."""
    current: Participant | None = p
    for _ in range(MAX_MERGE_HOPS):
        if current is None or not current.merged_into_id:
            break
        current = session.get(Participant, current.merged_into_id)
    return current if current is not None and not current.merged_into_id else None


def _refresh_search(session: Session, p: Participant) -> None:
    """Derived columns and the matcher's name keys are local (never synced), so they change
    without the recorder. A merged file's numbers are searched on the file it went into:
    that one is refreshed too."""
    aliases = session.execute(select(Alias.family_name, Alias.given_names).where(
        Alias.participant_id == p.id, Alias.deleted.is_(False))).all()
    _derive(p, [(a, b) for a, b in aliases], _merged_numbers(session, p.id))
    write_keys(session, p.id, [(p.family_name, p.given_names), *((a, b) for a, b in aliases)],
               p.date_of_birth)
    if p.merged_into_id:
        end = _live_end(session, p)
        if end is not None and end is not p:
            session.flush()
            _refresh_search(session, end)


refresh_search = _refresh_search
