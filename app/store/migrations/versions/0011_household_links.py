"""household: an index on a member's link to their own file, so a file lists the
households it is named in (a mother's file names her son's; the son's shows it)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_household_member_linked_participant_id", "household_member",
                    ["linked_participant_id"])


def downgrade() -> None:
    op.drop_index("ix_household_member_linked_participant_id", "household_member")
