"""Both ids of a merged person resolve to the kept file on every device: search by the
absorbed file's numbers, a check-in written offline under the absorbed id, a chain of
merges sent in one sync, a merge of a file another device had already merged elsewhere,
and the values the person merging chose as a second device receives them. Real devices and
the real server on loopback; synthetic names."""

from __future__ import annotations

from sqlalchemy import delete

from app.models import OutboxEntry
from app.services import participants as ps
from app.services.checkins import list_checkins, record_checkin
from app.services.conflicts import list_conflicts
from app.services.participant_merge import MergeResult, merge_participants, plan_merge
from app.services.participant_search import ParticipantQuery, search_participants
from app.services.participant_status import change_status
from app.services.referrals import list_referrals, make_referral
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, server_state


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


def _providers(ctx: ps.ServiceContext, pid: str) -> set[str]:
    return {r.provider for r in list_referrals(ctx, pid)}


def test_a_checkin_written_offline_under_the_absorbed_id_is_the_kept_files(
        devices: Devices, server: RunningServer) -> None:
    """Device two, not yet knowing of the merge, records a check-in for the absorbed file.
    A check-in is never changed once written, so it keeps that id: both devices list it
    with the kept file."""
    one, two = devices.new("one"), devices.new("two")
    kept, absorbed = _pair(one)
    for status in ("assessed", "accepted", "active"):
        change_status(one, absorbed, status)
    assert sync(one).complete and sync(two).complete
    _merge(one, kept, absorbed)
    assert sync(one).complete
    checkin = record_checkin(two, absorbed, {"outcome": "attended", "mode": "telephone"})
    assert sync(two).complete and sync(one).complete
    for ctx in (one, two):
        assert [c.id for c in list_checkins(ctx, kept)] == [checkin], ctx.device_id
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_a_chain_of_merges_sent_in_one_sync_resolves_to_its_end(
        devices: Devices, server: RunningServer) -> None:
    """x into y, then y into z, on one device before it syncs (x is re-pointed at z as part
    of the second merge): on both devices x and y open z, which has every referral and is
    found by each file's client ID."""
    one, two = devices.new("one"), devices.new("two")
    x, y = _pair(one)
    z = ps.create_participant(one, {"family_name": "Testperson", "given_names": "A.",
                                    "client_id": "55556666"})
    for pid, provider in ((x, "Shelter X"), (y, "Shelter Y"), (z, "Shelter Z")):
        make_referral(one, pid, {"type": "housing", "provider": provider})
    assert sync(one).complete and sync(two).complete
    _merge(one, y, x)
    _merge(one, z, y)
    assert sync(one).complete and sync(two).complete
    for ctx in (one, two):
        assert {ps.get_participant(ctx, pid, record_view=False).id for pid in (x, y)} == {z}
        assert _providers(ctx, z) == {"Shelter X", "Shelter Y", "Shelter Z"}
        for term in ("11112222", "33334444", "55556666"):
            assert _found(ctx, term) == [z], (ctx.device_id, term)
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_a_file_merged_elsewhere_first_is_not_merged_again_and_loses_nothing(
        devices: Devices, server: RunningServer) -> None:
    """Device one merges x into y; device two, not knowing, merges x into z. The first merge
    stands; the second is a conflict on x for device two's person (its moves withdrawn), and
    every referral is on a live file on both devices."""
    one, two = devices.new("one"), devices.new("two")
    x, y = _pair(one)
    z = ps.create_participant(one, {"family_name": "Testperson", "given_names": "A."})
    for pid, provider in ((x, "Shelter X"), (y, "Shelter Y"), (z, "Shelter Z")):
        make_referral(one, pid, {"type": "housing", "provider": provider})
    assert sync(one).complete and sync(two).complete
    _merge(one, y, x)
    _merge(two, z, x)
    assert sync(one).complete
    summary = sync(two)
    assert summary.complete and summary.withdrawn > 0
    assert [(c.record_id, c.field) for c in list_conflicts(two)] == [(x, "merged_into_id")]
    assert sync(one).complete and sync(two).complete
    for ctx in (one, two):
        assert ps.get_participant(ctx, x, record_view=False).id == y
        assert _providers(ctx, y) == {"Shelter X", "Shelter Y"}
        assert _providers(ctx, z) == {"Shelter Z"}
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_every_value_chosen_from_the_absorbed_file_reaches_a_second_device(
        devices: Devices, server: RunningServer) -> None:
    """The absorbed file's name, client ID and refused status (with its reason) chosen, its
    city filled in: a second device holds the kept file exactly so."""
    one, two = devices.new("one"), devices.new("two")
    kept, absorbed = _pair(one)
    change_status(one, absorbed, "refused", reason="no space")
    assert sync(one).complete and sync(two).complete
    plan = plan_merge(one, kept, absorbed)
    merge_participants(one, kept, absorbed, {d.field: "absorbed" for d in plan.differences})
    assert sync(one).complete and sync(two).complete
    for ctx in (one, two):
        shown = ps.get_participant(ctx, absorbed, record_view=False)
        assert (shown.id, shown.given_names, shown.client_id, shown.status,
                shown.fields["status_reason"], shown.city, shown.phone) == (
            kept, "Amani J.", "33334444", "refused", "no space", "Delta", "604 555 0101")
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)
