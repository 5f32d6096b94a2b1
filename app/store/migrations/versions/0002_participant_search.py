"""participant search: FTS5 trigram index over the derived search text

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

from app.store.fts import CREATE_STATEMENTS, DROP_STATEMENTS, REBUILD_SQL

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in CREATE_STATEMENTS:
        op.execute(statement)
    op.execute(REBUILD_SQL)


def downgrade() -> None:
    for statement in DROP_STATEMENTS:
        op.execute(statement)
