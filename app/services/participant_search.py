"""The participant list: search (FTS5 trigram), filters and sorting, all in SQL, in pages.

Sorted search at national scale has two good plans and the planner cannot tell them apart:
a term matching few people (a client ID, a phone) is fastest fetched by rowid and sorted; a
term matching thousands (a common name fragment) is fastest by walking the name index in
order and stopping after one page. We count the FTS matches first (about a millisecond) and
pick the plan; the unary `+` keeps SQLite from using the rowid lookup in the second plan."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, literal_column, select, text
from sqlalchemy.orm import Session

from app.models import Participant
from app.services.context import ServiceContext
from app.services.text import fold
from app.services.views import Page, ParticipantSummary
from app.store.fts import FTS_TABLE

SORTS = {
    "name": (Participant.family_name, Participant.given_names),
    "status": (Participant.status, Participant.family_name),
    "date_of_birth": (Participant.date_of_birth, Participant.family_name),
    "client_id": (Participant.client_id,),
    "updated": (Participant.updated_at,),
}
# Above this many FTS matches, a name-sorted page walks the name index instead of sorting.
INDEX_WALK_THRESHOLD = 1_000
ROWID = literal_column("participant.rowid")


@dataclass(frozen=True)
class ParticipantQuery:
    text: str = ""
    statuses: tuple[str, ...] = ()
    caseworker_id: str | None = None
    flags: tuple[str, ...] = ()
    sort: str = "name"
    descending: bool = False


def _fts_match(query: ParticipantQuery) -> str | None:
    tokens = [t for t in fold(query.text).split() if len(t) >= 3]
    if not tokens:
        return None
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def _filtered(query: ParticipantQuery, columns: Select, *, walk_index: bool = False) -> Select:
    stmt = columns.where(Participant.deleted.is_(False), Participant.merged_into_id.is_(None))
    match = _fts_match(query)
    if match is not None:
        plus = "+" if walk_index else ""
        stmt = stmt.where(text(f"{plus}participant.rowid IN (SELECT rowid FROM {FTS_TABLE} "
                               f"WHERE {FTS_TABLE} MATCH :fts_match)")
                          .bindparams(fts_match=match))
    for short in (t for t in fold(query.text).split() if len(t) < 3):
        # Trigrams need three characters; one or two go through a LIKE on the same text.
        escaped = short.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Participant.search_text.like(f"%{escaped}%", escape="\\"))
    if query.statuses:
        stmt = stmt.where(Participant.status.in_(query.statuses))
    if query.caseworker_id:
        stmt = stmt.where(Participant.caseworker_id == query.caseworker_id)
    for i, flag in enumerate(query.flags):
        stmt = stmt.where(text(f"EXISTS (SELECT 1 FROM json_each(participant.risk_flags) "
                               f"WHERE value = :flag_{i})").bindparams(**{f"flag_{i}": flag}))
    return stmt


def _fts_count(session: Session, match: str) -> int:
    return session.execute(text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} "
                                "MATCH :m"), {"m": match}).scalar() or 0


def search_participants(ctx: ServiceContext, query: ParticipantQuery, offset: int = 0,
                        limit: int = 200, *, with_total: bool = True) -> Page:
    """One page of the list. `total` is the exact count of matches, or -1 when not asked
    for (the list's first paint does not wait for it: see count_participants)."""
    order = SORTS.get(query.sort, SORTS["name"])
    columns = select(
        Participant.id, Participant.family_name, Participant.given_names,
        Participant.client_id, Participant.date_of_birth, Participant.phone,
        Participant.status, Participant.caseworker_id, Participant.risk_flags)
    with ctx.store.session() as session:
        match = _fts_match(query)
        # Digits (a client ID, a phone) match few people: no need to count to choose.
        walk = (query.sort == "name" and match is not None
                and not fold(query.text).replace(" ", "").isdigit()
                and _fts_count(session, match) > INDEX_WALK_THRESHOLD)
        stmt = _filtered(query, columns, walk_index=walk)
        stmt = stmt.order_by(*(c.desc() if query.descending else c for c in order),
                             ROWID.desc() if query.descending else ROWID)
        rows = tuple(ParticipantSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                                        tuple(r[8] or ()))
                     for r in session.execute(stmt.offset(offset).limit(limit)))
        total = (session.scalar(_filtered(query, select(func.count(Participant.id)))) or 0
                 if with_total else -1)
    return Page(rows=rows, total=total)


def count_participants(ctx: ServiceContext, query: ParticipantQuery) -> int:
    with ctx.store.session() as session:
        return session.scalar(_filtered(query, select(func.count(Participant.id)))) or 0
