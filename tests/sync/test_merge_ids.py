"""Both ids of a merged person resolve to the kept file on every device: search by the
absorbed file's numbers, records written offline under the absorbed id, a chain of merges
made on two devices. Real devices and the real server on loopback; synthetic names."""

from __future__ import annotations

from sqlalchemy import delete

from app.models import OutboxEntry
from app.services import participants as ps
from app.services.participant_merge import MergeResult, merge_participants, plan_merge
from app.services.participant_search import ParticipantQuery, search_participants
from tests.sync.conftest import Devices, RunningServer, sync


def _pair(ctx: ps.ServiceContext) -> tuple[str, str]:
    """Two files of one person, each with a client ID of its own."""
    a = ps.create_participant(ctx, {"family_name": "Testperson", "given_names": "Amani",
                                    "date_of_birth": "1984-05-06", "phone": "604 555 0101",
                                    "client_id": "11112222"})
    b = ps.create_participant(ctx, {"family_name": "Testperson", "given_names": "Amani J.",
                                    "date_of_birth": "1984-05-06", "city": "Delta",
                                    "client_id": "33334444"})
    return a, b


def _merge(ctx: ps.ServiceContext, kept: str, absorbed: str) -> MergeResult:
    choices = {d.field: "kept" for d in plan_merge(ctx, kept, absorbed).differences}
    return merge_participants(ctx, kept, absorbed, choices)


def _found(ctx: ps.ServiceContext, term: str) -> list[str]:
    return [r.id for r in search_participants(ctx, ParticipantQuery(term)).rows]
def test_the_absorbed_files_client_id_finds_the_kept_file_on_every_device(
        devices: Devices, server: RunningServer) -> None:
    """The kept file's client ID chosen: the absorbed one's still finds the person on the
    device that pulls the merge and on one whose first pull brings both files at once."""
    one, two = devices.new("one"), devices.new("two")
    kept, absorbed = _pair(one)
    assert sync(one).complete and sync(two).complete
    _merge(one, kept, absorbed)
    assert sync(one).complete and sync(two).complete
    three = devices.new("three")
    assert sync(three).complete
    for ctx in (one, two, three):
        assert _found(ctx, "33334444") == [kept], ctx.device_id


def test_a_refused_merge_leaves_the_absorbed_files_client_id_to_it_alone(
        devices: Devices, server: RunningServer) -> None:
    """The server refuses the merge (it never got the kept file) and nothing of the kept
    file changed in it: the absorbed file, back, is the one its client ID finds."""
    one = devices.new("one")
    absorbed = ps.create_participant(one, {"family_name": "Testperson", "given_names": "Amani",
                                           "client_id": "33334444"})
    assert sync(one).complete
    kept = ps.create_participant(one, {"family_name": "Testperson", "given_names": "Amani",
                                       "client_id": "11112222"})
    with one.store.transaction() as s:
        s.execute(delete(OutboxEntry).where(OutboxEntry.record_id == kept))
    _merge(one, kept, absorbed)
    assert _found(one, "33334444") == [kept]
    summary = sync(one)
    assert summary.complete and summary.rejected == 1
    assert _found(one, "33334444") == [absorbed]
