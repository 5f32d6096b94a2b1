"""National- and regional-scale stores for the benchmarks, generated in bulk and cached.

The rows go in through SQLAlchemy Core in large batches (not through the services): this is
fixture data for measuring reads, so it skips audit events and the outbox. Every value is
synthetic and comes from a seeded RNG, so a scale always yields the same store."""

from __future__ import annotations

import random
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from app.models import (
    Alias,
    CheckIn,
    Participant,
    ParticipantNameKey,
    Referral,
    ScheduledCheckIn,
    SupervisionAgreement,
)
from app.models.enums import ParticipantStatus, ReferralStatus, ReferralType
from app.services.context import ServiceContext
from app.services.name_keys import key_rows
from app.services.setup import initialise_store, open_store
from app.services.synthetic_name_pool import draw_name
from app.services.synthetic_names import FAMILY_NAMES, GIVEN_NAMES
from app.services.text import build_search_text, digits
from app.store import migrate
from app.store.engine import run_outside_transaction
from app.store.envelope import DEFAULT_KDF

PASSPHRASE = "benchmark passphrase, synthetic data only"
CACHE_DIR = Path(__file__).parent / ".cache"
GENERATOR_VERSION = 6
BATCH = 20_000
NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Scale:
    name: str
    participants: int
    checkins: int
    referrals: int


SCALES = {
    "quick": Scale("quick", 2_000, 40_000, 5_000),
    "regional": Scale("regional", 5_000, 200_000, 12_000),
    "national": Scale("national", 220_000, 2_000_000, 500_000),
}

# The small seed pools, for the store-overhead figures; the scale stores' people come from
# the large pool with realistic frequencies (`synthetic_name_pool`).
FAMILY: tuple[str, ...] = FAMILY_NAMES
GIVEN: tuple[str | None, ...] = (*GIVEN_NAMES, None)  # None: people with one name only


@dataclass
class ScaleStore:
    scale: Scale
    data_dir: Path
    samples: dict[str, list[str]]


def cache_dir(scale: Scale) -> Path:
    return CACHE_DIR / f"{scale.name}-g{GENERATOR_VERSION}-r{migrate.head_revision()}"


def ensure(scale: Scale, log: Any = print) -> ScaleStore:
    """The cached store for `scale`, generated first if missing (or made by older code)."""
    target = cache_dir(scale)
    marker = target / "complete"
    if not marker.exists():
        if target.exists():
            shutil.rmtree(target)
        started = time.perf_counter()
        log(f"generating the {scale.name} store ({scale.participants:,} participants, "
            f"{scale.checkins:,} check-ins, {scale.referrals:,} referrals)...")
        generate(scale, target / "store")
        marker.write_text(f"{time.perf_counter() - started:.1f}\n", encoding="utf-8")
        log(f"generated in {time.perf_counter() - started:.1f} s")
    return ScaleStore(scale, target / "store", samples(scale))


def samples(scale: Scale) -> dict[str, list[str]]:
    """Search terms that exist in the store (regenerated from the same seed)."""
    rng = random.Random(7)
    people = list(_people(scale, limit=min(scale.participants, 5_000)))
    picks = [people[rng.randrange(len(people))] for _ in range(200)]
    return {
        "name": [p["family_name"][:4] for p in picks[:100]]
        + [(p["given_names"] or p["family_name"])[:5] for p in picks[100:]],
        "client_id": [p["client_id"] for p in picks if p["client_id"]][:100],
        "phone": [digits(p["phone"])[-7:] for p in picks if p["phone"]][:100],
    }


def _rng_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _people(scale: Scale, limit: int | None = None) -> Iterator[dict[str, Any]]:
    rng = random.Random(20261124)
    statuses = [s.value for s in ParticipantStatus]
    for i in range(limit if limit is not None else scale.participants):
        name = draw_name(rng)
        year = rng.randint(1950, 2006)
        dob = (f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
               if rng.random() < 0.85 else str(year))
        yield {
            "id": _rng_uuid(rng),
            "family_name": name.family_name,
            "given_names": name.given_names,
            "client_id": f"{rng.randrange(10**7, 10**8)}{rng.choice(['', '42'])}"
            if rng.random() < 0.9 else None,
            "date_of_birth": dob,
            "phone": f"+1 {rng.choice(['604', '416', '514', '403'])} 555 {i % 10000:04d}"
            if rng.random() < 0.8 else None,
            "status": rng.choices(statuses, weights=[5, 5, 5, 2, 60, 5, 18])[0],
            "citizenship": name.citizenship,
        }


