"""The matcher's candidate lookup (`match_candidates.candidate_ids`) for many queries at once.

The same indexes and the same keys (client ID and the IDs a digit away, external reference,
phone forms, the exact and the day/month-swapped date of birth, the name keys with the rare
words of the other birth years), each read with one statement per 500 values for a whole
batch of files instead of one statement per file. Every value is counted first (from its
index) and only the members of values with at most `CANDIDATE_LIMIT` files are read: a file
whose lookup would bring more (where the per-file check keeps an arbitrary first 3,000)
gets None, and the caller checks it on its own, so the results are the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Participant, ParticipantNameKey
from app.services import match_candidates as mc
from app.services import match_scoring as ms

CHUNK = 500  # values per statement


def candidates(session: Session, queries: list[mc.MatchQuery]) -> list[set[str] | None]:
    """Each query's candidate ids (as `candidate_ids` finds them), or None past the limit.
    `near_keys` has no bulk form: for a file of the store it never adds anything, since the
    file's own words are known in its own year as typed."""
    wants: list[list[set[str]]] = [[] for _ in queries]  # per query: values per lookup
    for i, q in enumerate(queries):
        wants[i] = [_client_ids(q), {q.external_ref} if q.external_ref else set(),
                    set(q.phones), _dates(q)]
    columns = (Participant.client_id, Participant.external_ref, Participant.phone_digits,
               Participant.date_of_birth)
    blocks = [_Blocks(session, col, Participant.id, {v for w in wants for v in w[n]})
              for n, col in enumerate(columns)]
    # Name keys: the query's own blocks, and the other years' blocks of its rare words;
    # one count answers both which words are rare and which blocks are too big.
    rare = [mc.rare_candidates(q) for q in queries]
    own = [mc.lookup_keys(q) for q in queries]
    counts = _count(session, ParticipantNameKey.key, {k for keys in own for k in keys}
                    | {k for by_word in rare for keys in by_word.values() for k in keys})
    names = [own[i] | mc.pick_rare(rare[i], counts) if rare[i] else own[i]
             for i in range(len(queries))]
    blocks.append(_Blocks(session, ParticipantNameKey.key, ParticipantNameKey.participant_id,
                          {k for keys in names for k in keys}, counts))
    out: list[set[str] | None] = []
    for i in range(len(queries)):
        ids: set[str] | None = set()
        for values, block in zip([*wants[i], names[i]], blocks, strict=True):
            found = block.union(values)
            if found is None or ids is None:
                ids = None
                break
            ids |= found
        out.append(ids)
    return out


def _client_ids(q: mc.MatchQuery) -> set[str]:
    if len(q.client_id) < 6:
        return set()
    return {q.client_id, *ms.client_id_variants(q.client_id)}


def _dates(q: mc.MatchQuery) -> set[str]:
    if not (q.dob and len(q.dob) == 10):
        return set()
    return {q.dob, f"{q.dob[:4]}-{q.dob[8:10]}-{q.dob[5:7]}"}


def _count(session: Session, column: Any, values: Iterable[str]) -> dict[str, int]:
    wanted = sorted(values)
    out: dict[str, int] = {}
    for i in range(0, len(wanted), CHUNK):
        out.update(session.execute(select(column, func.count()).where(
            column.in_(wanted[i:i + CHUNK])).group_by(column)).all())
    return out


class _Blocks:
    """The files holding each value of one index (values past the limit left unread)."""

    def __init__(self, session: Session, column: Any, id_column: Any, values: set[str],
                 counts: dict[str, int] | None = None) -> None:
        if counts is None:
            counts = _count(session, column, values)
        self.big = {v for v in values if counts.get(v, 0) > mc.CANDIDATE_LIMIT}
        small = sorted(v for v in values if 0 < counts.get(v, 0) <= mc.CANDIDATE_LIMIT)
        self.members: dict[str, list[str]] = {}
        for i in range(0, len(small), CHUNK):
            for value, pid in session.execute(select(column, id_column).where(
                    column.in_(small[i:i + CHUNK]))):
                self.members.setdefault(value, []).append(pid)

    def union(self, values: set[str]) -> set[str] | None:
        if not values:
            return set()
        if not self.big.isdisjoint(values):
            return None
        out: set[str] = set()
        for v in values:
            out.update(self.members.get(v, ()))
        return out if len(out) <= mc.CANDIDATE_LIMIT else None
