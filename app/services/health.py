"""`ccms doctor`: is the store whole? Cipher and SQLite integrity, schema at head, every
device's audit chain unbroken, and the counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.models import ENTITIES, AuditEvent, Conflict, OutboxEntry
from app.services.audit import verify_chain
from app.services.context import ServiceContext
from app.store import migrate
from app.store.engine import check_integrity


@dataclass(frozen=True)
class HealthReport:
    problems: list[str]
    revision: str | None
    head: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(ctx: ServiceContext) -> HealthReport:
    problems = check_integrity(ctx.store.engine)
    with ctx.store.engine.connect() as conn:
        revision = migrate.current_revision(conn)
        conn.rollback()
    head = migrate.head_revision()
    if revision != head:
        problems.append(f"schema: at revision {revision}, expected {head}")
    counts: dict[str, int] = {}
    with ctx.store.session() as session:
        for device in session.scalars(select(AuditEvent.device_id).distinct()):
            problems.extend(f"audit: {p}" for p in verify_chain(session, device))
        for name, cls in ENTITIES.items():
            counts[name] = session.scalar(select(func.count()).select_from(cls).where(
                cls.deleted.is_(False))) or 0
        counts["outbox (pending)"] = session.scalar(
            select(func.count()).select_from(OutboxEntry)) or 0
        counts["conflicts (open)"] = session.scalar(select(func.count()).select_from(
            Conflict).where(Conflict.resolved_at.is_(None))) or 0
    return HealthReport(problems, revision, head, counts)
