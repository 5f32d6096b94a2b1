"""Declarative base, naming convention and the column types every entity shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar, cast

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


def default_value(column: Column[Any]) -> Any:
    """What a column's Python-side default gives now (a fresh value from a callable one);
    None without one. Core inserts and the outbox need it before any flush applies it."""
    default = column.default
    arg: Any = getattr(default, "arg", None)  # scalar and callable defaults have one
    if default is None:
        return None
    if default.is_callable:
        return arg(None)
    return arg if default.is_scalar else None


def table_of(cls: type[Any]) -> Table:
    """A mapped class's table, typed as one (SQLAlchemy types `__table__` as any FROM),
    for the Core statements of the write paths that skip the ORM's per-row cost."""
    return cast(Table, cls.__table__)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC as naive ISO text in SQLite and always returns aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use aware UTC datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncedEntity(Base):
    """A record that travels to the central endpoint.

    References between records (participant_id, agreement_id...) are plain id columns, not
    SQL foreign keys: pulled pages arrive in the server's change order, where a child may
    come a page before the latest change of its parent. The services check references.

    `version` is the server's version of the record this device last saw (0: never synced);
    `deleted` is the tombstone. Subclasses name their wire entity in `__entity__`, and
    `__append_only__` marks entities whose rows never change once written.
    """

    __abstract__ = True
    __entity__: ClassVar[str]
    __append_only__: ClassVar[bool] = False
    # Columns that never go over the wire (derived or device-local).
    __local_fields__: ClassVar[frozenset[str]] = frozenset()

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    office_id: Mapped[str] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


# Never sent: the server assigns versions and keeps its own change times.
LOCAL_COLUMNS = frozenset({"version", "updated_at"})
