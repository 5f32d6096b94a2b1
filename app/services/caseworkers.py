"""The office's caseworkers and the risk flags in use, for the list's filters."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text

from app.models import Caseworker
from app.services.context import ServiceContext


@dataclass(frozen=True)
class CaseworkerView:
    id: str
    name: str
    role: str


def list_caseworkers(ctx: ServiceContext) -> list[CaseworkerView]:
    with ctx.store.session() as session:
        rows = session.scalars(select(Caseworker).where(
            Caseworker.office_id == ctx.office_id, Caseworker.deleted.is_(False))
            .order_by(Caseworker.name)).all()
        return [CaseworkerView(c.id, c.name, c.role) for c in rows]


def risk_flags_in_use(ctx: ServiceContext, limit: int = 50) -> list[str]:
    with ctx.store.session() as session:
        return list(session.scalars(text(
            "SELECT DISTINCT value FROM participant, json_each(participant.risk_flags) "
            "WHERE participant.deleted = 0 ORDER BY value LIMIT :n"), {"n": limit}))
