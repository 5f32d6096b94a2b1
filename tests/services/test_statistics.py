"""Monthly statistics: exact figures of one month from a store built by the real services
over three months, files without personal data, bad months refused, the export audited."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models import AuditEvent, Caseworker, Participant, ScheduledCheckIn
from app.services.agreements import create_agreement
from app.services.checkins import (
    correct_checkin,
    escalate_overdue_follow_ups,
    list_follow_ups,
    record_checkin,
    resolve_follow_up,
)
from app.services.context import ServiceContext
from app.services.participant_merge import merge_participants, plan_merge
from app.services.participant_status import change_status
from app.services.participants import create_participant
from app.services.recorder import recording
from app.services.referrals import make_referral, move_referral
from app.services.statistics import (
    MonthlyStatistics,
    export_statistics,
    monthly_statistics,
    parse_month,
    previous_month,
    write_statistics,
)
from tests.conftest import FixedClock

FEBRUARY = date(2026, 2, 1)
WEEKLY = {"effective_on": "2026-01-26", "reporting_frequency": "weekly",
          "reporting_mode": "in_person", "reporting_time": "10:00",
          "compliance_window_days": 7}
# Every personal value given to a participant or a referral: none may reach a file.
PEOPLE = {
    "jan": {"family_name": "Zerihun", "given_names": "Almaz", "phone": "604-555-0101",
            "client_id": "11223344"},
    "a": {"family_name": "Okonkwo", "given_names": "Chidi", "phone": "604-555-0102",
          "client_id": "22334455"},
    "dup": {"family_name": "Okonkwo", "given_names": "Chidiebere", "phone": "604-555-0103"},
    "b": {"family_name": "Haddadin", "given_names": "Rami", "phone": "604-555-0104"},
    "refused": {"family_name": "Nakamura", "given_names": "Yui", "phone": "604-555-0105"},
    "c": {"family_name": "Petrov", "given_names": "Ilya", "phone": "604-555-0106"},
    "mar": {"family_name": "Quispe", "given_names": "Rosa", "phone": "604-555-0107"},
    "mar2": {"family_name": "Abdi", "given_names": "Farah", "phone": "604-555-0108"},
}
PROVIDERS = ("Covenant Shelter", "Northside Counselling", "Legal Aid Clinic", "Job Hub")


@dataclass
class Built:
    ids: dict[str, str]
    other_caseworker: str


def _at(clock: FixedClock, year: int, month: int, day: int, hour: int,
        minute: int = 0) -> None:
    clock.now = datetime(year, month, day, hour, minute, tzinfo=UTC)


def _slot(ctx: ServiceContext, pid: str, day: date) -> str:
    with ctx.store.session() as s:
        slots = [sl for sl in s.scalars(select(ScheduledCheckIn).where(
            ScheduledCheckIn.participant_id == pid)) if sl.due_at.date() == day]
    assert len(slots) == 1
    return slots[0].id


def _build(ctx: ServiceContext, clock: FixedClock) -> Built:
    ids: dict[str, str] = {}
    # January: one intake that becomes active and reports weekly (Mondays, 10:00 in
    # Vancouver: 18:00 UTC); one check-in, one referral.
    _at(clock, 2026, 1, 26, 9)
    with recording(ctx) as rec:
        amira = rec.create(Caseworker(name="Amira Haddad")).id
    ids["jan"] = create_participant(ctx, PEOPLE["jan"])
    for status in ("assessed", "accepted", "active"):
        change_status(ctx, ids["jan"], status)
    create_agreement(ctx, ids["jan"], WEEKLY)
    _at(clock, 2026, 1, 26, 19)
    record_checkin(ctx, ids["jan"], {"outcome": "attended"},
                   slot_id=_slot(ctx, ids["jan"], date(2026, 1, 26)))
    make_referral(ctx, ids["jan"], {"type": "housing", "provider": PROVIDERS[0],
                                    "status": "made"})

    # February.
    _at(clock, 2026, 2, 3, 9)
    ids["a"] = create_participant(ctx, {**PEOPLE["a"], "caseworker_id": amira})
    ids["dup"] = create_participant(ctx, PEOPLE["dup"])
    ids["b"] = create_participant(ctx, PEOPLE["b"])
    ids["refused"] = create_participant(ctx, PEOPLE["refused"])
    ids["c"] = create_participant(replace(ctx, actor_id=None), PEOPLE["c"])
    change_status(ctx, ids["a"], "assessed")
    change_status(ctx, ids["refused"], "assessed")
    change_status(ctx, ids["refused"], "refused", "needs_beyond_capacity")
    change_status(ctx, ids["b"], "closed", "withdrawn_by_cbsa")
    plan = plan_merge(ctx, ids["a"], ids["dup"])
    merge_participants(ctx, ids["a"], ids["dup"], {d.field: "kept" for d in plan.differences})
    # The Feb 2 slot recorded as missed (a follow-up opens), then corrected to late (the
    # follow-up is resolved): one check-in, late.
    missed = record_checkin(ctx, ids["jan"], {"outcome": "missed"},
                            slot_id=_slot(ctx, ids["jan"], date(2026, 2, 2)))
    correct_checkin(ctx, missed, {"outcome": "late"})
    housing = make_referral(ctx, ids["a"], {"type": "housing", "provider": PROVIDERS[0],
                                            "status": "made"})
    move_referral(ctx, housing, "accepted")
    make_referral(ctx, ids["a"], {"type": "mental_health", "provider": PROVIDERS[1]})
    # Made in February, dated in January: January's.
    make_referral(ctx, ids["c"], {"type": "legal", "provider": PROVIDERS[2],
                                  "referred_on": "2026-01-30"})
    _at(clock, 2026, 2, 9, 19)
    record_checkin(ctx, ids["jan"], {"outcome": "attended"},
                   slot_id=_slot(ctx, ids["jan"], date(2026, 2, 9)))
    _at(clock, 2026, 2, 10, 12)
    record_checkin(ctx, ids["jan"], {"outcome": "attended", "mode": "telephone"})  # unscheduled
    _at(clock, 2026, 2, 16, 19)
    record_checkin(ctx, ids["jan"], {"outcome": "missed"},
                   slot_id=_slot(ctx, ids["jan"], date(2026, 2, 16)))
    _at(clock, 2026, 2, 25, 9)
    assert escalate_overdue_follow_ups(ctx) == 1  # the Feb 16 miss, past its 7 days
    # The Feb 23 slot is never recorded.

    # March.
    _at(clock, 2026, 3, 3, 19)
    record_checkin(ctx, ids["jan"], {"outcome": "missed"},
                   slot_id=_slot(ctx, ids["jan"], date(2026, 3, 2)))
    _at(clock, 2026, 3, 4, 9)
    open_one = next(f for f in list_follow_ups(ctx, ids["jan"]) if f.status == "open")
    resolve_follow_up(ctx, open_one.id, "Reached by phone; came the next day.")
    ids["mar"] = create_participant(ctx, PEOPLE["mar"])
    ids["mar2"] = create_participant(ctx, PEOPLE["mar2"])
    change_status(ctx, ids["mar2"], "closed", "removed")
    make_referral(ctx, ids["jan"], {"type": "employment", "provider": PROVIDERS[3]})
    _at(clock, 2026, 3, 5, 9)
    return Built(ids, amira)


def _table(stats: MonthlyStatistics) -> dict[tuple[str, str], int]:
    table = {(f.section, f.key): f.value for f in stats.figures}
    assert len(table) == len(stats.figures), "a key appears twice"
    return table


def _zeros(section: str, keys: str) -> dict[tuple[str, str], int]:
    return {(section, k): 0 for k in keys.split(",")}


FEBRUARY_FIGURES = {
    ("files", "intakes"): 4,  # a, b, refused, c: not the file merged into a
    ("files", "refused"): 1,
    **_zeros("files", "closed removed,closed status_granted,closed transferred,"
             "closed absconded,closed re_detained,closed voluntary_departure,"
             "closed deceased,closed (reason not listed)"),
    ("files", "closed withdrawn_by_cbsa"): 1,
    ("files", "referred (at export)"): 2,  # c, mar
    ("files", "assessed (at export)"): 1,  # a
    ("files", "accepted (at export)"): 0,
    ("files", "active (at export)"): 1,  # jan
    ("files", "suspended (at export)"): 0,
    ("check-ins", "attended"): 2,  # Feb 9, and the unscheduled one of Feb 10
    ("check-ins", "late"): 1,  # Feb 2, recorded missed and corrected
    ("check-ins", "missed"): 1,  # Feb 16
    ("check-ins", "excused"): 0,
    ("check-ins", "rescheduled"): 0,
    ("check-ins", "not recorded"): 1,  # Feb 23
    ("follow-ups", "opened"): 2,
    ("follow-ups", "resolved"): 1,
    ("follow-ups", "reported to CBSA"): 1,
    **_zeros("referrals", "employment made,addiction made,health made,"
             "family_and_child made,legal made,income made,identity_documents made,"
             "work_permit made"),
    ("referrals", "housing made"): 1,
    ("referrals", "mental_health made"): 1,
    **_zeros("referrals", "made (at export),in_progress (at export),"
             "completed (at export),declined (at export),no_show (at export),"
             "withdrawn (at export)"),
    ("referrals", "proposed (at export)"): 1,
    ("referrals", "accepted (at export)"): 1,
    ("workload", "Test Worker"): 2,  # jan, mar
    ("workload", "Amira Haddad"): 1,  # a
    ("workload", "no caseworker"): 1,  # c
}


def test_one_month_exactly(ctx: ServiceContext, clock: FixedClock) -> None:
    _build(ctx, clock)
    stats = monthly_statistics(ctx, FEBRUARY)
    assert (stats.office, stats.month, stats.made_at) == ("Vancouver", "2026-02", clock.now)
    assert _table(stats) == FEBRUARY_FIGURES
    assert [f.section for f in stats.figures] == sorted(
        (f.section for f in stats.figures),
        key=["files", "check-ins", "follow-ups", "referrals", "workload"].index)
    # Any day of the month gives the month.
    assert monthly_statistics(ctx, date(2026, 2, 17)) == stats


def test_the_months_around_it_keep_their_own_figures(ctx: ServiceContext,
                                                     clock: FixedClock) -> None:
    _build(ctx, clock)
    january = _table(monthly_statistics(ctx, date(2026, 1, 1)))
    march = _table(monthly_statistics(ctx, date(2026, 3, 1)))
    assert (january[("files", "intakes")], january[("check-ins", "attended")],
            january[("check-ins", "not recorded")], january[("referrals", "housing made")],
            january[("referrals", "legal made")], january[("follow-ups", "opened")]) == (
        1, 1, 0, 1, 1, 0)
    # March so far: the Mar 2 miss, its follow-up opened and resolved; the Mar 9 slot is
    # not due yet at the export (Mar 5), so nothing is "not recorded".
    assert (march[("files", "intakes")], march[("files", "closed removed")],
            march[("check-ins", "missed")], march[("check-ins", "attended")],
            march[("check-ins", "not recorded")], march[("follow-ups", "opened")],
            march[("follow-ups", "resolved")], march[("follow-ups", "reported to CBSA")],
            march[("referrals", "employment made")], march[("referrals", "housing made")]) == (
        2, 1, 1, 0, 0, 1, 1, 0, 1, 0)
    # Counts at export are the same whatever the month.
    for key in ("active (at export)", "referred (at export)"):
        assert january[("files", key)] == march[("files", key)] == FEBRUARY_FIGURES[
            ("files", key)]


def _personal_values(ctx: ServiceContext, built: Built) -> list[str]:
    values = [v for person in PEOPLE.values() for v in person.values()]
    values += [p.replace("-", "") for person in PEOPLE.values()
               if (p := person.get("phone"))]
    values += list(built.ids.values()) + list(PROVIDERS) + [built.other_caseworker]
    with ctx.store.session() as s:
        values += list(s.scalars(select(ScheduledCheckIn.id)))
    return values


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_written_file_holds_the_figures_and_nothing_personal(
        ctx: ServiceContext, clock: FixedClock, tmp_path: Path, fmt: str) -> None:
    built = _build(ctx, clock)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / f"stats.{fmt}"
    stats = export_statistics(ctx, FEBRUARY, out, fmt)
    text = out.read_text(encoding="utf-8")
    for value in _personal_values(ctx, built):
        assert value not in text
    assert out.stat().st_mode & 0o077 == 0
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left
    if fmt == "json":
        doc = json.loads(text)
        assert (doc["office"], doc["month"]) == ("Vancouver", "2026-02")
        assert datetime.fromisoformat(doc["made_at"]) == clock.now
        assert {(f["section"], f["key"]): f["value"] for f in doc["figures"]} == \
            FEBRUARY_FIGURES
        return
    rows = list(csv.reader(text.splitlines()))
    assert rows[:3] == [["section", "key", "value"], ["about", "office", "Vancouver"],
                        ["about", "month", "2026-02"]]
    assert {(r[0], r[1]): int(r[2]) for r in rows[3:]} == FEBRUARY_FIGURES
    assert len(rows) == 3 + len(stats.figures)


def test_a_caseworker_named_like_a_formula_is_written_as_text(
        ctx: ServiceContext, clock: FixedClock, tmp_path: Path) -> None:
    with recording(ctx) as rec:
        odd = rec.create(Caseworker(name="=HYPERLINK(1)")).id
    create_participant(ctx, {"family_name": "Osei", "caseworker_id": odd})
    out = tmp_path / "s.csv"
    write_statistics(monthly_statistics(ctx, date(2026, 3, 1)), out, "csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert ["workload", "'=HYPERLINK(1)", "1"] in rows


def test_export_is_audited_with_counts_only(ctx: ServiceContext, clock: FixedClock,
                                            tmp_path: Path) -> None:
    _build(ctx, clock)
    stats = export_statistics(ctx, FEBRUARY, tmp_path / "s.json", "json")
    with ctx.store.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "statistics")).all()
        assert [(e.action, e.at, e.actor_id, e.participant_id, e.details) for e in events] == [
            ("export", clock.now, ctx.actor_id, None,
             {"month": "2026-02", "format": "json", "figures": len(stats.figures)})]


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-2", "26-02", "2026/02",
                                  "February 2026", "2026-02-01", "", "0000-01", "٢٠٢٦-٠٢"])
def test_a_bad_month_is_refused_by_name(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_month(text, today=date(2026, 3, 5))
    assert err.value.errors == {"month": "must be a month as YYYY-MM"}


def test_months_up_to_the_current_one(ctx: ServiceContext, clock: FixedClock) -> None:
    today = date(2026, 3, 5)
    assert parse_month("2026-03", today=today) == date(2026, 3, 1)
    assert parse_month(" 2025-12 ", today=today) == date(2025, 12, 1)
    with pytest.raises(ValidationError) as err:
        parse_month("2026-04", today=today)
    assert err.value.errors == {"month": "is in the future"}
    assert previous_month(today) == date(2026, 2, 1)
    assert previous_month(date(2026, 1, 31)) == date(2025, 12, 1)
    _at(clock, 2026, 3, 31, 23, 59)
    with pytest.raises(ValidationError) as err:
        monthly_statistics(ctx, date(2026, 4, 1))
    assert err.value.field == "month"


def test_a_bad_place_or_format_writes_nothing(ctx: ServiceContext, clock: FixedClock,
                                              tmp_path: Path) -> None:
    inside = ctx.store.paths.data_dir / "s.csv"
    missing = tmp_path / "no such folder" / "s.csv"
    for path, fmt, field in ((inside, "csv", "out"), (missing, "json", "out"),
                             (tmp_path / "s.xlsx", "xlsx", "format")):
        with pytest.raises(ValidationError) as err:
            export_statistics(ctx, FEBRUARY, path, fmt)
        assert err.value.field == field
        assert not path.exists()
    assert list(tmp_path.iterdir()) == [ctx.store.paths.data_dir]
    with ctx.store.session() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.entity == "statistics")).all() \
            == []


def test_deleted_and_merged_files_are_not_counted(ctx: ServiceContext,
                                                  clock: FixedClock) -> None:
    built = _build(ctx, clock)
    with ctx.store.session() as s:
        dup = s.get(Participant, built.ids["dup"])
        assert dup is not None and dup.deleted and dup.merged_into_id == built.ids["a"]
        # The merged file was created in February, with the others.
        assert dup.created_at.month == 2
    assert _table(monthly_statistics(ctx, FEBRUARY))[("files", "intakes")] == 4
