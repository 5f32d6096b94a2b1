"""The local store: an SQLCipher database plus its key envelope, created, unlocked, locked."""

from __future__ import annotations

import logging
import secrets
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from app.config import StorePaths
from app.errors import (
    StoreCorrupt,
    StoreExists,
    StoreLocked,
    StoreMissing,
    UnsupportedCipher,
    WrongPassphrase,
)
from app.models import StoreMeta
from app.store import migrate
from app.store.engine import create_empty_database, make_engine, run_outside_transaction
from app.store.envelope import (
    DEFAULT_KDF,
    KEY_BYTES,
    KdfParams,
    read_envelope,
    unwrap_key,
    wrap_key,
    write_envelope,
)

log = logging.getLogger(__name__)
BACKUPS_KEPT = 3


class Store:
    def __init__(self, data_dir: Path) -> None:
        self.paths = StorePaths(Path(data_dir))
        self._engine: Engine | None = None
        self._read: sessionmaker[Session] | None = None
        self._write: sessionmaker[Session] | None = None
        self.store_id: str | None = None

    # -- lifecycle -----------------------------------------------------------------------
    @classmethod
    def create(cls, data_dir: Path, passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> Store:
        """Make a new empty store (schema at head) and leave it unlocked."""
        store = cls(data_dir)
        if store.paths.exists():
            raise StoreExists(f"a store already exists in {store.paths.data_dir}")
        _check_passphrase(passphrase)
        store.paths.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = secrets.token_bytes(KEY_BYTES)
        store_id = str(uuid.uuid4())
        try:
            create_empty_database(store.paths.db, key)
            # Owner-only, like the envelope; SQLite gives the WAL and -shm files the same mode.
            store.paths.db.chmod(0o600)
            write_envelope(store.paths.envelope, wrap_key(key, passphrase, store_id, kdf))
            # Making the schema takes a while: stopped (Ctrl+C) or failed half-way, the files
            # would be a store that exists but cannot be used, and `init` would refuse to
            # make another.
            store._open(key, store_id)
            with store.write_session() as session, session.begin():
                session.add(StoreMeta(key="store_id", value=store_id))
                session.add(StoreMeta(key="created_at", value=datetime.now(UTC).isoformat()))
        except BaseException:
            store.remove_new()
            raise
        return store

    def remove_new(self) -> None:
        """Undo a store's creation that did not finish: lock it and remove its files (none
        holds anyone's data yet)."""
        self.lock()
        db = self.paths.db
        for path in (db, self.paths.envelope, db.with_name(db.name + "-wal"),
                     db.with_name(db.name + "-shm")):
            path.unlink(missing_ok=True)

    def unlock(self, passphrase: str) -> None:
        if not self.paths.db.exists() or not self.paths.envelope.exists():
            raise StoreMissing(f"no store in {self.paths.data_dir}; create one first")
        envelope = read_envelope(self.paths.envelope)
        key = unwrap_key(envelope, passphrase)
        self._open(key, str(envelope["store_id"]))

    def _open(self, key: bytes, store_id: str) -> None:
        engine = make_engine(self.paths.db, key)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchall()
                conn.rollback()
            if migrate.needs_upgrade(engine):
                self._backup_before_upgrade(engine)
                migrate.upgrade(engine)
        except WrongPassphrase as exc:
            # The envelope opened, so the key is right: the database file itself is bad.
            engine.dispose()
            raise StoreCorrupt("the store file is damaged or is not a CCMS store") from exc
        except UnsupportedCipher:
            engine.dispose()
            raise
        except SADatabaseError as exc:
            engine.dispose()
            raise StoreCorrupt("the store file is damaged") from exc
        except BaseException:
            engine.dispose()
            raise
        self._engine = engine
        self.store_id = store_id
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(sqlite_begin="IMMEDIATE"),
                                   expire_on_commit=False)

    def _backup_before_upgrade(self, engine: Engine) -> None:
        with engine.connect() as conn:
            current = migrate.current_revision(conn)
            conn.rollback()
        if current is None:
            return  # a brand-new store: nothing to protect yet
        run_outside_transaction(engine, "PRAGMA wal_checkpoint(TRUNCATE)")
        self.paths.backups.mkdir(exist_ok=True, mode=0o700)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        # The database file is ciphertext, so a plain copy is an encrypted backup.
        shutil.copy2(self.paths.db, self.paths.backups / f"store-{current}-{stamp}.db")
        backups = sorted(self.paths.backups.glob("store-*.db"))
        for old in backups[:-BACKUPS_KEPT]:
            old.unlink()

    def lock(self) -> None:
        """Close every connection; the key lives only in the engine's creator, now gone."""
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._read = self._write = None

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None

    def change_passphrase(self, old: str, new: str, kdf: KdfParams = DEFAULT_KDF) -> None:
        """Re-wrap the same database key under the new passphrase; the data is untouched."""
        _check_passphrase(new)
        envelope = read_envelope(self.paths.envelope)
        key = unwrap_key(envelope, old)
        write_envelope(self.paths.envelope,
                       wrap_key(key, new, str(envelope["store_id"]), kdf))

    # -- sessions ------------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreLocked("the store is locked")
        return self._engine

    def session(self) -> Session:
        """A session for reading (deferred transactions)."""
        if self._read is None:
            raise StoreLocked("the store is locked")
        return self._read()

    def write_session(self) -> Session:
        """A session whose transactions take the write lock at BEGIN."""
        if self._write is None:
            raise StoreLocked("the store is locked")
        return self._write()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.write_session() as session, session.begin():
            yield session

    def get_meta(self, key: str) -> str | None:
        with self.session() as session:
            return session.scalar(select(StoreMeta.value).where(StoreMeta.key == key))

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as session:
            session.merge(StoreMeta(key=key, value=value))


def _check_passphrase(passphrase: str) -> None:
    from app.errors import ValidationError

    # Strength is judged by the callers (the wizard shows it); the store only refuses none.
    if not passphrase:
        raise ValidationError("passphrase", "must not be empty")


def wipe(paths: StorePaths) -> None:
    """Destroy the local store (revoked device): the envelope first, which alone makes the
    database unreadable, then the database, its WAL and backups."""
    for path in (paths.envelope, paths.db, paths.db.with_name(paths.db.name + "-wal"),
                 paths.db.with_name(paths.db.name + "-shm")):
        if path.exists():
            _overwrite_and_unlink(path)
    if paths.backups.exists():
        shutil.rmtree(paths.backups, ignore_errors=True)


def _overwrite_and_unlink(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("r+b") as fh:
            fh.write(secrets.token_bytes(min(size, 1 << 20)))
            fh.flush()
    except OSError:
        pass
    path.unlink(missing_ok=True)