def generate(scale: Scale, data_dir: Path) -> None:
    store, ctx = initialise_store(data_dir, PASSPHRASE, "Benchmark Office", "Bench Worker",
                                  kdf=DEFAULT_KDF)
    try:
        _fill(scale, ctx)
        run_outside_transaction(store.engine, "PRAGMA optimize", "ANALYZE",
                                "PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.lock()


def _fill(scale: Scale, ctx: ServiceContext) -> None:
    rng = random.Random(99)
    office, worker = ctx.office_id, ctx.actor_id
    now = NOW
    base = {"office_id": office, "created_at": now, "updated_at": now, "version": 0,
            "deleted": False}
    participants: list[str] = []
    agreements: list[str] = []
    rows: list[dict[str, Any]] = []
    alias_rows: list[dict[str, Any]] = []
    key_rows_: list[dict[str, Any]] = []
    agreement_rows: list[dict[str, Any]] = []
    slot_rows: list[dict[str, Any]] = []
    engine = ctx.store.engine

    def flush(model: Any, batch: list[dict[str, Any]], force: bool = False) -> None:
        if batch and (force or len(batch) >= BATCH):
            with engine.begin() as conn:
                conn.execute(insert(model), batch)
            batch.clear()

    def flush_people() -> None:
        # Parents before children, so foreign keys hold at every commit.
        for model, batch in ((Participant, rows), (Alias, alias_rows),
                             (ParticipantNameKey, key_rows_),
                             (SupervisionAgreement, agreement_rows),
                             (ScheduledCheckIn, slot_rows)):
            flush(model, batch, force=True)

    for person in _people(scale):
        aliases = []
        names: list[tuple[str | None, str | None]] = [(person["family_name"],
                                                       person["given_names"])]
        if rng.random() < 0.1:
            alias = {**base, "id": _rng_uuid(rng), "participant_id": person["id"],
                     "family_name": draw_name(rng).family_name,
                     "given_names": person["given_names"]}
            alias_rows.append(alias)
            aliases.append(f"{alias['family_name']} {alias['given_names'] or ''}")
            names.append((alias["family_name"], alias["given_names"]))
        key_rows_.extend(key_rows(person["id"], names, person["date_of_birth"]))
        rows.append({
            **base, **person, "caseworker_id": worker, "languages": ["en"],
            "interpreter_needed": False, "needs": {}, "risk_flags": [],
            "vulnerability_flags": [], "consent_to_share": [],
            "phone_digits": digits(person["phone"]) or None,
            "search_text": build_search_text(person["family_name"], person["given_names"],
                                             aliases, person["client_id"], person["phone"]),
            "referral_date": date(2025, 1, 1) + timedelta(days=rng.randrange(600)),
        })
        participants.append(person["id"])
        agreement_id = _rng_uuid(rng)
        agreements.append(agreement_id)
        effective = date(2025, 1, 1) + timedelta(days=rng.randrange(600))
        agreement_rows.append({
            **base, "id": agreement_id, "participant_id": person["id"], "version_no": 1,
            "effective_on": effective, "review_on": effective + timedelta(days=180),
            "reporting_frequency": "weekly", "reporting_mode": "in_person",
            "reporting_time": "10:00", "programming": [], "compliance_window_days": 7,
        })
        if person["status"] == "active":
            for week in range(4):
                due = now + timedelta(days=rng.randrange(7) + 7 * week - 3)
                slot_rows.append({**base, "id": _rng_uuid(rng), "participant_id": person["id"],
                                  "agreement_id": agreement_id, "due_at": due,
                                  "mode": "in_person"})
        if len(rows) >= BATCH or len(slot_rows) >= BATCH or len(key_rows_) >= BATCH:
            flush_people()
    flush_people()

    outcomes = ["attended"] * 80 + ["late"] * 8 + ["missed"] * 7 + ["excused"] * 5
    checkin_rows: list[dict[str, Any]] = []
    for _ in range(scale.checkins):
        k = rng.randrange(len(participants))
        at = now - timedelta(days=rng.randrange(700), hours=rng.randrange(8))
        outcome = rng.choice(outcomes)
        checkin_rows.append({
            **base, "id": _rng_uuid(rng), "participant_id": participants[k],
            "agreement_id": agreements[k], "scheduled_at": at,
            "actual_at": None if outcome == "missed" else at + timedelta(minutes=5),
            "mode": "in_person", "outcome": outcome, "recorded_by": worker,
        })
        flush(CheckIn, checkin_rows)
    flush(CheckIn, checkin_rows, force=True)

    referral_rows: list[dict[str, Any]] = []
    types = [t.value for t in ReferralType]
    statuses = [s.value for s in ReferralStatus]
    for _ in range(scale.referrals):
        referred = date(2025, 1, 1) + timedelta(days=rng.randrange(680))
        referral_rows.append({
            **base, "id": _rng_uuid(rng), "participant_id": rng.choice(participants),
            "type": rng.choice(types), "provider": "Community Services Provider",
            "referred_on": referred, "status": rng.choice(statuses),
            "follow_up_on": referred + timedelta(days=rng.randrange(10, 60)),
        })
        flush(Referral, referral_rows)
    flush(Referral, referral_rows, force=True)


def open_scale_store(scale_store: ScaleStore) -> ServiceContext:
    _, ctx = open_store(scale_store.data_dir, PASSPHRASE)
    return ctx
