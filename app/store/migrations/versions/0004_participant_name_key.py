"""duplicate matcher: device-local blocking keys of names and birth years

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.name_key import CREATE_TRIGGER_SQL, DROP_TRIGGER_SQL
from app.services.name_keys import key_rows

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 5_000


def upgrade() -> None:
    table = op.create_table(
        "participant_name_key",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("key", "participant_id", name=op.f("pk_participant_name_key")),
    )
    with op.batch_alter_table("participant_name_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participant_name_key_participant_id"),
                              ["participant_id"], unique=False)
    op.execute(CREATE_TRIGGER_SQL)
    _backfill(table)


def _backfill(table: sa.Table) -> None:
    """Keys for every participant already in the store (names, live aliases, birth year)."""
    conn = op.get_bind()
    aliases: dict[str, list[tuple[str | None, str | None]]] = {}
    for pid, family, given in conn.execute(sa.text(
            "SELECT participant_id, family_name, given_names FROM alias WHERE deleted = 0")).all():
        aliases.setdefault(pid, []).append((family, given))
    rows: list[dict[str, str]] = []
    for pid, family, given, dob in conn.execute(sa.text(
            "SELECT id, family_name, given_names, date_of_birth FROM participant")).all():
        rows.extend(key_rows(pid, [(family, given), *aliases.get(pid, [])], dob))
        if len(rows) >= _BATCH:
            conn.execute(sa.insert(table), rows)
            rows.clear()
    if rows:
        conn.execute(sa.insert(table), rows)


def downgrade() -> None:
    op.execute(DROP_TRIGGER_SQL)
    op.drop_table("participant_name_key")
