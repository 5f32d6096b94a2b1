"""Offices and the caseworkers who work in them."""

from __future__ import annotations

import uuid

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import SyncedEntity

_OFFICE_NAMESPACE = uuid.UUID("6f1d5f0e-3c55-4c1e-9f55-5a4b1c0d2e77")


# Offices the program names (JHS, Toronto Bail Program, Salvation Army) and their zones.
OFFICE_ZONES = {
    "vancouver": "America/Vancouver", "victoria": "America/Vancouver",
    "kamloops": "America/Vancouver", "calgary": "America/Edmonton",
    "edmonton": "America/Edmonton", "regina": "America/Regina",
    "saskatchewan": "America/Regina", "winnipeg": "America/Winnipeg",
    "halifax": "America/Halifax", "moncton": "America/Moncton",
    "saint-john nb": "America/Moncton", "saint john": "America/Moncton",
    "st-john's nl": "America/St_Johns", "st. john's": "America/St_Johns",
}


def office_zone_for(name: str) -> str:
    return OFFICE_ZONES.get(" ".join(name.split()).casefold(), "America/Toronto")


def office_id_for(name: str) -> str:
    """Offices are named, not minted: every device of 'Vancouver' derives the same id."""
    return str(uuid.uuid5(_OFFICE_NAMESPACE, " ".join(name.split()).casefold()))


class Office(SyncedEntity):
    __tablename__ = "office"
    __entity__ = "office"

    name: Mapped[str] = mapped_column(String(200))
    # Reporting times in agreements are wall-clock times in the office's zone.
    time_zone: Mapped[str] = mapped_column(String(40), default="America/Toronto")
    retention_days: Mapped[int] = mapped_column(Integer, default=365)
    max_offline_days: Mapped[int | None] = mapped_column(Integer, default=None)


class Caseworker(SyncedEntity):
    __tablename__ = "caseworker"
    __entity__ = "caseworker"

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    role: Mapped[str] = mapped_column(String(20), default="caseworker")
    active: Mapped[bool] = mapped_column(default=True)
