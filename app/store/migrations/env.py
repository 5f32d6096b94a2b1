"""Alembic environment: always given an open connection by app.store.migrate."""

from __future__ import annotations

from alembic import context

from app.models import Base
from app.store.fts import is_fts_object

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through app.store.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=lambda name, type_, parent: not is_fts_object(name),
)
with context.begin_transaction():
    context.run_migrations()
