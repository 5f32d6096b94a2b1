"""Comparing what devices and the server hold."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from app.models import ENTITIES
from app.models.wire import to_wire
from app.services.context import ServiceContext
from app.services.participant_merge import merge_participants, plan_merge
from app.services.referrals import list_referrals
from server.db import Record


def device_state(ctx: ServiceContext) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    with ctx.store.session() as session:
        for name, cls in ENTITIES.items():
            for row in session.scalars(select(cls)):
                out[(name, row.id)] = to_wire(row)
    return out


def server_state(db_url: str, office_id: str) -> dict[tuple[str, str], dict[str, Any]]:
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            return {(r.entity, r.record_id): dict(r.values) for r in session.scalars(
                select(Record).where(Record.office_id == office_id))}
    finally:
        engine.dispose()


def server_versions(db_url: str) -> dict[tuple[str, str], int]:
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            return {(r.entity, r.record_id): r.version for r in session.scalars(select(Record))}
    finally:
        engine.dispose()


def merge_keeping_kept(ctx: ServiceContext, kept: str, absorbed: str) -> None:
    """Merges `absorbed` into `kept`, keeping the kept file's value wherever they differ."""
    choices = {d.field: "kept" for d in plan_merge(ctx, kept, absorbed).differences}
    merge_participants(ctx, kept, absorbed, choices)


def providers(ctx: ServiceContext, pid: str) -> set[str]:
    """The providers of a file's referrals."""
    return {r.provider for r in list_referrals(ctx, pid)}
