"""Probable duplicates: one matcher for intake (and any other caller). Candidates come from
indexes only (client ID, phone digits, external reference, FTS trigrams of the names); each
is scored on names (order, accents and case ignored, typos tolerated), date of birth and
exact identifiers, and returned with its reasons."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.models import Alias, Participant
from app.services.context import ServiceContext
from app.services.text import digits, fold
from app.services.views import DuplicateCandidate
from app.store.fts import FTS_TABLE

CANDIDATE_LIMIT = 200
THRESHOLD = 0.55

REASONS = {
    "same_client_id": "same client ID",
    "same_external_ref": "same reference in the old system",
    "same_phone": "same phone number",
    "same_name": "same name",
    "similar_name": "name spelled differently",
    "alias_match": "matches an alias",
    "same_dob": "same date of birth",
    "similar_dob": "date of birth nearly the same",
    "same_birth_year": "same year of birth",
}


def _names(family: str | None, given: str | None) -> str:
    return fold(" ".join(p for p in (family, given) if p))


def _name_score(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return max(fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b) * 0.95) / 100


def _dob_score(a: str | None, b: str | None) -> tuple[float, str | None]:
    if not a or not b:
        return 0.0, None
    if a == b:
        return 1.0, "same_dob"
    if a[:4] == b[:4] and (len(a) == 4 or len(b) == 4):
        return 0.5, "same_birth_year"
    if len(a) == len(b) == 10:
        diff = sum(x != y for x, y in zip(a, b, strict=True))
        swapped = a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]
        if diff == 1 or swapped:
            return 0.7, "similar_dob"
    return 0.0, None


def _candidate_ids(session: Session, data: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    cid = digits(data.get("client_id"))
    if cid:
        ids.update(session.scalars(select(Participant.id).where(Participant.client_id == cid)))
    phone = digits(data.get("phone"))
    if len(phone) >= 7:
        ids.update(session.scalars(select(Participant.id).where(
            Participant.phone_digits == phone)))
    if data.get("external_ref"):
        ids.update(session.scalars(select(Participant.id).where(
            Participant.external_ref == data["external_ref"])))
    tokens = [t for t in fold(f"{data.get('family_name') or ''} "
                              f"{data.get('given_names') or ''}").split() if len(t) >= 3]
    for token in tokens[:4]:
        # Any three-letter run of a name: typos elsewhere in the name still match.
        grams = {token[i:i + 3] for i in range(len(token) - 2)}
        match = " OR ".join('"' + g.replace('"', '""') + '"' for g in sorted(grams)[:12])
        rows = session.execute(text(
            f"SELECT p.id FROM {FTS_TABLE} JOIN participant p ON p.rowid = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH :m ORDER BY rank LIMIT :n"),
            {"m": match, "n": CANDIDATE_LIMIT})
        ids.update(r[0] for r in rows)
    return ids


def find_duplicates(ctx: ServiceContext, data: dict[str, Any],
                    top: int = 5) -> list[DuplicateCandidate]:
    with ctx.store.session() as session:
        return find_duplicates_in(session, data, top)


def find_duplicates_in(session: Session, data: dict[str, Any],
                       top: int = 5) -> list[DuplicateCandidate]:
    ids = _candidate_ids(session, data)
    if not ids:
        return []
    wanted = _names(data.get("family_name"), data.get("given_names"))
    cid, phone = digits(data.get("client_id")), digits(data.get("phone"))
    out: list[DuplicateCandidate] = []
    people = session.scalars(select(Participant).where(
        Participant.id.in_(ids), Participant.deleted.is_(False),
        Participant.merged_into_id.is_(None))).all()
    aliases: dict[str, list[str]] = {}
    for a in session.scalars(select(Alias).where(Alias.participant_id.in_(ids),
                                                 Alias.deleted.is_(False))):
        aliases.setdefault(a.participant_id, []).append(_names(a.family_name, a.given_names))
    for p in people:
        reasons: list[str] = []
        score = 0.0
        if cid and p.client_id == cid:
            reasons.append("same_client_id")
            score = max(score, 0.95)
        if data.get("external_ref") and p.external_ref == data["external_ref"]:
            reasons.append("same_external_ref")
            score = max(score, 0.95)
        name = _name_score(wanted, _names(p.family_name, p.given_names))
        alias = max((_name_score(wanted, a) for a in aliases.get(p.id, [])), default=0.0)
        best = max(name, alias)
        if best >= 0.99:
            reasons.append("same_name")
        elif best >= 0.75:
            reasons.append("alias_match" if alias > name else "similar_name")
        dob, dob_reason = _dob_score(data.get("date_of_birth"), p.date_of_birth)
        if dob_reason:
            reasons.append(dob_reason)
        if phone and p.phone_digits == phone:
            reasons.append("same_phone")
        combined = 0.6 * best + 0.3 * dob + (0.15 if "same_phone" in reasons else 0.0)
        score = min(1.0, max(score, combined))
        if score >= THRESHOLD and reasons:
            out.append(DuplicateCandidate(
                participant_id=p.id, display_name=(f"{p.family_name}, {p.given_names}"
                                                   if p.given_names else p.family_name),
                date_of_birth=p.date_of_birth, client_id=p.client_id,
                external_ref=p.external_ref, score=round(score, 3), reasons=tuple(reasons)))
    out.sort(key=lambda c: (-c.score, c.display_name))
    return out[:top]
