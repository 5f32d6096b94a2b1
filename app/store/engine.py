"""The SQLCipher engine: sqlcipher3 under SQLAlchemy with our pragmas on every connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.config import BUSY_TIMEOUT_MS, CACHE_SIZE_KIB
from app.errors import StoreCorrupt, UnsupportedCipher, WrongPassphrase

dbapi = sqlcipher3.dbapi2


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _open_connection(path: Path, key: bytes) -> Any:
    conn = dbapi.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    # We issue BEGIN ourselves (see _begin) so SQLite's locking is explicit.
    conn.isolation_level = None
    cur = conn.cursor()
    try:
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(_key_pragma(key))
        try:
            cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except dbapi.DatabaseError as exc:
            raise WrongPassphrase("the store cannot be opened with this key: wrong "
                                  "passphrase, or the file is damaged") from exc
        version = cur.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4."):
            raise UnsupportedCipher("SQLCipher 4 is required; found "
                                    f"{version[0] if version else 'none'}")
        for pragma in (
            "PRAGMA cipher_memory_security = OFF",
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA temp_store = MEMORY",
            "PRAGMA secure_delete = ON",
            "PRAGMA foreign_keys = ON",
            f"PRAGMA cache_size = -{CACHE_SIZE_KIB}",
            f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
        ):
            cur.execute(pragma).fetchall()
    except (WrongPassphrase, UnsupportedCipher):
        conn.close()
        raise
    except dbapi.DatabaseError as exc:
        conn.close()
        raise StoreCorrupt("the store file is damaged") from exc
    finally:
        cur.close()
    return conn


def make_engine(path: Path, key: bytes) -> Engine:
    key = bytes(key)

    def creator() -> Any:
        return _open_connection(path, key)

    engine = create_engine(
        "sqlite+pysqlite://",
        module=dbapi,
        creator=creator,
        poolclass=QueuePool,
        # Each connection keeps its own decrypted page cache (CACHE_SIZE_KIB): few of them.
        # The window's workers (QThreadPool, one per core) and the sync runner need no more.
        pool_size=2,
        max_overflow=2,
        pool_timeout=60,
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front (no deadlock on lock upgrade); readers do not.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def create_empty_database(path: Path, key: bytes) -> None:
    conn = _open_connection(path, key)
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS _ccms_probe (x INTEGER)")
        conn.execute("DROP TABLE _ccms_probe")
    finally:
        conn.close()


def check_integrity(engine: Engine) -> list[str]:
    """Cipher (HMAC of every page) and SQLite integrity; empty list means healthy."""
    problems: list[str] = []
    with engine.connect() as conn:
        for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall():
            problems.append(f"cipher: {row[0]}")
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            problems.extend(f"database: {r[0]}" for r in rows)
        conn.rollback()
    return problems


def run_outside_transaction(engine: Engine, *statements: str) -> list[list[Any]]:
    """Statements SQLite refuses inside a transaction (wal_checkpoint, VACUUM, optimize)."""
    raw = engine.raw_connection()
    try:
        results = []
        for statement in statements:
            driver: Any = raw.driver_connection  # sqlcipher3's own connection
            cur = driver.execute(statement)
            results.append(cur.fetchall())
            cur.close()
        return results
    finally:
        raw.close()
