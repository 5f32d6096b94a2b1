"""search and matcher keys: names with letters Unicode does not decompose (Turkish ı,
Vietnamese đ, ø, ł, æ...) are folded to their base letters, and names in other scripts
(Cyrillic, Arabic, Greek, Ge'ez...) are also read in Latin letters; derived columns are
rebuilt for the files this changes

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

from app.store.migrations.name_rebuild import rebuild_names

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Only the files whose search text comes out different are rewritten: the text holds
    every name and alias folded, so it changes exactly when one of their keys does."""
    rebuild_names(op.get_bind(), lambda names: False)


def downgrade() -> None:
    """Nothing to undo: the folded text and keys are as good for the code before."""
