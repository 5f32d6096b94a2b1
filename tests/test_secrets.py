"""Device secrets: in the keyring when there is one, else inside the encrypted store."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from app.store import secrets
from app.store.store import Store


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_without_keyring_secrets_live_in_the_encrypted_store(store: Store,
                                                             store_dir: Path) -> None:
    box = secrets.secret_store(store, prefer_keyring=False)
    assert box.kind == "store"
    box.set("sync_token", "tok-abc123-secret")
    assert box.get("sync_token") == "tok-abc123-secret"
    assert store.get_meta(secrets.NOTICE_KEY) == "1"
    store.lock()
    for path in store_dir.rglob("*"):
        if path.is_file():
            assert b"tok-abc123-secret" not in path.read_bytes()
    store.unlock("correct horse battery staple")
    box = secrets.secret_store(store, prefer_keyring=False)
    assert box.get("sync_token") == "tok-abc123-secret"
    box.delete("sync_token")
    assert box.get("sync_token") is None


def test_with_keyring_secrets_go_to_it(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ring = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    monkeypatch.setattr(keyring, "get_password", ring.get_password)
    monkeypatch.setattr(keyring, "set_password", ring.set_password)
    monkeypatch.setattr(keyring, "delete_password", ring.delete_password)
    assert secrets.keyring_available()
    box = secrets.secret_store(store)
    assert box.kind == "keyring"
    box.set("sync_token", "t0k")
    assert ring.items[(secrets.SERVICE, f"{store.store_id}:sync_token")] == "t0k"
    assert box.get("sync_token") == "t0k"
    assert secrets.pending_notice(store) is None


def test_headless_machine_has_no_keyring_and_notice_is_pending(store: Store) -> None:
    if secrets.keyring_available():
        pytest.skip("this machine has a system keyring")
    assert secrets.pending_notice(store) == secrets.NO_KEYRING_NOTICE
    secrets.mark_notice_shown(store)
    assert secrets.pending_notice(store) is None
