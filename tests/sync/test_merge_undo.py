"""Undoing a merge around a push that failed: one that never reached the server, one of
which a first batch went through; and the audit chains (`ccms doctor`) still whole on both
devices after merges, undos and syncs. Real devices, the real server on loopback behind a
proxy that fails on purpose; synthetic names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.services import participants as ps
from app.services.health import check_store
from app.services.notes import add_note
from app.services.participant_merge import (
    undo_merge,
    undoable_merges,
)
from app.services.referrals import make_referral
from app.sync import state
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, merge_keeping_kept, providers, server_state
from tests.sync.proxy import Fault, FaultProxy

UNAVAILABLE = Fault("status", status=503, retry_after="0", path="/v1/push")


@pytest.fixture
def proxy(server: RunningServer) -> Iterator[FaultProxy]:
    p = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    yield p
    p.close()


def _files(ctx: ps.ServiceContext) -> tuple[str, str]:
    kept = ps.create_participant(ctx, {"family_name": "Testperson", "given_names": "Amani",
                                       "phone": "604 555 0101"})
    absorbed = ps.create_participant(ctx, {"family_name": "Testperson",
                                           "given_names": "Amani J.", "phone": "604 555 0199"})
    make_referral(ctx, absorbed, {"type": "housing", "provider": "Shelter Y"})
    add_note(ctx, absorbed, "Prefers mornings.")
    return kept, absorbed


def test_undone_after_a_push_the_server_never_got(devices: Devices, server: RunningServer,
                                                   proxy: FaultProxy) -> None:
    """The push read the merge to send it but the server was unavailable: the undo is sent
    as reversing updates after the merge, and device two's referral, which the server moves
    with the merge, comes back with the file too."""
    one, two = devices.new("one"), devices.new("two")
    state.write(one.store, state.SERVER_URL, proxy.url)
    kept, absorbed = _files(one)
    assert sync(one).complete and sync(two).complete
    make_referral(two, absorbed, {"type": "legal", "provider": "Legal Aid"})
    assert sync(two).complete
    merge_keeping_kept(one, kept, absorbed)
    proxy.add(*[UNAVAILABLE] * 4)
    assert not sync(one, retries=1).complete
    [pending] = undoable_merges(one)
    undo_merge(one, pending.merge_id)
    proxy.faults.clear()
    assert sync(one).complete and sync(two).complete and sync(one).complete
    for ctx in (one, two):
        assert ps.get_participant(ctx, absorbed, record_view=False).id == absorbed
        assert providers(ctx, absorbed) == {"Shelter Y", "Legal Aid"}
        assert providers(ctx, kept) == set()
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_a_merge_partly_pushed_is_no_longer_undoable_and_completes(
        devices: Devices, server: RunningServer, proxy: FaultProxy) -> None:
    """The first batch (the merge itself) went through, then the server became unavailable:
    the merge is on the server, so it is not offered for undo; the next sync sends the rest
    and device two gets the whole merge."""
    one, two = devices.new("one"), devices.new("two")
    state.write(one.store, state.SERVER_URL, proxy.url)
    kept, absorbed = _files(one)
    assert sync(one).complete and sync(two).complete
    merge_keeping_kept(one, kept, absorbed)
    proxy.add(Fault("pass"), *[UNAVAILABLE] * 4)
    summary = sync(one, batch_size=2, retries=1)
    assert not summary.complete and summary.pushed == 2
    assert undoable_merges(one) == []
    proxy.faults.clear()
    assert sync(one).complete and sync(two).complete and sync(one).complete
    for ctx in (one, two):
        assert ps.get_participant(ctx, absorbed, record_view=False).id == kept
        assert providers(ctx, kept) == {"Shelter Y"}
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_audit_chains_stay_whole_through_merges_undos_and_syncs(
        devices: Devices, server: RunningServer) -> None:
    """An undo taken out of the outbox drops operations but never an audit event: every
    device's chain checks out (as `ccms doctor` does) on both stores."""
    one, two = devices.new("one"), devices.new("two")
    kept, absorbed = _files(one)
    assert sync(one).complete and sync(two).complete
    merge_keeping_kept(one, kept, absorbed)
    [pending] = undoable_merges(one)
    undo_merge(one, pending.merge_id)
    merge_keeping_kept(two, absorbed, kept)
    assert sync(two).complete and sync(one).complete and sync(two).complete
    for ctx in (one, two):
        report = check_store(ctx)
        assert report.ok, report.problems
        assert ps.get_participant(ctx, kept, record_view=False).id == absorbed
