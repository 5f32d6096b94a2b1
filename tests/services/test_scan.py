"""The caseload scan in bulk finds what the per-file check of every file finds."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, select, text, update
from sqlalchemy.engine import Connection, ExecutionContext
from sqlalchemy.orm import Session

from app.models import Participant
from app.services import match_candidates as mc
from app.services.context import ServiceContext
from app.services.matching import (
    find_duplicates_in,
    scan_pairs,
    score_candidates,
    threshold_for,
    top_of,
)
from app.services.participants import add_alias, create_participant
from app.services.synthetic_duplicates import corrupt, new_person
from app.services.views import DuplicatePair
from tests.services.query_plans import table_scans

Pair = tuple[str, str, float, tuple[str, ...]]


def reference_pairs(session: Session) -> Iterator[DuplicatePair]:
    """The scan's old definition: the per-file check for each live file in rowid order, each
    pair once with the score of the first file that reports it."""
    seen: set[tuple[str, str]] = set()
    rows = session.execute(select(Participant.id, Participant.family_name,
                                  Participant.given_names, Participant.date_of_birth,
                                  Participant.client_id, Participant.external_ref,
                                  Participant.phone_digits)
                           .where(Participant.deleted.is_(False),
                                  Participant.merged_into_id.is_(None))
                           .order_by(text("participant.rowid"))).all()
    aliases = mc.aliases_of(session, [r[0] for r in rows])
    for pid, family, given, dob, cid, ref, phone in rows:
        data = {"family_name": family, "given_names": given, "date_of_birth": dob,
                "client_id": cid, "external_ref": ref, "phone": phone,
                "aliases": [{"family_name": f, "given_names": g}
                            for f, g in aliases.get(pid, [])]}
        for found in find_duplicates_in(session, data, top=20, exclude_id=pid):
            pair = (min(pid, found.participant_id), max(pid, found.participant_id))
            if pair not in seen:
                seen.add(pair)
                yield DuplicatePair(pair[0], pair[1], found.score, found.reasons)


def _mark(ctx: ServiceContext, pid: str, **values: object) -> None:
    with ctx.store.write_session() as session, session.begin():
        session.execute(update(Participant).where(Participant.id == pid).values(**values))


@pytest.fixture
def office(ctx: ServiceContext) -> dict[str, list[str]]:
    """Three hundred seeded files: people, their re-entries with realistic errors, namesakes
    (same name, other birth date), aliases, and merged and deleted files."""
    rng = random.Random(606)
    people: list[dict] = []
    for i in range(150):
        person = new_person(rng)
        if i % 3:
            person["client_id"] = f"{40_000_000 + i * 7919}"
        person["id"] = create_participant(ctx, dict(person))
        people.append(person)
    reentries = []
    for person in people[:70]:
        data, _ = corrupt(person, rng, count=rng.choice([1, 2]))
        reentries.append(create_participant(ctx, {k: v for k, v in data.items()
                                                  if k != "aliases"}))
    for person in people[70:110]:  # namesakes: the same name, born another day
        dob = f"{rng.randint(1950, 2006)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        create_participant(ctx, {"family_name": person["family_name"],
                                 "given_names": person["given_names"], "date_of_birth": dob})
    for person in people[110:125]:
        add_alias(ctx, person["id"], {"family_name": rng.choice(["Tran", "Kowalski", "Haddad"]),
                                      "given_names": person["given_names"]})
    merged = reentries[:6]
    for pid, into in zip(merged, [p["id"] for p in people[:6]], strict=True):
        _mark(ctx, pid, merged_into_id=into, deleted=True)
    deleted = reentries[6:12] + [p["id"] for p in people[12:15]]
    for pid in deleted:
        _mark(ctx, pid, deleted=True)
    return {"merged": merged, "deleted": deleted}


def _as_tuples(pairs: Iterator[DuplicatePair]) -> list[Pair]:
    return [(p.a_id, p.b_id, p.score, p.reasons) for p in pairs]


def test_bulk_scan_finds_the_pairs_of_the_per_file_check(
        ctx: ServiceContext, office: dict[str, list[str]]) -> None:
    with ctx.store.session() as session:
        expected = _as_tuples(reference_pairs(session))
        calls: list[tuple[int, int]] = []
        found = _as_tuples(scan_pairs(session, batch=64,
                                      progress=lambda d, t: calls.append((d, t))))
    assert len(expected) >= 45  # most of the 58 live re-entries: the test means something
    assert sorted(found) == sorted(expected)  # the same pairs, scores and reasons
    assert len(set(found)) == len(found)
    assert all(a < b for a, b, _, _ in found)
    gone = set(office["merged"]) | set(office["deleted"])
    assert not gone & {i for a, b, _, _ in found for i in (a, b)}
    live = 150 + 70 + 40 - len(gone)  # people, re-entries, namesakes; less the gone
    assert calls[-1] == (live, live) and len(calls) == -(-live // 64)


def test_leaving_hopeless_candidates_unscored_changes_no_list(
        ctx: ServiceContext, office: dict[str, list[str]]) -> None:
    """The per-file check skips comparing the names of candidates whose other fields keep
    them under the threshold; every list is what scoring them all gives."""
    skipped = 0
    with ctx.store.session() as session:
        rows = session.execute(select(Participant.id, Participant.family_name,
                                      Participant.given_names, Participant.date_of_birth,
                                      Participant.client_id, Participant.phone_digits)
                               .where(Participant.deleted.is_(False))).all()
        for pid, family, given, dob, cid, phone in rows:
            data = {"family_name": family, "given_names": given, "date_of_birth": dob,
                    "client_id": cid, "phone": phone}
            query = mc.MatchQuery.of(data)
            every = score_candidates(session, query, pid, every=True)
            fast = score_candidates(session, query, pid)
            skipped += len(every) - len(fast)
            assert set(fast) <= set(every)
            assert (find_duplicates_in(session, data, top=20, exclude_id=pid)
                    == top_of(every, 20, threshold_for(query)))
    assert skipped > 0  # the cut took effect, so the comparison above means something


def test_giant_blocks_are_checked_file_by_file(ctx: ServiceContext,
                                               office: dict[str, list[str]],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the candidate limit the per-file check keeps a first few: such a file is checked
    on its own, so the pairs are still the same."""
    monkeypatch.setattr(mc, "CANDIDATE_LIMIT", 4)
    with ctx.store.session() as session:
        expected = _as_tuples(reference_pairs(session))
        assert sorted(_as_tuples(scan_pairs(session, batch=50))) == sorted(expected)


