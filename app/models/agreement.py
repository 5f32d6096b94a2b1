"""Supervision agreements (one row per version) and the check-in slots they schedule."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import SyncedEntity, UTCDateTime


class SupervisionAgreement(SyncedEntity):
    """One version of an agreement. An amendment is a new row whose `supersedes_id` points to
    the version it replaces; the old row gets `superseded_on` and is otherwise left intact."""

    __tablename__ = "supervision_agreement"
    __entity__ = "supervision_agreement"

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[str | None] = mapped_column(String(36), default=None)
    superseded_on: Mapped[date | None] = mapped_column(Date, default=None)
    amendment_reason: Mapped[str | None] = mapped_column(Text, default=None)
    effective_on: Mapped[date] = mapped_column(Date)
    review_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    end_on: Mapped[date | None] = mapped_column(Date, default=None)
    reporting_frequency: Mapped[str] = mapped_column(String(10))
    custom_interval_days: Mapped[int | None] = mapped_column(Integer, default=None)
    reporting_mode: Mapped[str] = mapped_column(String(12))
    reporting_time: Mapped[str] = mapped_column(String(5), default="10:00")
    residency_address: Mapped[str | None] = mapped_column(String(300), default=None)
    curfew: Mapped[str | None] = mapped_column(String(40), default=None)
    programming: Mapped[list[str]] = mapped_column(JSON, default=list)
    conditions: Mapped[str | None] = mapped_column(Text, default=None)
    compliance_window_days: Mapped[int] = mapped_column(Integer, default=7)
    signed_by_participant_on: Mapped[date | None] = mapped_column(Date, default=None)
    signed_by_caseworker_on: Mapped[date | None] = mapped_column(Date, default=None)
    cbsa_officer: Mapped[str | None] = mapped_column(String(200), default=None)

    __table_args__ = (Index("ix_agreement_current", "participant_id", "superseded_on"),)


class ScheduledCheckIn(SyncedEntity):
    """A reporting slot generated from an agreement. Its id is derived from the agreement
    and the time, so every device that generates the same schedule makes the same rows."""

    __tablename__ = "scheduled_checkin"
    __entity__ = "scheduled_checkin"
    __append_only__ = True

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    agreement_id: Mapped[str] = mapped_column(String(36),
                                              index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    mode: Mapped[str] = mapped_column(String(12))

    __table_args__ = (Index("ix_scheduled_checkin_participant_due", "participant_id", "due_at"),)
