"""Check-ins (append-only reporting events), follow-ups of misses, compliance reports."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import SyncedEntity, UTCDateTime


class CheckIn(SyncedEntity):
    """What happened at a reporting event. Never changed once written: a correction is a
    new row whose `corrects_id` names the entry it replaces."""

    __tablename__ = "checkin"
    __entity__ = "checkin"
    __append_only__ = True

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    agreement_id: Mapped[str | None] = mapped_column(String(36), default=None)
    slot_id: Mapped[str | None] = mapped_column(String(36), default=None)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    actual_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    mode: Mapped[str] = mapped_column(String(12))
    outcome: Mapped[str] = mapped_column(String(12), index=True)
    wellbeing: Mapped[str | None] = mapped_column(Text, default=None)
    needs_update: Mapped[str | None] = mapped_column(Text, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
    corrects_id: Mapped[str | None] = mapped_column(String(36), default=None)
    recorded_by: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (
        Index("ix_checkin_participant_scheduled", "participant_id", "scheduled_at"),
        # Partial: almost no entry is a correction, and a full index on a column that is
        # NULL nearly everywhere looks useless to the planner, which then scans instead.
        Index("ix_checkin_corrects", "corrects_id",
              sqlite_where=text("corrects_id IS NOT NULL")),
        Index("ix_checkin_slot", "slot_id", sqlite_where=text("slot_id IS NOT NULL")),
    )


class FollowUp(SyncedEntity):
    """Opened by a missed check-in; unresolved past the agreement's window it is escalated."""

    __tablename__ = "follow_up"
    __entity__ = "follow_up"

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    checkin_id: Mapped[str] = mapped_column(String(36), index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(10), default="open")
    resolution: Mapped[str | None] = mapped_column(Text, default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    __table_args__ = (Index("ix_follow_up_status_due", "status", "due_at"),)


class ComplianceReport(SyncedEntity):
    """A report of non-compliance to CBSA. Its id derives from the follow-up it escalates,
    so two devices escalating the same miss make one report."""

    __tablename__ = "compliance_report"
    __entity__ = "compliance_report"
    __append_only__ = True

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    follow_up_id: Mapped[str | None] = mapped_column(String(36), default=None)
    checkin_id: Mapped[str | None] = mapped_column(String(36), default=None)
    reason: Mapped[str] = mapped_column(String(40))
    details: Mapped[str | None] = mapped_column(Text, default=None)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
