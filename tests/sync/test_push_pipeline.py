"""The push sends a batch while the answers to the one before it are being recorded. The
server must still get the batches in order, one at a time; a batch that fails leaves the
ones answered before it recorded; an answer that leaves operations out is an error, not an
endless resend. Against the real server on loopback."""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import select

from app.errors import SyncError
from app.models import OutboxEntry
from app.services.context import ServiceContext
from app.services.synthetic import seed
from app.sync.runner import SyncSummary, client_for, run_sync
from app.sync.wire import PushResponse
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, server_state

BATCH = 20


def _outbox(ctx: ServiceContext) -> list[str]:
    with ctx.store.session() as s:
        return list(s.scalars(select(OutboxEntry.op_id).order_by(OutboxEntry.seq)))


class Watched:
    """Wraps a client's push: each call's operations and when it started and returned;
    `answer` may change what the server said, `fail_on` makes one call (1-based) fail."""

    def __init__(self, client: Any, fail_on: int | None = None,
                 answer: Any = None) -> None:
        self.client, self.fail_on, self.answer = client, fail_on, answer
        self.calls: list[tuple[list[str], float, float]] = []
        self.threads: set[int] = set()
        self.real = client.push_operations
        client.push_operations = self

    def __call__(self, operations: list[dict[str, Any]]) -> PushResponse:
        started = time.monotonic()
        self.threads.add(threading.get_ident())
        ids = [op["op_id"] for op in operations]
        if self.fail_on == len(self.calls) + 1:
            self.calls.append((ids, started, time.monotonic()))
            raise SyncError("cannot reach the server (ConnectionError)")  # as the client gives up
        response = self.real(operations)
        if self.answer is not None:
            response = self.answer(len(self.calls) + 1, response)
        self.calls.append((ids, started, time.monotonic()))
        return response


def _push(devices: Devices, **watch: Any) -> tuple[ServiceContext, list[str], Watched,
                                                  SyncSummary]:
    """A device with more than three batches of operations queued (ten seeded files),
    synced in batches of 20 through a watched client."""
    a = devices.new("a")
    seed(a, 10, 2)
    queued = _outbox(a)
    assert len(queued) > 3 * BATCH
    client = client_for(a, retries=0)
    watched = Watched(client, **watch)
    return a, queued, watched, run_sync(a, client, batch_size=BATCH)


def _completes_later(a: ServiceContext, server: RunningServer) -> None:
    assert sync(a, batch_size=BATCH).complete
    assert _outbox(a) == []
    assert device_state(a) == server_state(server.db_url, a.office_id)


def test_batches_go_out_in_order_each_after_the_answer_before_it(
        devices: Devices, server: RunningServer) -> None:
    a, queued, watched, summary = _push(devices)
    assert summary.complete and summary.pushed == len(queued)
    assert [op for ids, _, _ in watched.calls for op in ids] == queued
    assert all(len(ids) <= BATCH for ids, _, _ in watched.calls)
    for (_, _, returned), (_, started, _) in zip(watched.calls, watched.calls[1:], strict=False):
        assert started >= returned
    assert threading.get_ident() not in watched.threads  # sent off the caller's thread
    assert _outbox(a) == []
    assert device_state(a) == server_state(server.db_url, a.office_id)


def test_a_failed_batch_leaves_the_answered_ones_recorded(devices: Devices,
                                                          server: RunningServer) -> None:
    a, queued, watched, summary = _push(devices, fail_on=3)
    assert not summary.complete and summary.error
    # The second batch's answers were recorded while the third was on the wire.
    assert summary.pushed == 2 * BATCH
    assert _outbox(a) == queued[2 * BATCH:]
    assert len(watched.calls) == 3
    _completes_later(a, server)


def test_an_answer_that_leaves_operations_out_is_an_error(devices: Devices,
                                                         server: RunningServer) -> None:
    def drop_one(call: int, response: PushResponse) -> PushResponse:
        if call == 2:
            return PushResponse(results=response.results[1:])
        return response

    a, queued, watched, summary = _push(devices, answer=drop_one)
    assert not summary.complete
    assert "left 1 of 20 operations of a batch unanswered" in (summary.error or "")
    assert len(watched.calls) == 2  # not sent again and again
    # Every answered operation is recorded; the one left out is still queued.
    assert _outbox(a) == [queued[BATCH], *queued[2 * BATCH:]]
    _completes_later(a, server)  # the server answers it as a replay
