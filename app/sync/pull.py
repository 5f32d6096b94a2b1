"""Pulling the office's changes after the device's cursor, a page at a time. Each page and
the cursor that follows it are written in ONE transaction, so an interrupted pull resumes
from the last whole page.

Applying a change: fields with a local edit still waiting in the outbox keep the local value
(the push will compare-and-set them on the server); every other field takes the server's
value, and the row takes the server's version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ENTITIES, Alias, OutboxEntry, Participant, SyncedEntity
from app.models.wire import decode, wire_fields
from app.services.context import ServiceContext
from app.services.participants import refresh_search
from app.services.recorder import REMOTE_APPLY
from app.sync import state
from app.sync.client import SyncClient
from app.sync.wire import Change

Progress = Callable[[str, int, int], None]


@dataclass
class PullSummary:
    pulled: int = 0
    pages: int = 0


def _pending_fields(session: Session, entity: str, record_id: str) -> set[str]:
    fields: set[str] = set()
    for changes in session.scalars(select(OutboxEntry.changes).where(
            OutboxEntry.entity == entity, OutboxEntry.record_id == record_id)):
        fields.update(changes)
    return fields


def apply_change(session: Session, change: Change) -> SyncedEntity | None:
    cls = ENTITIES.get(change.entity)
    if cls is None:
        return None
    allowed = set(wire_fields(cls))
    values = {k: decode(cls, k, v) for k, v in change.values.items() if k in allowed}
    row = session.get(cls, change.record_id)
    if row is None:
        row = cls(**{k: v for k, v in values.items() if v is not None or k in allowed})
        row.id = change.record_id
        row.version = change.version
        row.updated_at = row.created_at
        session.add(row)
    else:
        keep = _pending_fields(session, change.entity, change.record_id)
        for name, value in values.items():
            if name not in keep and name != "id":
                setattr(row, name, value)
        row.version = max(row.version, change.version)
    return row


def refresh_derived(session: Session, row: SyncedEntity | None) -> None:
    """Derived search columns are local: recompute them for what changed."""
    if isinstance(row, Participant):
        session.flush()
        refresh_search(session, row)
    elif isinstance(row, Alias):
        session.flush()
        parent = session.get(Participant, row.participant_id)
        if parent is not None:
            refresh_search(session, parent)


def pull_changes(ctx: ServiceContext, client: SyncClient, page_size: int,
                 progress: Progress | None = None,
                 summary: PullSummary | None = None) -> PullSummary:
    """`summary` (if given) is filled as pages land, so a failed pull still reports them."""
    summary = summary if summary is not None else PullSummary()
    cursor = int(state.read(ctx.store, state.CURSOR) or 0)
    while True:
        page = client.pull(cursor, page_size)
        with ctx.store.transaction() as session:
            session.info[REMOTE_APPLY] = True
            touched: list[Any] = []
            for change in page.changes:
                row = apply_change(session, change)
                if row is not None:
                    touched.append(row)
            session.flush()
            for row in touched:
                refresh_derived(session, row)
            state.put(session, state.CURSOR, str(page.next_cursor))
        cursor = page.next_cursor
        summary.pulled += len(page.changes)
        summary.pages += 1
        if progress:
            progress("pull", summary.pulled, summary.pulled + (page_size if page.more else 0))
        if not page.more:
            return summary
