"""Edits of an absorbed file that reached the server before its merge did.

Another device, not knowing of the merge, changed the absorbed file and synced first: the
server applied the edit to that file, then the merge made it a tombstone. Nothing else
brings the edit to the kept file (the server forwards only edits that arrive after a
merge), so the merging device does, when the answer to its merge shows the absorbed file
as the server has it. For each value changed since the person merging saw the file:
- the kept file already holds it: nothing to do;
- the kept file holds the value that was changed (taken from the absorbed file, or the
  same in both): it takes the new one, as a recorded update that syncs;
- the kept file holds another value (chosen over the absorbed one, or its own where the
  absorbed file had none): a conflict on the kept file, both values kept, for a person;
- a list (languages, flags, consent): the new entries are added; an entry removed there
  goes from the kept file too when the kept file had it only from the absorbed one (a
  consent withdrawn stays withdrawn), and is a conflict when the kept file had it itself.
The status travels with its reason and dates, as in a merge.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import Conflict, Participant, PendingMerge
from app.models.wire import decode, encode
from app.services.context import ServiceContext
from app.services.participant_merge import (
    LIST_FIELDS,
    SEEN,
    STATUS_GROUP,
    is_empty,
    join_lists,
)
from app.services.participants import load_participant, refresh_search
from app.services.recorder import ChangeRecorder


def carry_over_edits(session: Session, ctx: ServiceContext, op_id: str, absorbed_id: str,
                     values: dict[str, Any] | None) -> int:
    """After the answer to merge `op_id` (with the absorbed file as the server has it,
    `values`) is recorded; returns how many conflicts were kept."""
    if not values or not values.get("merged_into_id") or values.get("deleted") is not True:
        return 0  # the merge did not take effect: the absorbed file is a file again
    seen, own_lists = _seen(session, op_id, absorbed_id)
    changed = [f for f in SEEN if f in seen and f in values and values[f] != seen[f]]
    if not changed:
        return 0
    try:
        kept = load_participant(session, absorbed_id)
    except NotFound:
        return 0
    if kept.id == absorbed_id:
        return 0  # the chain ends on no live file here: nothing to carry over to
    updates: dict[str, Any] = {}
    conflicts: list[tuple[str, Any, Any]] = []
    groups: list[tuple[str, ...]] = [(f,) for f in changed if f not in STATUS_GROUP]
    if any(f in STATUS_GROUP for f in changed):
        groups.append(STATUS_GROUP)
    for group in groups:
        mine = {f: encode(getattr(kept, f)) for f in group}
        theirs = {f: values.get(f) for f in group}
        if mine == theirs:
            continue
        if group[0] in LIST_FIELDS:
            field = group[0]
            listed, now = list(mine[field] or []), list(theirs[field] or [])
            removed = [x for x in seen.get(field) or [] if x not in now and x in listed]
            own = own_lists.get(field, listed)
            joined = join_lists([x for x in listed if x not in removed or x in own], now)
            if joined != listed:
                updates[field] = joined
            contested = [x for x in removed if x in own]
            if contested:  # the kept file's own entries: a person decides
                conflicts.append((field, joined, [x for x in joined if x not in contested]))
        elif all(mine[f] == seen.get(f) or (is_empty(mine[f]) and is_empty(seen.get(f)))
                 for f in group):
            updates.update({f: decode(Participant, f, theirs[f]) for f in group})
        else:
            conflicts.extend((f, mine[f], theirs[f]) for f in group if mine[f] != theirs[f])
    rec = ChangeRecorder(session, ctx)
    if rec.update(kept, updates, participant_id=kept.id, action="merge_carry_over"):
        session.flush()
        refresh_search(session, kept)
    for field, mine_value, theirs_value in conflicts:
        session.add(Conflict(
            entity="participant", record_id=kept.id, participant_id=kept.id, field=field,
            base_value=seen.get(field), local_value=mine_value, server_value=theirs_value,
            server_version=kept.version, detected_at=ctx.now()))
    return len(conflicts)


def _seen(session: Session, op_id: str, absorbed_id: str
          ) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """The absorbed file's values when it was merged here, and the kept file's own lists
    that the merge joined (before the absorbed file's entries were added); none for a merge
    undone since (its undo is sent after it and brings the file back with the edit on it)."""
    for merge in session.scalars(select(PendingMerge).where(
            PendingMerge.absorbed_id == absorbed_id)):
        if op_id in (merge.op_ids or []):
            undo = merge.undo or {}
            own = {f: list(c.get("old") or []) for step in undo.get("updates") or []
                   if step.get("entity") == "participant" and step.get("id") == merge.kept_id
                   for f, c in step.get("fields", {}).items() if f in LIST_FIELDS}
            return dict(undo.get("seen") or {}), own
    return {}, {}
