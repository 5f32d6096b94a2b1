"""The reference server's own tables (SQLite by default, PostgreSQL through a URL)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Engine,
    Index,
    Integer,
    String,
    create_engine,
    event,
    select,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from app.sync.wire import APPEND_ONLY, ENTITY_FIELDS

# Records that belong to one participant's file and move with it when it is merged. The
# append-only ones (check-ins, slots, reports) keep the id they were written with: a file's
# merged ids resolve them.
ATTACHED = tuple(sorted(e for e, fields in ENTITY_FIELDS.items()
                        if "participant_id" in fields and e not in APPEND_ONLY))
# Constants of our own, written into the SQL: a partial index is used only by a query whose
# WHERE repeats its condition literally (a bound list would not prove it).
_ATTACHED_SQL = "entity IN (" + ", ".join(f"'{e}'" for e in ATTACHED) + ")"


class Base(DeclarativeBase):
    pass


def utcnow() -> datetime:
    return datetime.now(UTC)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Device(Base):
    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_id: Mapped[str] = mapped_column(String(36))
    office_name: Mapped[str] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True),
                                                          default=None)


class EnrolmentCode(Base):
    __tablename__ = "enrolment_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class Record(Base):
    """The server's current state of every record, with the change sequence at which it
    last changed (pulls follow that sequence)."""

    __tablename__ = "record"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    seq: Mapped[int] = mapped_column(BigInteger)
    # The device whose push made the last change: it already has that state, so its own
    # pulls skip the record (it learnt the version from the push's answer).
    last_device_id: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (Index("ix_record_office_seq", "office_id", "seq", unique=True),)


class SweptRecord(Base):
    """A record a merge moved that the merging device had not moved itself (another
    device's, on the absorbed file): if the merge is undone, it goes back with the file."""

    __tablename__ = "swept_record"
    absorbed_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kept_id: Mapped[str] = mapped_column(String(36))


class ChangeCounter(Base):
    """One row: the last change sequence handed out. Writers lock it, so sequences are
    handed out in commit order (a pull never skips a change that commits late)."""

    __tablename__ = "change_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AppliedOp(Base):
    """An operation's first answer, written with its change: a replay returns it."""

    __tablename__ = "applied_op"
    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    applied_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)




def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite(dbapi_conn: Any, _: Any) -> None:
            dbapi_conn.isolation_level = None
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
            dbapi_conn.execute("PRAGMA synchronous=FULL")
            dbapi_conn.execute("PRAGMA busy_timeout=30000")

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # Every transaction takes the write lock at once: writers are serialized.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def _participant_of_sql(dialect: str) -> str:
    if dialect == "postgresql":
        return """("values" ->> 'participant_id')"""
    return """json_extract("values", '$.participant_id')"""


def _attached_index_sql(dialect: str) -> str:
    """The records of a file, by office and participant: what a merge moves is found in
    the index, not by reading the office's records (90 ms for a regional office, and
    growing with it). Partial: check-ins, the bulk of records, are not in it."""
    return (f"CREATE INDEX IF NOT EXISTS ix_record_attached ON record "
            f"(office_id, {_participant_of_sql(dialect)}) WHERE {_ATTACHED_SQL}")


def records_attached_to(session: Session, office_id: str, participant_id: str) -> list[Record]:
    """The records of ATTACHED entities that name `participant_id` as their file (deleted
    ones too), through `ix_record_attached`."""
    dialect = session.get_bind().dialect.name
    return list(session.scalars(select(Record).where(
        Record.office_id == office_id, text(_ATTACHED_SQL),
        text(f"{_participant_of_sql(dialect)} = :attached_pid")).params(
            attached_pid=participant_id)))


def init_db(engine: Engine) -> sessionmaker[Session]:
    Base.metadata.create_all(engine)
    with engine.begin() as conn:  # also added to a database made before it existed
        conn.exec_driver_sql(_attached_index_sql(engine.dialect.name))
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory.begin() as session:
        if session.get(ChangeCounter, 1) is None:
            session.add(ChangeCounter(id=1, value=0))
    return factory


def lock_change_log(session: Session) -> ChangeCounter:
    """Serialize writers of the change log for the rest of the transaction."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7426001)"))
    counter = session.get(ChangeCounter, 1, with_for_update=True)
    assert counter is not None
    return counter
