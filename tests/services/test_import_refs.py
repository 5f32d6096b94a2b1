"""An old-system reference (external_ref) already in the store: the row it came from is
"already imported", a different row under it is refused with its reason, never dropped
without a word. All names are synthetic (tests.caseload_csv)."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from app.models import ImportedRow, Participant
from app.services.context import ServiceContext
from app.services.import_check import preview
from app.services.import_refs import REF_TAKEN
from app.services.importing import ImportSummary, run_import
from app.services.participants import create_participant
from tests.caseload_csv import HEADERS, MAPPING, people, write_csv
from tests.services.test_import import count, write


def _counts(s: ImportSummary) -> tuple[int, int, int, int]:
    return s.imported, s.skipped, s.rejected, s.already_imported


def _rejects(path: Path) -> dict[int, tuple[int, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {int(r["row"]): (int(r["line"]), r["reasons"]) for r in csv.DictReader(fh)}


def test_another_export_reusing_the_references_is_refused_not_taken_for_imported(
        ctx: ServiceContext, tmp_path: Path) -> None:
    """Two files of the generator with different seeds: the same references (OLD0000001...)
    for different people. The second file's rows are refused, each with its line."""
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    write_csv(first, people(30, seed=1), HEADERS)
    write_csv(second, people(30, seed=2), HEADERS)
    assert _counts(run_import(ctx, first, MAPPING, on_duplicate="create")) == (30, 0, 0, 0)
    names = {p.external_ref: p.family_name for p in _all(ctx)}

    refused = run_import(ctx, second, MAPPING, on_duplicate="create")
    assert _counts(refused) == (0, 0, 30, 0) and refused.total_rows == 30
    assert refused.rejects_path == tmp_path / "second.rejects.csv"
    assert _rejects(refused.rejects_path) == {
        n: (n + 1, f"external_ref: {REF_TAKEN}") for n in range(1, 31)}
    assert count(ctx, Participant) == 30
    assert {p.external_ref: p.family_name for p in _all(ctx)} == names  # nobody overwritten

    # The very same import again: nothing added, the same rows refused, nothing more.
    again = run_import(ctx, second, MAPPING, on_duplicate="create")
    assert _counts(again) == (0, 0, 30, 0)
    assert _rejects(again.rejects_path) == _rejects(refused.rejects_path)  # type: ignore[arg-type]
    assert _counts(run_import(ctx, first, MAPPING)) == (0, 0, 0, 30)
    assert count(ctx, Participant) == 30


def test_the_same_row_from_another_file_is_already_imported(
        ctx: ServiceContext, tmp_path: Path) -> None:
    """A later export that repeats a row as it was (same values, same reference) is the
    row imported before; a new reference is imported; a changed row under a held
    reference is refused."""
    rows = people(6, seed=4)
    write_csv(tmp_path / "march.csv", rows, HEADERS)
    run_import(ctx, tmp_path / "march.csv", MAPPING, on_duplicate="create")
    later = [*rows[:4], {**rows[4], "Surname": "Othername"},
             *people(7, seed=4)[6:]]  # row 6: OLD0000007, new
    (tmp_path / "april").mkdir()
    write_csv(tmp_path / "april" / "march.csv", later, HEADERS)  # another place
    done = run_import(ctx, tmp_path / "april" / "march.csv", MAPPING, on_duplicate="create")
    assert _counts(done) == (1, 0, 1, 4)
    assert _rejects(done.rejects_path) == {5: (6, f"external_ref: {REF_TAKEN}")}  # type: ignore[arg-type]
    assert count(ctx, Participant) == 7


def test_a_reference_given_twice_in_one_file(ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "b.csv", "family_name,given_names,external_ref\n"
              "Karimi,Reza,OLD-77\nRezaei,Zahra,OLD-78\nRezaei,Zahra,OLD-78\n"
              "Karimi,Leila,OLD-77\n")
    done = run_import(ctx, f, None, on_duplicate="create")
    assert _counts(done) == (2, 0, 1, 1)
    assert _rejects(done.rejects_path) == {4: (5, f"external_ref: {REF_TAKEN}")}  # type: ignore[arg-type]
    with ctx.store.session() as s:
        outcomes = {n: o for n, o in s.execute(
            select(ImportedRow.row_number, ImportedRow.outcome))}
    assert outcomes == {1: "imported", 2: "imported", 3: "present"}  # row 4 not recorded
    assert _counts(run_import(ctx, f, None, on_duplicate="create")) == (0, 0, 1, 3)


def test_a_file_entered_at_intake_with_the_same_values_is_the_row(
        ctx: ServiceContext, tmp_path: Path) -> None:
    """A file with the reference that no import made (intake, another device by sync):
    the row is that file when every value it imports is the file's."""
    create_participant(ctx, {"family_name": "Karimi", "given_names": "Reza",
                             "date_of_birth": "1980-02-03", "external_ref": "OLD-9"})
    f = write(tmp_path / "c.csv", "family_name,given_names,date_of_birth,external_ref\n"
              "Karimi,Reza,1980-02-03,OLD-9\nKarimi,Reza,1981-02-03,OLD-9\n")
    done = run_import(ctx, f, None, on_duplicate="create")
    assert _counts(done) == (0, 0, 1, 1)
    assert _rejects(done.rejects_path) == {2: (3, f"external_ref: {REF_TAKEN}")}  # type: ignore[arg-type]
    assert count(ctx, Participant) == 1


def _all(ctx: ServiceContext) -> list[Participant]:
    with ctx.store.session() as s:
        return list(s.scalars(select(Participant)))


def test_the_preview_shows_the_rows_a_taken_reference_would_refuse(
        ctx: ServiceContext, tmp_path: Path) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    write_csv(first, people(8, seed=1), HEADERS)
    write_csv(second, people(8, seed=2), HEADERS)
    run_import(ctx, first, MAPPING, on_duplicate="create")
    assert all(r.errors == {"external_ref": REF_TAKEN}
               for r in preview(second, MAPPING, 5, ctx).rows)
    assert [r.errors for r in preview(first, MAPPING, 5, ctx).rows] == [{}] * 5
    assert [r.errors for r in preview(second, MAPPING, 5).rows] == [{}] * 5  # no store
