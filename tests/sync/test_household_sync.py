"""A household both ways on a second device: a member edited and linked to their own file on
one device shows, after a sync through the real server, on the other, with the linked file's
name, and the linked file names the household it is in."""

from __future__ import annotations

from app.services import participants as ps
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, server_state


def test_a_household_link_syncs_to_a_second_device(devices: Devices,
                                                   server: RunningServer) -> None:
    a, b = devices.new("a"), devices.new("b")
    mother = ps.create_participant(a, {"family_name": "Haile", "given_names": "Selam"})
    member = ps.add_household_member(a, mother, {"name": "Dawit", "relationship": "son"})
    assert sync(a).complete and sync(b).complete

    son = ps.create_participant(a, {"family_name": "Haile", "given_names": "Dawit"})
    ps.update_household_member(a, member, {"name": "Dawit Haile",
                                           "linked_participant_id": son})
    assert sync(a).complete and sync(b).complete

    [on_b] = ps.get_participant(b, mother, record_view=False).household
    assert (on_b.name, on_b.linked_participant_id, on_b.linked_name) == (
        "Dawit Haile", son, "Haile, Dawit")
    assert [n.participant_id for n in ps.get_participant(b, son, record_view=False).named_in
            ] == [mother]
    assert device_state(a) == device_state(b) == server_state(server.db_url, a.office_id)
