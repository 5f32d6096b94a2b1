"""What an import does with the files around it: an edited copy of a file imports only the
rows that changed, a fixed rejects file imports as its rows would have, the rejects file
tells of the last run, and files that cannot be imported as they are (an unclosed quote,
no rows, no header, a mapping that reads a column twice) are refused before any write.
All names are synthetic."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import CCMSError, ValidationError
from app.models import AuditEvent, ImportedRow, Participant
from app.services import importing
from app.services.context import ServiceContext
from app.services.import_mapping_file import load_mapping
from app.services.importing import run_import
from tests.services.test_import import count, write

HEADER = "family_name,given_names,date_of_birth,phone\n"
PEOPLE = [f"Testperson{i},Given{i},1980-02-{i + 1:02d},+1 604 555 01{i:02d}\n"
          for i in range(12)]


def summary_counts(s: importing.ImportSummary) -> tuple[int, int, int]:
    return s.imported + s.skipped, s.rejected, s.already_imported


def test_an_edited_copy_of_a_file_imports_only_the_rows_that_changed(
        ctx: ServiceContext, tmp_path: Path) -> None:
    rows = PEOPLE[:]
    rows[3] = ",Given3,1980-02-04,\n"  # no family name: refused
    f = write(tmp_path / "caseload.csv", HEADER + "".join(rows))
    assert summary_counts(run_import(ctx, f, None, on_duplicate="create")) == (11, 1, 0)
    rows[3] = PEOPLE[3]  # fixed in place: the file's hash changes
    write(f, HEADER + "".join(rows) + "\n")
    assert summary_counts(run_import(ctx, f, None, on_duplicate="create")) == (1, 0, 11)
    # Reordered, with a blank line: nothing is new.
    write(f, HEADER + "\n" + "".join(reversed(rows)))
    assert summary_counts(run_import(ctx, f, None, on_duplicate="create")) == (0, 0, 12)
    assert count(ctx, Participant) == 12


def test_identical_rows_count_as_many_people_as_they_are(
        ctx: ServiceContext, tmp_path: Path) -> None:
    """Two people with one name and nothing else look alike in a file; a version with a
    third row like them adds one person, not zero or three."""
    f = write(tmp_path / "names.csv", "family_name\nAbdiwali\nAbdiwali\n")
    assert summary_counts(run_import(ctx, f, None, on_duplicate="create")) == (2, 0, 0)
    write(f, "family_name\nAbdiwali\nAbdiwali\nAbdiwali\n")
    assert summary_counts(run_import(ctx, f, None, on_duplicate="create")) == (1, 0, 2)
    assert count(ctx, Participant) == 3


@pytest.mark.parametrize("other", ["b.csv", "elsewhere/a.csv"])
def test_a_file_from_another_place_is_not_taken_for_a_version(
        ctx: ServiceContext, tmp_path: Path, other: str) -> None:
    """Rows equal to another file's are flagged as probable duplicates, not left out: two
    offices' files (even of one name) may each hold a different person of one name."""
    run_import(ctx, write(tmp_path / "a.csv", "family_name\nAbdiwali\n"), None)
    (tmp_path / other).parent.mkdir(exist_ok=True)
    again = run_import(ctx, write(tmp_path / other, "family_name\nAbdiwali\n\n"), None)
    assert (again.imported, again.flagged, again.already_imported) == (1, 1, 0)


def test_a_copy_under_another_name_finishes_an_interrupted_import(
        ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "BATCH", 5)
    f = write(tmp_path / "a.csv", HEADER + "".join(PEOPLE))
    assert run_import(ctx, f, None, on_duplicate="create", cancel=lambda: True).imported == 5
    copy = write(tmp_path / "a (1).csv", f.read_text("utf-8"))
    done = run_import(ctx, copy, None, on_duplicate="create")
    assert (done.imported, done.already_imported) == (7, 5)
    assert count(ctx, Participant) == 12


def test_rows_imported_before_their_values_were_hashed_are_known_to_a_new_version(
        ctx: ServiceContext, tmp_path: Path) -> None:
    """A store from before migration 0006: its imported rows have no hash and its files no
    place. A run of the same file records both, so a version of it imports only its change."""
    from sqlalchemy import delete, update

    from app.models import ImportFile

    f = write(tmp_path / "caseload.csv", HEADER + "".join(PEOPLE))
    run_import(ctx, f, None, on_duplicate="create")
    with ctx.store.transaction() as s:
        s.execute(update(ImportedRow).values(row_sha256=None))
        s.execute(delete(ImportFile))
    assert summary_counts(run_import(ctx, f, None)) == (0, 0, 12)
    write(f, HEADER + "".join(PEOPLE) + "Testperson99,Given99,1981-03-03,\n")
    assert summary_counts(run_import(ctx, f, None, on_duplicate="create")) == (1, 0, 12)


