"""Nothing of a file is left behind on a merged one, on any device or the server: a merge the
server does not apply takes none of its moves with it (they travel `part_of` it and come
back withdrawn), the records a merging device did not know follow the merge, and a record
written later for a merged file goes to the file it went into. Real devices and the real
server on loopback; synthetic names."""

from __future__ import annotations

from typing import Any

import requests
from sqlalchemy import delete, event, select
from sqlalchemy.orm import Session

from app.models import Alias, Conflict, DuplicateReview, OutboxEntry, new_id
from app.services import participants as ps
from app.services.notes import add_note, list_notes
from app.services.participant_merge import (
    merge_participants,
    plan_merge,
    undo_merge,
    undoable_merges,
)
from app.services.referrals import list_referrals, make_referral
from app.sync import state
from app.sync.wire import Operation
from server.db import ATTACHED, init_db, make_engine, records_attached_to
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, merge_keeping_kept, providers, server_state
from tests.sync.proxy import Fault, FaultProxy
from tests.sync.test_refusals import _token


def _files_with_records(ctx: ps.ServiceContext) -> tuple[str, str]:
    """Two files of one person, each with a referral and a note of its own."""
    x = ps.create_participant(ctx, {"family_name": "Testperson", "given_names": "Amani",
                                    "date_of_birth": "1984-05-06", "phone": "604 555 0101"})
    y = ps.create_participant(ctx, {"family_name": "Testpersson", "given_names": "Amani",
                                    "date_of_birth": "1984-05-06"})
    for pid, provider in ((x, "Shelter X"), (y, "Shelter Y")):
        make_referral(ctx, pid, {"type": "housing", "provider": provider})
        add_note(ctx, pid, f"Note kept with {provider}.")
    return x, y


def _decisions(ctx: ps.ServiceContext) -> list[str | None]:
    with ctx.store.session() as s:
        return [r.decision for r in s.scalars(select(DuplicateReview))]


def _left_on_merged_files(db_url: str, office_id: str) -> list[tuple[str, str]]:
    """Live records of a file's kind that name a merged file on the server: hidden from
    every device (a file's records are listed by its own id)."""
    state = server_state(db_url, office_id)
    merged = {rid for (entity, rid), v in state.items()
              if entity == "participant" and v.get("merged_into_id")}
    return [key for key, v in state.items() if key[0] in ATTACHED
            and v.get("participant_id") in merged and not v.get("deleted")]


def test_the_same_files_merged_each_way_keep_every_record_on_the_one_file_left(
        devices: Devices, server: RunningServer) -> None:
    """Before, the second device's moves went through although its merge did not: its
    file's referral and note were moved onto the merged file, out of everyone's sight."""
    one, two = devices.new("one"), devices.new("two")
    x, y = _files_with_records(one)
    assert sync(one).complete and sync(two).complete
    merge_keeping_kept(one, y, x)  # x into y: this one reaches the server first and stands
    merge_keeping_kept(two, x, y)  # y into x
    assert sync(one).complete
    summary = sync(two)
    assert summary.complete and summary.withdrawn > 0 and summary.rejected == 0
    assert sync(one).complete
    for ctx in (one, two):
        assert ps.get_participant(ctx, x, record_view=False).id == y
        assert providers(ctx, y) == {"Shelter X", "Shelter Y"}, ctx.device_id
        assert sorted(n.body for n in list_notes(ctx, y)) == [
            "Note kept with Shelter X.", "Note kept with Shelter Y."], ctx.device_id
    assert _left_on_merged_files(server.db_url, one.office_id) == []
    # Two's merge made aliases of the other spelling: withdrawn, they are gone there too.
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_the_same_merge_made_on_two_devices_leaves_one_alias_and_one_note(
        devices: Devices, server: RunningServer) -> None:
    """Before, each device's merge wrote the other spelling as an alias and the values not
    kept in a note, and every device ended with two of each on the kept file."""
    one, two = devices.new("one"), devices.new("two")
    x, y = _files_with_records(one)
    ps.update_participant(one, y, {"phone": "604 555 0199"})  # a value to choose
    assert sync(one).complete and sync(two).complete
    merge_keeping_kept(one, y, x)
    merge_keeping_kept(two, y, x)  # the same merge, the same choices, before any sync
    assert sync(one).complete
    summary = sync(two)
    assert summary.complete and (summary.withdrawn, summary.rejected) == (0, 0)
    assert sync(one).complete
    for ctx in (one, two):
        assert ps.get_participant(ctx, x, record_view=False).id == y
        with ctx.store.session() as s:
            aliases = [(a.family_name, a.given_names) for a in s.scalars(
                select(Alias).where(Alias.participant_id == y, Alias.deleted.is_(False)))]
        assert aliases == [("Testperson", "Amani")], ctx.device_id
        merge_notes = [n.body for n in list_notes(ctx, y) if n.body.startswith("Merged")]
        assert len(merge_notes) == 1 and "604 555 0101" in merge_notes[0], ctx.device_id
        assert providers(ctx, y) == {"Shelter X", "Shelter Y"}
    assert _left_on_merged_files(server.db_url, one.office_id) == []
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_a_merge_the_server_refuses_moves_nothing(devices: Devices,
                                                  server: RunningServer) -> None:
    """The kept file never reached the server (its creation lost from the outbox): the
    merge is refused, and so the absorbed file keeps its referral and note everywhere; the
    alias the merge made here is dropped; one refusal is shown, for the merge."""
    one, two = devices.new("one"), devices.new("two")
    x, _ = _files_with_records(one)
    assert sync(one).complete
    lost = ps.create_participant(one, {"family_name": "Testperson", "given_names": "Amani J."})
    with one.store.transaction() as s:
        s.execute(delete(OutboxEntry).where(OutboxEntry.record_id == lost))
        # The pair as a scan would have listed it for review.
        s.add(DuplicateReview(participant_id=x, candidate_id=lost, score=0.9, source="scan"))
    merge_keeping_kept(one, lost, x)
    assert _decisions(one) == ["merged"]
    with one.store.session() as s:
        made = [a.id for a in s.scalars(select(Alias).where(Alias.participant_id == lost))]
    assert made  # the merge keeps x's spelling as an alias of the kept file
    summary = sync(one)
    assert summary.complete and summary.rejected == 1 and summary.withdrawn >= 3
    assert sync(two).complete
    for ctx in (one, two):
        assert ps.get_participant(ctx, x, record_view=False).id == x
        assert providers(ctx, x) == {"Shelter X"}
        assert len(list_notes(ctx, x)) == 1
    assert _decisions(one) == [None]  # two files again: the pair is back for review
    with one.store.session() as s:
        assert [s.get(Alias, a) for a in made] == [None] * len(made)
        refused = s.scalars(select(Conflict)).all()
        assert [(c.record_id, c.field) for c in refused] == [(x, "*")]
        assert s.scalars(select(OutboxEntry)).all() == []
    assert _left_on_merged_files(server.db_url, one.office_id) == []


