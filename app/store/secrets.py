"""Device secrets (the sync token and the like) behind one small interface.

Where the OS has a keyring, secrets live there, keyed by the store's id. Where it has none
(headless Linux), they live inside the encrypted store, never in a plain file, and the user
is told once."""

from __future__ import annotations

import contextlib
import logging
from typing import Protocol

import keyring
import keyring.backend
import keyring.errors
from sqlalchemy import delete, select

from app.models import DeviceSecret, StoreMeta
from app.store.store import Store

log = logging.getLogger(__name__)
SERVICE = "ccms-desktop"
NOTICE_KEY = "keyring_notice_shown"
NO_KEYRING_NOTICE = ("This computer has no system keyring: CCMS Desktop keeps its device "
                     "secrets inside the encrypted store instead.")


class SecretStore(Protocol):
    kind: str

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class KeyringSecrets:
    kind = "keyring"

    def __init__(self, store_id: str) -> None:
        self._prefix = f"{store_id}:"

    def get(self, name: str) -> str | None:
        return keyring.get_password(SERVICE, self._prefix + name)

    def set(self, name: str, value: str) -> None:
        keyring.set_password(SERVICE, self._prefix + name, value)

    def delete(self, name: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(SERVICE, self._prefix + name)


class InStoreSecrets:
    kind = "store"

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, name: str) -> str | None:
        with self._store.session() as session:
            value = session.scalar(select(DeviceSecret.value).where(DeviceSecret.name == name))
        return value.decode("utf-8") if value is not None else None

    def set(self, name: str, value: str) -> None:
        with self._store.transaction() as session:
            session.merge(DeviceSecret(name=name, value=value.encode("utf-8")))

    def delete(self, name: str) -> None:
        with self._store.transaction() as session:
            session.execute(delete(DeviceSecret).where(DeviceSecret.name == name))


def keyring_available() -> bool:
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    name = type(backend).__module__ + "." + type(backend).__name__
    return priority > 0 and not name.startswith(("keyring.backends.fail",
                                                 "keyring.backends.null"))


def secret_store(store: Store, prefer_keyring: bool | None = None) -> SecretStore:
    """The keyring when there is a usable one, else the encrypted store (noticed once)."""
    use_keyring = keyring_available() if prefer_keyring is None else prefer_keyring
    if use_keyring:
        return KeyringSecrets(store.store_id or "unknown")
    if store.get_meta(NOTICE_KEY) is None:
        log.warning(NO_KEYRING_NOTICE)
        store.set_meta(NOTICE_KEY, "1")
    return InStoreSecrets(store)


def pending_notice(store: Store) -> str | None:
    """The no-keyring notice if it has not yet been shown to the user (the UI asks this)."""
    if keyring_available() or store.get_meta(NOTICE_KEY) == "shown-in-ui":
        return None
    return NO_KEYRING_NOTICE


def mark_notice_shown(store: Store) -> None:
    with store.transaction() as session:
        session.merge(StoreMeta(key=NOTICE_KEY, value="shown-in-ui"))
