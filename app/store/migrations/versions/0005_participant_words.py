"""participant search: a word index for terms of one or two characters

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

from app.store.fts import WORDS_CREATE_STATEMENTS, WORDS_DROP_STATEMENTS, WORDS_REBUILD_SQL

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in WORDS_CREATE_STATEMENTS:
        op.execute(statement)
    op.execute(WORDS_REBUILD_SQL)


def downgrade() -> None:
    for statement in WORDS_DROP_STATEMENTS:
        op.execute(statement)
