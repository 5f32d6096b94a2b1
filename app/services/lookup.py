"""Loading a live (not deleted) record by id, or a NotFound that names what was missing."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import SyncedEntity

E = TypeVar("E", bound=SyncedEntity)


def load_live(session: Session, cls: type[E], record_id: str, name: str) -> E:
    row = session.get(cls, record_id)
    if row is None or row.deleted:
        raise NotFound(name, record_id)
    return row
