"""The review list of probable duplicates: what is open, and how many, once pairs are
decided (merged: a file is gone; dismissed). Synthetic names."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import NotFound
from app.models import AuditEvent
from app.services.context import ServiceContext
from app.services.duplicate_review import (
    count_open_pairs,
    dismiss_pair,
    open_pairs,
    reopen_pair,
    scan_caseload,
)
from app.services.participant_merge import merge_participants
from app.services.participants import create_participant


def _twins(ctx: ServiceContext, family: str, day: int) -> tuple[str, str]:
    data = {"family_name": family, "given_names": "Amani",
            "date_of_birth": f"1984-05-{day:02d}", "phone": f"604 555 01{day:02d}"}
    return create_participant(ctx, dict(data)), create_participant(ctx, dict(data))


def test_open_pairs_and_their_count_leave_out_decided_pairs(
        ctx: ServiceContext) -> None:
    twins = [_twins(ctx, name, day) for name, day in
             (("Testperson", 3), ("Examplename", 9), ("Sampleperson", 17))]
    scan_caseload(ctx)
    assert count_open_pairs(ctx) == len(open_pairs(ctx)) == 3
    assert len(open_pairs(ctx, limit=2)) == 2 and count_open_pairs(ctx) == 3

    by_files = {frozenset((p.a_id, p.b_id)): p for p in open_pairs(ctx)}
    dismiss_pair(ctx, by_files[frozenset(twins[0])].review_id)
    merge_participants(ctx, *twins[1])
    assert [frozenset((p.a_id, p.b_id)) for p in open_pairs(ctx)] == [frozenset(twins[2])]
    assert count_open_pairs(ctx) == 1


def test_a_dismissed_pair_can_be_reopened_once(ctx: ServiceContext) -> None:
    twins = _twins(ctx, "Testperson", 3)
    scan_caseload(ctx)
    [pair] = open_pairs(ctx)
    dismiss_pair(ctx, pair.review_id)
    assert open_pairs(ctx) == [] and scan_caseload(ctx) == 0
    reopen_pair(ctx, pair.review_id)
    assert open_pairs(ctx) == [pair]
    with ctx.store.session() as s:
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "not_duplicate_undone")).one()
        assert event.participant_id in twins and event.details["other_id"] in twins
    with pytest.raises(NotFound):  # open again: nothing to undo
        reopen_pair(ctx, pair.review_id)
    merge_participants(ctx, *twins)
    with pytest.raises(NotFound):  # decided by a merge: undone by undoing the merge
        reopen_pair(ctx, pair.review_id)
