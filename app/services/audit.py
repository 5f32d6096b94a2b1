"""Appending to the tamper-evident audit trail and verifying it."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.models.wire import encode

GENESIS = "0" * 64


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps({k: encode(v) for k, v in fields.items()}, sort_keys=True,
                           separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _hashed_fields(ev: AuditEvent) -> dict[str, Any]:
    return {
        "id": ev.id, "device_id": ev.device_id, "device_seq": ev.device_seq, "at": ev.at,
        "actor_id": ev.actor_id, "action": ev.action, "entity": ev.entity,
        "record_id": ev.record_id, "participant_id": ev.participant_id,
        "details": ev.details, "office_id": ev.office_id,
    }


def last_link(session: Session, device_id: str) -> tuple[int, str]:
    row = session.execute(
        select(AuditEvent.device_seq, AuditEvent.hash)
        .where(AuditEvent.device_id == device_id)
        .order_by(AuditEvent.device_seq.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def seal(ev: AuditEvent, seq: int, prev_hash: str) -> None:
    ev.device_seq = seq
    ev.prev_hash = prev_hash
    ev.hash = event_hash(prev_hash, _hashed_fields(ev))


def verify_chain(session: Session, device_id: str) -> list[str]:
    """Problems found in one device's chain (empty: intact)."""
    problems: list[str] = []
    prev, expected_seq = GENESIS, 1
    for ev in session.scalars(select(AuditEvent).where(AuditEvent.device_id == device_id)
                              .order_by(AuditEvent.device_seq)):
        if ev.device_seq != expected_seq:
            problems.append(f"event {expected_seq} of device {device_id} is missing")
        if ev.prev_hash != prev or ev.hash != event_hash(prev, _hashed_fields(ev)):
            problems.append(f"event {ev.device_seq} of device {device_id} was altered")
        prev, expected_seq = ev.hash, ev.device_seq + 1
    return problems
