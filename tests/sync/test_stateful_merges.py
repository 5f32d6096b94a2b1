"""Random merges, undos, referrals, notes and edits on several devices, offline, with faults on the
wire, then everyone syncs: every device equals the server, and no referral, note or alias
is left on a merged file, where no device would list it (a file's records are listed by
its own id). Synthetic names; the real server on loopback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from app.errors import CCMSError
from app.services import participants as ps
from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.notes import add_note, list_notes, remove_note
from app.services.participant_merge import (
    merge_participants,
    plan_merge,
    undo_merge,
    undoable_merges,
)
from app.services.referrals import make_referral
from app.sync import state
from server.db import ATTACHED
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.proxy import Fault, FaultProxy
from tests.sync.test_stateful import converge

DEVICES = 3
FAULTS = [Fault("cut", after_bytes=50), Fault("status", status=503, retry_after="0"),
          Fault("truncated")]


@pytest.fixture
def server_db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.db'}"


def _hidden(records: dict[tuple[str, str], dict[str, Any]]) -> list[tuple[str, str]]:
    """Live records of a file's kind whose file is merged, deleted or missing."""
    live = {rid for (entity, rid), v in records.items() if entity == "participant"
            and not v.get("merged_into_id") and not v.get("deleted")}
    return sorted(key for key, v in records.items()
                  if key[0] in ATTACHED and not v.get("deleted")
                  and v.get("participant_id") not in live)


