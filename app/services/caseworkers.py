"""The office's caseworkers and the risk and vulnerability flags in use, for the list's
filters."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text

from app.models import Caseworker
from app.services.context import ServiceContext

FLAG_COLUMNS = ("risk_flags", "vulnerability_flags")


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


def flags_in_use(ctx: ServiceContext, column: str, limit: int = 50) -> list[str]:
    """The flags of kind `column` ("risk_flags" or "vulnerability_flags") some file has."""
    if column not in FLAG_COLUMNS:
        raise ValueError(f"no flags in {column}")
    with ctx.store.session() as session:
        return list(session.scalars(text(
            f"SELECT DISTINCT value FROM participant, json_each(participant.{column}) "
            "WHERE participant.deleted = 0 ORDER BY value LIMIT :n"), {"n": limit}))
