"""Faults on the wire, each followed by a sync that completes: after each, every change not
yet acknowledged is still in the outbox and nothing was applied twice on the server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import OutboxEntry
from app.services import participants as ps
from app.services.context import ServiceContext
from app.services.synthetic import seed
from app.sync import state
from app.sync.runner import client_for, run_sync
from tests.sync.conftest import Devices, RunningServer, ServerProcess, sync, wait_until
from tests.sync.helpers import device_state, server_state, server_versions
from tests.sync.proxy import Fault, FaultProxy


@pytest.fixture
def proxy(server: RunningServer) -> Iterator[FaultProxy]:
    port = int(server.url.rsplit(":", 1)[1])
    p = FaultProxy(port)
    yield p
    p.close()


def _via(ctx: ServiceContext, proxy: FaultProxy) -> ServiceContext:
    state.write(ctx.store, state.SERVER_URL, proxy.url)
    return ctx


def _outbox(ctx: ServiceContext) -> int:
    with ctx.store.session() as s:
        return s.scalar(select(func.count(OutboxEntry.seq))) or 0


def _ops_per_record(ctx: ServiceContext) -> dict[tuple[str, str], int]:
    with ctx.store.session() as s:
        rows = s.execute(select(OutboxEntry.entity, OutboxEntry.record_id,
                                func.count()).group_by(OutboxEntry.entity,
                                                       OutboxEntry.record_id)).all()
    return {(e, r): n for e, r, n in rows}


def _applied_once(db_url: str, expected: dict[tuple[str, str], int]) -> None:
    # One device's every operation changes its record: applied once each, a record's
    # version is its number of operations; a replay applied twice would show as more.
    assert server_versions(db_url) == expected


@pytest.mark.parametrize("fault", [
    Fault("cut", after_bytes=40, path="/v1/push"),
    Fault("cut", after_bytes=400, path="/v1/push"),
    Fault("status", status=503, retry_after="0", path="/v1/push"),
    Fault("status", status=500, path="/v1/push"),
    Fault("status", status=429, retry_after="0", path="/v1/push"),
    Fault("garbage", path="/v1/push"),
    Fault("truncated", path="/v1/push"),
    Fault("refuse", path="/v1/push"),
    Fault("delay", seconds=1.5, path="/v1/push"),
], ids=lambda f: f"{f.kind}-{f.status if f.kind == 'status' else f.after_bytes}")
def test_push_faults_then_complete(devices: Devices, server: RunningServer,
                                   proxy: FaultProxy, fault: Fault) -> None:
    a = _via(devices.new("a"), proxy)
    seed(a, 8, 3)
    queued, expected = _outbox(a), _ops_per_record(a)
    proxy.add(fault, fault)
    summary = sync(a, read_timeout=0.5, batch_size=50)
    assert summary.complete, summary.error
    assert len(proxy.hits) == 2
    assert _outbox(a) == 0 and summary.pushed == queued
    _applied_once(server.db_url, expected)
    assert device_state(a) == server_state(server.db_url, a.office_id)


def test_faults_beyond_the_retries_leave_the_outbox_whole(devices: Devices,
                                                          server: RunningServer,
                                                          proxy: FaultProxy) -> None:
    a = _via(devices.new("a"), proxy)
    seed(a, 5, 4)
    queued, expected = _outbox(a), _ops_per_record(a)
    proxy.add(*[Fault("cut", after_bytes=30, path="/v1/push")] * 10)
    summary = sync(a, retries=2)
    assert not summary.complete and summary.error
    assert _outbox(a) == queued  # nothing acknowledged, nothing lost
    assert state.read(a.store, state.LAST_ERROR)
    proxy.faults.clear()
    assert sync(a).complete
    assert _outbox(a) == 0
    _applied_once(server.db_url, expected)


@pytest.mark.parametrize("fault", [Fault("cut", after_bytes=60, path="/v1/changes"),
                                   Fault("truncated", path="/v1/changes"),
                                   Fault("status", status=503, retry_after="0",
                                         path="/v1/changes"),
                                   Fault("delay", seconds=1.5, path="/v1/changes")],
                         ids=lambda f: f.kind)
def test_pull_faults_then_complete(devices: Devices, server: RunningServer,
                                   proxy: FaultProxy, fault: Fault) -> None:
    a, b = devices.new("a"), _via(devices.new("b"), proxy)
    seed(a, 10, 5)
    assert sync(a).complete
    proxy.add(fault, fault, fault)
    summary = sync(b, read_timeout=0.5, page_size=100)
    assert summary.complete, summary.error
    assert device_state(b) == server_state(server.db_url, a.office_id)


def test_interrupted_pull_resumes_from_the_last_whole_page(devices: Devices,
                                                           server: RunningServer,
                                                           proxy: FaultProxy) -> None:
    a, b = devices.new("a"), _via(devices.new("b"), proxy)
    seed(a, 10, 6)
    assert sync(a).complete
    # First page passes, every later attempt is cut: the sync fails after one page.
    proxy.add(Fault("pass", path="/v1/changes"),
              *[Fault("cut", after_bytes=10, path="/v1/changes")] * 10)
    failed = sync(b, retries=1, page_size=100)
    assert not failed.complete and failed.pulled == 100
    cursor = int(state.read(b.store, state.CURSOR) or 0)
    assert cursor > 0
    proxy.faults.clear()
    done = sync(b, page_size=100)
    assert done.complete
    assert device_state(b) == server_state(server.db_url, a.office_id)


def test_server_killed_and_restarted_mid_batch(devices: Devices,
                                               server_process: ServerProcess) -> None:
    proxy = FaultProxy(server_process.port)
    try:
        a = _via(devices.new_on(server_process), proxy)
        seed(a, 12, 7)
        queued, expected = _outbox(a), _ops_per_record(a)
        # The second push is held by the proxy after the server applied it; meanwhile the
        # server dies. The client sees the connection drop, retries, and finds the server
        # back: the replayed batch returns its first answers.
        proxy.add(Fault("pass", path="/v1/push"),
                  Fault("delay", seconds=1.0, path="/v1/push"))
        result: dict[str, object] = {}
        # Retries enough to outlast a restart on a loaded machine (about 15 s of backoff).
        runner = threading.Thread(target=lambda: result.update(s=run_sync(
            a, client_for(a, retries=30, backoff=0.2, max_backoff=1.0), batch_size=60)))
        runner.start()
        wait_until(lambda: len(proxy.hits) >= 2)
        server_process.kill()
        server_process.start()
        runner.join(timeout=60)
        summary = result["s"]
        assert summary.complete, summary.error  # type: ignore[attr-defined]
        assert summary.pushed == queued and _outbox(a) == 0  # type: ignore[attr-defined]
        _applied_once(server_process.db_url, expected)
        assert device_state(a) == server_state(server_process.db_url, a.office_id)
    finally:
        proxy.close()


def test_edits_made_during_a_failed_sync_are_kept(devices: Devices, server: RunningServer,
                                                  proxy: FaultProxy) -> None:
    a = _via(devices.new("a"), proxy)
    pid = ps.create_participant(a, {"family_name": "Persistent"})
    proxy.add(*[Fault("refuse")] * 10)
    assert not sync(a, retries=1).complete
    ps.update_participant(a, pid, {"city": "Kamloops"})
    proxy.faults.clear()
    assert sync(a).complete
    values = server_state(server.db_url, a.office_id)[("participant", pid)]
    assert values["city"] == "Kamloops"


@pytest.fixture
def server_db_url(tmp_path: Path) -> str:
    """Faults are about the wire and the client: one database engine is enough here."""
    return f"sqlite:///{tmp_path / 'server.db'}"
