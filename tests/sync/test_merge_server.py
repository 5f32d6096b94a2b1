"""What the server makes of merges it must not take as they come: the same two files merged
each way on two devices, merges into a file that is missing, itself or another office's,
an edit of a file another device merged, and `merged_into_id` set by a plain update. Real
devices and the real server on loopback; synthetic names."""

from __future__ import annotations

import pytest
import requests

from app.models import new_id
from app.services import participants as ps
from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.participant_merge import merge_participants, plan_merge
from app.services.participant_search import ParticipantQuery, search_participants
from app.sync.wire import Operation
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, server_state
from tests.sync.test_refusals import _token


def _pair(ctx: ps.ServiceContext) -> tuple[str, str]:
    a = ps.create_participant(ctx, {"family_name": "Testperson", "given_names": "Amani",
                                    "date_of_birth": "1984-05-06", "phone": "604 555 0101"})
    b = ps.create_participant(ctx, {"family_name": "Testperson", "given_names": "Amani J.",
                                    "date_of_birth": "1984-05-06"})
    return a, b


def _all_differences(ctx: ps.ServiceContext, kept: str, absorbed: str) -> dict[str, str]:
    return {d.field: "kept" for d in plan_merge(ctx, kept, absorbed).differences}


def test_the_same_files_merged_each_way_on_two_devices_leave_one_file(
        devices: Devices, server: RunningServer) -> None:
    one, two, third = devices.new("one"), devices.new("two"), devices.new("three")
    x, y = _pair(one)
    assert sync(one).complete and sync(two).complete
    merge_participants(one, y, x, _all_differences(one, y, x))  # x into y
    merge_participants(two, x, y, _all_differences(two, x, y))  # y into x
    for ctx in (one, two, third, one, two):
        assert sync(ctx).complete
    for ctx in (one, two, third):
        live = {ps.get_participant(ctx, pid, record_view=False).id for pid in (x, y)}
        assert live == {y}, ctx.device_id
        assert [r.id for r in search_participants(ctx, ParticipantQuery("testperson")).rows] \
            == [y]
    assert device_state(one) == device_state(two) == device_state(third) == server_state(
        server.db_url, one.office_id)


def _edited_while_merged_elsewhere(devices: Devices, change: dict[str, str]) -> tuple[
        ps.ServiceContext, ps.ServiceContext, str, str, int]:
    """Device one merges two files; device two, not knowing, edits the absorbed one; one
    syncs, then two. Returns both devices, the kept and absorbed ids, two's conflicts."""
    one, two = devices.new("one"), devices.new("two")
    kept, absorbed = _pair(one)
    assert sync(one).complete and sync(two).complete
    merge_participants(one, kept, absorbed, _all_differences(one, kept, absorbed))
    ps.update_participant(two, absorbed, change)
    assert sync(one).complete
    summary = sync(two)
    assert summary.complete
    return one, two, kept, absorbed, summary.conflicts


def test_an_edit_of_a_file_merged_elsewhere_reaches_the_kept_file(
        devices: Devices, server: RunningServer) -> None:
    one, two, kept, absorbed, conflicts = _edited_while_merged_elsewhere(
        devices, {"city": "Burnaby"})
    assert conflicts == 0
    assert sync(one).complete
    for ctx in (one, two):
        shown = ps.get_participant(ctx, absorbed, record_view=False)
        assert (shown.id, shown.city) == (kept, "Burnaby")
    assert device_state(one) == device_state(two)


def test_an_edit_that_disagrees_with_the_kept_file_is_a_conflict(
        devices: Devices, server: RunningServer) -> None:
    one, two, kept, _, conflicts = _edited_while_merged_elsewhere(
        devices, {"phone": "778 555 0123"})
    assert conflicts == 1  # the kept file's phone is not what device two saw
    assert ps.get_participant(two, kept, record_view=False).phone == "604 555 0101"
    # Keeping device two's value changes the kept file, once: no conflict comes back.
    [conflict] = list_conflicts(two)
    resolve_conflict(two, conflict.id, "local")
    summary = sync(two)
    assert summary.complete and summary.conflicts == 0 and list_conflicts(two) == []
    assert sync(one).complete
    for ctx in (one, two):
        assert ps.get_participant(ctx, kept, record_view=False).phone == "778 555 0123"


def _push(server: RunningServer, ctx: ps.ServiceContext, op: dict) -> requests.Response:
    Operation.model_validate(op)  # a well-formed operation: only the server's rules refuse
    return requests.post(server.url + "/v1/push", json={"operations": [op]},
                         headers={"Authorization": f"Bearer {_token(ctx)}"}, timeout=10)


def _merge_op(record_id: str, target: str, kind: str = "merge") -> dict:
    changes: dict[str, dict[str, object]] = {"merged_into_id": {"old": None, "new": target}}
    if kind == "merge":
        changes["deleted"] = {"old": False, "new": True}
    return {"op_id": new_id(), "entity": "participant", "record_id": record_id,
            "kind": kind, "base_version": 1, "changes": changes}


