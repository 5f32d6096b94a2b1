"""Loading a live (not deleted) record by id, or a NotFound that names what was missing;
the ids that make up one participant's file after merges."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import Participant, SyncedEntity

E = TypeVar("E", bound=SyncedEntity)
MAX_MERGE_HOPS = 10


def load_live(session: Session, cls: type[E], record_id: str, name: str) -> E:
    row = session.get(cls, record_id)
    if row is None or row.deleted:
        raise NotFound(name, record_id)
    return row


def file_ids(session: Session, participant_id: str) -> list[str]:
    """The file's own id and the ids of every file merged into it: append-only records
    (check-ins, slots, audit events) keep the id they were written with (indexed, bounded)."""
    ids, frontier = [participant_id], [participant_id]
    for _ in range(MAX_MERGE_HOPS):
        frontier = [i for i in session.scalars(select(Participant.id).where(
            Participant.merged_into_id.in_(frontier))) if i not in ids]
        if not frontier:
            break
        ids.extend(frontier)
    return ids
