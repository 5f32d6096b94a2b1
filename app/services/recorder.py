"""The one way a domain row is written: the change, its audit event and its outbox entry,
together in the caller's transaction. A flush that carries a domain change the recorder did
not see is refused (UnrecordedWrite), so a write that skips the outbox cannot happen quietly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.errors import AppendOnly, UnrecordedWrite
from app.models import AuditEvent, OutboxEntry, SyncedEntity, default_value, new_id
from app.models.wire import encode, wire_fields
from app.services import audit
from app.services.context import ServiceContext

E = TypeVar("E", bound=SyncedEntity)

RECORDED = "ccms_recorded"
# Set by sync when applying the server's changes and by the local purge: these are not
# local edits, so they neither go to the outbox nor need the recorder.
REMOTE_APPLY = "ccms_remote_apply"


class ChangeRecorder:
    def __init__(self, session: Session, ctx: ServiceContext) -> None:
        self.session = session
        self.ctx = ctx
        self._seq, self._prev_hash = audit.last_link(session, ctx.device_id)
        # Outbox op_ids of the domain changes written so far (a merge keeps them for undo).
        self.op_ids: list[str] = []
        # Set by a merge once its own operation is written: the merge's other changes travel
        # as part of it (audit events never: they record what was done, applied or not).
        self.part_of: str | None = None

    # -- domain rows ---------------------------------------------------------------------
    def create(self, obj: E, participant_id: str | None = None) -> E:
        now = self.ctx.now()
        if not obj.id:
            obj.id = new_id()
        obj.office_id = obj.office_id or self.ctx.office_id
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.version = 0
        obj.deleted = False
        _apply_defaults(obj)
        self._mark(obj)
        self.session.add(obj)
        fields = {f: {"old": None, "new": encode(getattr(obj, f))}
                  for f in wire_fields(type(obj))}
        self._outbox(obj, "create", 0, fields)
        self.audit("create", obj.__entity__, obj.id, participant_id,
                   {"fields": sorted(k for k, v in fields.items() if v["new"] is not None)})
        return obj

    def update(self, obj: SyncedEntity, changes: dict[str, Any],
               participant_id: str | None = None, action: str = "update",
               kind: str | None = None) -> dict[str, Any]:
        """Apply the changed values; returns {field: {"old", "new"}} (empty: nothing changed).
        `kind` names the operation on the wire when it is not a plain update or delete."""
        if type(obj).__append_only__:
            raise AppendOnly(f"a {obj.__entity__} cannot be changed once written")
        allowed = set(wire_fields(type(obj))) - {"id", "office_id", "created_at"}
        diff: dict[str, Any] = {}
        # Reading a deferred column (a document's contents) must not flush the fields set
        # before it: the object is marked as recorded only once all are set.
        with self.session.no_autoflush:
            for field, new in changes.items():
                if field not in allowed:
                    raise ValueError(f"{obj.__entity__}.{field} is not a writable field")
                old = getattr(obj, field)
                if old != new:
                    diff[field] = {"old": encode(old), "new": encode(new)}
                    setattr(obj, field, new)
        if not diff:
            return diff
        obj.updated_at = self.ctx.now()
        self._mark(obj)
        self._outbox(obj, kind or ("delete" if changes.get("deleted") is True else "update"),
                     obj.version, diff)
        self.audit(action, obj.__entity__, obj.id, participant_id, {"fields": sorted(diff)})
        return diff

    def delete(self, obj: SyncedEntity, participant_id: str | None = None) -> None:
        """Deletes are tombstones: the row stays, marked deleted, and the mark syncs."""
        if type(obj).__append_only__:
            raise AppendOnly(f"a {obj.__entity__} cannot be deleted")
        self.update(obj, {"deleted": True}, participant_id, action="delete")

    # -- audit-only events (views, exports, merges) --------------------------------------
    def audit(self, action: str, entity: str, record_id: str | None,
              participant_id: str | None = None,
              details: dict[str, Any] | None = None) -> AuditEvent:
        now = self.ctx.now()
        ev = AuditEvent(
            id=new_id(), office_id=self.ctx.office_id, created_at=now, updated_at=now,
            version=0, deleted=False, device_id=self.ctx.device_id, at=now,
            actor_id=self.ctx.actor_id, action=action, entity=entity, record_id=record_id,
            participant_id=participant_id, details=details or {},
        )
        self._seq += 1
        audit.seal(ev, self._seq, self._prev_hash)
        self._prev_hash = ev.hash
        self._mark(ev)
        self.session.add(ev)
        self._outbox(ev, "create", 0, {f: {"old": None, "new": encode(getattr(ev, f))}
                                       for f in wire_fields(AuditEvent)})
        return ev

    # -- internals -----------------------------------------------------------------------
    def _mark(self, obj: SyncedEntity) -> None:
        self.session.info.setdefault(RECORDED, set()).add(id(obj))

    def _outbox(self, obj: SyncedEntity, kind: str, base_version: int,
                changes: dict[str, Any]) -> None:
        op_id = new_id()
        audit_event = isinstance(obj, AuditEvent)
        if not audit_event:
            self.op_ids.append(op_id)
        self.session.add(OutboxEntry(op_id=op_id, entity=obj.__entity__, record_id=obj.id,
                                     kind=kind, base_version=base_version, changes=changes,
                                     created_at=self.ctx.now(),
                                     part_of=None if audit_event else self.part_of))


@contextmanager
def recording(ctx: ServiceContext) -> Iterator[ChangeRecorder]:
    """One write transaction (BEGIN IMMEDIATE) with a recorder; commits on success."""
    with ctx.store.write_session() as session, session.begin():
        yield ChangeRecorder(session, ctx)


@event.listens_for(Session, "before_flush")
def _refuse_unrecorded_writes(session: Session, flush_context: Any, instances: Any) -> None:
    if session.info.get(REMOTE_APPLY):
        return
    recorded: set[int] = session.info.get(RECORDED, set())
    for obj in session.new:
        if isinstance(obj, SyncedEntity) and id(obj) not in recorded:
            raise UnrecordedWrite(f"a new {obj.__entity__} was written outside the services")
    for obj in session.dirty:
        if (isinstance(obj, SyncedEntity) and id(obj) not in recorded
                and _wire_field_changed(obj)):
            raise UnrecordedWrite(f"a {obj.__entity__} was changed outside the services")
    for obj in session.deleted:
        if isinstance(obj, SyncedEntity):
            raise UnrecordedWrite(f"a {obj.__entity__} was hard-deleted; use a tombstone")


def _apply_defaults(obj: SyncedEntity) -> None:
    """Column defaults normally apply at flush; the outbox must carry them from the start."""
    for column in inspect(type(obj)).columns:
        if column.default is not None and getattr(obj, column.key) is None:
            setattr(obj, column.key, default_value(column))


def _wire_field_changed(obj: SyncedEntity) -> bool:
    # Derived, device-local columns (search text) may be refreshed without the recorder.
    state = inspect(obj)
    return any(state.attrs[f].history.has_changes() for f in wire_fields(type(obj)))


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_recorded(session: Session) -> None:
    session.info.pop(RECORDED, None)
