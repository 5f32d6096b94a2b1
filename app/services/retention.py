"""Retention: a closed file that has synced is kept on the device only for the office's
retention period, then purged from this device alone. The purge never reaches the outbox as
a delete (the central endpoint keeps the record); only its audit event travels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from app.models import ENTITIES, AuditEvent, Office, OutboxEntry, Participant, SyncedEntity
from app.models.enums import ParticipantStatus
from app.services.context import ServiceContext
from app.services.lookup import file_ids
from app.services.recorder import REMOTE_APPLY, recording

# Everything that belongs to one file (the audit trail stays: it holds no personal data).
FILE_PARTS: tuple[type[SyncedEntity], ...] = tuple(
    cls for cls in ENTITIES.values()
    if "participant_id" in cls.__table__.c and cls is not AuditEvent)


@dataclass(frozen=True)
class PurgeSummary:
    purged: int
    kept_unsynced: int
    retention_days: int


def _has_pending_changes(session: Session, participant_id: str) -> bool:
    if session.scalar(select(exists().where(OutboxEntry.record_id == participant_id))):
        return True
    for cls in FILE_PARTS:
        ids = select(cls.id).where(cls.participant_id == participant_id)  # type: ignore[attr-defined]
        if session.scalar(select(exists().where(OutboxEntry.record_id.in_(ids)))):
            return True
    return False


def purge_expired_files(ctx: ServiceContext) -> PurgeSummary:
    with recording(ctx) as rec:
        session = rec.session
        office = session.get(Office, ctx.office_id)
        days = office.retention_days if office is not None else 365
        cutoff = ctx.now().date() - timedelta(days=days)
        # A merged file is no candidate of its own, whatever status its tombstone kept: it
        # belongs to the file it went into, and goes only with that one (its check-ins
        # keep its id and are that file's history).
        candidates = session.scalars(select(Participant.id).where(
            Participant.status == ParticipantStatus.CLOSED.value,
            Participant.merged_into_id.is_(None),
            Participant.closed_on.is_not(None), Participant.closed_on <= cutoff)).all()
        purged = kept = 0
        session.info[REMOTE_APPLY] = True  # a local purge: no outbox deletes
        try:
            for pid in candidates:
                row = session.get(Participant, pid)
                # Files merged into this one go with it (their check-ins keep their ids).
                ids = file_ids(session, pid)
                if row is None or row.version == 0 or any(
                        _has_pending_changes(session, i) for i in ids):
                    kept += 1  # never synced, or changes still waiting: keep it
                    continue
                for cls in FILE_PARTS:
                    session.execute(delete(cls).where(
                        cls.participant_id.in_(ids)))  # type: ignore[attr-defined]
                session.expunge(row)
                session.execute(delete(Participant).where(Participant.id.in_(ids)))
                purged += 1
        finally:
            session.info.pop(REMOTE_APPLY, None)
        if purged or kept:
            rec.audit("purge", "participant", None, None,
                      {"purged": purged, "kept_unsynced": kept, "retention_days": days})
        return PurgeSummary(purged, kept, days)
