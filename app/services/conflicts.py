"""Sync conflicts: the same field changed to different values here and on the server. Both
values are kept until a person chooses; the choice is a new operation, like any edit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.errors import NotFound, ValidationError
from app.models import ENTITIES, Conflict, Participant
from app.models.wire import decode
from app.services.context import ServiceContext
from app.services.offline_lock import ensure_files_unlocked
from app.services.participants import load_participant, refresh_search
from app.services.recorder import recording
from app.services.views import display_name

CHOICES = ("local", "server", "dismiss")  # dismiss: a change the server refused


@dataclass(frozen=True)
class ConflictView:
    id: str
    entity: str
    record_id: str
    participant_id: str | None
    field: str
    local_value: Any
    server_value: Any
    detected_at: datetime


def list_conflicts(ctx: ServiceContext, include_resolved: bool = False) -> list[ConflictView]:
    stmt = select(Conflict).order_by(Conflict.detected_at)
    if not include_resolved:
        stmt = stmt.where(Conflict.resolved_at.is_(None))
    with ctx.store.session() as session:
        return [ConflictView(c.id, c.entity, c.record_id, c.participant_id, c.field,
                             c.local_value, c.server_value, c.detected_at)
                for c in session.scalars(stmt)]


def conflict_files(ctx: ServiceContext, participant_ids: set[str]) -> dict[str, tuple[str, str]]:
    """Each participant id -> (the live file it now stands for, that file's name), in one
    read; ids with no file left are left out. Refused while files are locked offline, as
    opening a file is."""
    ensure_files_unlocked(ctx)
    out: dict[str, tuple[str, str]] = {}
    with ctx.store.session() as session:
        for pid in participant_ids:
            try:
                p = load_participant(session, pid, follow_merge=True)
            except NotFound:
                continue
            out[pid] = (p.id, display_name(p.family_name, p.given_names))
    return out


def resolve_conflict(ctx: ServiceContext, conflict_id: str, choice: str) -> None:
    """Keep this device's value ('local': sent as a new change) or the server's ('server':
    already in place after the pull); a change the server refused (field "*") can only be
    dismissed ('dismiss'). Every choice is audited."""
    if choice not in CHOICES:
        raise ValidationError("choice", "must be local, server or dismiss")
    with recording(ctx) as rec:
        conflict = rec.session.get(Conflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise NotFound("conflict", conflict_id)
        if (conflict.field == "*") != (choice == "dismiss"):
            raise ValidationError("choice", "the server refused this change; it can only be "
                                  "dismissed" if conflict.field == "*" else
                                  "choose this device's value or the server's")
        if conflict.field != "*":
            cls = ENTITIES[conflict.entity]
            row = rec.session.get(cls, conflict.record_id)
            if row is None:
                raise NotFound(conflict.entity, conflict.record_id)
            if isinstance(row, Participant):
                # Found on a file merged elsewhere, the conflict is the kept file's (the
                # server compared against it): the choice is made there, or it would be
                # compared against the merged file's old value and conflict again.
                row = load_participant(rec.session, row.id, follow_merge=True)
            wanted = conflict.local_value if choice == "local" else conflict.server_value
            value = decode(cls, conflict.field, wanted)
            if getattr(row, conflict.field) != value:
                rec.update(row, {conflict.field: value}, participant_id=(
                    row.id if isinstance(row, Participant) else conflict.participant_id),
                    action="resolve")
                if conflict.entity == "participant":
                    rec.session.flush()
                    refresh_search(rec.session, row)  # type: ignore[arg-type]
        conflict.resolved_at = ctx.now()
        conflict.resolution = choice
        rec.audit("resolve", conflict.entity, conflict.record_id, conflict.participant_id,
                  {"field": conflict.field, "choice": choice})
