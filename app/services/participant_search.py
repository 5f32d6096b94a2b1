"""The participant list: search (FTS5 trigram), filters and sorting, all in SQL, in pages."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, select, text

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


@dataclass(frozen=True)
class ParticipantQuery:
    text: str = ""
    statuses: tuple[str, ...] = ()
    caseworker_id: str | None = None
    flags: tuple[str, ...] = ()
    sort: str = "name"
    descending: bool = False


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _filtered(query: ParticipantQuery, columns: Select) -> Select:
    stmt = columns.where(Participant.deleted.is_(False), Participant.merged_into_id.is_(None))
    tokens = fold(query.text).split()
    long_tokens = [t for t in tokens if len(t) >= 3]
    if long_tokens:
        match = " AND ".join(_fts_phrase(t) for t in long_tokens)
        stmt = stmt.where(text(f"participant.rowid IN (SELECT rowid FROM {FTS_TABLE} "
                               f"WHERE {FTS_TABLE} MATCH :fts_match)")
                          .bindparams(fts_match=match))
    for short in (t for t in tokens if len(t) < 3):
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


def search_participants(ctx: ServiceContext, query: ParticipantQuery, offset: int = 0,
                        limit: int = 200) -> Page:
    order = SORTS.get(query.sort, SORTS["name"])
    stmt = _filtered(query, select(
        Participant.id, Participant.family_name, Participant.given_names,
        Participant.client_id, Participant.date_of_birth, Participant.phone,
        Participant.status, Participant.caseworker_id, Participant.risk_flags))
    stmt = stmt.order_by(*(c.desc() if query.descending else c for c in order),
                         Participant.id).offset(offset).limit(limit)
    with ctx.store.session() as session:
        rows = tuple(ParticipantSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                                        tuple(r[8] or ()))
                     for r in session.execute(stmt))
        total = session.scalar(_filtered(query, select(func.count(Participant.id)))) or 0
    return Page(rows=rows, total=total)


def count_participants(ctx: ServiceContext, query: ParticipantQuery) -> int:
    with ctx.store.session() as session:
        return session.scalar(_filtered(query, select(func.count(Participant.id)))) or 0
