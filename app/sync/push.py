"""Pushing the outbox in batches. An entry leaves the outbox only in the transaction that
records the server's answer to it, so a crash at any moment loses nothing; a resend after
a lost answer is harmless (the server answers a replayed op_id with its first answer)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.exc import OperationalError

from app.errors import SyncError
from app.models import ENTITIES, AuditEvent, Conflict, OutboxEntry, Participant, table_of
from app.services.context import ServiceContext
from app.services.participant_merge import reopen_refused_pair
from app.services.recorder import REMOTE_APPLY
from app.sync.client import SyncClient
from app.sync.merge_carry_over import carry_over_edits
from app.sync.pull import UNAPPLIABLE, apply_change, refresh_derived
from app.sync.wire import Change, OpResult, PushResponse

Progress = Callable[[str, int, int], None]


@dataclass
class PushSummary:
    pushed: int = 0
    conflicts: int = 0
    rejected: int = 0
    rejected_reasons: list[str] = field(default_factory=list)
    # Changes of a merge the server did not apply, taken back as the server has them.
    withdrawn: int = 0
    # What a person would call changes: `pushed` less the audit events that go with them.
    records: int = 0


def pending_count(ctx: ServiceContext) -> int:
    with ctx.store.session() as session:
        return session.scalar(select(func.count(OutboxEntry.seq))) or 0


def pending_changes(ctx: ServiceContext) -> int:
    """The waiting changes a person made, as the status bar counts them: without the audit
    events that travel with them (one edit is two operations)."""
    with ctx.store.session() as session:
        return session.scalar(select(func.count(OutboxEntry.seq)).where(
            OutboxEntry.entity != AuditEvent.__entity__)) or 0


@dataclass(frozen=True)
class _Entry:
    seq: int
    op_id: str
    entity: str
    record_id: str
    kind: str
    base_version: int
    changes: dict[str, Any]
    part_of: str | None


def _operation(entry: _Entry) -> dict[str, Any]:
    """One operation as the wire's JSON (the shape of `wire.Operation`). Outbox entries were
    written by our own recorder, their values already JSON: built as plain dicts, with no
    model objects to make and dump again (the server validates every operation)."""
    op = {"op_id": entry.op_id, "entity": entry.entity, "record_id": entry.record_id,
          "kind": entry.kind, "base_version": entry.base_version,
          "changes": {k: {"old": v.get("old"), "new": v.get("new")}
                      for k, v in entry.changes.items()}}
    if entry.part_of is not None:
        op["part_of"] = entry.part_of
    return op


def push_outbox(ctx: ServiceContext, client: SyncClient, batch_size: int,
                progress: Progress | None = None,
                summary: PushSummary | None = None) -> PushSummary:
    """`summary` (if given) is filled batch by batch, so a failed push still reports.

    A batch goes out only once the answer to the one before it has arrived (the server
    applies them in order), but it goes out before that answer is recorded: the server's
    time overlaps the local writes. A failure leaves every batch whose answer arrived
    recorded and the rest queued."""
    summary = summary if summary is not None else PushSummary()
    total = pending_count(ctx)
    sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ccms-push")

    def send(entries: list[_Entry]) -> Future[PushResponse]:
        return sender.submit(client.push_operations, [_operation(e) for e in entries])

    try:
        entries = _read_batch(ctx, batch_size)
        in_flight = send(entries) if entries else None
        while in_flight is not None:
            answers = {r.op_id: r for r in in_flight.result().results}
            unanswered = sum(e.op_id not in answers for e in entries)
            # Read after the last entry sent: the answers are not recorded yet.
            following = [] if unanswered else _read_batch(ctx, batch_size, entries[-1].seq)
            in_flight = send(following) if following else None
            _record_answers(ctx, entries, answers, summary)
            if in_flight is None and not unanswered:
                # Written while the answers were recorded (an edit a merge's answer carried
                # over to the kept file, or one made meanwhile): sent in this push too. Read
                # from the start: every entry sent is answered and gone, and SQLite numbers
                # a new row after the highest left, which may be below those sent.
                following = _read_batch(ctx, batch_size)
                in_flight = send(following) if following else None
            if progress:
                progress("push", min(summary.pushed, total), max(total, summary.pushed))
            if unanswered:  # sending them again would loop: the server is at fault
                raise SyncError(f"the server left {unanswered} of {len(entries)} operations "
                                "of a batch unanswered; they stay queued")
            entries = following
        return summary
    except BaseException:
        # Ctrl+C or a termination: the batch in flight stops retrying (its retries could
        # take minutes), then the sender is waited for.
        client.cancel.set()
        raise
    finally:
        sender.shutdown(wait=True, cancel_futures=True)


def _read_batch(ctx: ServiceContext, batch_size: int, after: int | None = None) -> list[_Entry]:
    """The next batch. One that holds a merge is read again in a write transaction that
    marks it as sent (`attempts`): an undo of a merge may drop the merge's entries only
    while none has been read to be sent. Other batches need no write (a commit apiece)."""
    with ctx.store.session() as session:
        entries = _select_batch(session, batch_size, after)
    if not any(e.kind == "merge" or e.part_of is not None for e in entries):
        return entries
    with ctx.store.transaction() as session:
        entries = _select_batch(session, batch_size, after)
        if entries:
            session.execute(update(OutboxEntry).where(
                OutboxEntry.seq.in_([e.seq for e in entries])).values(
                    attempts=OutboxEntry.attempts + 1))
        return entries


def _select_batch(session: Any, batch_size: int, after: int | None) -> list[_Entry]:
    # Plain rows, not ORM objects: the outbox is read often and in bulk.
    stmt = select(OutboxEntry.seq, OutboxEntry.op_id, OutboxEntry.entity,
                  OutboxEntry.record_id, OutboxEntry.kind, OutboxEntry.base_version,
                  OutboxEntry.changes, OutboxEntry.part_of).order_by(
                      OutboxEntry.seq).limit(batch_size)
    if after is not None:
        stmt = stmt.where(OutboxEntry.seq > after)
    return [_Entry(*row) for row in session.execute(stmt)]


def _record_answers(ctx: ServiceContext, entries: list[_Entry],
                    answers: dict[str, OpResult], summary: PushSummary) -> None:
    """In one transaction: versions set, conflicts kept, answered entries removed. The
    common case (applied) is done in bulk: one UPDATE per entity and one DELETE. An answer
    whose values the store refuses (a server that holds a value of the wrong type) rolls it
    all back and stops the sync with an error that names no value."""
    try:
        _record_answers_in(ctx, entries, answers, summary)
    except OperationalError:
        raise  # the store's own trouble (locked, disk full), not the answer's
    except UNAPPLIABLE as exc:
        raise SyncError(f"the server answered a push with a value this device cannot store "
                        f"({type(exc).__name__}); the operations stay queued until it is "
                        "corrected on the server") from exc


def _record_answers_in(ctx: ServiceContext, entries: list[_Entry],
                       answers: dict[str, OpResult], summary: PushSummary) -> None:
    answered = [e for e in entries if e.op_id in answers]
    with ctx.store.transaction() as session:
        session.info[REMOTE_APPLY] = True
        versions: dict[str, list[dict[str, Any]]] = {}
        for entry in answered:
            answer = answers[entry.op_id]
            if answer.version is not None and entry.entity in ENTITIES:
                versions.setdefault(entry.entity, []).append(
                    {"rid": entry.record_id, "v": answer.version})
        for entity, rows in versions.items():
            cls = ENTITIES[entity]
            table = table_of(cls)
            session.execute(update(table).where(
                table.c.id == bindparam("rid"),
                table.c.version < bindparam("v")).values(version=bindparam("v")),
                rows)
        for entry in answered:
            answer = answers[entry.op_id]
            if answer.status in ("conflict", "rejected"):
                _keep_conflict(ctx, session, entry, answer, summary)
        session.execute(delete(OutboxEntry).where(
            OutboxEntry.seq.in_([e.seq for e in answered])))
        session.expire_all()
        withdrawn = [e for e in answered if answers[e.op_id].status == "withdrawn"]
        _take_back_withdrawn(session, withdrawn)
        # A copy the server had already is not a merge taken back: that merge took effect.
        summary.withdrawn += sum(answers[e.op_id].duplicate_of is None for e in withdrawn)
        for entry in answered:
            answer = answers[entry.op_id]
            if answer.values is not None and answer.version is not None:
                row = apply_change(session, Change(
                    seq=0, entity=entry.entity, record_id=entry.record_id,  # type: ignore[arg-type]
                    version=answer.version, values=answer.values))
                refresh_derived(session, row)
        for entry in answered:
            if entry.kind == "merge":
                summary.conflicts += carry_over_edits(
                    session, ctx, entry.op_id, entry.record_id, answers[entry.op_id].values)
        summary.pushed += len(answered)
        summary.records += sum(e.entity != AuditEvent.__entity__ for e in answered)


def _take_back_withdrawn(session: Any, entries: list[_Entry]) -> None:
    """Changes of a merge the server did not apply. Those that came back with the server's
    values are set back by the caller; a record the merge created here (an alias, a note)
    is not on the server: it goes, with any later change of it still queued. The merge's
    own answer (refused, or the server's state) tells the person; these add no row. An
    alias or note the server already had from the same merge made elsewhere goes likewise:
    the pull brings the server's copy."""
    for entry in entries:
        if entry.kind != "create" or entry.entity not in ENTITIES:
            continue
        row = session.get(ENTITIES[entry.entity], entry.record_id)
        session.execute(delete(OutboxEntry).where(OutboxEntry.entity == entry.entity,
                                                  OutboxEntry.record_id == entry.record_id))
        if row is not None:
            session.delete(row)
            session.flush()
            if entry.entity == "alias":  # the person is no longer found under it
                refresh_derived(session, session.get(Participant, row.participant_id))


def _keep_conflict(ctx: ServiceContext, session: Any, entry: _Entry, answer: OpResult,
                   summary: PushSummary) -> None:
    cls = ENTITIES.get(entry.entity)
    row = session.get(cls, entry.record_id) if cls is not None else None
    if answer.status == "conflict":
        for name, server_value in answer.conflicts.items():
            change: dict[str, Any] = entry.changes.get(name, {})
            session.add(Conflict(
                entity=entry.entity, record_id=entry.record_id,
                participant_id=_participant_of(entry, row), field=name,
                base_value=change.get("old"), local_value=change.get("new"),
                server_value=server_value, server_version=answer.version or 0,
                detected_at=ctx.now()))
            summary.conflicts += 1
        return
    summary.rejected += 1
    summary.rejected_reasons.append(answer.reason or "rejected")
    target = (entry.changes.get("merged_into_id") or {}).get("new")
    if entry.kind == "merge" and isinstance(target, str):
        reopen_refused_pair(session, ctx, entry.record_id, target)
    session.add(Conflict(  # base_value given: a column left out is NULL, which it refuses
        entity=entry.entity, record_id=entry.record_id,
        participant_id=_participant_of(entry, row), field="*", base_value=None,
        local_value=entry.changes, server_value=answer.reason, detected_at=ctx.now()))


def _participant_of(entry: _Entry, row: Any) -> str | None:
    if entry.entity == "participant":
        return entry.record_id
    return getattr(row, "participant_id", None)
