"""Casework set up through the real services, shared by service and GUI tests."""

from __future__ import annotations

from app.services.agreements import create_agreement
from app.services.checkins import record_checkin
from app.services.context import ServiceContext
from app.services.dashboard import open_slots_of
from app.services.participant_status import change_status
from tests.conftest import FixedClock


def reporting(ctx: ServiceContext, clock: FixedClock, pid: str, mode: str = "in_person") -> None:
    """`pid` made active, reporting weekly (in person, or `mode`) from 2026-03-02 (the test
    clock's first day); the clock moved past the first slot's time, so that slot is due."""
    for status in ("assessed", "accepted", "active"):
        change_status(ctx, pid, status)
    create_agreement(ctx, pid, {"effective_on": "2026-03-02", "reporting_frequency": "weekly",
                                "reporting_mode": mode})
    clock.advance(hours=10)


def missed_first_slot(ctx: ServiceContext, clock: FixedClock, pid: str) -> str:
    """`pid` reporting (as above) and a miss recorded on the first slot; its entry's id."""
    reporting(ctx, clock, pid)
    slot_id, _ = open_slots_of(ctx, pid)[0]
    return record_checkin(ctx, pid, {"outcome": "missed", "mode": "in_person"}, slot_id)