def test_a_row_fixed_in_the_rejects_file_is_known_when_fixed_in_the_file_too(
        ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "in.csv", HEADER + PEOPLE[0] + ",Given1,1980-02-02,\n")
    rejects = run_import(ctx, f, None).rejects_path
    assert rejects is not None
    fixed = rejects.read_text("utf-8-sig").replace(",,Given1", ",Testperson1,Given1")
    rejects.write_text(fixed, "utf-8-sig")
    assert run_import(ctx, rejects, None).imported == 1
    write(f, HEADER + PEOPLE[0] + "Testperson1,Given1,1980-02-02,\n")  # the same fix
    assert summary_counts(run_import(ctx, f, None)) == (0, 0, 2)
    assert count(ctx, Participant) == 2


def test_a_stopped_run_leaves_the_last_whole_rejects_file(
        ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "BATCH", 5)
    f = write(tmp_path / "in.csv", HEADER + "".join(PEOPLE) + ",Given99,1980-02-02,\n")
    rejects = run_import(ctx, f, None, on_duplicate="create").rejects_path
    assert rejects is not None
    whole = rejects.read_bytes()
    write(f, HEADER + ",Given98,1980-02-02,\n" + "".join(PEOPLE) + ",Given99,1980-02-02,\n")
    stopped = run_import(ctx, f, None, cancel=lambda: True)
    assert stopped.cancelled and stopped.rejects_path is None
    assert not stopped.stale_rejects_removed and rejects.read_bytes() == whole


def test_a_fixed_rejects_file_imports_and_its_own_columns_are_left_out(
        ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "in.csv", HEADER + ",Given0,1980-02-01,+1 604 555 0100\n")
    rejects = run_import(ctx, f, None).rejects_path
    assert rejects is not None
    with rejects.open(encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh))
    assert header == ["row", "line", "reasons", "family_name", "given_names", "date_of_birth",
                      "phone"]
    assert row[-1] == "'+1 604 555 0100"  # kept from running as a formula in a spreadsheet
    # Still refused (no family name), and refused again with the same columns.
    again = run_import(ctx, rejects, None)
    with again.rejects_path.open(encoding="utf-8-sig", newline="") as fh:  # type: ignore[union-attr]
        assert next(csv.reader(fh)) == header
    row[3] = "Testperson0"
    with rejects.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([header, row])
    assert run_import(ctx, rejects, None).imported == 1
    with ctx.store.session() as s:
        assert s.scalars(select(Participant.phone)).one() == "+1 604 555 0100"


def test_a_run_with_no_refused_row_removes_the_earlier_rejects_file_only(
        ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "in.csv", HEADER + ",Given0,1980-02-01,\n")
    rejects = run_import(ctx, f, None).rejects_path
    assert rejects is not None and rejects.exists()
    write(f, HEADER + "Testperson0,Given0,1980-02-01,\n")
    done = run_import(ctx, f, None)
    assert done.stale_rejects_removed and not rejects.exists()
    # A file of the user's that is not a rejects file is never removed.
    mine = write(tmp_path / "mine.csv", "my,own,notes\n")
    write(f, HEADER + "Testperson1,Given1,1980-02-02,\n")
    assert not run_import(ctx, f, None, rejects_path=mine).stale_rejects_removed
    assert mine.read_text("utf-8") == "my,own,notes\n"


def test_an_unclosed_quote_refuses_the_file_before_any_write(
        ctx: ServiceContext, tmp_path: Path) -> None:
    rows = PEOPLE[:]
    rows[2] = '"' + rows[2]  # opened, and closed by the quote added below
    rows[8] = rows[8].replace("Given8", 'Giv"en8')
    f = write(tmp_path / "q.csv", HEADER + "".join(rows))
    with pytest.raises(CCMSError, match=r"line 4: a quote .* closed only on line 10"):
        run_import(ctx, f, None)
    assert count(ctx, Participant) == 0


def test_a_line_break_inside_a_cell_is_still_a_row(ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "family_name,given_names,address_line,notes\n"
              'Testperson,Given,"12 Example St, Apt 4\nVancouver, BC","seen twice\nok"\n'
              'Testpersonb,Given,,"Called twice\nspoke to mother, sister, aunt, uncle"\n')
    # The notes column is not imported: a mapping leaves it out (without one, the file
    # would be refused for a column that is no field).
    mapping = {f: f for f in ("family_name", "given_names", "address_line")}
    done = run_import(ctx, f, mapping)
    # An address must be on one line; a note that lists things is not taken for a row.
    assert (done.imported, done.rejected) == (1, 1)


