"""Bulk import of participants from a CSV file, through intake's validation and write path.

Each row is validated as intake validates a form (`import_rows.prepare_row`), checked for
probable duplicates against the store (rows imported earlier in the same run included) and
written with `create_participant_in` inside `recording(ctx)`, so it has its audit event and
outbox entry. Rows go in batches, one transaction each; the row's `ImportedRow` (file SHA-256,
data row number, outcome) is written in the same transaction as its participant. Hence:
- an interrupted import (Ctrl+C, a kill, a crash) keeps whole batches only;
- running the same file again skips the rows already done and completes the rest;
- a row whose external_ref is already in the store is never created again ("present"),
  whatever file it comes from.
Rejected rows are not recorded: a re-run checks them again and writes them to the rejects
file again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.errors import ValidationError
from app.models import DuplicateReview, ImportedRow, Participant
from app.models.enums import ParticipantStatus
from app.services.context import ServiceContext
from app.services.import_csv import read_table
from app.services.import_mapping import load_mapping, resolve
from app.services.import_rejects import RejectsFile, default_rejects_path
from app.services.import_rows import PreparedRow, caseworker_index, prepare_row
from app.services.matching import THRESHOLD, find_duplicates_in
from app.services.participants import create_participant_in
from app.services.recorder import ChangeRecorder, recording

BATCH = 250
ON_DUPLICATE = ("flag", "skip", "create")
MappingArg = dict[str, Any] | str | Path | None


@dataclass(frozen=True)
class ImportSummary:
    """Every data row is counted once: total_rows = imported + skipped + rejected +
    already_imported (+ the rows not reached when cancelled). `flagged` is the part of
    `imported` paired with a probable duplicate for review. `already_imported` counts rows
    done by an earlier run of this file and rows whose external_ref was already in the
    store."""

    imported: int
    flagged: int
    skipped: int
    rejected: int
    already_imported: int
    total_rows: int
    rejects_path: Path | None
    cancelled: bool = False


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
    run.rejects.check()
    with ctx.store.session() as session:
        done_rows = set(session.scalars(select(ImportedRow.row_number).where(
            ImportedRow.file_sha256 == table.sha256)))
        caseworkers = caseworker_index(session)
    processed, reported, cancelled = 0, 0, False
    batch: list[PreparedRow] = []
    try:
        for raw in table.rows():
            processed += 1
            if raw.number in done_rows:
                run.counts["already_imported"] += 1
            else:
                prepared = prepare_row(raw, plan, caseworkers)
                if prepared.ok:
                    batch.append(prepared)
                else:
                    run.rejects.add(raw, prepared.errors)
            if len(batch) >= BATCH:
                run.write(batch)
                batch = []
            # Rows already done or rejected count too, so a re-run reports (and can be
            # cancelled) as it goes; rows waiting in an unwritten batch do not.
            settled = processed - len(batch)
            if settled - reported >= BATCH:
                reported = settled
                if progress:
                    progress(settled, total)
                if cancel and cancel():
                    cancelled = True
                    break
        if batch and not cancelled:
            run.write(batch)
            batch = []
        if progress:
            progress(processed - len(batch), total)
        written = run.rejects.finish()
    finally:
        run.rejects.discard()
    c = run.counts
    summary = ImportSummary(imported=c["imported"], flagged=c["flagged"], skipped=c["skipped"],
                            rejected=run.rejects.count, already_imported=c["already_imported"],
                            total_rows=total, rejects_path=written, cancelled=cancelled)
    with recording(ctx) as rec:
        # Who imported which file, and what came of it (counts only, no names).
        rec.audit("import", "file", None, None, {
            "sha256": table.sha256, "on_duplicate": on_duplicate,
            **{k: getattr(summary, k) for k in ("imported", "flagged", "skipped", "rejected",
                                                "already_imported", "total_rows")}})
    return summary


class _Run:
    def __init__(self, ctx: ServiceContext, sha256: str, on_duplicate: str,
                 rejects: RejectsFile) -> None:
        self.ctx, self.sha256, self.on_duplicate, self.rejects = ctx, sha256, on_duplicate, rejects
        self.counts = dict.fromkeys(("imported", "flagged", "skipped", "already_imported"), 0)

    def write(self, batch: list[PreparedRow]) -> None:
        """One transaction: every row of the batch with its ImportedRow, or none of them."""
        counts = dict.fromkeys(self.counts, 0)
        refs = {r.profile["external_ref"] for r in batch if r.profile.get("external_ref")}
        with recording(self.ctx) as rec:
            # One query per batch (not an autoflush and a query per row). Any file with the
            # reference counts, even a merged or purged one: never created twice.
            present: dict[str, str] = {ref: pid for ref, pid in rec.session.execute(
                select(Participant.external_ref, Participant.id).where(
                    Participant.external_ref.in_(refs)))} if refs else {}
            for row in batch:
                outcome, pid = self._one(rec, row, present)
                rec.session.add(ImportedRow(file_sha256=self.sha256, row_number=row.number,
                                            outcome=outcome, participant_id=pid,
                                            imported_at=self.ctx.now()))
                counts["already_imported" if outcome == "present" else
                       "skipped" if outcome == "skipped" else "imported"] += 1
                counts["flagged"] += outcome == "flagged"
        for key, n in counts.items():  # only once the batch is committed
            self.counts[key] += n

    def _one(self, rec: ChangeRecorder, row: PreparedRow,
             present: dict[str, str]) -> tuple[str, str | None]:
        session = rec.session
        ref = row.profile.get("external_ref")
        if ref and ref in present:
            return "present", present[ref]
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
            present[ref] = pid  # a second row with this reference in the batch is present
        if best is None:
            return "imported", pid
        session.add(DuplicateReview(participant_id=pid, candidate_id=best.participant_id,
                                    score=best.score, reasons=list(best.reasons),
                                    source="import", created_at=self.ctx.now()))
        return "flagged", pid
