"""Case notes and documents (document bytes live inside the encrypted store)."""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from app.models.base import SyncedEntity


class CaseNote(SyncedEntity):
    __tablename__ = "case_note"
    __entity__ = "case_note"

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    author_id: Mapped[str | None] = mapped_column(String(36), default=None)
    body: Mapped[str] = mapped_column(Text)


class Document(SyncedEntity):
    __tablename__ = "document"
    __entity__ = "document"

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    # Deferred: listing a file's documents never pulls their bytes into memory.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