def test_random_merges_converge_and_hide_nothing(devices: Devices,
                                                 server: RunningServer) -> None:
    port = int(server.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    ctxs = [devices.new(f"m{i}") for i in range(DEVICES)]
    for ctx in ctxs:
        state.write(ctx.store, state.SERVER_URL, proxy.url)

    class Machine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.people: list[str] = []
            self.made: dict[str, str] = {}  # referral id -> the file it was made for

        @initialize()
        def caseload(self) -> None:
            """Four files every device has, each with a referral: merges start at once."""
            for n in range(4):
                pid = ps.create_participant(ctxs[0], {
                    "family_name": "Mergeling", "given_names": f"Test{n}", "city": "Surrey"})
                self.made[make_referral(ctxs[0], pid, {
                    "type": "housing", "provider": f"Shelter {n}"})] = pid
                self.people.append(pid)
            proxy.faults.clear()
            for ctx in ctxs:
                assert sync(ctx).complete

        def _person(self, who: int) -> str:
            return self.people[who % len(self.people)]

        @rule(device=st.integers(0, DEVICES - 1), n=st.integers(0, 99))
        def intake(self, device: int, n: int) -> None:
            self.people.append(ps.create_participant(
                ctxs[device], {"family_name": f"Mergeling{n:02d}", "given_names": "Test",
                               "city": "Surrey"}))

        @precondition(lambda self: self.people)
        @rule(device=st.integers(0, DEVICES - 1), who=st.integers(0, 1_000),
              provider=st.sampled_from(["Shelter A", "Work Centre", "Legal Aid"]))
        def refer(self, device: int, who: int, provider: str) -> None:
            # The id as the device last knew it: maybe a file merged since, on this device
            # or another one.
            try:
                made_for = self._person(who)
                self.made[make_referral(ctxs[device], made_for,
                                        {"type": "housing", "provider": provider})] = made_for
            except CCMSError:
                return  # not on this device yet

        @precondition(lambda self: self.people)
        @rule(device=st.integers(0, DEVICES - 1), who=st.integers(0, 1_000),
              remove=st.booleans())
        def note(self, device: int, who: int, remove: bool) -> None:
            ctx = ctxs[device]
            try:
                if remove:
                    pid = ps.get_participant(ctx, self._person(who), record_view=False).id
                    for old in list_notes(ctx, pid)[:1]:
                        remove_note(ctx, old.id)
                else:
                    add_note(ctx, self._person(who), "A note.")
            except CCMSError:
                return

        @rule(device=st.integers(0, DEVICES - 1))
        def settle(self, device: int) -> None:
            """A person keeps this device's value in each clash (but where a file was merged
            into: re-pointing a merged file by hand leaves its records where they are), or
            dismisses a refusal."""
            for c in list_conflicts(ctxs[device]):
                choice = {"*": "dismiss", "merged_into_id": "server"}.get(c.field, "local")
                try:
                    resolve_conflict(ctxs[device], c.id, choice)
                except CCMSError:
                    return  # its record went meanwhile

        @precondition(lambda self: self.people)
        @rule(device=st.integers(0, DEVICES - 1), who=st.integers(0, 1_000),
              city=st.sampled_from(["Burnaby", "Delta"]))
        def edit(self, device: int, who: int, city: str) -> None:
            try:
                ps.update_participant(ctxs[device], self._person(who), {"city": city})
            except CCMSError:
                return

        @precondition(lambda self: len(self.people) >= 2)
        @rule(device=st.integers(0, DEVICES - 1), a=st.integers(0, 1_000),
              b=st.integers(0, 1_000), take=st.sampled_from(["kept", "absorbed"]))
        def merge(self, device: int, a: int, b: int, take: str) -> None:
            ctx = ctxs[device]
            try:
                kept = ps.get_participant(ctx, self._person(a), record_view=False).id
                absorbed = ps.get_participant(ctx, self._person(b), record_view=False).id
                if kept == absorbed:
                    return
                plan = plan_merge(ctx, kept, absorbed)
                merge_participants(ctx, kept, absorbed,
                                   {d.field: take for d in plan.differences})
            except CCMSError:
                return  # not here yet, or merged meanwhile

        @rule(device=st.integers(0, DEVICES - 1))
        def undo(self, device: int) -> None:
            ctx = ctxs[device]
            for merge in undoable_merges(ctx)[:1]:
                try:
                    undo_merge(ctx, merge.merge_id)
                except CCMSError:
                    return  # changed after the merge

        @rule(device=st.integers(0, DEVICES - 1),
              faults=st.lists(st.sampled_from(FAULTS), max_size=2))
        def sync_with_faults(self, device: int, faults: list[Fault]) -> None:
            proxy.faults.clear()
            proxy.add(*faults)
            sync(ctxs[device], retries=1)

        def teardown(self) -> None:
            proxy.faults.clear()
            expected = converge(ctxs, server.db_url)
            assert _hidden(expected) == []
            # Each referral is on the file its person's file now ends in: merged, moved
            # with it; a merge refused or undone, back on its own.
            assert {rid: _live_end(expected, pid) for rid, pid in self.made.items()} == {
                rid: expected[("referral", rid)]["participant_id"] for rid in self.made}

    try:
        run_state_machine_as_test(Machine, settings=settings(
            max_examples=60, stateful_step_count=20, deadline=None, derandomize=True,
            suppress_health_check=list(HealthCheck)))
    finally:
        proxy.close()


def _live_end(records: dict[tuple[str, str], dict[str, Any]], pid: str) -> str:
    for _ in range(len(records)):
        nxt = records[("participant", pid)].get("merged_into_id")
        if not nxt:
            return pid
        pid = nxt
    raise AssertionError("a merge chain loops")


def test_hidden_names_records_left_on_merged_files() -> None:
    """The check above finds what it looks for."""
    records: dict[tuple[str, str], dict[str, Any]] = {
        ("participant", "a"): {"merged_into_id": "b", "deleted": True},
        ("participant", "b"): {"merged_into_id": None, "deleted": False},
        ("referral", "r1"): {"participant_id": "a", "deleted": False},
        ("referral", "r2"): {"participant_id": "b", "deleted": False},
        ("case_note", "n1"): {"participant_id": "a", "deleted": True},
        ("checkin", "c1"): {"participant_id": "a"}}
    assert _hidden(records) == [("referral", "r1")]
