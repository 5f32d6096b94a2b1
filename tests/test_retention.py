"""Retention purge: only closed, synced, expired files leave the device, and only locally."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func, select, update

from app.models import Alias, AuditEvent, OutboxEntry, Participant
from app.services.context import ServiceContext
from app.services.participant_search import ParticipantQuery, search_participants
from app.services.participant_status import change_status
from app.services.participants import add_alias, create_participant
from app.services.retention import purge_expired_files
from tests.conftest import FixedClock


def _closed(ctx: ServiceContext, family: str, closed_on: date) -> str:
    pid = create_participant(ctx, {"family_name": family})
    add_alias(ctx, pid, {"family_name": family + "alias"})
    change_status(ctx, pid, "closed", "removed", on=closed_on)
    return pid


def _mark_synced(ctx: ServiceContext) -> None:
    """What an acknowledged push leaves behind: versions set, the outbox empty."""
    with ctx.store.transaction() as s:
        s.execute(update(Participant).values(version=3))
        s.execute(update(Alias).values(version=1))
        s.execute(delete(OutboxEntry))


def test_purges_only_expired_synced_closed_files(ctx: ServiceContext,
                                                 clock: FixedClock) -> None:
    old = _closed(ctx, "Expiredfile", date(2024, 1, 10))
    recent = _closed(ctx, "Recentfile", date(2026, 2, 1))
    active = create_participant(ctx, {"family_name": "Activefile"})
    _mark_synced(ctx)
    unsynced = _closed(ctx, "Unsyncedfile", date(2024, 1, 10))

    summary = purge_expired_files(ctx)

    assert (summary.purged, summary.kept_unsynced, summary.retention_days) == (1, 1, 365)
    with ctx.store.session() as s:
        left = set(s.scalars(select(Participant.id)))
        assert left == {recent, active, unsynced}
        assert s.scalar(select(func.count(Alias.id)).where(Alias.participant_id == old)) == 0
        purge_events = s.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).all()
        assert len(purge_events) == 1 and purge_events[0].details["purged"] == 1
        # The purge is never a delete sent to the central endpoint.
        kinds = set(s.scalars(select(OutboxEntry.kind).where(OutboxEntry.record_id == old)))
        assert kinds == set()
    assert search_participants(ctx, ParticipantQuery("expiredfile")).total == 0


def test_nothing_to_purge_writes_nothing(ctx: ServiceContext) -> None:
    create_participant(ctx, {"family_name": "Keeper"})
    with ctx.store.session() as s:
        before = s.scalar(select(func.count(AuditEvent.id)))
    assert purge_expired_files(ctx).purged == 0
    with ctx.store.session() as s:
        assert s.scalar(select(func.count(AuditEvent.id))) == before


def test_a_closed_file_merged_into_a_live_one_stays_with_it(ctx: ServiceContext,
                                                              clock: FixedClock) -> None:
    """A person back years after their file was closed: the old file is merged into the new,
    active one. The tombstone keeps the old closed status, but it belongs to a live file:
    neither it nor its check-ins (which keep its id) leave the device; the absorbed id still
    resolves to the kept file."""
    from app.services.checkins import list_checkins, record_checkin
    from app.services.participant_merge import merge_participants, plan_merge
    from app.services.participants import get_participant

    old = create_participant(ctx, {"family_name": "Returner", "given_names": "Ana"})
    for status in ("assessed", "accepted", "active"):
        change_status(ctx, old, status)
    checkin = record_checkin(ctx, old, {"outcome": "attended", "mode": "telephone"})
    change_status(ctx, old, "closed", "removed", on=date(2023, 5, 2))
    new = create_participant(ctx, {"family_name": "Returner", "given_names": "Ana"})
    for status in ("assessed", "accepted", "active"):
        change_status(ctx, new, status)
    plan = plan_merge(ctx, new, old)
    merge_participants(ctx, new, old, {d.field: "kept" for d in plan.differences})
    _mark_synced(ctx)

    assert purge_expired_files(ctx).purged == 0
    assert get_participant(ctx, old, record_view=False).id == new
    assert [c.id for c in list_checkins(ctx, new)] == [checkin]