def test_records_the_merging_device_did_not_know_follow_the_merge(
        devices: Devices, server: RunningServer) -> None:
    """Device two adds a referral to a file and syncs; device one, not having pulled it,
    merges that file into another: the server moves the referral with the rest."""
    one, two = devices.new("one"), devices.new("two")
    kept, absorbed = _files_with_records(one)
    assert sync(one).complete and sync(two).complete
    make_referral(two, absorbed, {"type": "employment", "provider": "Work Centre"})
    assert sync(two).complete
    merge_keeping_kept(one, kept, absorbed)
    assert sync(one).complete and sync(two).complete
    for ctx in (one, two):
        assert providers(ctx, kept) == {"Shelter X", "Shelter Y", "Work Centre"}
    assert _left_on_merged_files(server.db_url, one.office_id) == []
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_a_record_written_for_a_file_merged_elsewhere_goes_to_the_kept_file(
        devices: Devices, server: RunningServer) -> None:
    """Device two, offline while device one's merge reached the server, adds a note and a
    referral to the absorbed file: both land on the kept file, there and everywhere."""
    one, two = devices.new("one"), devices.new("two")
    kept, absorbed = _files_with_records(one)
    assert sync(one).complete and sync(two).complete
    merge_keeping_kept(one, kept, absorbed)
    assert sync(one).complete
    add_note(two, absorbed, "Written offline.")
    make_referral(two, absorbed, {"type": "legal", "provider": "Legal Aid"})
    assert sync(two).complete and sync(one).complete
    for ctx in (one, two):
        assert "Legal Aid" in providers(ctx, kept)
        assert "Written offline." in {n.body for n in list_notes(ctx, kept)}
    assert _left_on_merged_files(server.db_url, one.office_id) == []
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_a_merge_undone_before_it_was_sent_moves_nothing_anywhere(
        devices: Devices, server: RunningServer) -> None:
    """Merged by mistake and undone before syncing, while device two added a referral to
    the absorbed file: the referral stays with its person, not moved to the other file by
    a merge the server would otherwise have seen and never fully reversed."""
    one, two = devices.new("one"), devices.new("two")
    kept, absorbed = _files_with_records(one)
    assert sync(one).complete and sync(two).complete
    make_referral(two, absorbed, {"type": "employment", "provider": "Work Centre"})
    assert sync(two).complete
    choices = {d.field: "kept" for d in plan_merge(one, kept, absorbed).differences}
    undo_merge(one, merge_participants(one, kept, absorbed, choices).merge_id)
    assert sync(one).complete and sync(two).complete and sync(one).complete
    for ctx in (one, two):
        assert providers(ctx, absorbed) == {"Shelter Y", "Work Centre"}
        assert providers(ctx, kept) == {"Shelter X"}
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_a_merge_undone_after_the_server_took_it_gives_back_what_it_moved(
        devices: Devices, server: RunningServer) -> None:
    """The merge reached the server but its answer was lost (so it can still be undone here,
    by reversing updates). The server had also moved a referral device two added to the
    absorbed file; the undo brings it back with the file, not only what this device moved."""
    port = int(server.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    try:
        one, two = devices.new("one"), devices.new("two")
        state.write(one.store, state.SERVER_URL, proxy.url)
        kept, absorbed = _files_with_records(one)
        assert sync(one).complete and sync(two).complete
        make_referral(two, absorbed, {"type": "employment", "provider": "Work Centre"})
        assert sync(two).complete
        merge_keeping_kept(one, kept, absorbed)
        proxy.add(*[Fault("cut", after_bytes=20, path="/v1/push")] * 4)
        assert not sync(one, retries=1).complete  # taken by the server, answer lost
        assert server_state(server.db_url, one.office_id)[("participant", absorbed)][
            "merged_into_id"] == kept
        [pending] = undoable_merges(one)
        undo_merge(one, pending.merge_id)
        proxy.faults.clear()
        assert sync(one).complete and sync(two).complete and sync(one).complete
        for ctx in (one, two):
            assert providers(ctx, absorbed) == {"Shelter Y", "Work Centre"}
            assert providers(ctx, kept) == {"Shelter X"}
        assert device_state(one) == device_state(two) == server_state(
            server.db_url, one.office_id)
    finally:
        proxy.close()


def test_a_merge_into_a_file_merged_elsewhere_tells_the_device_where_it_went(
        devices: Devices, server: RunningServer) -> None:
    """Device one merges x into y; device two, not knowing, merges z into x: on the server
    z goes into y (the end of the chain), and device two learns so from the answer (its
    own pulls skip what its push changed last). Found by test_stateful_merges."""
    one, two = devices.new("one"), devices.new("two")
    x, y = _files_with_records(one)
    z = ps.create_participant(one, {"family_name": "Testperson", "given_names": "A."})
    assert sync(one).complete and sync(two).complete
    merge_keeping_kept(one, y, x)
    merge_keeping_kept(two, x, z)
    assert sync(one).complete and sync(two).complete and sync(one).complete
    for ctx in (one, two):
        assert ps.get_participant(ctx, z, record_view=False).id == y
    assert server_state(server.db_url, one.office_id)[("participant", z)][
        "merged_into_id"] == y
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)
    assert _left_on_merged_files(server.db_url, one.office_id) == []


