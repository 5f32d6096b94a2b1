"""data integrity: imported rows, duplicate reviews, merges that can still be undone

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_row",
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("file_sha256", "row_number", name=op.f("pk_imported_row")),
    )
    op.create_table(
        "duplicate_review",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("candidate_id", sa.String(length=36), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decision", sa.String(length=15), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_review")),
    )
    with op.batch_alter_table("duplicate_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duplicate_review_participant_id"),
                              ["participant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_duplicate_review_candidate_id"),
                              ["candidate_id"], unique=False)
    op.create_table(
        "pending_merge",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kept_id", sa.String(length=36), nullable=False),
        sa.Column("absorbed_id", sa.String(length=36), nullable=False),
        sa.Column("op_ids", sa.JSON(), nullable=False),
        sa.Column("undo", sa.JSON(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_merge")),
    )
    with op.batch_alter_table("pending_merge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pending_merge_kept_id"), ["kept_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pending_merge_absorbed_id"), ["absorbed_id"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("pending_merge")
    op.drop_table("duplicate_review")
    op.drop_table("imported_row")
