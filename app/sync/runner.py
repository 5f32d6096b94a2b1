"""One sync: push the outbox, then pull, reporting progress (phase, done, total). Plain
Python with a cancel flag, so the UI runs it in a worker thread and the CLI inline."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from app.errors import DeviceRevoked, StoreLocked, SyncError
from app.services.context import ServiceContext
from app.store.secrets import secret_store
from app.store.store import wipe
from app.sync import state
from app.sync.client import Cancelled, SyncClient
from app.sync.pull import PullSummary, pull_changes
from app.sync.push import PushSummary, pending_count, push_outbox
from app.sync.wire import DEFAULT_BATCH, DEFAULT_PULL_PAGE

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SyncSummary:
    complete: bool
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    pending: int = 0
    error: str | None = None
    wiped: bool = False
    # Changes of a merge the server did not apply, taken back (the merge's own refusal is
    # among `rejected`, or the server's state came back).
    withdrawn: int = 0
    # The changes a person made or will see, audit events left out (`pushed` and `pulled`
    # count every operation; a caseworker's one edit travels with its audit event).
    records_sent: int = 0
    records_received: int = 0

    def line(self) -> str:
        text = (f"pushed {self.pushed}, pulled {self.pulled}, conflicts {self.conflicts}"
                + (f", rejected {self.rejected}" if self.rejected else "")
                + (f", taken back {self.withdrawn} (a merge the server did not apply)"
                   if self.withdrawn else ""))
        if not self.complete:
            text += f"; sync did not complete: {self.error}"
        return text


def client_for(ctx: ServiceContext, cancel: threading.Event | None = None,
               **options: object) -> SyncClient:
    url = state.read(ctx.store, state.SERVER_URL)
    if not url:
        raise SyncError("this device is not enrolled with a server yet")
    token = secret_store(ctx.store).get(state.TOKEN_SECRET)
    if not token:
        raise SyncError("this device has no sync token; enrol it again")
    return SyncClient(url, token, ca_bundle=state.read(ctx.store, state.CA_BUNDLE),
                      cancel=cancel, **options)  # type: ignore[arg-type]


def run_sync(ctx: ServiceContext, client: SyncClient, *, batch_size: int = DEFAULT_BATCH,
             page_size: int = DEFAULT_PULL_PAGE,
             progress: Progress | None = None) -> SyncSummary:
    push, pull = PushSummary(), PullSummary()

    def counts() -> tuple[int, int, int, int]:
        return push.pushed, pull.pulled, push.conflicts, push.rejected

    try:
        push_outbox(ctx, client, batch_size, progress, push)
        pull_changes(ctx, client, page_size, progress, pull)
    except DeviceRevoked as exc:
        paths = ctx.store.paths
        with contextlib.suppress(StoreLocked, SyncError):
            secret_store(ctx.store).delete(state.TOKEN_SECRET)
        ctx.store.lock()
        wipe(paths)
        return SyncSummary(False, *counts(), 0, f"{exc}; the local store was wiped",
                           wiped=True)
    except Cancelled:
        return _failed(ctx, *counts(), "cancelled")
    except SyncError as exc:
        return _failed(ctx, *counts(), str(exc))
    finally:
        client.close()
    with ctx.store.transaction() as session:
        state.put(session, state.LAST_SYNC, datetime.now(UTC).isoformat())
        state.put(session, state.LAST_ERROR, None)
    return SyncSummary(True, *counts(), pending_count(ctx), withdrawn=push.withdrawn,
                       records_sent=push.records, records_received=pull.records)


def _failed(ctx: ServiceContext, pushed: int, pulled: int, conflicts: int, rejected: int,
            error: str) -> SyncSummary:
    try:
        state.write(ctx.store, state.LAST_ERROR, error)
        pending = pending_count(ctx)
    except StoreLocked:
        pending = 0
    return SyncSummary(False, pushed, pulled, conflicts, rejected, pending, error)
