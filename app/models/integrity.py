"""Device-local tables of data integrity that never travel: which rows of which import file
were already taken (so a re-run or a resumed import adds nothing twice), pairs of files to
review as probable duplicates, and merges that can still be undone (until they sync)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, new_id, utcnow


class ImportedRow(Base):
    """One data row of an import file, written in the transaction that imported it."""

    __tablename__ = "imported_row"

    file_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_number: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1-based data row
    # imported | flagged | skipped | present (the external reference was already here)
    outcome: Mapped[str] = mapped_column(String(10))
    participant_id: Mapped[str | None] = mapped_column(String(36), default=None)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # SHA-256 of what the row imports (its validated values): an edited copy of the file
    # (a new file hash) then knows its unchanged rows (`importing`). None before 0006.
    row_sha256: Mapped[str | None] = mapped_column(String(64), default=None, index=True)


class ImportFile(Base):
    """Each import file by its hash, with where it was: files found at one place are
    versions of one file (rows fixed in place), whose unchanged rows are not imported again.
    The place is a hash of the file's full path (a path can name a person or a user)."""

    __tablename__ = "import_file"

    file_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    place_sha256: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    first_imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DuplicateReview(Base):
    """A pair of files a person should look at: flagged by an import, or kept from a scan.
    `decision` is set once someone merged them or said they are different people."""

    __tablename__ = "duplicate_review"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    candidate_id: Mapped[str] = mapped_column(String(36), index=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(10))  # import | scan
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decision: Mapped[str | None] = mapped_column(String(15), default=None)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class PendingMerge(Base):
    """A merge made on this device whose operations have not all been acknowledged yet:
    what undoing it needs (the outbox op_ids it wrote and the values it replaced)."""

    __tablename__ = "pending_merge"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kept_id: Mapped[str] = mapped_column(String(36), index=True)
    absorbed_id: Mapped[str] = mapped_column(String(36), index=True)
    op_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    undo: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