def _push(server: RunningServer, ctx: ps.ServiceContext,
          ops: list[dict[str, Any]]) -> requests.Response:
    for op in ops:
        Operation.model_validate(op)  # well-formed: only the server's rules refuse them
    return requests.post(server.url + "/v1/push", json={"operations": ops},
                         headers={"Authorization": f"Bearer {_token(ctx)}"}, timeout=10)


def _move(record_id: str, entity: str, old: str, new: str, part_of: str) -> dict[str, Any]:
    return {"op_id": new_id(), "entity": entity, "record_id": record_id, "kind": "update",
            "base_version": 1, "part_of": part_of,
            "changes": {"participant_id": {"old": old, "new": new}}}


def _referral_of(ctx: ps.ServiceContext, pid: str) -> str:
    [referral] = list_referrals(ctx, pid)
    return referral.id


def test_part_of_a_merge_sent_in_an_earlier_batch_or_never(devices: Devices,
                                                           server: RunningServer) -> None:
    one = devices.new("one")
    x, y = _files_with_records(one)
    assert sync(one).complete
    before = server_state(server.db_url, one.office_id)
    # Naming no merge this device sent: the whole batch is refused, nothing written.
    answer = _push(server, one, [_move(_referral_of(one, x), "referral", x, y, new_id())])
    assert answer.status_code == 422, answer.text
    assert "operations.0.part_of" in answer.json()["detail"]
    # A merge the server refuses (into a file it does not have), and a move sent as part of
    # it in the next batch: withdrawn, with the record as the server has it.
    merge: dict[str, Any] = {
        "op_id": new_id(), "entity": "participant", "record_id": x, "kind": "merge",
        "base_version": 1, "changes": {"merged_into_id": {"old": None, "new": new_id()},
                                       "deleted": {"old": False, "new": True}}}
    [refused] = _push(server, one, [merge]).json()["results"]
    assert refused["status"] == "rejected"
    referral = _referral_of(one, x)
    [answer_json] = _push(server, one, [_move(referral, "referral", x, y, merge["op_id"])]
                          ).json()["results"]
    assert answer_json["status"] == "withdrawn"
    assert answer_json["values"]["participant_id"] == x
    assert server_state(server.db_url, one.office_id) == before


def test_a_files_records_are_found_through_the_index(server_db_url: str) -> None:
    """The lookup a merge makes: through `ix_record_attached`, not the office's records."""
    engine = make_engine(server_db_url)
    init_db(engine)
    seen: list[str] = []

    def plan(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "participant_id" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", plan)
    with Session(engine) as session:
        assert records_attached_to(session, new_id(), new_id()) == []
    [statement] = seen
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                        (new_id(), new_id())).fetchall()
        assert any("USING INDEX ix_record_attached" in str(r) for r in rows), rows
    else:
        with engine.connect() as conn:
            names = {r[0] for r in conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'record'")}
        assert "ix_record_attached" in names
    engine.dispose()
