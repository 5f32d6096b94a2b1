"""Pulling the office's changes after the device's cursor, a page at a time. Each page and
the cursor that follows it are written in ONE transaction (with the pages already fetched
behind it), so an interrupted pull resumes from the last whole page.

Applying a change: fields with a local edit still waiting in the outbox keep the local value
(the push will compare-and-set them on the server); every other field takes the server's
value, and the row takes the server's version."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from app.errors import SyncError
from app.models import (
    ENTITIES,
    Alias,
    AuditEvent,
    OutboxEntry,
    Participant,
    ParticipantNameKey,
    SyncedEntity,
    default_value,
    table_of,
)
from app.models.wire import decode, wire_fields
from app.services.context import ServiceContext
from app.services.name_keys import key_rows
from app.services.participants import refresh_search
from app.services.recorder import REMOTE_APPLY
from app.services.text import build_search_text, digits
from app.sync import state
from app.sync.client import SyncClient
from app.sync.wire import FIELD_CHECKS, Change, PullResponse, value_problem

Progress = Callable[[str, int, int], None]
GROUP_RECORDS = 5_000  # changes written in one transaction, from pages already fetched


@dataclass
class PullSummary:
    pulled: int = 0
    pages: int = 0
    # What a person would call changes: `pulled` less the audit events that come with them.
    records: int = 0


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
        went_into = getattr(row, "merged_into_id", None)
        for name, value in values.items():
            if name not in keep and name != "id":
                setattr(row, name, value)
        row.version = max(row.version, change.version)
        _refresh_left(session, went_into, row)
    return row


def _refresh_left(session: Session, went_into: str | None, row: SyncedEntity) -> None:
    """A merged file taken back (a merge refused or undone): the file it had gone into no
    longer holds its numbers in its search text."""
    if went_into and went_into != getattr(row, "merged_into_id", None):
        left = session.get(Participant, went_into)
        if left is not None:
            session.flush()
            refresh_search(session, left)


def apply_page(session: Session, changes: list[Change]) -> None:
    """A page in bulk: one query per entity for the rows already here, one for the fields
    with pending local edits, one multi-row INSERT per entity for the new rows."""
    by_entity: dict[str, list[Change]] = {}
    for change in changes:
        if change.entity in ENTITIES:
            by_entity.setdefault(change.entity, []).append(change)
    parents: set[str] = set()
    for entity, group in by_entity.items():
        cls = ENTITIES[entity]
        ids = [c.record_id for c in group]
        existing = {r.id: r for r in session.scalars(select(cls).where(cls.id.in_(ids)))}
        pending: dict[str, set[str]] = {}
        for record_id, fields in session.execute(select(
                OutboxEntry.record_id, OutboxEntry.changes).where(
                OutboxEntry.entity == entity, OutboxEntry.record_id.in_(list(existing)))):
            pending.setdefault(record_id, set()).update(fields)
        allowed = set(wire_fields(cls))
        fresh: list[dict[str, Any]] = []
        for change in group:
            values = {k: decode(cls, k, v) for k, v in change.values.items() if k in allowed}
            row = existing.get(change.record_id)
            if row is None:
                values.update(id=change.record_id, version=change.version,
                              updated_at=values.get("created_at"))
                if cls is Participant:
                    _derive_new_participant(values)
                fresh.append(values)
            else:
                keep = pending.get(change.record_id, set())
                went_into = getattr(row, "merged_into_id", None)
                for name, value in values.items():
                    if name not in keep and name != "id":
                        setattr(row, name, value)
                row.version = max(row.version, change.version)
                if cls is Participant:
                    session.flush()
                    refresh_search(session, row)  # type: ignore[arg-type]
                    _refresh_left(session, went_into, row)
            if cls is Alias:
                parents.add(str(change.values.get("participant_id")))
            elif cls is Participant and row is None and change.values.get("merged_into_id"):
                # A merged file new here: its numbers go into the search text of the file
                # it went into, once both are written.
                parents.add(change.record_id)
        if fresh:
            columns = {c.key for c in table_of(cls).columns}
            rows = [{k: v for k, v in r.items() if k in columns} for r in fresh]
            _fill_defaults(cls, rows)
            session.execute(insert(table_of(cls)), rows)
            if cls is Participant:
                _insert_name_keys(session, rows)
    session.flush()
    for pid in parents:
        parent = session.get(Participant, pid)
        if parent is not None:
            refresh_search(session, parent)


def _fill_defaults(cls: type[SyncedEntity], rows: list[dict[str, Any]]) -> None:
    """Core inserts of rows with different keys: give every row every column."""
    for column in table_of(cls).columns:
        if column.key in ("id",):
            continue
        for row in rows:
            if row.get(column.key) is None:
                row[column.key] = default_value(column)


def _derive_new_participant(values: dict[str, Any]) -> None:
    values["phone_digits"] = digits(values.get("phone")) or None
    values["search_text"] = build_search_text(
        values.get("family_name") or "", values.get("given_names"), [],
        values.get("client_id"), values.get("phone"), values.get("external_ref"))


def _insert_name_keys(session: Session, rows: list[dict[str, Any]]) -> None:
    """The matcher's local keys for new participants (their aliases, if any in this page,
    refresh them again below)."""
    keys = [k for r in rows for k in key_rows(
        r["id"], [(r.get("family_name"), r.get("given_names"))], r.get("date_of_birth"))]
    if keys:
        session.execute(insert(ParticipantNameKey), keys)


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
    # The next page is fetched while this one is written: the server's and the network's
    # time overlap the local inserts. Pages that have already arrived are written together
    # (up to GROUP_RECORDS changes, one commit), never waiting for the network inside a
    # transaction. The stored cursor moves only with written pages, so a failure anywhere
    # resumes from the last whole one (a page fetched ahead is dropped, not waited for).
    fetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ccms-pull")
    try:
        upcoming = fetcher.submit(client.pull, cursor, page_size)
        page = upcoming.result()
        while True:
            written: list[PullResponse] = []
            try:
                with ctx.store.transaction() as session:
                    session.info[REMOTE_APPLY] = True
                    while True:
                        if page.more:
                            upcoming = fetcher.submit(client.pull, page.next_cursor,
                                                      page_size)
                        written.append(page)
                        apply_page(session, page.changes)
                        state.put(session, state.CURSOR, str(page.next_cursor))
                        if (not page.more or sum(len(p.changes) for p in written)
                                >= GROUP_RECORDS or not upcoming.done()
                                or upcoming.exception() is not None):
                            break  # a failed fetch is raised after this group is written
                        page = upcoming.result()  # already here: no wait in the transaction
            except OperationalError:
                raise  # the store's own trouble (locked, disk full), not the data's
            except UNAPPLIABLE as exc:
                # Rolled back: the cursor stays before this group, so every later sync
                # stops on the same change until the server's record is corrected. Say
                # which one, as a sync error the window shows, not a crash.
                raise unappliable(written, exc) from exc
            for done in written:
                summary.pulled += len(done.changes)
                summary.records += sum(c.entity != AuditEvent.__entity__ for c in done.changes)
                summary.pages += 1
                if progress:
                    progress("pull", summary.pulled,
                             summary.pulled + (page_size if page.more else 0))
            if not page.more:
                return summary
            page = upcoming.result()
    finally:
        fetcher.shutdown(wait=False, cancel_futures=True)


# What applying a value the store cannot hold raises: a wrong type refused when binding
# (StatementError), a null in a NOT NULL column (IntegrityError), a date that does not
# parse (ValueError), an int past 64 bits (OverflowError), text code given a number
# (TypeError, AttributeError).
UNAPPLIABLE = (SQLAlchemyError, ValueError, TypeError, AttributeError, OverflowError)


def unappliable(pages: list[PullResponse], exc: BaseException) -> SyncError:
    """The error for a group of pages the store refused, naming the first change whose
    value breaks the protocol's field types (entity, record id, field: never the value,
    which may be personal data)."""
    for page in pages:
        for change in page.changes:
            rules = FIELD_CHECKS.get(change.entity, {})
            for name, value in change.values.items():
                problem = value_problem(change.entity, name, value) if name in rules else None
                if problem is not None:
                    return SyncError(
                        f"the server sent a {change.entity} (record {change.record_id}) "
                        f"whose {name} {problem}; this device cannot store it, so sync "
                        "stops there until that record is corrected on the server")
    return SyncError(f"a change from the server could not be stored on this device "
                     f"({type(exc).__name__}, in the changes after sequence "
                     f"{pages[0].changes[0].seq if pages and pages[0].changes else '?'}); "
                     "sync stops there until it is corrected on the server")
