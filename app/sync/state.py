"""The device's sync settings and progress markers, kept in the store's sync_state table.
The bearer token is a secret and lives with the other device secrets, never here."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import SyncState
from app.store.store import Store

CURSOR = "cursor"
SERVER_URL = "server_url"
CA_BUNDLE = "ca_bundle"
DEVICE_ID = "server_device_id"
LAST_SYNC = "last_sync_at"  # same key the offline lock reads
LAST_ERROR = "last_error"
TOKEN_SECRET = "sync_token"


def get(session: Session, key: str) -> str | None:
    return session.scalar(select(SyncState.value).where(SyncState.key == key))


def put(session: Session, key: str, value: str | None) -> None:
    row = session.get(SyncState, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def read(store: Store, key: str) -> str | None:
    with store.session() as session:
        return get(session, key)


def write(store: Store, key: str, value: str | None) -> None:
    with store.transaction() as session:
        put(session, key, value)
