"""Bulk import of participants from a CSV file, through intake's validation and write path.

Each row is validated as intake validates a form (`import_rows.prepare_row`), checked for
probable duplicates against the store (rows imported earlier in the same run included) and
written with `create_participant_in` inside `recording(ctx)`, so it has its audit event and
outbox entry. Rows go in batches, one transaction each; the row's `ImportedRow` (file SHA-256,
data row number, outcome, hash of its values) is written in the same transaction as its
participant. Hence:
- an interrupted import (Ctrl+C, a kill, a crash) keeps whole batches only;
- running the same file again skips the rows already done and completes the rest;
- two runs of one file at once (two windows, a window and `ccms import`) never write a row
  twice: each batch checks, holding the store's write lock, which of its rows the other run
  has written since this one started, and counts them as already imported;
- a file at the same place with new content (rows fixed in place) is a version of it: rows
  with the values of an earlier version's rows are "present", counting copies;
- a row whose external_ref is already in the store is never created again: it is
  "present" when it is the row that file came from (same values, `import_refs`), and
  refused otherwise (another person under a reference the old system gave again).
Rejected rows are not recorded: a re-run checks them again and writes them to the rejects
file again (in row order, whatever refused them).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import DuplicateReview, ImportedRow, ImportFile
from app.models.enums import ParticipantStatus
from app.services.context import ServiceContext
from app.services.import_csv import RawRow, read_table
from app.services.import_mapping import resolve
from app.services.import_mapping_file import load_mapping
from app.services.import_refs import REF_TAKEN, RefHolders
from app.services.import_rejects import REJECTS_SUFFIX, RejectsFile, default_rejects_path
from app.services.import_rows import PreparedRow, caseworker_index, prepare_row
from app.services.matching import THRESHOLD, find_duplicates_in
from app.services.participants import create_participant_in
from app.services.recorder import ChangeRecorder, recording

BATCH = 250
ON_DUPLICATE = ("flag", "skip", "create")
MappingArg = dict[str, Any] | str | Path | None
Refused = tuple[RawRow, dict[str, str]]  # a row and its problems, by field


@dataclass(frozen=True)
class ImportSummary:
    """Every data row is counted once: total_rows = imported + skipped + rejected +
    already_imported (+ the rows not reached when cancelled). `flagged` is the part of
    `imported` paired with a probable duplicate for review. `already_imported` counts rows
    done by an earlier run of this file (or an earlier version of it) and rows the store
    already holds under their external_ref with their values; a row whose external_ref
    belongs to a file of other details is rejected."""

    imported: int
    flagged: int
    skipped: int
    rejected: int
    already_imported: int
    total_rows: int
    rejects_path: Path | None
    cancelled: bool = False
    stale_rejects_removed: bool = False  # an earlier run's rejects file, now out of date
    # Rows of `already_imported` that another run of this file wrote while this one ran.
    imported_meanwhile: int = 0


def mapping_from(mapping: MappingArg) -> dict[str, Any] | None:
    """A mapping given as a dict, as the path of its JSON file, or None (headers = keys)."""
    if mapping is None or isinstance(mapping, dict):
        return mapping
    return load_mapping(Path(mapping))


def run_import(ctx: ServiceContext, path: Path, mapping: MappingArg = None,
               on_duplicate: str = "flag", rejects_path: Path | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> ImportSummary:
    """Import the file; `progress(done, total)` every batch of rows; `cancel()` returning
    True stops there (the rows written so far are whole batches). The file, the mapping and
    the rejects place are checked before the first write: a bad one raises, writes nothing."""
    if on_duplicate not in ON_DUPLICATE:
        raise ValidationError("on_duplicate", f"must be one of: {', '.join(ON_DUPLICATE)}")
    table = read_table(path)
    plan = resolve(mapping_from(mapping), table.headers)
    total = table.count()  # also reads the whole file once: malformed CSV fails here
    run = _Run(ctx, table.sha256, on_duplicate,
               RejectsFile(rejects_path or default_rejects_path(table.path), table.headers))
    run.rejects.check(inputs=(table.path,
                              Path(mapping) if isinstance(mapping, str | Path) else None),
                      data_dir=ctx.store.paths.data_dir, chosen=rejects_path is not None)
    run.earlier_versions = _versions(ctx, table.sha256, import_place(table.path))
    with ctx.store.session() as session:
        done_rows: dict[int, str | None] = {n: digest for n, digest in session.execute(
            select(ImportedRow.row_number, ImportedRow.row_sha256).where(
                ImportedRow.file_sha256 == table.sha256))}
        caseworkers = caseworker_index(session)
    backfill: dict[int, str] = {}  # rows done before their values were hashed (0006)
    # How often each row's values have come so far in this file: the k-th copy of a row is
    # in an earlier version of the file if that version has it k times or more.
    seen: Counter[str] = Counter()
    processed, reported, cancelled = 0, 0, False
    batch: list[_Pending] = []
    # Refused rows wait with the batch: a row refused for its reference is known only when
    # the batch is written, and the rejects file keeps the rows in file order. A batch is
    # BATCH rows to write (or, in a file of refused rows, BATCH refused rows, so progress
    # and Stop still come every BATCH rows).
    refused: list[Refused] = []
    try:
        for raw in table.rows():
            processed += 1
            if raw.number in done_rows:
                run.counts["already_imported"] += 1
                done = done_rows[raw.number]
                if done is None and (old := prepare_row(raw, plan, caseworkers)).ok:
                    done = backfill[raw.number] = old.content_sha256()
                if done is not None:
                    seen[done] += 1
            else:
                prepared = prepare_row(raw, plan, caseworkers)
                if prepared.ok:
                    digest = prepared.content_sha256()
                    seen[digest] += 1
                    batch.append(_Pending(raw, prepared, digest, seen[digest]))
                else:
                    refused.append((raw, prepared.errors))
            if len(batch) >= BATCH or len(refused) >= BATCH:
                run.write(batch, refused)
                batch, refused = [], []
            # Rows already done or rejected count too, so a re-run reports (and can be
            # cancelled) as it goes; rows waiting in an unwritten batch do not.
            settled = processed - len(batch) - len(refused)
            if settled - reported >= BATCH:
                reported = settled
                if progress:
                    progress(settled, total)
                if cancel and cancel():
                    cancelled = True
                    break
        if (batch or refused) and not cancelled:
            run.write(batch, refused)
            batch, refused = [], []
        if progress and processed - len(batch) - len(refused) != reported:
            progress(processed - len(batch) - len(refused), total)
        # Stopped part-way, the rejects are only part of the file's: the last whole
        # rejects file (or none) stays as it was.
        written = None if cancelled else run.rejects.finish()
        _write_digests(ctx, table.sha256, backfill)
    except KeyboardInterrupt:
        # Ctrl+C or a termination: the batches committed so far stay, and so does the
        # record of who imported what, with what came of it until then.
        _audit(ctx, table.sha256, on_duplicate, run.summary(total, None, cancelled=True))
        raise
    finally:
        run.rejects.discard()
    summary = run.summary(total, written, cancelled)
    _audit(ctx, table.sha256, on_duplicate, summary)
    return summary


def import_place(path: Path) -> str:
    """Where a file was, as a hash of its full path: files found at one place are versions
    of one file. A rejects file ("people.rejects.csv") stands for the file it came from
    ("people.csv"), so a row fixed in either is known in the other."""
    full = Path(path).resolve()
    if full.name.endswith(REJECTS_SUFFIX):
        full = full.with_name(full.name.removesuffix(REJECTS_SUFFIX) + ".csv")
    return hashlib.sha256(str(full).encode("utf-8")).hexdigest()


def _versions(ctx: ServiceContext, sha256: str, place: str) -> list[str]:
    """The hashes of the other files imported from this place; this file is recorded as
    one of them (before any row is written: a run that writes none still counts)."""
    with ctx.store.transaction() as session:
        shas = list(session.scalars(select(ImportFile.file_sha256).where(
            ImportFile.place_sha256 == place)))
        if sha256 not in shas:
            session.add(ImportFile(file_sha256=sha256, place_sha256=place,
                                   first_imported_at=ctx.now()))
    return [s for s in shas if s != sha256]


def _write_digests(ctx: ServiceContext, sha256: str, digests: dict[int, str]) -> None:
    if not digests:
        return
    with ctx.store.transaction() as session:
        session.execute(update(ImportedRow), [  # by primary key, in bulk
            {"file_sha256": sha256, "row_number": n, "row_sha256": d}
            for n, d in digests.items()])


def _audit(ctx: ServiceContext, sha256: str, on_duplicate: str, s: ImportSummary) -> None:
    """Who imported which file, and what came of it (counts only, no names)."""
    with recording(ctx) as rec:
        rec.audit("import", "file", None, None, {
            "sha256": sha256, "on_duplicate": on_duplicate, "cancelled": s.cancelled,
            **{k: getattr(s, k) for k in ("imported", "flagged", "skipped", "rejected",
                                          "already_imported", "total_rows")}})


@dataclass(frozen=True)
class _Pending:
    raw: RawRow  # its cells go to the rejects file if the row is refused for its reference
    row: PreparedRow
    digest: str  # `PreparedRow.content_sha256`
    copy: int  # 1 for the first row of the file with these values, 2 for the next...


class _Run:
    def __init__(self, ctx: ServiceContext, sha256: str, on_duplicate: str,
                 rejects: RejectsFile) -> None:
        self.ctx, self.sha256, self.on_duplicate, self.rejects = ctx, sha256, on_duplicate, rejects
        self.counts = dict.fromkeys(("imported", "flagged", "skipped", "already_imported",
                                     "meanwhile"), 0)
        self.earlier_versions: list[str] = []  # files imported before from the same place

    def summary(self, total: int, written: Path | None, cancelled: bool) -> ImportSummary:
        c = self.counts
        return ImportSummary(imported=c["imported"], flagged=c["flagged"],
                             skipped=c["skipped"], rejected=self.rejects.count,
                             already_imported=c["already_imported"], total_rows=total,
                             rejects_path=written, cancelled=cancelled,
                             stale_rejects_removed=self.rejects.removed_stale,
                             imported_meanwhile=c["meanwhile"])

    def write(self, batch: list[_Pending], refused: list[Refused]) -> None:
        """One transaction: every row of the batch with its ImportedRow, or none of them;
        then the batch's refused rows go to the rejects file, in file order."""
        counts = dict.fromkeys(self.counts, 0)
        refused = list(refused)
        if batch:
            self._write(batch, counts, refused)
        for key, n in counts.items():  # only once the batch is committed
            self.counts[key] += n
        for raw, errors in sorted(refused, key=lambda r: r[0].number):
            self.rejects.add(raw, errors)

    def _write(self, batch: list[_Pending], counts: dict[str, int],
               refused: list[Refused]) -> None:
        with recording(self.ctx) as rec:
            # The transaction holds the write lock from its start (BEGIN IMMEDIATE): rows
            # another run of this file wrote since this run read what was done are seen
            # here, and none can be written between this check and this batch's rows.
            meanwhile = set(rec.session.scalars(select(ImportedRow.row_number).where(
                ImportedRow.file_sha256 == self.sha256,
                ImportedRow.row_number.in_([p.row.number for p in batch]))))
            batch = [p for p in batch if p.row.number not in meanwhile]
            counts["already_imported"] += len(meanwhile)
            counts["meanwhile"] += len(meanwhile)
            # One query per batch (not an autoflush and a query per row).
            holders = RefHolders(rec.session, (
                (p.row.profile["external_ref"], p.digest) for p in batch
                if p.row.profile.get("external_ref")))
            earlier = self._in_earlier_versions(rec.session, {p.digest for p in batch})
            for pending in batch:
                row = pending.row
                copies, earlier_pid = earlier.get(pending.digest, (0, None))
                if pending.copy <= copies:  # unchanged since a version imported before
                    outcome, pid = "present", earlier_pid
                else:
                    outcome, pid = self._one(rec, pending, holders)
                if outcome == "refused":
                    refused.append((pending.raw, {"external_ref": REF_TAKEN}))
                    continue
                rec.session.add(ImportedRow(file_sha256=self.sha256, row_number=row.number,
                                            outcome=outcome, participant_id=pid,
                                            imported_at=self.ctx.now(),
                                            row_sha256=pending.digest))
                counts["already_imported" if outcome == "present" else
                       "skipped" if outcome == "skipped" else "imported"] += 1
                counts["flagged"] += outcome == "flagged"

    def _in_earlier_versions(self, session: Session,
                             digests: set[str]) -> dict[str, tuple[int, str | None]]:
        """Row values -> (how many times the earlier version that has them most often has
        them, a file they went to)."""
        if not self.earlier_versions or not digests:
            return {}
        out: dict[str, tuple[int, str | None]] = {}
        for digest, n, pid in session.execute(
                select(ImportedRow.row_sha256, func.count(), func.max(ImportedRow.participant_id))
                .where(ImportedRow.file_sha256.in_(self.earlier_versions),
                       ImportedRow.row_sha256.in_(digests))
                .group_by(ImportedRow.row_sha256, ImportedRow.file_sha256)):
            if digest is not None and n > out.get(digest, (0, None))[0]:
                out[digest] = (n, pid)
        return out

    def _one(self, rec: ChangeRecorder, pending: _Pending,
             holders: RefHolders) -> tuple[str, str | None]:
        session, row = rec.session, pending.row
        ref = row.profile.get("external_ref")
        if ref and holders.is_held(ref):
            same = holders.same_row(ref, pending.digest, row.profile)
            return ("present", same) if same is not None else ("refused", None)
        best = None
        if self.on_duplicate != "create":
            found = find_duplicates_in(session, row.profile, 1)
            best = found[0] if found else None
        # Only a confident match is left out: a row with few details to compare (a name, no
        # date, phone or ID) may be anyone who bears the name, so it is imported and flagged.
        if best is not None and self.on_duplicate == "skip" and best.score >= THRESHOLD:
            return "skipped", None
        pid = create_participant_in(rec, dict(row.profile), [dict(a) for a in row.aliases], [],
                                    status=row.status or ParticipantStatus.REFERRED.value)
        if ref:
            holders.add(ref, pid, pending.digest, row.profile)
        if best is None:
            return "imported", pid
        session.add(DuplicateReview(participant_id=pid, candidate_id=best.participant_id,
                                    score=best.score, reasons=list(best.reasons),
                                    source="import", created_at=self.ctx.now()))
        return "flagged", pid
