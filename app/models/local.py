"""Device-local tables that never travel: store metadata, the sync outbox and state,
unresolved conflicts, and secrets kept here when the OS has no keyring."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, new_id, utcnow


class StoreMeta(Base):
    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutboxEntry(Base):
    """One operation waiting for the server's answer; written in the same transaction as the
    change itself and deleted only in the transaction that records the answer."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # create | update | delete | merge
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    # {field: {"old": value, "new": value}} with wire-encoded values.
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(200), default=None)
    # The op_id of the merge this operation is part of: the server applies it only if that
    # merge took effect (see docs/sync-protocol.md).
    part_of: Mapped[str | None] = mapped_column(String(36), default=None)


class SyncState(Base):
    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Conflict(Base):
    """The same field changed to different values here and on the server: both kept until a
    person chooses."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    participant_id: Mapped[str | None] = mapped_column(String(36), default=None)
    field: Mapped[str] = mapped_column(String(60))
    base_value: Mapped[Any] = mapped_column(JSON, default=None)
    local_value: Mapped[Any] = mapped_column(JSON, default=None)
    server_value: Mapped[Any] = mapped_column(JSON, default=None)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    resolution: Mapped[str | None] = mapped_column(String(10), default=None)


class DeviceSecret(Base):
    __tablename__ = "device_secret"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)
