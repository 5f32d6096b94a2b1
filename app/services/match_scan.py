"""The caseload scan: the per-file duplicate check of every live file, in bulk.

It finds what running `find_duplicates_in(file, top=20, exclude_id=file)` for each live file
in rowid order finds: each pair once (a_id < b_id) with the score and reasons of the first
file by rowid to report it (`_Pairs`). The check is directional (a name's namesakes are
counted for the candidate's spelling, a query's aliases and phones are its own), and each
file keeps only its best 20, so each file's candidates are still scored from its side. What
changes is the cost (8.5 ms a file at 220,000 before, most of it statements and name
folding; 2.2 ms now, docs/performance.md):

- files go in batches in birth-year order (a batch shares most of its name blocks and
  dates); a batch's index lookups are a few bulk statements (`match_lookup`) instead of
  about ten a file; its rows, aliases, merges and namesake counts are loaded once;
- a candidate whose dates, IDs and phone keep it under the threshold whatever its name is
  dropped before the names are compared (most share only a name word's birth-year block);
- name forms are cached (`match_scoring.NameForm.of`).

A file whose lookup would bring more than `CANDIDATE_LIMIT` files (where the per-file check
keeps an arbitrary first 3,000) is checked on its own by the per-file check, so the result is
the same and a giant block is never loaded in bulk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from app.models import Participant
from app.services import match_candidates as mc
from app.services import match_lookup, matching
from app.services.views import DuplicateCandidate, DuplicatePair

TOP = 20  # candidates kept per file, as the per-file scan kept

Progress = Callable[[int, int], None]


def scan(session: Session, progress: Progress | None = None, batch: int = 500,
         cancel: Callable[[], bool] | None = None) -> Iterator[DuplicatePair]:
    """Every probable duplicate pair once; `progress(done, total)` after each batch of files;
    stops before the next batch once `cancel()` is true."""
    total = session.scalar(select(func.count()).select_from(Participant).where(
        Participant.deleted.is_(False), Participant.merged_into_id.is_(None))) or 0
    files = matching.file_count(session)  # read-only session: the same for every check
    pairs = _Pairs()
    done = 0
    for end, rows in _batches(session, batch):
        if cancel is not None and cancel():
            return
        aliases = mc.aliases_of(session, [r[1] for r in rows])
        queries = [(r[1], mc.MatchQuery.of(_data(r, aliases.get(r[1], [])))) for r in rows]
        reports = [(pid, c) for pid, found in check_batch(session, queries, files)
                   for c in found]
        yield from pairs.add(session, reports)
        yield from pairs.settled(end)
        done += len(rows)
        if progress is not None:
            progress(done, total)
    yield from pairs.settled(None)


# Files go in birth-year order, not rowid order: a batch of files born the same year shares
# most of its name blocks and dates, so a batch reads a few thousand rows, not fifty thousand.
Position = tuple[int, str, int]  # (no date of birth?, its first four characters, rowid)


def _position(dob: str | None, rowid: int) -> Position:
    return (0, dob[:4], rowid) if dob else (1, "", rowid)


_COLUMNS = (text("participant.rowid"), Participant.id, Participant.family_name,
            Participant.given_names, Participant.date_of_birth, Participant.client_id,
            Participant.external_ref, Participant.phone_digits, Participant.citizenship)


def _batches(session: Session, size: int) -> Iterator[tuple[Position, list[Any]]]:
    """The live files by (birth year, rowid), `size` at a time, each batch with its last
    file's position."""
    chunk: list[Any] = []
    for row in _by_year(session):
        chunk.append(row)
        if len(chunk) == size:
            yield _position(row[4], row[0]), chunk
            chunk = []
    if chunk:
        yield _position(chunk[-1][4], chunk[-1][0]), chunk


def _by_year(session: Session) -> Iterator[Any]:
    """One year's files at a time, read from the date of birth's index; no date last."""
    live = (Participant.deleted.is_(False), Participant.merged_into_id.is_(None))
    dob = Participant.date_of_birth
    after = ""
    while (first := session.scalar(select(func.min(dob)).where(dob > after))) is not None:
        year = first[:4]
        if len(first) < 4:  # not a date: a block of its own
            where, after = dob == first, first
        else:  # every value starting with the year
            after = year + "\U0010ffff"
            where = (dob >= year) & (dob < after)
        yield from session.execute(select(*_COLUMNS).where(where, *live).order_by(
            text("participant.rowid"))).all()
    yield from session.execute(select(*_COLUMNS).where(
        or_(dob.is_(None), dob == ""), *live).order_by(text("participant.rowid"))).all()


