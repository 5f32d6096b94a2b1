"""Device-local blocking keys of the duplicate matcher (see app/services/name_keys.py).

Derived from names, aliases and the birth year on each device; never synced. A trigger made
by migration 0004 deletes a participant's keys with the participant row (a purge leaves no
trace); a migration that rebuilds the participant table in batch mode drops that trigger and
must create it again (CREATE_TRIGGER_SQL below)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class ParticipantNameKey(Base):
    __tablename__ = "participant_name_key"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    participant_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


CREATE_TRIGGER_SQL = """CREATE TRIGGER IF NOT EXISTS participant_name_key_ad AFTER DELETE
    ON participant BEGIN
    DELETE FROM participant_name_key WHERE participant_id = old.id;
END"""
DROP_TRIGGER_SQL = "DROP TRIGGER IF EXISTS participant_name_key_ad"
