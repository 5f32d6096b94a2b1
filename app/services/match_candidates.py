"""The matcher's candidate lookup: indexes only, never a scan of every participant.

Client ID (and every ID one digit away), external reference, phone digits (with and without
the country code), the exact and the day/month-swapped date of birth, and the device-local
name keys (`name_keys`), also in the birth years a re-entry may have lost or mistyped for
the name words rare there (`rare_keys`), and, in the query's own birth year, the skeletons
one letter away from its words when none is known there as typed (`near_keys`).
Then the few rows found, their aliases, and where merges took them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Alias, Participant, ParticipantNameKey
from app.services import match_scoring as ms
from app.services.countries import STATELESS, country_code
from app.services.name_keys import (
    NO_YEAR,
    Name,
    birth_year,
    form_keys,
    full_key,
    reading_keys,
    token_keys,
)
from app.services.text import digits

CANDIDATE_LIMIT = 3_000  # rows per lookup, a bound for pathological keys
MERGE_HOPS = 10
# Other birth years are searched only for a name word this rare in them (`rare_keys`).
RARE_WORD_FILES = 40
MIN_RARE_WORD = 3  # skeleton letters: "li" or "ho" is never rare enough to be worth it
# Letters a skeleton can hold (`name_keys.skeleton`): consonants after the spelling rules,
# "h" after a vowel, and "a" for a leading vowel.
SKELETON_LETTERS = "bdfghjklmnprstvx"
FIRST_YEAR, LAST_YEAR = 1900, 2030


@dataclass(frozen=True)
class Row:
    id: str
    family_name: str
    given_names: str | None
    date_of_birth: str | None
    client_id: str | None
    external_ref: str | None
    phone_digits: str | None
    merged_into_id: str | None
    deleted: bool
    citizenship: str | None


COLUMNS = (Participant.id, Participant.family_name, Participant.given_names,
           Participant.date_of_birth, Participant.client_id, Participant.external_ref,
           Participant.phone_digits, Participant.merged_into_id, Participant.deleted,
           Participant.citizenship)


@lru_cache(maxsize=1024)
def citizenship_code(value: str | None) -> str | None:
    """The country a file's citizenship names, as evidence: None for stateless, for an empty
    value and for text that names no country of the list (kept as an old system wrote it)."""
    code = country_code(value) if value else None
    return None if code == STATELESS else code


@dataclass(frozen=True)
class MatchQuery:
    names: tuple[ms.NameForm, ...]
    raw_names: tuple[Name, ...]
    dob: str | None
    client_id: str
    external_ref: str | None
    phones: frozenset[str]
    citizenship: str | None  # a country's code (`citizenship_code`), or None

    @classmethod
    def of(cls, data: dict[str, Any]) -> MatchQuery:
        raw: list[Name] = [(data.get("family_name"), data.get("given_names"))]
        raw += [(a.get("family_name"), a.get("given_names")) for a in data.get("aliases") or []]
        raw = [n for n in raw if (n[0] or n[1])]
        return cls(tuple(ms.NameForm.of(n) for n in raw), tuple(raw),
                   data.get("date_of_birth") or None, digits(data.get("client_id")),
                   str(data.get("external_ref") or "").strip() or None,
                   frozenset(ms.phone_forms(digits(data.get("phone")))),
                   citizenship_code(data.get("citizenship")))


def candidate_ids(session: Session, q: MatchQuery) -> set[str]:
    ids: set[str] = set()

    def add(stmt: Any) -> None:
        ids.update(session.scalars(stmt.limit(CANDIDATE_LIMIT)))

    if len(q.client_id) >= 6:
        near = {q.client_id, *ms.client_id_variants(q.client_id)}
        add(select(Participant.id).where(Participant.client_id.in_(sorted(near))))
    if q.external_ref:
        add(select(Participant.id).where(Participant.external_ref == q.external_ref))
    if q.phones:
        add(select(Participant.id).where(Participant.phone_digits.in_(sorted(q.phones))))
    if q.dob and len(q.dob) == 10:
        dates = {q.dob, f"{q.dob[:4]}-{q.dob[8:10]}-{q.dob[5:7]}"}
        add(select(Participant.id).where(Participant.date_of_birth.in_(sorted(dates))))
    keys = lookup_keys(q) | rare_keys(session, q) | near_keys(session, q)
    if keys:
        add(select(ParticipantNameKey.participant_id).where(
            ParticipantNameKey.key.in_(sorted(keys))).distinct())
    return ids


def lookup_keys(q: MatchQuery) -> set[str]:
    years = {birth_year(q.dob), NO_YEAR}
    keys: set[str] = set()
    for name, form in zip(q.raw_names, q.names, strict=True):
        keys.update(f"f:{k}" for k in (form.key, full_key(name)) if k)
        # Words in Somali orthography are also looked up as other spellings write them, and
        # every word in its other forms (Lee as Yi, Paco as Francisco).
        keys.update(f"t{y}:{k}" for k in token_keys(name) | reading_keys(name)
                    | form_keys(name) for y in years)
    return keys


def other_years(dob: str | None) -> set[str]:
    """Birth years a re-entry may have lost or mistyped: every year when it gives none,
    else the years one digit away in the decade or the year."""
    year = birth_year(dob)
    if year == NO_YEAR:
        return {str(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)}
    out = {year[:i] + d + year[i + 1:] for i in (2, 3) for d in "0123456789"}
    return {y for y in out if FIRST_YEAR <= int(y) <= LAST_YEAR} - {year}


def near_skeletons(sk: str) -> set[str]:
    """Skeletons one letter away (dropped, added or replaced) from `sk`: a typo in a word
    often changes its skeleton (Kalria "klr" / Ktlria "ktlr", Mandra "mndr" / Madra "mdr").
    Only for skeletons of three letters or more; none shorter than three."""
    if len(sk) < MIN_RARE_WORD or not sk.isascii():
        return set()
    out: set[str] = set()
    for i in range(len(sk) + 1):
        first = i == 0
        letters = SKELETON_LETTERS + ("a" if first else "")
        if i < len(sk):
            out.add(sk[:i] + sk[i + 1:])
            out.update(sk[:i] + c + sk[i + 1:] for c in letters)
        out.update(sk[:i] + c + sk[i:] for c in letters)
    # A skeleton never holds a letter twice in a row, nor "a" after its first letter.
    return {v for v in out if len(v) >= MIN_RARE_WORD and v != sk and "a" not in v[1:]
            and all(a != b for a, b in pairwise(v))}


def near_keys(session: Session, q: MatchQuery) -> set[str]:
    """The blocks of the skeletons one letter away from each query word (`near_skeletons`),
    in the query's birth year and among files with no year, when no word of the query is
    known there as typed: a word that is (most likely spelled right) already brings its
    files, and a near name beside it would mostly bring other people (Harjeet Kandra
    finding Harjesh Mandra). Counted first; a word's neighbourhood holding more than
    `RARE_WORD_FILES` files brings none of them."""
    years = sorted({birth_year(q.dob), NO_YEAR})
    words = {k for name in q.raw_names for k in token_keys(name)}
    # The query's own words first (a handful of keys): most are known, and then their
    # hundreds of neighbours are neither made nor counted.
    exact = sorted(f"t{y}:{k}" for k in words for y in years)
    if not exact or session.scalar(select(ParticipantNameKey.key).where(
            ParticipantNameKey.key.in_(exact)).limit(1)) is not None:
        return set()
    by_word = {k: [f"t{y}:{v}" for v in sorted(near) for y in years]
               for k in words if (near := near_skeletons(k))}
    if not by_word:
        return set()
    wanted = sorted({k for keys in by_word.values() for k in keys})
    counts = dict(session.execute(
        select(ParticipantNameKey.key, func.count()).where(ParticipantNameKey.key.in_(wanted))
        .group_by(ParticipantNameKey.key)).all())
    out: set[str] = set()
    for keys in by_word.values():
        if sum(counts.get(k, 0) for k in keys) <= RARE_WORD_FILES:
            out.update(k for k in keys if counts.get(k))
    return out


def rare_keys(session: Session, q: MatchQuery) -> set[str]:
    """Name-word blocks in the other birth years (`other_years`), for the words rare enough
    there: a re-entry that kept one name right but lost or mistyped its birth date and
    mistyped the other name is found by that word alone. Counted first (from the index),
    so a common word never brings thousands of files."""
    by_word = rare_candidates(q)
    if not by_word:
        return set()
    wanted = sorted(k for keys in by_word.values() for k in keys)
    counts = dict(session.execute(
        select(ParticipantNameKey.key, func.count()).where(ParticipantNameKey.key.in_(wanted))
        .group_by(ParticipantNameKey.key)).all())
    return pick_rare(by_word, counts)


def rare_candidates(q: MatchQuery) -> dict[str, list[str]]:
    """Each long enough name word -> its keys in the other birth years."""
    years = other_years(q.dob)
    by_word: dict[str, list[str]] = {}
    for name in q.raw_names:
        for k in token_keys(name) | reading_keys(name):
            if len(k) >= MIN_RARE_WORD:
                by_word.setdefault(k, []).extend(f"t{y}:{k}" for y in sorted(years))
    return by_word


def pick_rare(by_word: dict[str, list[str]], counts: dict[str, int]) -> set[str]:
    """The keys (with files) of the words rare enough in the other years taken together."""
    out: set[str] = set()
    for keys in by_word.values():
        if sum(counts.get(k, 0) for k in keys) <= RARE_WORD_FILES:
            out.update(k for k in keys if counts.get(k))
    return out


def fetch(session: Session, ids: Sequence[str]) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for i in range(0, len(ids), 500):
        for r in session.execute(select(*COLUMNS).where(Participant.id.in_(ids[i:i + 500]))):
            values: tuple[Any, ...] = tuple(r)  # ten columns: past select()'s typed forms
            out[r[0]] = Row(*values)
    return out


def aliases_of(session: Session, ids: Sequence[str]) -> dict[str, list[Name]]:
    out: dict[str, list[Name]] = {}
    for i in range(0, len(ids), 500):
        for pid, family, given in session.execute(
                select(Alias.participant_id, Alias.family_name, Alias.given_names).where(
                    Alias.participant_id.in_(ids[i:i + 500]), Alias.deleted.is_(False))):
            out.setdefault(pid, []).append((family, given))
    return out


def resolve_merges(session: Session, rows: dict[str, Row]) -> dict[str, Row | None]:
    """Each hit -> the live file it stands for (itself, or where a merge took it)."""
    targets: dict[str, Row | None] = {}
    known = dict(rows)
    for rid, row in rows.items():
        current: Row | None = row
        hops = 0
        while current is not None and current.merged_into_id and hops < MERGE_HOPS:
            nxt = current.merged_into_id
            if nxt not in known:
                known.update(fetch(session, [nxt]))
            current = known.get(nxt)
            hops += 1
        live = current is not None and not current.deleted and not current.merged_into_id
        targets[rid] = current if live else None
    return targets
