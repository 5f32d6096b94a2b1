"""Pages fetched ahead and written together: whole pages only, the cursor with them, and a
failure inside a group loses that group alone (the next pull resumes after the last one
written). No server: a client that answers from a list, and a page writer that can fail."""

from __future__ import annotations

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


class Writer:
    """Stands for `apply_page`: notes which transaction took each page; fails on one."""

    def __init__(self, fail_at: int | None) -> None:
        self.fail_at = fail_at
        self.seen: list[tuple[int, int]] = []  # (first seq of the page, id of its session)

    def __call__(self, session: Any, changes: list[Change]) -> None:
        first = changes[0].seq
        if self.fail_at is not None and first == self.fail_at * PAGE + 1:
            raise OSError("disk full")
        self.seen.append((first, id(session)))


def test_a_failure_inside_a_group_loses_that_group_only(
        ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    client = ListClient()
    failing = Writer(fail_at=7)
    monkeypatch.setattr(pull, "apply_page", failing)
    summary = pull.PullSummary()
    with pytest.raises(OSError, match="disk full"):
        pull.pull_changes(ctx, client, PAGE, summary=summary)  # type: ignore[arg-type]
    cursor = int(state.read(ctx.store, state.CURSOR) or 0)
    # The cursor is the end of a whole page written before the failing one, and the summary
    # counts exactly the pages up to it.
    assert cursor % PAGE == 0 and 0 <= cursor <= 7 * PAGE
    assert summary.pulled == cursor and summary.pages == cursor // PAGE
    groups: dict[int, int] = {}
    for _first, session_id in failing.seen:
        groups[session_id] = groups.get(session_id, 0) + PAGE
    assert max(groups.values()) <= pull.GROUP_RECORDS

    again = Writer(fail_at=None)
    monkeypatch.setattr(pull, "apply_page", again)
    client.asked.clear()
    done = pull.pull_changes(ctx, client, PAGE)  # type: ignore[arg-type]
    assert client.asked[0] == cursor  # resumed after the last page written
    assert [first for first, _ in again.seen] == [
        p * PAGE + 1 for p in range(cursor // PAGE, PAGES)]
    assert done.pulled == PAGES * PAGE - cursor
    assert int(state.read(ctx.store, state.CURSOR) or 0) == PAGES * PAGE
