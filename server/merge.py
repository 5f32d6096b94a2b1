"""Applying one pushed operation: field-by-field compare-and-set against the values the
device saw (never device clocks). Fields whose current value still equals the operation's
`old` take the `new` value; a field already at `new` is a no-op; any other field is a
conflict: the server keeps its value and answers with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.sync.wire import APPEND_ONLY, ENTITY_FIELDS, Operation, OpResult
from server.db import ChangeCounter, Device, Record


class OfficeViolation(Exception):
    """The operation touches a record of another office."""


@dataclass
class NewRecord:
    """A record this batch creates, with `Record`'s columns: the batch inserts them in one
    statement at its end. An ORM object apiece took about 50 µs to make, add and flush: a
    batched push of 10,004 creates took 2.7 s with them, 2.1 s without."""

    entity: str
    record_id: str
    office_id: str
    version: int
    values: dict[str, Any]
    seq: int
    last_device_id: str | None = None


def _bump(session: Session, record: Record | NewRecord, counter: ChangeCounter,
          device: Device) -> None:
    counter.value += 1
    record.seq = counter.value
    record.version += 1
    record.last_device_id = device.id


def apply_operation(session: Session, device: Device, op: Operation, counter: ChangeCounter,
                    records: dict[tuple[str, str], Record | NewRecord]) -> OpResult:
    """`records`: the batch's records fetched up front (a miss means: not on the server),
    and those it created so far (`NewRecord`, for the caller to insert)."""
    key = (op.entity, op.record_id)
    record = records.get(key)
    if record is not None and record.office_id != device.office_id:
        raise OfficeViolation(op.record_id)
    changes = {name: (c.get("old"), c.get("new")) for name, c in op.changes.items()}
    if record is None:
        if op.kind != "create":
            return OpResult(op_id=op.op_id, status="rejected",
                            reason="the record does not exist on the server")
        values = {f: None for f in ENTITY_FIELDS[op.entity]}
        values.update({f: new for f, (_, new) in changes.items()})
        values["id"] = op.record_id
        office = values.get("office_id")
        if office != device.office_id and not (op.entity == "office"
                                               and op.record_id == device.office_id):
            raise OfficeViolation(op.record_id)
        record = NewRecord(entity=op.entity, record_id=op.record_id,
                           office_id=device.office_id, version=0, values=values, seq=0)
        records[key] = record
        _bump(session, record, counter, device)
        return OpResult(op_id=op.op_id, status="applied", version=record.version)

    current = dict(record.values)
    if op.entity in APPEND_ONLY:
        # Written once: a second create (another device made the same slot) changes nothing.
        return OpResult(op_id=op.op_id, status="merged", version=record.version,
                        values=dict(record.values))
    applied: dict[str, Any] = {}
    conflicts: dict[str, Any] = {}
    for field, (old, new) in changes.items():
        if field == "created_at":
            continue  # the first writer's creation time stands; never a conflict
        if field in ("id", "office_id"):
            if new != current.get(field):
                return OpResult(op_id=op.op_id, status="rejected",
                                reason=f"{field} cannot change")
            continue
        now = current.get(field)
        if now == new:
            continue
        if now == old or (op.kind == "create" and now is None):
            applied[field] = new
        else:
            conflicts[field] = now
    if applied:
        current.update(applied)
        record.values = current
        _bump(session, record, counter, device)
    if conflicts:
        return OpResult(op_id=op.op_id, status="conflict", version=record.version,
                        conflicts=conflicts, values=dict(record.values))
    moved_on = op.base_version != record.version - (1 if applied else 0)
    if moved_on or not applied:
        return OpResult(op_id=op.op_id, status="merged", version=record.version,
                        values=dict(record.values))
    return OpResult(op_id=op.op_id, status="applied", version=record.version)
