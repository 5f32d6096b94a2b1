"""A merge travels as a merge: the second device sees one file under both ids, with
everything the absorbed file had; an undo made before syncing leaves the server untouched."""

from __future__ import annotations

from app.services import participants as ps
from app.services.checkins import list_checkins
from app.services.participant_merge import (
    merge_participants,
    plan_merge,
    undo_merge,
    undoable_merges,
)
from app.services.participant_search import ParticipantQuery, search_participants
from app.services.referrals import list_referrals
from tests.services.test_merge import _two_files, _with_records
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, server_state

CHOICES = {"family_name": "kept", "given_names": "kept", "phone": "absorbed",
           "status": "absorbed"}


def test_merge_syncs_to_a_second_device(devices: Devices, server: RunningServer) -> None:
    a, b = devices.new("a"), devices.new("b")
    kept, absorbed = _two_files(a)
    _with_records(a, absorbed)
    assert sync(a).complete and sync(b).complete
    assert len(list_checkins(b, absorbed)) == 1

    merge_participants(a, kept, absorbed, CHOICES)
    assert sync(a).complete and sync(b).complete
    assert undoable_merges(a) == []  # synced: no longer undoable here

    on_b = ps.get_participant(b, absorbed, record_view=False)
    assert on_b.id == kept and on_b.phone == "604 555 0199" and on_b.status == "active"
    assert len(list_checkins(b, kept)) == 1 and len(list_referrals(b, kept)) == 1
    assert [r.id for r in search_participants(b, ParticipantQuery("muhammad")).rows] == [kept]
    assert device_state(a) == device_state(b) == server_state(server.db_url, a.office_id)


def test_undone_before_sync_the_server_sees_both_files(devices: Devices,
                                                       server: RunningServer) -> None:
    a, b = devices.new("a"), devices.new("b")
    kept, absorbed = _two_files(a)
    assert sync(a).complete
    plan = plan_merge(a, kept, absorbed)
    result = merge_participants(a, kept, absorbed, {d.field: "absorbed" for d in plan.differences})
    undo_merge(a, result.merge_id)
    assert sync(a).complete and sync(b).complete and sync(a).complete
    for pid in (kept, absorbed):
        assert ps.get_participant(b, pid, record_view=False).id == pid
    assert device_state(a) == device_state(b) == server_state(server.db_url, a.office_id)
