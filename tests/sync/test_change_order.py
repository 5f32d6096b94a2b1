"""Pulls follow the change sequence; with pushes committing concurrently, a device that
follows its cursor never skips a change (the sequence is handed out in commit order)."""

from __future__ import annotations

import threading

from app.models import new_id
from app.services.context import ServiceContext
from app.sync.client import SyncClient
from app.sync.wire import Operation, PushRequest
from tests.sync.conftest import Devices, RunningServer
from tests.sync.test_refusals import _token

PUSHERS, BATCHES, PER_BATCH = 4, 12, 5


def _create(office_id: str) -> tuple[str, Operation]:
    rid = new_id()
    return rid, Operation(op_id=new_id(), entity="participant", record_id=rid, kind="create",
                          base_version=0, changes={
                              "id": {"new": rid}, "office_id": {"new": office_id},
                              "family_name": {"new": "Concurrent"}})


def test_concurrent_pushes_never_hide_a_change_from_a_puller(devices: Devices,
                                                             server: RunningServer) -> None:
    pushers: list[ServiceContext] = [devices.new(f"p{i}") for i in range(PUSHERS)]
    reader = devices.new("reader")
    pushed: set[str] = set()
    lock = threading.Lock()
    errors: list[BaseException] = []

    def push(ctx: ServiceContext) -> None:
        client = SyncClient(server.url, _token(ctx), retries=5, backoff=0.01)
        try:
            for _ in range(BATCHES):
                ops = [_create(ctx.office_id) for _ in range(PER_BATCH)]
                client.push(PushRequest(operations=[op for _, op in ops]))
                with lock:
                    pushed.update(rid for rid, _ in ops)
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            client.close()

    seen: set[str] = set()
    cursor = 0
    client = SyncClient(server.url, _token(reader), retries=5, backoff=0.01)
    threads = [threading.Thread(target=push, args=(ctx,)) for ctx in pushers]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        page = client.pull(cursor, 7)  # small pages, many interleavings
        seen.update(c.record_id for c in page.changes if c.entity == "participant")
        cursor = page.next_cursor
    for t in threads:
        t.join()
    while True:
        page = client.pull(cursor, 100)
        seen.update(c.record_id for c in page.changes if c.entity == "participant")
        cursor = page.next_cursor
        if not page.more:
            break
    client.close()
    assert errors == []
    assert len(pushed) == PUSHERS * BATCHES * PER_BATCH
    assert pushed <= seen
