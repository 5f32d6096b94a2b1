"""Turning entity field values into JSON-safe wire values and back."""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, inspect

from app.models.base import LOCAL_COLUMNS, SyncedEntity, UTCDateTime


def wire_fields(cls: type[SyncedEntity]) -> list[str]:
    """The columns that travel, in table order (id first)."""
    skip = LOCAL_COLUMNS | cls.__local_fields__
    return [c.key for c in inspect(cls).column_attrs if c.key not in skip]


def _to_datetime(value: Any) -> datetime:
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(UTC)


def _to_date(value: Any) -> date:
    return date.fromisoformat(str(value))


def _to_bytes(value: Any) -> bytes:
    return base64.b64decode(str(value).encode("ascii"), validate=True)


@functools.cache
def _decoder(cls: type[SyncedEntity], field: str) -> Callable[[Any], Any] | None:
    """Chosen once per column: pulls decode hundreds of thousands of values."""
    col_type = inspect(cls).columns[field].type
    if isinstance(col_type, UTCDateTime | DateTime):
        return _to_datetime
    if isinstance(col_type, Date):
        return _to_date
    if isinstance(col_type, LargeBinary):
        return _to_bytes
    return None


def encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def decode(cls: type[SyncedEntity], field: str, value: Any) -> Any:
    if value is None:
        return None
    convert = _decoder(cls, field)
    return convert(value) if convert is not None else value


def to_wire(obj: SyncedEntity) -> dict[str, Any]:
    return {f: encode(getattr(obj, f)) for f in wire_fields(type(obj))}
