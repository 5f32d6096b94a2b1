"""A file's history lists its audit events, newest first, with who acted."""

from __future__ import annotations

from app.services.context import ServiceContext
from app.services.history import participant_history
from app.services.participant_status import change_status
from app.services.participants import create_participant, get_participant, update_participant
from tests.conftest import FixedClock


def test_history_of_a_file(ctx: ServiceContext, clock: FixedClock) -> None:
    pid = create_participant(ctx, {"family_name": "Diallo", "phone": "604 555 0100"})
    other = create_participant(ctx, {"family_name": "Other"})
    clock.advance(minutes=5)
    update_participant(ctx, pid, {"phone": "604 555 0199"})
    clock.advance(minutes=5)
    change_status(ctx, pid, "assessed")
    clock.advance(minutes=5)
    get_participant(ctx, pid)

    entries = participant_history(ctx, pid)

    assert [e.action for e in entries] == ["view", "status", "update", "create"]
    assert entries[2].details == {"fields": ["phone"]}
    assert all(e.actor_name == "Test Worker" for e in entries)
    assert all("0199" not in str(e.details) for e in entries)  # names fields, never values
    assert other not in {e.record_id for e in entries}