def test_merges_the_server_refuses(devices: Devices, server: RunningServer) -> None:
    one = devices.new("one")
    x, y = _pair(one)
    assert sync(one).complete
    before = server_state(server.db_url, one.office_id)
    cases = [
        (_merge_op(x, new_id()), "rejected",
         "the file it is merged into does not exist on the server"),
        (_merge_op(x, x), "merged", None),  # into itself: nothing changes
        (_merge_op(x, y, kind="update"), "rejected", "merged_into_id is set only by a merge"),
        ({**_merge_op(x, y), "changes": {}}, "rejected",
         "a merge names the file it goes into (merged_into_id)"),
    ]
    for op, status, reason in cases:
        answer = _push(server, one, op)
        assert answer.status_code == 200, answer.text
        [result] = answer.json()["results"]
        assert (result["status"], result.get("reason")) == (status, reason), op
    assert server_state(server.db_url, one.office_id) == before


def test_a_merge_into_another_offices_file_is_refused_whole(devices: Devices,
                                                            server: RunningServer) -> None:
    here = devices.new("here")
    saved = devices.code
    devices.code = lambda: server.enrol_code("Toronto")
    try:
        there = devices.new("there", office="Toronto")
    finally:
        devices.code = saved
    x, _ = _pair(here)
    elsewhere, _ = _pair(there)
    assert sync(here).complete and sync(there).complete
    before = server_state(server.db_url, here.office_id)
    answer = _push(server, here, _merge_op(x, elsewhere))
    assert answer.status_code == 403 and answer.json()["error"] == "other_office"
    assert server_state(server.db_url, here.office_id) == before


def test_a_device_told_its_merge_is_refused_keeps_a_conflict_and_goes_on(
        devices: Devices, server: RunningServer) -> None:
    """The server never got the kept file (its creation lost from the outbox): the merge is
    refused; the device records it for a person to see, takes the file back as the server
    has it (not merged), and the sync completes."""
    from sqlalchemy import delete, func, select

    from app.models import Conflict, OutboxEntry

    one = devices.new("one")
    x = ps.create_participant(one, {"family_name": "Testperson", "given_names": "Amani"})
    assert sync(one).complete
    y = ps.create_participant(one, {"family_name": "Testperson", "given_names": "Amani J."})
    with one.store.transaction() as s:
        s.execute(delete(OutboxEntry).where(OutboxEntry.record_id == y))
    merge_participants(one, y, x, _all_differences(one, y, x))
    summary = sync(one)
    assert summary.complete and summary.rejected >= 1
    with one.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Conflict).where(
            Conflict.record_id == x, Conflict.field == "*")) == 1
    # The refusal came with the file as the server has it: not merged here either.
    assert ps.get_participant(one, x, record_view=False).id == x
    # A refusal is dismissed, never "kept" either way; the dismissal is audited as such.
    from app.errors import ValidationError
    from app.models import AuditEvent

    refused = [c for c in list_conflicts(one) if c.field == "*" and c.record_id == x]
    with pytest.raises(ValidationError, match="can only be dismissed"):
        resolve_conflict(one, refused[0].id, "server")
    resolve_conflict(one, refused[0].id, "dismiss")
    assert refused[0].id not in {c.id for c in list_conflicts(one)}
    with one.store.session() as s:
        choices = [e.details["choice"] for e in s.scalars(select(AuditEvent).where(
            AuditEvent.action == "resolve"))]
    assert choices == ["dismiss"]


def test_an_answer_holding_a_value_the_store_refuses_stops_the_push_by_name(
        devices: Devices, server: RunningServer) -> None:
    """A server that took a bad value before it checked types: the answer to a device's
    edit carries it. The sync stops with an error (no value named), the edit stays queued,
    and goes through once the server's record is corrected."""
    from tests.sync.test_server_input import GOOD, _plant

    one = devices.new("one")
    pid = ps.create_participant(one, {"family_name": "Testperson", "given_names": "Amani",
                                      "date_of_birth": "1984-05-06"})
    assert sync(one).complete
    _plant(server.db_url, "participant", pid, date_of_birth=12345)
    ps.update_participant(one, pid, {"city": "Burnaby"})
    summary = sync(one)
    assert not summary.complete and summary.error is not None
    assert "cannot store" in summary.error and "12345" not in summary.error
    _plant(server.db_url, "participant", pid, date_of_birth=GOOD["date_of_birth"])
    assert sync(one).complete
    assert ps.get_participant(one, pid, record_view=False).city == "Burnaby"


def test_a_create_that_leaves_out_fields_with_defaults_never_stores_them_as_null(
        devices: Devices, server: RunningServer) -> None:
    """Another client's create with the required fields only: the server leaves the others
    out (not null), so each device's default fills them, before and after later changes."""
    one, two = devices.new("one"), devices.new("two")
    pid = new_id()
    create = {"op_id": new_id(), "entity": "participant", "record_id": pid, "kind": "create",
              "base_version": 0, "changes": {
                  "id": {"old": None, "new": pid},
                  "office_id": {"old": None, "new": one.office_id},
                  "family_name": {"old": None, "new": "Testperson"}}}
    assert _push(server, one, create).json()["results"][0]["status"] == "applied"
    assert sync(two).complete
    city = {"op_id": new_id(), "entity": "participant", "record_id": pid, "kind": "update",
            "base_version": 1, "changes": {"city": {"old": None, "new": "Delta"}}}
    assert _push(server, one, city).json()["results"][0]["status"] == "applied"
    assert sync(two).complete
    shown = ps.get_participant(two, pid, record_view=False)
    assert (shown.city, shown.status, shown.languages) == ("Delta", "referred", [])
