"""What the participant file reads to act on a miss and on a referral: the follow-up a miss
opened beside its entry, the statuses a referral may move to, and a move that also sets its
follow-up date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import ValidationError
from app.services.checkins import (
    correct_checkin,
    escalate_overdue_follow_ups,
    list_checkins,
    record_checkin,
    resolve_follow_up,
)
from app.services.context import ServiceContext
from app.services.participants import create_participant
from app.services.referrals import allowed_moves, list_referrals, make_referral, move_referral
from tests.casework import missed_first_slot
from tests.conftest import FixedClock


@pytest.fixture
def pid(ctx: ServiceContext) -> str:
    return create_participant(ctx, {"family_name": "Tesfaye", "given_names": "Hiwot"})


def test_each_entry_carries_the_follow_up_its_miss_opened(ctx: ServiceContext,
                                                          clock: FixedClock, pid: str) -> None:
    missed = missed_first_slot(ctx, clock, pid)
    attended = record_checkin(ctx, pid, {"outcome": "attended", "mode": "telephone"})
    entries = {c.id: c for c in list_checkins(ctx, pid)}
    follow_up = entries[missed].follow_up
    assert follow_up is not None and follow_up.status == "open"
    scheduled = entries[missed].scheduled_at
    assert scheduled is not None and follow_up.due_at == scheduled + timedelta(days=7)
    assert entries[attended].follow_up is None

    resolve_follow_up(ctx, follow_up.id, "Reached by phone; was in hospital.")
    after = next(c for c in list_checkins(ctx, pid) if c.id == missed).follow_up
    assert after is not None
    assert (after.status, after.resolution) == ("resolved", "Reached by phone; was in hospital.")
    clock.advance(days=8)
    assert escalate_overdue_follow_ups(ctx) == 0  # followed up in time: nothing to report


def test_a_correction_carries_the_open_follow_up_to_the_new_entry(
        ctx: ServiceContext, clock: FixedClock, pid: str) -> None:
    missed = missed_first_slot(ctx, clock, pid)
    newer = correct_checkin(ctx, missed, {"notes": "Called twice, no answer."})
    entries = {c.id: c for c in list_checkins(ctx, pid)}
    assert entries[missed].corrected and entries[missed].follow_up is None
    moved = entries[newer].follow_up
    assert moved is not None and moved.status == "open"
    clock.advance(days=8)
    assert escalate_overdue_follow_ups(ctx) == 1
    escalated = next(c for c in list_checkins(ctx, pid) if c.id == newer).follow_up
    assert escalated is not None and escalated.status == "escalated"


@pytest.mark.parametrize("status, moves", [
    ("proposed", ("made", "withdrawn")),
    ("made", ("accepted", "declined", "no_show", "withdrawn")),
    ("accepted", ("in_progress", "completed", "no_show", "withdrawn")),
    ("in_progress", ("completed", "withdrawn")),
    ("completed", ()), ("declined", ()), ("no_show", ()), ("withdrawn", ())])
def test_allowed_moves_follow_a_referrals_life(status: str, moves: tuple[str, ...]) -> None:
    assert allowed_moves(status) == moves


def test_a_move_checks_the_follow_up_date_it_sets(ctx: ServiceContext, pid: str) -> None:
    rid = make_referral(ctx, pid, {"type": "legal", "provider": "Legal Aid",
                                   "referred_on": "2026-03-02", "status": "made"})
    with pytest.raises(ValidationError) as bad:
        move_referral(ctx, rid, "accepted", follow_up_on="2026-02-30")
    assert bad.value.errors == {"follow_up_on": "must be a date as YYYY-MM-DD"}
    with pytest.raises(ValidationError) as early:
        move_referral(ctx, rid, "accepted", follow_up_on="2026-03-01")
    assert early.value.errors == {"follow_up_on": "must not be before the referral date"}
    assert list_referrals(ctx, pid)[0].status == "made"  # neither refused move was written

    move_referral(ctx, rid, "accepted", follow_up_on="2026-03-16")
    moved = list_referrals(ctx, pid)[0]
    assert (moved.status, moved.follow_up_on) == ("accepted", date(2026, 3, 16))
