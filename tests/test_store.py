"""The encrypted store: round trip, passphrases, damaged files, migrations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import CACHE_SIZE_KIB
from app.errors import StoreCorrupt, StoreExists, StoreMissing, StoreTooNew, WrongPassphrase
from app.models import Participant
from app.services.context import ServiceContext
from app.services.participants import create_participant
from app.services.setup import initialise_store, open_store
from app.store import migrate
from app.store.envelope import parse_kdf, read_envelope
from app.store.store import Store
from tests.conftest import FAST_KDF, PASSPHRASE


def _count(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count(Participant.id))) or 0


def test_round_trip_after_lock(ctx: ServiceContext, store_dir: Path) -> None:
    pid = create_participant(ctx, {"family_name": "Okafor", "given_names": "Chidi"})
    ctx.store.lock()
    store, ctx2 = open_store(store_dir, PASSPHRASE)
    with store.session() as s:
        p = s.get(Participant, pid)
        assert p is not None
        assert p.family_name == "Okafor"
    assert ctx2.office_id == ctx.office_id and ctx2.device_id == ctx.device_id
    store.lock()


def test_store_files_are_owner_only(ctx: ServiceContext, store_dir: Path) -> None:
    create_participant(ctx, {"family_name": "Mode"})
    for name in ("store.db", "store.db-wal", "store.envelope.json"):
        assert (store_dir / name).stat().st_mode & 0o077 == 0, name


def test_wrong_passphrase_is_refused(ctx: ServiceContext, store_dir: Path) -> None:
    ctx.store.lock()
    with pytest.raises(WrongPassphrase):
        Store(store_dir).unlock("not the passphrase")


def test_passphrase_change_keeps_every_record(ctx: ServiceContext, store_dir: Path) -> None:
    for i in range(5):
        create_participant(ctx, {"family_name": f"Family{i}"})
    ctx.store.lock()
    db_before = (store_dir / "store.db").read_bytes()
    Store(store_dir).change_passphrase(PASSPHRASE, "a new long passphrase", FAST_KDF)
    assert (store_dir / "store.db").read_bytes() == db_before  # re-wrapped, not re-encrypted
    with pytest.raises(WrongPassphrase):
        Store(store_dir).unlock(PASSPHRASE)
    store = Store(store_dir)
    store.unlock("a new long passphrase")
    assert _count(store) == 5
    store.lock()


def test_create_refuses_to_overwrite(ctx: ServiceContext, store_dir: Path) -> None:
    with pytest.raises(StoreExists):
        initialise_store(store_dir, PASSPHRASE, "Vancouver", kdf=FAST_KDF)


def test_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing):
        Store(tmp_path / "nothing").unlock(PASSPHRASE)


def test_truncated_database_is_a_clear_error(ctx: ServiceContext, store_dir: Path) -> None:
    ctx.store.lock()
    db = store_dir / "store.db"
    db.write_bytes(db.read_bytes()[:1000])
    with pytest.raises(StoreCorrupt):
        Store(store_dir).unlock(PASSPHRASE)


def test_bit_flipped_first_page_is_a_clear_error(ctx: ServiceContext, store_dir: Path) -> None:
    ctx.store.lock()
    db = store_dir / "store.db"
    data = bytearray(db.read_bytes())
    data[100] ^= 0x01
    db.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt):
        Store(store_dir).unlock(PASSPHRASE)


def test_foreign_file_is_a_clear_error(ctx: ServiceContext, store_dir: Path) -> None:
    ctx.store.lock()
    (store_dir / "store.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    with pytest.raises(StoreCorrupt):
        Store(store_dir).unlock(PASSPHRASE)


def test_damaged_envelope_is_a_clear_error(ctx: ServiceContext, store_dir: Path) -> None:
    ctx.store.lock()
    (store_dir / "store.envelope.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreCorrupt):
        Store(store_dir).unlock(PASSPHRASE)


def test_envelope_cannot_be_weakened(ctx: ServiceContext, store_dir: Path) -> None:
    ctx.store.lock()
    path = store_dir / "store.envelope.json"
    env = read_envelope(path)
    env["kdf"]["memory_kib"] = 8
    path.write_text(json.dumps(env), encoding="utf-8")
    with pytest.raises(StoreCorrupt):
        parse_kdf(env)
    with pytest.raises(StoreCorrupt):
        Store(store_dir).unlock(PASSPHRASE)


def test_pragmas_on_every_connection(store: Store) -> None:
    with store.engine.connect() as conn:
        def one(p: str) -> object:
            return conn.exec_driver_sql(f"PRAGMA {p}").scalar()
        assert str(one("cipher_version")).startswith("4.")
        assert one("journal_mode") == "wal"
        assert one("synchronous") == 2  # FULL
        assert one("temp_store") == 2  # MEMORY
        assert one("secure_delete") == 1
        assert one("foreign_keys") == 1
        assert one("cache_size") == -CACHE_SIZE_KIB


def test_store_is_at_head_and_models_match_migrations(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.models import Base
    from app.store.fts import is_fts_object

    with store.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        mc = MigrationContext.configure(conn, opts={
            "include_name": lambda name, type_, parent: not is_fts_object(name),
            "compare_type": True})
        assert compare_metadata(mc, Base.metadata) == []


def test_migration_chain_is_one_line() -> None:
    script = migrate.ScriptDirectory.from_config(migrate.alembic_config())
    revisions = list(script.walk_revisions())
    assert len(script.get_heads()) == 1
    assert sum(1 for r in revisions if r.down_revision is None) == 1


def test_store_from_previous_revision_upgrades_without_loss(ctx: ServiceContext,
                                                            store_dir: Path) -> None:
    """Open a store left at each earlier revision: it upgrades, keeps rows, takes a backup."""
    create_participant(ctx, {"family_name": "Haddad", "given_names": "Rami"})
    script = migrate.ScriptDirectory.from_config(migrate.alembic_config())
    head = migrate.head_revision()
    previous = script.get_revision(head).down_revision
    assert previous is not None
    from alembic import command

    cfg = migrate.alembic_config()
    with ctx.store.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, str(previous))
        conn.commit()
    ctx.store.lock()
    store = Store(store_dir)
    store.unlock(PASSPHRASE)
    with store.engine.connect() as conn:
        assert migrate.current_revision(conn) == head
    assert _count(store) == 1
    from app.services.participant_search import ParticipantQuery, search_participants

    upgraded = ServiceContext.open(store)
    assert search_participants(upgraded, ParticipantQuery("hadd")).total == 1
    assert search_participants(upgraded, ParticipantQuery("ra")).total == 1  # word index
    assert len(list((store_dir / "backups").glob("store-*.db"))) == 1
    store.lock()


def _as_written_before(ctx: ServiceContext, store_dir: Path, revision: str,
                       texts: dict[str, str], keys: dict[str, list[str]],
                       ) -> tuple[Store, ServiceContext]:
    """The store taken back to `revision`, with the search text and name keys the code of
    that time wrote for some files, then unlocked again: which upgrades it."""
    from alembic import command
    from sqlalchemy import text

    cfg = migrate.alembic_config()
    with ctx.store.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.execute(text("UPDATE participant SET search_text = :t WHERE id = :id"),
                     [{"t": t, "id": pid} for pid, t in texts.items()])
        for pid, old in keys.items():
            conn.execute(text("DELETE FROM participant_name_key WHERE participant_id = :id"),
                         {"id": pid})
            conn.execute(text("INSERT INTO participant_name_key (key, participant_id) "
                              "VALUES (:key, :id)"), [{"key": k, "id": pid} for k in old])
        conn.commit()
    ctx.store.lock()
    store = Store(store_dir)
    store.unlock(PASSPHRASE)
    return store, ServiceContext.open(store)


def test_upgrade_to_0008_refolds_names_the_earlier_fold_left_as_typed(
        ctx: ServiceContext, store_dir: Path) -> None:
    """A store written before ı, đ, ø... were folded and other scripts read in Latin: its
    search text and matcher keys are rebuilt for those files only, so 'Dang', 'YILDIZ' and
    'Shevchenko' find them after the upgrade."""
    from app.models import ParticipantNameKey
    from app.services.matching import find_duplicates
    from app.services.name_keys import key_rows
    from app.services.participant_search import ParticipantQuery, search_participants

    dang = create_participant(ctx, {"family_name": "Đặng", "given_names": "Văn Minh",
                                    "date_of_birth": "1979-02-03"})
    yildiz = create_participant(ctx, {"family_name": "Yıldız", "given_names": "Hüseyin",
                                      "date_of_birth": "1993-05-14"})
    cyrillic = create_participant(ctx, {"family_name": "Шевченко", "given_names": "Тарас",
                                        "date_of_birth": "1961-03-09"})
    plain = create_participant(ctx, {"family_name": "Tremblay", "given_names": "Marc"})
    with ctx.store.session() as session:
        untouched = session.scalar(select(Participant.search_text).where(
            Participant.id == plain))
    # What the fold before 0008 wrote: the letters kept as typed, keys to match.
    store, upgraded = _as_written_before(
        ctx, store_dir, "0007",
        {dang: "đang | van minh", yildiz: "yıldız | huseyin", cyrillic: "шевченко | тарас"},
        {dang: ["f:đang mn vn"], yildiz: ["t1993:yıldız"], cyrillic: ["f:тарас шевченко"]})
    try:
        assert search_participants(upgraded, ParticipantQuery("dang")).total == 1
        assert search_participants(upgraded, ParticipantQuery("yildiz")).total == 1
        assert search_participants(upgraded, ParticipantQuery("shevchenko")).total == 1
        assert [c.participant_id for c in find_duplicates(upgraded, {
            "family_name": "Shevchenko", "given_names": "Taras",
            "date_of_birth": "1961-03-09"})] == [cyrillic]
        found = find_duplicates(upgraded, {"family_name": "YILDIZ", "given_names": "Huseyin",
                                           "date_of_birth": "1993-05-14"})
        assert [c.participant_id for c in found] == [yildiz]
        with store.session() as session:
            keys = {(k, pid) for k, pid in session.execute(
                select(ParticipantNameKey.key, ParticipantNameKey.participant_id))}
            assert {(r["key"], r["participant_id"]) for r in key_rows(
                dang, [("Đặng", "Văn Minh")], "1979-02-03")} <= keys
            assert not any(not k.isascii() for k, _ in keys)
            assert session.scalar(select(Participant.search_text).where(
                Participant.id == plain)) == untouched
    finally:
        store.lock()


def test_upgrade_to_0009_rebuilds_the_files_whose_names_read_anew(
        ctx: ServiceContext, store_dir: Path) -> None:
    """A store keyed before Chinese and Korean names were read as family and given names,
    a name in Somali orthography kept the keys of its reading, Arabic-script names were
    searchable by consonants and G/ was Gebre: those files are rebuilt, the others left as
    they were."""
    from app.models import ParticipantNameKey
    from app.services.matching import find_duplicates
    from app.services.name_keys import key_rows
    from app.services.participant_search import ParticipantQuery, search_participants

    wang = create_participant(ctx, {"family_name": "王小明", "date_of_birth": "1990-06-01"})
    somali = create_participant(ctx, {"family_name": "Maxamed", "given_names": "Cali Xasan",
                                      "date_of_birth": "1985-02-17"})
    arabic = create_participant(ctx, {"family_name": "أحمد", "given_names": "محمد"})
    short = create_participant(ctx, {"family_name": "G/Medhin", "given_names": "Tesfaye",
                                     "date_of_birth": "1985-02-17"})
    plain = create_participant(ctx, {"family_name": "Tremblay", "given_names": "Marc"})

    def keys_of(session: Session, pid: str) -> list[str]:
        return list(session.scalars(select(ParticipantNameKey.key).where(
            ParticipantNameKey.participant_id == pid).order_by(ParticipantNameKey.key)))

    with ctx.store.session() as session:
        untouched = keys_of(session, plain)
    # What 0008 wrote: the Chinese name one word, the Somali one only as written, the
    # Arabic one without its consonants, G/ as an initial.
    store, upgraded = _as_written_before(
        ctx, store_dir, "0008",
        {wang: "王小明 | wangxiaoming", arabic: "احمد | محمد | ahmd | mahmd",
         short: "g/medhin | tesfaye"},
        {wang: ["f:wngksmng", "t1990:wngksmng"], somali: ["f:kl mxmd xsn", "t1985:mxmd"],
         short: ["f:mdn tsf", "t1985:mdn", "t1985:tsf"]})
    try:
        assert search_participants(upgraded, ParticipantQuery("xiaoming")).total == 1
        assert search_participants(upgraded, ParticipantQuery("ahmed")).total == 1
        assert search_participants(upgraded, ParticipantQuery("gebremedhin")).total == 1
        assert [c.participant_id for c in find_duplicates(upgraded, {
            "family_name": "Gebremedhin", "given_names": "Tesfaye",
            "date_of_birth": "1985"})] == [short]
        assert [c.participant_id for c in find_duplicates(upgraded, {
            "family_name": "Wang", "given_names": "Xiaoming", "date_of_birth": "1990"})] \
            == [wang]
        assert [c.participant_id for c in find_duplicates(upgraded, {
            "family_name": "Mohamed", "given_names": "Ali Hassan"})] == [somali]
        with store.session() as session:
            assert keys_of(session, somali) == [r["key"] for r in key_rows(
                somali, [("Maxamed", "Cali Xasan")], "1985-02-17")]
            assert keys_of(session, plain) == untouched
    finally:
        store.lock()


def test_upgrade_to_0010_puts_merged_files_numbers_in_the_kept_files_search_text(
        ctx: ServiceContext, store_dir: Path) -> None:
    """A store that merged two files before the kept file's search text held the absorbed
    file's numbers: after the upgrade, the absorbed file's client ID finds the kept file."""
    from app.services.participant_merge import merge_participants, plan_merge
    from app.services.participant_search import ParticipantQuery, search_participants
    from app.services.text import build_search_text

    kept = create_participant(ctx, {"family_name": "Haddad", "given_names": "Rami",
                                    "client_id": "11112222"})
    absorbed = create_participant(ctx, {"family_name": "Haddad", "given_names": "Rami",
                                        "client_id": "33334444"})
    merge_participants(ctx, kept, absorbed, {
        d.field: "kept" for d in plan_merge(ctx, kept, absorbed).differences})
    store, upgraded = _as_written_before(
        ctx, store_dir, "0009",
        {kept: build_search_text("Haddad", "Rami", [], "11112222", None)}, {})
    try:
        for term in ("33334444", "11112222"):
            assert [r.id for r in search_participants(
                upgraded, ParticipantQuery(term)).rows] == [kept], term
    finally:
        store.lock()


def test_store_newer_than_app_is_refused(ctx: ServiceContext, store_dir: Path) -> None:
    with ctx.store.engine.connect() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
        conn.commit()
    ctx.store.lock()
    with pytest.raises(StoreTooNew):
        Store(store_dir).unlock(PASSPHRASE)
