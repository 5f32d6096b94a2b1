"""Maximum days offline: warned ahead, then files locked until the device syncs."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.models import Office, SyncState
from app.services.context import ServiceContext
from app.services.offline_lock import (
    LAST_SYNC_KEY,
    FilesLockedOffline,
    offline_status,
)
from app.services.participants import create_participant, get_participant
from tests.conftest import FixedClock


def _set_max_days(ctx: ServiceContext, days: int | None) -> None:
    with ctx.store.transaction() as s:
        s.info["ccms_remote_apply"] = True  # as if the office setting arrived by sync
        s.execute(update(Office).values(max_offline_days=days))


def test_no_limit_never_locks(ctx: ServiceContext, clock: FixedClock) -> None:
    pid = create_participant(ctx, {"family_name": "Mensah"})
    clock.advance(days=400)
    assert offline_status(ctx).locked is False
    assert get_participant(ctx, pid).family_name == "Mensah"


def test_warned_then_locked_then_unlocked_by_a_sync(ctx: ServiceContext,
                                                    clock: FixedClock) -> None:
    pid = create_participant(ctx, {"family_name": "Mensah"})
    _set_max_days(ctx, 10)
    # The store was created at real time; count from the clock's start instead.
    with ctx.store.transaction() as s:
        s.merge(SyncState(key=LAST_SYNC_KEY, value=clock.now.isoformat()))
    clock.advance(days=8)
    status = offline_status(ctx)
    assert (status.locked, status.days_left, status.warn) == (False, 2, True)
    clock.advance(days=3)
    assert offline_status(ctx).locked
    with pytest.raises(FilesLockedOffline):
        get_participant(ctx, pid)
    with ctx.store.transaction() as s:
        s.merge(SyncState(key=LAST_SYNC_KEY, value=clock.now.isoformat()))
    assert get_participant(ctx, pid).family_name == "Mensah"
