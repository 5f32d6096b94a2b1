"""The audit trail: append-only, hash-chained per device, synced to the central endpoint."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import SyncedEntity, UTCDateTime


class AuditEvent(SyncedEntity):
    """Who did what to which record, when, from which device. `details` holds field names and
    counts, never values, so the trail itself leaks nothing. `hash` covers the event and the
    hash of the same device's previous event: removing or editing one breaks the chain."""

    __tablename__ = "audit_event"
    __entity__ = "audit_event"
    __append_only__ = True

    device_id: Mapped[str] = mapped_column(String(36))
    device_seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str | None] = mapped_column(String(36), default=None)
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(36), default=None)
    participant_id: Mapped[str | None] = mapped_column(String(36), default=None)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_device_seq", "device_id", "device_seq", unique=True),
        Index("ix_audit_participant_at", "participant_id", "at"),
    )
