"""The participant file's core: the person, their aliases and their household."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import SyncedEntity, UTCDateTime


class Participant(SyncedEntity):
    __tablename__ = "participant"
    __entity__ = "participant"
    # search_text and phone_digits are derived on each device (names, aliases, ids, phone).
    __local_fields__: ClassVar[frozenset[str]] = frozenset({"search_text", "phone_digits"})

    client_id: Mapped[str | None] = mapped_column(String(10), default=None, index=True)
    external_ref: Mapped[str | None] = mapped_column(String(100), default=None, index=True)
    family_name: Mapped[str] = mapped_column(String(200))
    given_names: Mapped[str | None] = mapped_column(String(200), default=None)
    # Partial ISO date: "YYYY", "YYYY-MM" or "YYYY-MM-DD" (day or month often unknown).
    date_of_birth: Mapped[str | None] = mapped_column(String(10), default=None, index=True)
    sex: Mapped[str | None] = mapped_column(String(20), default=None)
    gender: Mapped[str | None] = mapped_column(String(60), default=None)
    citizenship: Mapped[str | None] = mapped_column(String(60), default=None)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(40), default=None)
    phone_digits: Mapped[str | None] = mapped_column(String(20), default=None, index=True)
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    address_line: Mapped[str | None] = mapped_column(String(300), default=None)
    city: Mapped[str | None] = mapped_column(String(120), default=None)
    province: Mapped[str | None] = mapped_column(String(2), default=None)
    postal_code: Mapped[str | None] = mapped_column(String(7), default=None)
    caseworker_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    referral_source: Mapped[str | None] = mapped_column(String(10), default=None)
    referral_office: Mapped[str | None] = mapped_column(String(200), default=None)
    referral_date: Mapped[date | None] = mapped_column(Date, default=None)
    detention_facility: Mapped[str | None] = mapped_column(String(200), default=None)
    status: Mapped[str] = mapped_column(String(20), default="referred", index=True)
    status_reason: Mapped[str | None] = mapped_column(String(40), default=None)
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    needs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    risk_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    vulnerability_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_to_share: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_recorded_on: Mapped[date | None] = mapped_column(Date, default=None)
    merged_into_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_participant_office_status", "office_id", "status"),
        Index("ix_participant_family_given", "family_name", "given_names"),
    )


class Alias(SyncedEntity):
    __tablename__ = "alias"
    __entity__ = "alias"

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    family_name: Mapped[str] = mapped_column(String(200))
    given_names: Mapped[str | None] = mapped_column(String(200), default=None)


class HouseholdMember(SyncedEntity):
    __tablename__ = "household_member"
    __entity__ = "household_member"

    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(300))
    relationship: Mapped[str] = mapped_column(String(40))
    date_of_birth: Mapped[str | None] = mapped_column(String(10), default=None)
    dependant: Mapped[bool] = mapped_column(Boolean, default=False)
    # The member's own participant file, when they have one (indexed: that file lists the
    # households it is named in).
    linked_participant_id: Mapped[str | None] = mapped_column(String(36), default=None,
                                                              index=True)
