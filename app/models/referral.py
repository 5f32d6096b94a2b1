"""Referrals to community services."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import SyncedEntity

OPEN_SQL = "status IN ('proposed', 'made', 'accepted', 'in_progress')"


class Referral(SyncedEntity):
    __tablename__ = "referral"
    __entity__ = "referral"

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    type: Mapped[str] = mapped_column(String(20))
    provider: Mapped[str] = mapped_column(String(200))
    referred_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="proposed")
    follow_up_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome: Mapped[str | None] = mapped_column(Text, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)

    __table_args__ = (
        # The dashboard's "past follow-up" list walks this in date order and stops after a
        # page; queries must spell the same condition (OPEN_SQL) for SQLite to use it.
        Index("ix_referral_open_follow_up", "follow_up_on", sqlite_where=text(OPEN_SQL)),
    )