class _Pairs:
    """Which file's score a pair gets: the per-file scan in rowid order reported it from the
    earlier file when that file found it, else from the later one. A pair reported by the
    later file waits until the earlier one is checked."""

    def __init__(self) -> None:
        self.done: set[tuple[str, str]] = set()
        self.waiting: dict[tuple[str, str], tuple[Position, DuplicatePair]] = {}

    def add(self, session: Session,
            reports: list[tuple[str, DuplicateCandidate]]) -> Iterator[DuplicatePair]:
        rowids = _rowids(session, {i for pid, c in reports for i in (pid, c.participant_id)})
        for pid, c in reports:
            pair = (min(pid, c.participant_id), max(pid, c.participant_id))
            if pair in self.done:
                continue
            found = DuplicatePair(pair[0], pair[1], c.score, c.reasons)
            if rowids[pid] < rowids[c.participant_id]:
                self.done.add(pair)
                self.waiting.pop(pair, None)
                yield found
            elif pair not in self.waiting:
                self.waiting[pair] = (_position(c.date_of_birth, rowids[c.participant_id]),
                                      found)

    def settled(self, end: Position | None) -> Iterator[DuplicatePair]:
        """The waiting pairs whose earlier file is checked (all of them at the end)."""
        for pair, (position, found) in list(self.waiting.items()):
            if end is None or position <= end:
                del self.waiting[pair]
                self.done.add(pair)
                yield found


def _rowids(session: Session, ids: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    wanted = sorted(ids)
    for i in range(0, len(wanted), 500):
        out.update((pid, rowid) for rowid, pid in session.execute(select(
            text("participant.rowid"), Participant.id).where(
            Participant.id.in_(wanted[i:i + 500]))))
    return out


def _data(row: Any, aliases: list[tuple[str | None, str | None]]) -> dict[str, Any]:
    _, _, family, given, dob, cid, ref, phone, citizenship = row
    return {"family_name": family, "given_names": given, "date_of_birth": dob,
            "client_id": cid, "external_ref": ref, "phone": phone, "citizenship": citizenship,
            "aliases": [{"family_name": f, "given_names": g} for f, g in aliases]}


def check_batch(session: Session, queries: list[tuple[str, mc.MatchQuery]],
                files: int) -> list[tuple[str, list[DuplicateCandidate]]]:
    """Each file's best candidates, as `find_duplicates_in` ranks them."""
    found = match_lookup.candidates(session, [q for _, q in queries])
    wanted = sorted({i for ids in found if ids is not None for i in ids})
    rows = mc.fetch(session, wanted)
    aliases = mc.aliases_of(session, wanted)
    targets = mc.resolve_merges(session, rows)
    scored: list[dict[str, matching._Evidence] | None] = []
    keys: set[str] = set()
    for (pid, q), ids in zip(queries, found, strict=True):
        if ids is None:
            scored.append(None)
            continue
        evidence: dict[str, matching._Evidence] = {}
        least = matching.least_ratio(q, files)
        for rid in sorted(ids - {pid}):  # the order the per-file check fetched them in
            target = targets.get(rid)
            if target is None or target.id == pid:
                continue
            ev = matching._evidence(q, rows[rid], aliases.get(rid, []), least)
            if ev is not None:
                evidence[rid] = ev
                if ev.name is not None and ev.name.full:
                    keys.add(ev.name.namesake_key)
        scored.append(evidence)
    counts = matching.namesakes(session, keys)
    words = matching.word_counts(session, {k for evidence in scored if evidence
                                           for ev in evidence.values() if (k := ev.word_key)})
    out: list[tuple[str, list[DuplicateCandidate]]] = []
    for (pid, q), found_for in zip(queries, scored, strict=True):
        if found_for is None:  # a giant block: the per-file check, on its own
            best = matching.score_candidates(session, q, pid)
        else:
            best = matching.pick(found_for, targets, pid, files, counts, words)
        out.append((pid, matching.top_of(best, TOP, matching.threshold_for(q))))
    return out
