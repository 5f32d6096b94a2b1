"""Merging two files of one person, and undoing a merge while it has not synced.

The kept file receives the other's mutable records (agreements, follow-ups, referrals,
notes, documents, aliases, household): their `participant_id` changes, as ordinary recorded
updates. Append-only records (scheduled check-ins, check-ins, compliance reports, audit
events) cannot change once written: they keep the absorbed id and are found through
`file_ids`, which every list of a file uses. The absorbed file becomes a tombstone
(`deleted`, `merged_into_id`) sent as a "merge" operation, so both ids resolve to the kept
file on every device. A field whose values differ is never dropped silently: the person
merging chooses, and the value not chosen stays on the tombstone (a different name also
becomes an alias of the kept file, so search still finds it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.errors import MergeNotUndoable, ValidationError
from app.models import (
    ENTITIES,
    Alias,
    CaseNote,
    Document,
    DuplicateReview,
    FollowUp,
    HouseholdMember,
    OutboxEntry,
    Participant,
    PendingMerge,
    Referral,
    SupervisionAgreement,
    SyncedEntity,
    new_id,
)
from app.models.wire import decode, encode, wire_fields
from app.services.context import ServiceContext
from app.services.participants import load_participant, refresh_search
from app.services.recorder import REMOTE_APPLY, ChangeRecorder, recording
from app.services.text import fold
from app.services.views import display_name

MOVED: tuple[type[SyncedEntity], ...] = (
    Alias, HouseholdMember, SupervisionAgreement, FollowUp, Referral, CaseNote, Document)
# Lists are joined (no entry is lost); the status travels with its reason and dates.
LIST_FIELDS = ("languages", "risk_flags", "vulnerability_flags", "consent_to_share")
STATUS_GROUP = ("status", "status_reason", "status_changed_at", "closed_on")
NOT_CHOSEN = frozenset({"id", "office_id", "created_at", "deleted", "merged_into_id",
                        *STATUS_GROUP[1:], *LIST_FIELDS})
# The absorbed file's values the person merging saw: another device may have changed them
# on the server before the merge got there (app.sync.merge_carry_over).
SEEN = tuple(f for f in wire_fields(Participant)
             if f not in ("id", "office_id", "created_at", "deleted", "merged_into_id"))


@dataclass(frozen=True)
class FieldDifference:
    field: str
    kept_value: Any
    absorbed_value: Any


@dataclass(frozen=True)
class MergePlan:
    kept_id: str
    absorbed_id: str
    differences: tuple[FieldDifference, ...]  # the person merging chooses each of these
    filled_from_absorbed: tuple[str, ...]     # empty on the kept file: taken as they are
    moved: dict[str, int]                     # entity -> rows the kept file receives
    # Both files are under a current agreement: after the merge the kept file has two, and
    # the caseworker ends the one that no longer applies.
    two_current_agreements: bool = False


@dataclass(frozen=True)
class MergeResult:
    merge_id: str
    kept_id: str
    absorbed_id: str
    moved: dict[str, int]
    two_current_agreements: bool = False


@dataclass(frozen=True)
class UndoableMerge:
    merge_id: str
    kept_id: str
    absorbed_id: str
    kept_name: str
    absorbed_name: str


def join_lists(first: list[Any], second: list[Any]) -> list[Any]:
    """`first`, then each entry of `second` not yet there: joined lists lose no entry."""
    joined = list(first)
    joined += [x for x in second if x not in joined]
    return joined


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _choosable_fields() -> list[str]:
    return [f for f in wire_fields(Participant) if f not in NOT_CHOSEN]


def _load_pair(session: Session, kept_id: str, absorbed_id: str
               ) -> tuple[Participant, Participant]:
    if kept_id == absorbed_id:
        raise ValidationError("absorbed_id", "is the same file as the one kept")
    kept = load_participant(session, kept_id, follow_merge=False)
    absorbed = load_participant(session, absorbed_id, follow_merge=False)
    for field, p in (("kept_id", kept), ("absorbed_id", absorbed)):
        if p.deleted or p.merged_into_id:
            raise ValidationError(field, "is a file that was already merged into another")
    return kept, absorbed


def _plan(session: Session, kept: Participant, absorbed: Participant) -> MergePlan:
    differences, filled = [], []
    for field in _choosable_fields():
        mine, theirs = getattr(kept, field), getattr(absorbed, field)
        if is_empty(theirs) or mine == theirs:
            continue
        if is_empty(mine) and field != "status":
            filled.append(field)
        else:
            differences.append(FieldDifference(field, encode(mine), encode(theirs)))
    moved = {}
    for cls in MOVED:
        owner: Any = cls.participant_id  # type: ignore[attr-defined]
        n = session.scalar(select(func.count()).select_from(cls).where(
            owner == absorbed.id, cls.deleted.is_(False))) or 0
        if n:
            moved[cls.__entity__] = n
    current = {pid: session.scalar(select(SupervisionAgreement.id).where(
        SupervisionAgreement.participant_id == pid, SupervisionAgreement.deleted.is_(False),
        SupervisionAgreement.superseded_on.is_(None)).limit(1)) is not None
        for pid in (kept.id, absorbed.id)}
    return MergePlan(kept.id, absorbed.id, tuple(differences), tuple(filled), moved,
                     all(current.values()))


def plan_merge(ctx: ServiceContext, kept_id: str, absorbed_id: str) -> MergePlan:
    """What a merge would do: the fields to choose, those filled in, the rows moved."""
    with ctx.store.session() as session:
        kept, absorbed = _load_pair(session, kept_id, absorbed_id)
        return _plan(session, kept, absorbed)


def _kept_changes(kept: Participant, absorbed: Participant, plan: MergePlan,
                  choices: dict[str, str]) -> dict[str, Any]:
    wanted = {d.field for d in plan.differences}
    errors = {f: "differs between the two files: choose which value to keep"
              for f in wanted - set(choices)}
    errors.update({f: "must be 'kept' or 'absorbed'" for f, c in choices.items()
                   if c not in ("kept", "absorbed")})
    errors.update({f: "does not differ between the two files" for f in set(choices) - wanted})
    if errors:
        raise ValidationError(errors)
    changes: dict[str, Any] = {f: getattr(absorbed, f) for f in plan.filled_from_absorbed}
    for field, side in choices.items():
        if side == "absorbed":
            group = STATUS_GROUP if field == "status" else (field,)
            changes.update({g: getattr(absorbed, g) for g in group})
    for field in LIST_FIELDS:
        mine = list(getattr(kept, field) or [])
        joined = join_lists(mine, list(getattr(absorbed, field) or []))
        if joined != mine:
            changes[field] = joined
    return changes


def merge_participants(ctx: ServiceContext, kept_id: str, absorbed_id: str,
                       choices: dict[str, str] | None = None) -> MergeResult:
    """Merge `absorbed_id` into `kept_id` in one transaction. `choices` names, for each field
    of `plan_merge(...).differences`, the side whose value the kept file takes."""
    with recording(ctx) as rec:
        session = rec.session
        kept, absorbed = _load_pair(session, kept_id, absorbed_id)
        plan = _plan(session, kept, absorbed)
        changes = _kept_changes(kept, absorbed, plan, choices or {})
        undo: list[dict[str, Any]] = []
        seen = {f: encode(getattr(absorbed, f)) for f in SEEN}
        spellings = [(kept.family_name, kept.given_names),
                     (absorbed.family_name, absorbed.given_names)]

        def update(row: SyncedEntity, values: dict[str, Any], **kw: Any) -> None:
            diff = rec.update(row, values, participant_id=kept.id, **kw)
            if diff:
                undo.append({"entity": row.__entity__, "id": row.id, "fields": diff})

        # The merge itself goes first, and the rest travels as part of it: a server that
        # refuses the merge (the kept file deleted there meanwhile) applies none of it, so
        # no record is left moved onto a file that is not merged into.
        update(absorbed, {"merged_into_id": kept.id, "deleted": True}, kind="merge")
        rec.part_of = rec.op_ids[-1]
        update(kept, changes, action="merge")
        for cls in MOVED:
            for row in session.scalars(select(cls).where(
                    cls.participant_id == absorbed.id, cls.deleted.is_(False))):  # type: ignore[attr-defined]
                update(row, {"participant_id": kept.id})
        # Files merged earlier into the absorbed one now point straight at the kept one.
        for earlier in session.scalars(select(Participant).where(
                Participant.merged_into_id == absorbed.id)):
            update(earlier, {"merged_into_id": kept.id})
        created = _aliases_for_other_spellings(rec, kept, absorbed, spellings)
        note_id = _note_of_values_not_kept(rec, kept, absorbed, plan, choices or {})
        rec.part_of = None
        session.flush()
        refresh_search(session, kept)
        moved = dict(plan.moved)
        pending = PendingMerge(id=new_id(), kept_id=kept.id, absorbed_id=absorbed.id,
                               op_ids=list(rec.op_ids), merged_at=ctx.now(),
                               undo={"updates": undo, "created_aliases": created,
                                     "created_notes": [note_id] if note_id else [],
                                     "seen": seen})
        session.add(pending)
        rec.audit("merge", "participant", kept.id, kept.id,
                  {"absorbed_id": absorbed.id, "fields_chosen": sorted(choices or {}),
                   "filled": list(plan.filled_from_absorbed), "moved": moved})
        _decide_reviews(session, ctx, kept.id, absorbed.id, "merged")
        return MergeResult(pending.id, kept.id, absorbed.id, moved,
                           plan.two_current_agreements)


def _aliases_for_other_spellings(rec: ChangeRecorder, kept: Participant,
                                 absorbed: Participant,
                                 spellings: list[tuple[str, str | None]]) -> list[str]:
    """Each name the two files had that is not the kept file's name now (nor one of its
    aliases) becomes an alias: search still finds the person under it."""
    def key(family: str, given: str | None) -> str:
        return fold(f"{family} {given or ''}")

    known = {key(kept.family_name, kept.given_names)}
    known.update(key(a.family_name, a.given_names) for a in rec.session.scalars(
        select(Alias).where(Alias.participant_id.in_([kept.id, absorbed.id]),
                            Alias.deleted.is_(False))))
    created = []
    for family, given in spellings:
        if key(family, given) in known:
            continue
        known.add(key(family, given))
        row = rec.create(Alias(participant_id=kept.id, family_name=family,
                               given_names=given), participant_id=kept.id)
        created.append(row.id)
    return created


def _note_of_values_not_kept(rec: ChangeRecorder, kept: Participant, absorbed: Participant,
                             plan: MergePlan, choices: dict[str, str]) -> str | None:
    """Each value the person did not choose, in a note on the kept file: it stays visible
    (the absorbed file's own values also stay on its tombstone)."""
    lines = []
    for d in plan.differences:
        lost = d.kept_value if choices.get(d.field) == "absorbed" else d.absorbed_value
        if d.field in ("family_name", "given_names"):
            continue  # the other spelling is an alias already
        lines.append(f"- {d.field}: {lost}")
    if not lines:
        return None
    body = (f"Merged with file {absorbed.id}. Values not kept on this file:\n"
            + "\n".join(lines))
    return rec.create(CaseNote(participant_id=kept.id, author_id=rec.ctx.actor_id,
                               body=body), participant_id=kept.id).id


def _decide_reviews(session: Session, ctx: ServiceContext, a: str, b: str,
                    decision: str | None) -> None:
    for review in session.scalars(select(DuplicateReview).where(
            DuplicateReview.participant_id.in_([a, b]),
            DuplicateReview.candidate_id.in_([a, b]))):
        review.decision = decision
        review.decided_at = ctx.now() if decision else None


def reopen_refused_pair(session: Session, ctx: ServiceContext, a: str, b: str) -> None:
    """The server refused the merge of these two files: they are two files again, so the
    pair goes back to the Duplicates tab instead of staying marked as merged."""
    _decide_reviews(session, ctx, a, b, None)


def _still_pending(session: Session, merge: PendingMerge) -> bool:
    if not merge.op_ids:
        return True
    waiting = session.scalars(select(OutboxEntry.op_id).where(
        OutboxEntry.op_id.in_(merge.op_ids))).all()
    return len(waiting) == len(merge.op_ids)


_CREATED: tuple[tuple[type[Alias] | type[CaseNote], str], ...] = (
    (Alias, "created_aliases"), (CaseNote, "created_notes"))


def _never_sent(session: Session, merge: PendingMerge) -> bool:
    """No operation of the merge has been read for sending (the push marks what it reads in
    the same transaction, so this holds until the server could have any of it)."""
    sent = session.scalar(select(func.max(OutboxEntry.attempts)).where(
        OutboxEntry.op_id.in_(merge.op_ids)))
    return not sent


def _take_back_unsent(session: Session, merge: PendingMerge,
                      rows: list[tuple[SyncedEntity, dict[str, Any]]]) -> None:
    """A merge the server never saw is taken out of the outbox, not answered by reversing
    updates: sent together, the merge would have taken with it, on the server, the records
    another device had added to the absorbed file meanwhile, which the reversals (knowing
    only this device's records) would not bring back. Its audit events stay."""
    session.execute(delete(OutboxEntry).where(OutboxEntry.op_id.in_(merge.op_ids)))
    session.info[REMOTE_APPLY] = True  # restored as never changed: nothing to send
    try:
        for row, step in rows:
            for field, change in step["fields"].items():
                setattr(row, field, decode(type(row), field, change["old"]))
        for cls, key in _CREATED:
            for row_id in merge.undo.get(key, []):
                created = session.get(cls, row_id)
                if created is not None:
                    session.delete(created)  # never left this device
        session.flush()
    finally:
        session.info.pop(REMOTE_APPLY, None)


def undoable_merges(ctx: ServiceContext) -> list[UndoableMerge]:
    """Merges made here whose operations are all still waiting to be sent. Merges that
    have (even partly) synced are forgotten here: undoing them is a new merge or edit."""
    out: list[UndoableMerge] = []
    with ctx.store.write_session() as session, session.begin():
        for m in session.scalars(select(PendingMerge).order_by(PendingMerge.merged_at.desc())):
            if not _still_pending(session, m):
                session.delete(m)
                continue
            kept, absorbed = session.get(Participant, m.kept_id), session.get(
                Participant, m.absorbed_id)
            if kept is None or absorbed is None:
                continue
            out.append(UndoableMerge(
                m.id, m.kept_id, m.absorbed_id, display_name(kept.family_name, kept.given_names),
                display_name(absorbed.family_name, absorbed.given_names)))
    return out


def undo_merge(ctx: ServiceContext, merge_id: str) -> None:
    """Put both files back as they were: every change of the merge reversed by a recorded
    update (so the server, which may have had part of it, converges too)."""
    with recording(ctx) as rec:
        session = rec.session
        merge = session.get(PendingMerge, merge_id)
        if merge is None or not _still_pending(session, merge):
            raise MergeNotUndoable("this merge has already been sent to the server; "
                                   "it can no longer be undone here")
        steps = merge.undo.get("updates", [])
        rows = []
        for step in steps:
            cls = ENTITIES[step["entity"]]
            row = session.get(cls, step["id"])
            if row is None or any(encode(getattr(row, f)) != c["new"]
                                  for f, c in step["fields"].items()):
                raise MergeNotUndoable("the files were changed after the merge; "
                                       "it can no longer be undone")
            rows.append((row, step))
        if _never_sent(session, merge):
            _take_back_unsent(session, merge, rows)
        else:
            # The absorbed file comes back first: on the server, a record moved onto a file
            # that is still merged would follow the merge to the kept file again.
            for row, step in sorted(reversed(rows), key=lambda r: r[0].id != merge.absorbed_id):
                cls = type(row)
                old = {f: decode(cls, f, c["old"]) for f, c in step["fields"].items()}
                rec.update(row, old, participant_id=merge.kept_id, action="merge_undone")
            for cls, key in _CREATED:
                for row_id in merge.undo.get(key, []):
                    row = session.get(cls, row_id)
                    if row is not None and not row.deleted:
                        rec.delete(row, participant_id=merge.kept_id)
        session.flush()
        for pid in (merge.kept_id, merge.absorbed_id):
            refresh_search(session, load_participant(session, pid, follow_merge=False))
        rec.audit("merge_undone", "participant", merge.kept_id, merge.kept_id,
                  {"absorbed_id": merge.absorbed_id})
        _decide_reviews(session, ctx, merge.kept_id, merge.absorbed_id, None)
        session.delete(merge)
