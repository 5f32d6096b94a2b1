"""search: a file's search text also holds the client IDs, phones and references of the
files merged into it (a value not chosen at the merge stays only on the tombstone, which
search leaves out); derived columns are rebuilt for the files that absorbed others

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

from app.store.migrations.name_rebuild import rebuild_names

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Only the files whose search text comes out different are rewritten: those that
    absorbed a file with numbers of its own."""
    rebuild_names(op.get_bind(), lambda names: False)


def downgrade() -> None:
    """Nothing to undo: the added numbers are harmless to the code before."""
