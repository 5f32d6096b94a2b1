"""Pages fetched ahead and written together: whole pages only, the cursor with them, and a
failure inside a group loses that group alone (the next pull resumes after the last one
written). No server: a client that answers from a list, and a page writer that can fail."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

import pytest

from app.services.context import ServiceContext
from app.sync import pull, state
from app.sync.wire import Change, PullResponse

PAGES, PAGE = 12, 1_000


class ListClient:
    """The server's pages, keyed by the cursor they follow."""

    def __init__(self) -> None:
        self.asked: list[int] = []
        self.pages = {}
        for i in range(PAGES):
            changes = [Change(seq=i * PAGE + k + 1, entity="participant",
                              record_id=f"p{i}-{k}", version=1, values={})
                       for k in range(PAGE)]
            self.pages[i * PAGE] = PullResponse(changes=changes, next_cursor=(i + 1) * PAGE,
                                                more=i + 1 < PAGES)

    def pull(self, after: int, limit: int) -> PullResponse:
        self.asked.append(after)
        return self.pages[after]


class FailingClient(ListClient):
    """Fails to fetch one page (the network gave up on it)."""

    def __init__(self, fail_after: int) -> None:
        super().__init__()
        self.fail_after = fail_after

    def pull(self, after: int, limit: int) -> PullResponse:
        if after == self.fail_after:
            raise ConnectionError("the server went away")
        return super().pull(after, limit)


class Fetches(ThreadPoolExecutor):
    """The pull's fetcher, keeping its futures so a writer can wait for the fetch ahead."""

    made: list[Future[Any]] = []

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future = super().submit(fn, *args, **kwargs)
        Fetches.made.append(future)
        return future


class Writer:
    """Stands for `apply_page`: notes which transaction took each page; fails on one. It
    returns only once the page fetched ahead has arrived (or failed), so pages join a group
    whenever the rules let them: the test does not depend on thread timing."""

    def __init__(self, fail_at: int | None) -> None:
        self.fail_at = fail_at
        self.seen: list[tuple[int, int]] = []  # (first seq of the page, id of its session)

    def __call__(self, session: Any, changes: list[Change]) -> None:
        wait([f for f in Fetches.made if not f.cancelled()], timeout=10)
        first = changes[0].seq
        if self.fail_at is not None and first == self.fail_at * PAGE + 1:
            raise OSError("disk full")
        self.seen.append((first, id(session)))


@pytest.fixture(autouse=True)
def fetches(monkeypatch: pytest.MonkeyPatch) -> None:
    Fetches.made = []
    monkeypatch.setattr(pull, "ThreadPoolExecutor", Fetches)


def test_a_failure_inside_a_group_loses_that_group_only(
        ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    client = ListClient()
    failing = Writer(fail_at=7)
    monkeypatch.setattr(pull, "apply_page", failing)
    summary = pull.PullSummary()
    with pytest.raises(OSError, match="disk full"):
        pull.pull_changes(ctx, client, PAGE, summary=summary)  # type: ignore[arg-type]
    cursor = int(state.read(ctx.store, state.CURSOR) or 0)
    # Pages 1-5 made a whole group (GROUP_RECORDS changes); 6 and 7 went with the failing 8th
    # and were rolled back with it. The summary counts exactly what was written.
    group = pull.GROUP_RECORDS // PAGE
    assert cursor == group * PAGE
    assert summary.pulled == cursor and summary.pages == group
    sessions = [session_id for _, session_id in failing.seen]
    assert len(set(sessions[:group])) == 1 and sessions[group] != sessions[0]

    again = Writer(fail_at=None)
    monkeypatch.setattr(pull, "apply_page", again)
    client.asked.clear()
    done = pull.pull_changes(ctx, client, PAGE)  # type: ignore[arg-type]
    assert client.asked[0] == cursor  # resumed after the last page written
    assert [first for first, _ in again.seen] == [
        p * PAGE + 1 for p in range(cursor // PAGE, PAGES)]
    assert done.pulled == PAGES * PAGE - cursor
    assert int(state.read(ctx.store, state.CURSOR) or 0) == PAGES * PAGE


def test_a_failed_fetch_ahead_keeps_every_page_before_it(
        ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fetch of page 4 fails while the first pages are being written: they are all
    written (never rolled back with the group the failure would have joined), and the
    failure is raised after them."""
    writer = Writer(fail_at=None)
    monkeypatch.setattr(pull, "apply_page", writer)
    summary = pull.PullSummary()
    with pytest.raises(ConnectionError):
        pull.pull_changes(ctx, FailingClient(fail_after=3 * PAGE), PAGE,  # type: ignore[arg-type]
                          summary=summary)
    assert int(state.read(ctx.store, state.CURSOR) or 0) == 3 * PAGE
    assert (summary.pulled, summary.pages) == (3 * PAGE, 3)
    assert [first for first, _ in writer.seen] == [1, PAGE + 1, 2 * PAGE + 1]