def test_scan_stops_between_batches_when_cancelled(ctx: ServiceContext,
                                                   office: dict[str, list[str]]) -> None:
    calls: list[tuple[int, int]] = []
    with ctx.store.session() as session:
        list(scan_pairs(session, batch=50, progress=lambda d, t: calls.append((d, t)),
                        cancel=lambda: len(calls) >= 2))
    assert [d for d, _ in calls] == [50, 100]


def test_scan_never_scans_a_table(ctx: ServiceContext, office: dict[str, list[str]]) -> None:
    """Every statement is answered from an index or the rowid (SQLite's own plan says so):
    the one count of live files reads the deleted flag's index, never the table."""
    statements: list[tuple[str, object]] = []

    def spy(conn: Connection, cursor: Any, statement: str, parameters: Any,
            context: ExecutionContext | None, executemany: bool) -> None:
        statements.append((statement, parameters))

    engine = ctx.store.engine
    event.listen(engine, "before_cursor_execute", spy)
    try:
        with ctx.store.session() as session:
            list(scan_pairs(session, batch=100))
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    assert statements
    assert table_scans(engine, statements, index_walks_allowed=True) == []


def test_a_pair_only_the_later_file_reports_keeps_its_score(ctx: ServiceContext) -> None:
    """The check is directional: namesakes are counted for the candidate's spelling. The
    earlier file's name is a typo of a common one, so from its side the later file is one of
    many namesakes and stays under the threshold; from the later side the typo is rare."""
    rng = random.Random(7)
    earlier = create_participant(ctx, {"family_name": "Nguyen", "given_names": "Van Mihn",
                                       "date_of_birth": "1984-03-09", "client_id": "11111111",
                                       "phone": "604 555 0001"})
    later = create_participant(ctx, {"family_name": "Nguyen", "given_names": "Van Minh",
                                     "date_of_birth": "1984-03-09", "client_id": "22222222",
                                     "phone": "416 555 0002"})
    for _ in range(80):
        create_participant(ctx, {"family_name": "Nguyen", "given_names": "Van Minh",
                                 "date_of_birth": f"{rng.randint(1950, 1979)}-0{rng.randint(1, 9)}"
                                                  f"-2{rng.randint(0, 8)}"})
    with ctx.store.session() as session:
        mine = find_duplicates_in(session, {"family_name": "Nguyen", "given_names": "Van Mihn",
                                            "date_of_birth": "1984-03-09",
                                            "client_id": "11111111", "phone": "6045550001"},
                                  top=20, exclude_id=earlier)
        assert later not in {c.participant_id for c in mine}
        expected = _as_tuples(reference_pairs(session))
        found = _as_tuples(scan_pairs(session, batch=7))
    assert sorted(found) == sorted(expected)
    assert [(a, b) for a, b, _, _ in found] == [tuple(sorted((earlier, later)))]
    assert found[0][2] > 0.9  # the later file's view


def _view(session: Session, pid: str, data: dict) -> dict[str, float]:
    return {c.participant_id: c.score
            for c in find_duplicates_in(session, data, top=20, exclude_id=pid)}


def test_a_pair_both_files_report_keeps_the_earlier_files_score(ctx: ServiceContext) -> None:
    """The later file (by rowid) is born a year earlier, so the scan checks it first; the
    pair still gets the earlier file's score, as the per-file scan in rowid order gave it."""
    e_data = {"family_name": "Nguyen", "given_names": "Van Mihn", "date_of_birth": "1984-03-09"}
    l_data = {"family_name": "Nguyen", "given_names": "Van Minh", "date_of_birth": "1983-03-09"}
    earlier = create_participant(ctx, dict(e_data))
    later = create_participant(ctx, dict(l_data))
    for i in range(10):
        create_participant(ctx, {"family_name": "Nguyen", "given_names": "Van Minh",
                                 "date_of_birth": f"19{50 + 2 * i}-0{1 + i % 9}-2{i % 9}"})
    with ctx.store.session() as session:
        from_earlier = _view(session, earlier, e_data)[later]
        from_later = _view(session, later, l_data)[earlier]
        assert from_earlier != from_later  # namesakes are counted for the other's spelling
        expected = _as_tuples(reference_pairs(session))
        found = _as_tuples(scan_pairs(session, batch=5))
    assert sorted(found) == sorted(expected)
    assert [(a, b, s) for a, b, s, _ in found] == [(*sorted((earlier, later)), from_earlier)]
