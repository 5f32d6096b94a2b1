"""A participant's history: the audit trail of their file, newest first, as plain rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.models import AuditEvent, Caseworker
from app.services.context import ServiceContext
from app.services.lookup import file_ids


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    action: str
    entity: str
    record_id: str | None
    actor_name: str | None
    device_id: str
    details: dict[str, Any]


def participant_history(ctx: ServiceContext, participant_id: str, limit: int = 500,
                        offset: int = 0) -> list[HistoryEntry]:
    with ctx.store.session() as session:
        stmt = (select(AuditEvent, Caseworker.name)
                .outerjoin(Caseworker, Caseworker.id == AuditEvent.actor_id)
                .where(AuditEvent.participant_id.in_(file_ids(session, participant_id)))
                .order_by(AuditEvent.at.desc(), AuditEvent.device_seq.desc())
                .offset(offset).limit(limit))
        return [HistoryEntry(ev.at, ev.action, ev.entity, ev.record_id, name, ev.device_id,
                             dict(ev.details or {}))
                for ev, name in session.execute(stmt)]
