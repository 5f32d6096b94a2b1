"""imports: where each file was, and a hash of each imported row's values, so an edited copy
of a file imports only the rows that changed

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_file",
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("place_sha256", sa.String(length=64), nullable=False),
        sa.Column("first_imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("file_sha256", "place_sha256", name=op.f("pk_import_file")),
    )
    with op.batch_alter_table("import_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_file_place_sha256"), ["place_sha256"],
                              unique=False)
    with op.batch_alter_table("imported_row", schema=None) as batch_op:
        batch_op.add_column(sa.Column("row_sha256", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_imported_row_row_sha256"), ["row_sha256"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("imported_row", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_imported_row_row_sha256"))
        batch_op.drop_column("row_sha256")
    op.drop_table("import_file")