def test_a_cell_written_with_a_quote_before_a_tab_comes_back_clean(
        ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "in.csv", "family_name,given_names\n'\tTestperson,Amani\n")
    assert run_import(ctx, f, None).imported == 1
    with ctx.store.session() as s:
        assert s.scalars(select(Participant.family_name)).one() == "Testperson"


def test_outputs_are_written_where_the_system_has_no_o_nofollow(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows: os has no O_NOFOLLOW."""
    import importlib
    import os

    from app.services import output_files

    monkeypatch.delattr(os, "O_NOFOLLOW", raising=False)
    try:
        fresh = importlib.reload(output_files)
        with fresh.AtomicFile(tmp_path / "out.txt") as fh:
            fh.write("written\n")
    finally:
        monkeypatch.undo()
        importlib.reload(output_files)
    assert (tmp_path / "out.txt").read_text("utf-8") == "written\n"


@pytest.mark.parametrize("text, message", [
    (HEADER, "has a header line but no data rows"),
    (",,\n,,\n", "has no header line"),
])
def test_a_file_without_rows_or_header_is_refused(ctx: ServiceContext, tmp_path: Path,
                                                  text: str, message: str) -> None:
    with pytest.raises(CCMSError, match=message):
        run_import(ctx, write(tmp_path / "f.csv", text), None)
    assert count(ctx, Participant) == 0


@pytest.mark.parametrize("text, message", [
    ('{"family_name": "family_name", "family_name": "given_names"}',
     "mapping: names 'family_name' twice"),
    ('{"family_name": {"column": "a", "column": "b"}}', "mapping: names 'column' twice"),
])
def test_a_key_twice_in_a_mapping_is_refused(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        load_mapping(write(tmp_path / "m.json", text))


def test_a_column_read_as_two_fields_is_refused(ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "f.csv", HEADER + PEOPLE[0])
    with pytest.raises(ValidationError, match="column 'family_name' is already read as "
                                              "family_name"):
        run_import(ctx, f, {"family_name": "family_name", "given_names": "family_name"})
    assert count(ctx, Participant) == 0


@pytest.mark.parametrize("where, message", [
    ("input", "is in.csv, which this command reads"),
    ("mapping", "is m.json, which this command reads"),
    ("store", "is inside the store's folder"),
])
def test_rejects_are_never_written_over_an_input_or_the_store(
        ctx: ServiceContext, tmp_path: Path, where: str, message: str) -> None:
    f = write(tmp_path / "in.csv", HEADER + ",Given0,1980-02-01,\n")
    m = write(tmp_path / "m.json", '{"family_name": "family_name"}')
    target = {"input": f, "mapping": m,
              "store": ctx.store.paths.data_dir / "rejects.csv"}[where]
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(ValidationError, match=message):
        run_import(ctx, f, m, rejects_path=target)
    assert (target.read_bytes() if target.exists() else None) == before
    assert count(ctx, ImportedRow) == 0


def test_the_default_rejects_place_says_how_to_choose_another(
        ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "in.csv", HEADER + PEOPLE[0])
    (tmp_path / "in.rejects.csv").mkdir()
    with pytest.raises(ValidationError, match=r"beside the file by default \(in.rejects.csv\), "
                                              r"but is a folder; .*choose another place"):
        run_import(ctx, f, None)


def test_an_interrupted_import_is_audited_with_what_it_did(
        ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "BATCH", 5)
    f = write(tmp_path / "in.csv", HEADER + "".join(PEOPLE))
    calls = 0

    def interrupt(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_import(ctx, f, None, on_duplicate="create", progress=interrupt)
    with ctx.store.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "import")).one()
    assert event.details["cancelled"] is True
    assert event.details["imported"] == count(ctx, Participant) == 10


def test_dev_shm_is_a_folder_like_any_other_but_dev_and_proc_are_not(tmp_path: Path) -> None:
    from app.services.output_files import check_output

    for stream in (Path("/dev/stdout"), Path("/dev/null"), Path("/proc/self/fd/1")):
        with pytest.raises(ValidationError, match="a device, a pipe or a system file"):
            check_output(stream, "out")
    if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK):
        assert check_output(Path("/dev/shm/ccms-test.jsonl"), "out") == Path(
            "/dev/shm/ccms-test.jsonl").resolve()
