"""Shared fixtures: a fresh encrypted store per test, a fixed clock, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring

# Settle the real keyring backend now: keyring discovers every KeyringBackend subclass, so a
# fake one defined by a test module must not be picked as "the system keyring".
keyring.get_keyring()

from app.services.context import ServiceContext
from app.services.setup import initialise_store
from app.store.envelope import KdfParams
from app.store.store import Store

# Tests use the cheapest Argon2id the store accepts; the product default is RFC 9106's.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSPHRASE = "correct horse battery staple"


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def ctx(store_dir: Path, clock: FixedClock) -> Iterator[ServiceContext]:
    store, context = initialise_store(store_dir, PASSPHRASE, "Vancouver", "Test Worker",
                                      kdf=FAST_KDF)
    context.clock = clock
    yield context
    store.lock()


@pytest.fixture
def store(ctx: ServiceContext) -> Store:
    return ctx.store
