"""The participant list: search (FTS5: trigrams, and words for terms of one or two
characters; `app.store.fts`), filters and sorting, all in SQL, in pages.

Sorted search at national scale has two good plans and the planner cannot tell them apart:
a term matching few people (a client ID, a phone) is fastest fetched by rowid and sorted; a
term matching thousands (a common name fragment) is fastest by walking the name index in
order and stopping after one page. We count the FTS matches first (about a millisecond) and
pick the plan; the unary `+` keeps SQLite from using the rowid lookup in the second plan."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, Select, func, literal_column, select, text
from sqlalchemy.orm import Session

from app.models import Caseworker, Participant
from app.models.enums import OPEN_PARTICIPANT_STATUSES
from app.services.context import ServiceContext
from app.services.latin import to_latin
from app.services.text import CONSONANT_MARK, consonant_form, fold
from app.services.views import Page, ParticipantSummary
from app.store.fts import FTS_TABLE, WORDS_TABLE

# The file's caseworker by name, for the list's column and its sort. Sorting by it reads a
# name per file and sorts them all (no index can order by it): 87 ms a page at 220,000
# files, where name, client ID and phone walk their index (docs/performance.md).
CASEWORKER_NAME = (select(Caseworker.name).where(Caseworker.id == Participant.caseworker_id)
                   .correlate(Participant).scalar_subquery())
SORTS = {
    "name": (Participant.family_name, Participant.given_names),
    "caseworker": (CASEWORKER_NAME, Participant.family_name, Participant.given_names),
    "status": (Participant.status, Participant.family_name),
    "date_of_birth": (Participant.date_of_birth, Participant.family_name),
    "client_id": (Participant.client_id,),
    "phone": (Participant.phone_digits,),  # the number, whatever its spacing
}
# Above this many FTS matches, a name-sorted page walks the name index instead of sorting.
INDEX_WALK_THRESHOLD = 1_000
ROWID = literal_column("participant.rowid", Integer)
# Every status of a file still in the program (the list's "open files" filter).
OPEN_STATUSES = tuple(s.value for s in OPEN_PARTICIPANT_STATUSES)


@dataclass(frozen=True)
class ParticipantQuery:
    text: str = ""
    statuses: tuple[str, ...] = ()
    caseworker_id: str | None = None
    flags: tuple[str, ...] = ()  # risk flags, every one required
    vulnerabilities: tuple[str, ...] = ()  # vulnerability flags, every one required
    sort: str = "name"
    descending: bool = False


def _fts_match(query: ParticipantQuery) -> str | None:
    """Terms of three characters or more, anywhere in the text (trigrams)."""
    tokens = [t for t in fold(query.text).split() if len(t) >= 3]
    if not tokens:
        return None
    return " AND ".join(_either(t) for t in tokens)


def _words_match(query: ParticipantQuery) -> str | None:
    """Terms of one or two characters, as the start of a word ("Vu", the "T" of "Nguyen
    T"): too short for trigrams, and any word containing them would be most words."""
    # Punctuation alone ("--") is no word: it cannot match, and an empty phrase is an error.
    tokens = [t for t in fold(query.text).split() if len(t) < 3 and any(c.isalnum() for c in t)]
    if not tokens:
        return None
    return " AND ".join(_phrase(t) + "*" for t in tokens)


def _phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _either(token: str) -> str:
    """A term typed in another script, as typed or in Latin letters ("Шевч" finds a file
    written "Shevchenko"; the search text holds such names in both, `build_search_text`);
    a term in Latin letters also as consonants, as names in the Arabic script are held
    ("Ahmed" finds أحمد)."""
    forms = [token]
    latin = to_latin(token)
    if latin != token and latin.isascii() and len(latin) >= 3:
        forms.append(latin)
    if len(sk := consonant_form(token)) >= 3:
        forms.append(CONSONANT_MARK + sk)
    return _phrase(token) if len(forms) == 1 else f"({' OR '.join(map(_phrase, forms))})"


def _filtered(query: ParticipantQuery, columns: Select, *, walk_index: bool = False) -> Select:
    stmt = columns.where(Participant.deleted.is_(False), Participant.merged_into_id.is_(None))
    plus = "+" if walk_index else ""
    for table, match, name in ((FTS_TABLE, _fts_match(query), "fts_match"),
                               (WORDS_TABLE, _words_match(query), "words_match")):
        if match is not None:
            stmt = stmt.where(text(f"{plus}participant.rowid IN (SELECT rowid FROM {table} "
                                   f"WHERE {table} MATCH :{name})").bindparams(**{name: match}))
    if query.statuses:
        stmt = stmt.where(Participant.status.in_(query.statuses))
    if query.caseworker_id:
        stmt = stmt.where(Participant.caseworker_id == query.caseworker_id)
    for column, flags in (("risk_flags", query.flags),
                          ("vulnerability_flags", query.vulnerabilities)):
        for i, flag in enumerate(flags):
            name = f"{column}_{i}"
            stmt = stmt.where(text(f"EXISTS (SELECT 1 FROM json_each(participant.{column}) "
                                   f"WHERE value = :{name})").bindparams(**{name: flag}))
    return stmt


def _fts_count(session: Session, table: str, match: str) -> int:
    return session.execute(text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :m"),
                           {"m": match}).scalar() or 0


def search_participants(ctx: ServiceContext, query: ParticipantQuery, offset: int = 0,
                        limit: int = 200, *, with_total: bool = True) -> Page:
    """One page of the list. `total` is the exact count of matches, or -1 when not asked
    for (the list's first paint does not wait for it: see count_participants)."""
    order = SORTS.get(query.sort, SORTS["name"])
    columns = select(
        Participant.id, Participant.family_name, Participant.given_names,
        Participant.client_id, Participant.date_of_birth, Participant.phone,
        Participant.status, Participant.caseworker_id, Participant.risk_flags,
        CASEWORKER_NAME)
    with ctx.store.session() as session:
        # The trigram terms narrow the most when there are any; else the short ones.
        trigrams = _fts_match(query)
        table, match = ((FTS_TABLE, trigrams) if trigrams is not None
                        else (WORDS_TABLE, _words_match(query)))
        # Digits (a client ID, a phone) match few people: no need to count to choose.
        walk = (query.sort == "name" and match is not None
                and not fold(query.text).replace(" ", "").isdigit()
                and _fts_count(session, table, match) > INDEX_WALK_THRESHOLD)
        stmt = _filtered(query, columns, walk_index=walk)
        stmt = stmt.order_by(*(c.desc() if query.descending else c for c in order),
                             ROWID.desc() if query.descending else ROWID)
        rows = tuple(ParticipantSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                                        tuple(r[8] or ()), r[9])
                     for r in session.execute(stmt.offset(offset).limit(limit)))
        total = (session.scalar(_filtered(query, select(func.count(Participant.id)))) or 0
                 if with_total else -1)
    return Page(rows=rows, total=total)


def count_participants(ctx: ServiceContext, query: ParticipantQuery) -> int:
    with ctx.store.session() as session:
        return session.scalar(_filtered(query, select(func.count(Participant.id)))) or 0
