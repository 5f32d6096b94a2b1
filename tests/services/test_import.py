"""Bulk import from CSV: the same validation and write path as intake, precise rejects,
idempotent re-runs, duplicates flagged / skipped / created. All names are synthetic."""

from __future__ import annotations

import csv
import logging
import os
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import ColumnElement, func, select

from app.errors import CCMSError, ValidationError
from app.models import AuditEvent, DuplicateReview, ImportedRow, OutboxEntry, Participant
from app.services import importing
from app.services.context import ServiceContext
from app.services.import_check import preview
from app.services.import_csv import RawRow
from app.services.import_mapping import FIELDS, DateFormat, mapping_template, resolve
from app.services.import_rows import prepare_row
from app.services.importing import run_import
from app.services.participants import create_participant

HEADER = "Surname,Given,DOB,Client,Phone,Address,Notes,Old ID,Worker,Status,Other names"
MAPPING = {
    "family_name": "Surname", "given_names": "Given",
    "date_of_birth": {"column": "DOB", "format": "%d/%m/%Y"}, "client_id": "Client",
    "phone": "Phone", "address_line": "Address", "external_ref": "Old ID",
    "caseworker": "Worker", "status": "Status", "aliases": "Other names",
}
# Data row, then what the rejects file must say about it (None: imported).
ROWS: list[tuple[str, str | None]] = [
    ("Okafor,Grace,12/03/1985,12345678,+1 604 555 0101,,,A-1,Test Worker,referred,", None),
    (",Amina,01/01/1990,,,,,A-2,,,", "family_name: is required"),
    ("Haddad,Omar,31/02/1990,,,,,A-3,,,", "date_of_birth: is not a real date"),
    ("Haddad,Nour,01/01/2099,,,,,A-4,,,", "date_of_birth: is in the future"),
    ("Silva,Rosa,02/02/1980,12345,,,,A-5,,,", "client_id: must be 8 or 10 digits"),
    ("Diallo,Moussa,02/02/1981,,,,,A-6,,,,surplus", "row: has 12 columns, the header has 11"),
    ("Diallo,Aminata,02/02/1982", "row: has 3 columns, the header has 11"),
    ('"=HYPERLINK(""http://example.org"",""open"")",Ana,03/03/1983,,,,,A-8,,,',
     "family_name: looks like a spreadsheet formula (starts with =, +, - or @); refused"),
    ("Mensah,Kwame,04/04/1984,,-2+3,,,A-9,,,",
     "phone: looks like a spreadsheet formula (starts with =, +, - or @); refused"),
    ('Tesfaye,Selam,05/05/1985,,,"12 Example St\nApt 3",,A-10,,,',
     "address_line: must be on one line"),
    ('Kamara,Abdi,06/06/1986,,,,"met twice\nsee file",A-11,,,', None),  # newline, unmapped
    ("Nguyễn,,1980,,,,,A-12,,,", None),  # one name only, year of birth only
    ("محمد,أحمد,04/1979,,,,,A-13,,,", None),  # Arabic script, month and year only
    ('Іваненко,Олена,UNK/07/1975,,,,,A-14,,,"Shevchenko; Petrov, Oksana"', None),
    ("Mwangi,Otieno,07/07/1987,,,,,A-15,Nobody Known,,",
     "caseworker: is not a known caseworker (name or email)"),
    ("Reyes,Cruz,08/08/1988,,,,,A-16,,Active,", None),  # an old system's status is kept
    ("Reyes,Luis,08/08/1989,,,,,A-18,,on hold,",
     "status: must be one of: referred, assessed, accepted, refused, active, suspended, closed"),
    ("Osei,Abena,1988/08/08,,,,,A-17,,,",
     "date_of_birth: does not match the date format %d/%m/%Y"),
]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def caseload(tmp_path: Path) -> Path:
    return write(tmp_path / "old.csv", HEADER + "\n" + "\n".join(r for r, _ in ROWS) + "\n")


def count(ctx: ServiceContext, model: type, *where: ColumnElement[bool]) -> int:
    with ctx.store.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def participants(ctx: ServiceContext) -> dict[str, Participant]:
    with ctx.store.session() as s:
        return {p.external_ref or p.family_name: p for p in s.scalars(select(Participant))}


def test_bad_rows_rejected_precisely_good_rows_imported_once(
        ctx: ServiceContext, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    rejects = tmp_path / "rejects.csv"
    summary = run_import(ctx, caseload(tmp_path), MAPPING, rejects_path=rejects)
    good = [f"A-{i}" for i, (_, why) in enumerate(ROWS, start=1) if why is None]
    bad = {i: why for i, (_, why) in enumerate(ROWS, start=1) if why is not None}
    assert (summary.imported, summary.rejected, summary.total_rows) == (len(good), len(bad),
                                                                        len(ROWS))
    assert summary.rejects_path == rejects and rejects.stat().st_mode & 0o077 == 0
    with rejects.open(encoding="utf-8-sig", newline="") as fh:
        got = {int(r["row"]): (int(r["line"]), r["reasons"]) for r in csv.DictReader(fh)}
    # File lines: the header is line 1; rows 10 and 11 each hold one line break.
    lines = {n: n + 1 + (n > 10) + (n > 11) for n in range(1, len(ROWS) + 1)}
    assert got == {n: (lines[n], why) for n, why in bad.items()}
    with rejects.open(encoding="utf-8-sig", newline="") as fh:
        formula_row = next(r for r in csv.DictReader(fh) if r["row"] == "8")
    assert formula_row["Surname"].startswith("'=")  # the rejects file never runs it
    people = participants(ctx)
    assert sorted(people) == sorted(good)
    assert people["A-1"].phone == "+1 604 555 0101"
    assert people["A-1"].caseworker_id == ctx.actor_id
    assert people["A-12"].given_names is None and people["A-12"].date_of_birth == "1980"
    assert people["A-13"].family_name == "محمد" and people["A-13"].date_of_birth == "1979-04"
    assert people["A-14"].date_of_birth == "1975-07"
    for ref, p in people.items():
        assert p.status == ("active" if ref == "A-16" else "referred")
        assert count(ctx, AuditEvent, AuditEvent.record_id == p.id,
                     AuditEvent.action == "create") == 1
        assert count(ctx, OutboxEntry, OutboxEntry.record_id == p.id,
                     OutboxEntry.entity == "participant") == 1
    assert count(ctx, OutboxEntry, OutboxEntry.entity == "alias") == 2
    assert count(ctx, ImportedRow) == len(good)
    for value in ("Haddad", "Amina", "HYPERLINK", "12345", "Okafor"):
        assert value not in caplog.text

    again = run_import(ctx, caseload(tmp_path), MAPPING, rejects_path=rejects)
    assert (again.imported, again.already_imported, again.rejected) == (0, len(good), len(bad))
    assert count(ctx, Participant) == len(good)


@pytest.mark.parametrize("delimiter, bom", [(";", False), ("\t", False), ("|", False),
                                            (",", True)])
def test_delimiters_and_bom(ctx: ServiceContext, tmp_path: Path, delimiter: str,
                           bom: bool) -> None:
    text = (f"family_name{delimiter}given_names{delimiter}date_of_birth{delimiter}aliases\n"
            f"Kowalski{delimiter}Marek{delimiter}1970-05-06{delimiter}\"Kowalsky, Marek\"\n"
            f"Ben Ali{delimiter}{delimiter}1971{delimiter}\n")
    f = write(tmp_path / "plain.csv", ("\ufeff" if bom else "") + text)
    summary = run_import(ctx, f, None, on_duplicate="create")
    assert (summary.imported, summary.rejected) == (2, 0)
    people = participants(ctx)
    assert people["Kowalski"].given_names == "Marek"
    assert people["Kowalski"].date_of_birth == "1970-05-06"
    assert people["Ben Ali"].date_of_birth == "1971"


def test_windows_1252_file_imports_correctly(ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "win.csv", "family_name;given_names\nMartínez-López;José\n",
              encoding="cp1252")
    assert run_import(ctx, f, None).imported == 1
    assert participants(ctx)["Martínez-López"].given_names == "José"


@pytest.mark.parametrize("content, message", [
    (bytes(range(256)) * 4, r"people.csv: line 1 holds a NUL byte"),
    (b"PK\x03\x04" + bytes([7, 0, 0, 0]) * 64, r"people.csv: line 1 holds a NUL byte"),
    (b"family_name\nNguyen\n\n" + b"\x10\x11\x12\x13" * 64, "is not a text CSV file"),
    (b"family_name\nAb\x81x\n", r"line 2, column 3 holds a byte that is neither UTF-8 nor "
     r"Windows-1252"),
    ("family_name\nNguyen\n".encode("utf-16"), r"people.csv is UTF-16 text.*CSV UTF-8"),
    ("family_name\nNguyen\n".encode("utf-16-le"), r"people.csv is UTF-16 text"),
    ("family_name\nNguyen\n".encode("utf-16-be"), r"people.csv is UTF-16 text"),
    # Evidently UTF-8 (é, ễ) with one Windows-1252 é: read as Windows-1252 every accented
    # name would be garbled, read as UTF-8 the last one would.
    (b"family_name,given_names\nNguy\xe1\xbb\x85n,Mar\xc3\xada\nCaf\xe9,Ann\n",
     r"people.csv: line 3, column 4 holds a byte that is not UTF-8.*mixes encodings"),
    (b"\xef\xbb\xbffamily_name\nCaf\xe9\n", r"line 2, column 4 .*mixes encodings"),
])
def test_a_file_that_is_not_text_is_refused_whole(ctx: ServiceContext, tmp_path: Path,
                                                  content: bytes, message: str) -> None:
    (tmp_path / "in").mkdir()
    f = tmp_path / "in" / "people.csv"
    f.write_bytes(content)
    with pytest.raises(CCMSError, match=message) as raised:
        run_import(ctx, f, None)
    assert "nothing was imported" in str(raised.value)
    assert "Nguy" not in str(raised.value) and "Caf" not in str(raised.value)
    assert count(ctx, Participant) == 0
    assert list(f.parent.iterdir()) == [f]  # no rejects file either


def test_a_windows_1252_file_with_a_byte_pair_utf8_would_read_still_imports(
        ctx: ServiceContext, tmp_path: Path) -> None:
    """Only a valid UTF-8 character marks a file as UTF-8; Windows-1252 text with accents
    (no such pair) imports as before."""
    f = write(tmp_path / "win.csv", "family_name,given_names\nCafé,Zoë\nGarçon,Ñandú\n",
              encoding="cp1252")
    assert run_import(ctx, f, None).imported == 2
    assert {p.given_names for p in participants(ctx).values()} == {"Zoë", "Ñandú"}


@pytest.mark.parametrize("mapping, message", [
    ({"family_name": "Surname", "nickname": "Given"}, "mapping.nickname: is not a field"),
    ({"family_name": "Nom"}, "mapping.family_name: column 'Nom' is not in the file"),
    ({"given_names": "Given"}, "mapping.family_name: is required"),
    ({"family_name": "Surname", "date_of_birth": {"column": "DOB", "format": "%d/%m/%y"}},
     "format may use only %Y, %m and %d"),
    ({"family_name": {"column": "Surname", "format": "%Y"}}, "takes no format"),
])
def test_a_bad_mapping_is_refused_before_anything_is_written(
        ctx: ServiceContext, tmp_path: Path, mapping: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        run_import(ctx, caseload(tmp_path), mapping)
    assert count(ctx, Participant) == 0
    assert not (tmp_path / "old.rejects.csv").exists()


@pytest.fixture
def existing(ctx: ServiceContext) -> str:
    return create_participant(ctx, {"family_name": "Okafor", "given_names": "Grace",
                                    "date_of_birth": "1985-03-12", "client_id": "87654321"})


@pytest.mark.parametrize("mode, created, outcome", [
    ("flag", True, "flagged"), ("skip", False, "skipped"), ("create", True, "imported")])
def test_on_duplicate(ctx: ServiceContext, tmp_path: Path, existing: str, mode: str,
                      created: bool, outcome: str) -> None:
    f = write(tmp_path / "dup.csv", "family_name,given_names,date_of_birth\n"
              "Okafor,Grace,1985-03-12\nTremblay,Marc,1975-01-20\n")
    summary = run_import(ctx, f, None, on_duplicate=mode)
    assert summary.imported == 1 + created
    assert summary.flagged == (mode == "flag")
    assert summary.skipped == (mode == "skip")
    assert count(ctx, Participant) == 2 + created
    with ctx.store.session() as s:
        row = s.get(ImportedRow, (_sha(f), 1))
        assert row is not None and row.outcome == outcome
        reviews = s.scalars(select(DuplicateReview)).all()
    if mode == "flag":
        assert [(r.participant_id, r.candidate_id, r.source) for r in reviews] == [
            (row.participant_id, existing, "import")]
        assert "same_dob" in reviews[0].reasons and reviews[0].score > 0.5
    else:
        assert reviews == []
    again = run_import(ctx, f, None, on_duplicate=mode)
    assert (again.imported, again.already_imported) == (0, 2)


def test_skip_leaves_out_only_a_confident_match(ctx: ServiceContext, tmp_path: Path) -> None:
    """A row with a name only may be any of the files that bear it: with --on-duplicate skip
    it is still imported, and flagged with the namesake to review."""
    for i in range(4):
        create_participant(ctx, {"family_name": "Dorelus", "given_names": "Rosly",
                                 "date_of_birth": f"19{70 + i}-03-0{i + 1}"})
    f = write(tmp_path / "names.csv", "family_name,given_names\nDorelus,Rosly\n")
    summary = run_import(ctx, f, None, on_duplicate="skip")
    assert (summary.imported, summary.skipped, summary.flagged) == (1, 0, 1)
    with ctx.store.session() as s:
        review = s.scalars(select(DuplicateReview)).one()
    assert "few_details" in review.reasons


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_duplicates_within_one_file_are_flagged(ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "twice.csv", "family_name,given_names,date_of_birth\n"
              "Habte,Hiwot,1992-02-03\nHabte,Hiwot,1992-02-03\n")
    summary = run_import(ctx, f, None)
    assert (summary.imported, summary.flagged) == (2, 1)
    with ctx.store.session() as s:
        first = s.get(ImportedRow, (_sha(f), 1))
        review = s.scalars(select(DuplicateReview)).one()
    assert first is not None and review.candidate_id == first.participant_id


def test_external_ref_is_never_imported_twice_even_from_another_file(
        ctx: ServiceContext, tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", "family_name,external_ref\nKarimi,OLD-77\n")
    b = write(tmp_path / "b.csv", "family_name,given_names,external_ref\n"
              "Karimi,,OLD-77\nKarimi,Reza,OLD-77\nRezaei,Zahra,OLD-78\n"
              "Rezaei,Zahra,OLD-78\n")
    assert run_import(ctx, a, None).imported == 1
    summary = run_import(ctx, b, None, on_duplicate="create")
    # Row 2 is not the row OLD-77 came from (tests/services/test_import_refs.py).
    assert (summary.imported, summary.already_imported, summary.rejected) == (1, 2, 1)
    assert count(ctx, Participant, Participant.external_ref == "OLD-77") == 1
    assert count(ctx, Participant, Participant.external_ref == "OLD-78") == 1
    with ctx.store.session() as s:
        assert s.get(ImportedRow, (_sha(b), 1)).outcome == "present"  # type: ignore[union-attr]
        assert s.get(ImportedRow, (_sha(b), 2)) is None  # refused rows are not recorded


def test_caseworker_by_name_or_email(ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "cw.csv", "family_name,caseworker\nAbebe,test worker\n")
    assert run_import(ctx, f, None).imported == 1
    assert participants(ctx)["Abebe"].caseworker_id == ctx.actor_id


def test_cancel_stops_after_whole_batches_and_a_rerun_completes(
        ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "BATCH", 10)
    f = write(tmp_path / "many.csv", "family_name,given_names,external_ref\n" +
              "".join(f"Person{i:03d},Test,R{i}\n" for i in range(35)))
    seen: list[tuple[int, int]] = []
    summary = run_import(ctx, f, None, on_duplicate="create",
                         progress=lambda d, t: seen.append((d, t)), cancel=lambda: True)
    assert summary.cancelled and summary.imported == 10 and seen == [(10, 35)]  # once each
    assert count(ctx, Participant) == count(ctx, ImportedRow) == 10
    rest = run_import(ctx, f, None, on_duplicate="create")
    assert (rest.imported, rest.already_imported) == (25, 10)
    assert count(ctx, Participant) == 35
    seen.clear()
    run_import(ctx, f, None, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(10, 35), (20, 35), (30, 35), (35, 35)]  # a re-run reports as it goes


def test_preview_shows_rows_as_they_would_be_imported(tmp_path: Path) -> None:
    shown = preview(caseload(tmp_path), MAPPING, limit=3)
    assert shown.headers[:3] == ("Surname", "Given", "DOB") and shown.delimiter == ","
    assert [r.row for r in shown.rows] == [1, 2, 3]
    assert shown.rows[0].values["date_of_birth"] == "1985-03-12"
    assert shown.rows[0].values["client_id"] == "12345678" and shown.rows[0].errors == {}
    assert shown.rows[1].errors == {"family_name": "is required"}
    assert shown.rows[2].errors == {"date_of_birth": "is not a real date"}


@pytest.mark.parametrize("value, expected", [
    ("12/03/1985", "1985-03-12"), ("2/3/1985", "1985-03-02"), ("03/1985", "1985-03"),
    ("1985", "1985"), ("00/03/1985", "1985-03"), ("??/??/1985", "1985"),
    ("UNK/03/1985", "1985-03"), ("31/02/1985", "1985-02-31")])
def test_partial_date_formats(value: str, expected: str) -> None:
    # Parsing only reads the format; impossible dates are refused by intake's validator.
    assert DateFormat("%d/%m/%Y", partial=True).parse("date_of_birth", value) == expected


def test_full_date_formats_refuse_partial_dates() -> None:
    with pytest.raises(ValidationError, match="does not match the date format"):
        DateFormat("%d/%m/%Y", partial=False).parse("referral_date", "03/2020")


def test_mapping_template_names_every_field() -> None:
    template = mapping_template()
    assert template["date_of_birth"] == {"column": "date_of_birth", "format": "%Y-%m-%d"}
    assert template["external_ref"] == "external_ref" and "caseworker" in template


def test_the_import_itself_is_audited_without_names(ctx: ServiceContext, tmp_path: Path) -> None:
    run_import(ctx, caseload(tmp_path), MAPPING)
    with ctx.store.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "import")).one()
    good = sum(1 for _, why in ROWS if why is None)
    assert (event.details["imported"], event.details["rejected"]) == (good, len(ROWS) - good)
    assert event.actor_id == ctx.actor_id and "Okafor" not in str(event.details)


def test_an_unwritable_rejects_place_is_refused_before_anything_is_written(
        ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="rejects: its folder does not exist"):
        run_import(ctx, caseload(tmp_path), MAPPING, rejects_path=tmp_path / "no" / "r.csv")
    assert count(ctx, Participant) == 0


# Annotated: passed through hypothesis's decorators, a bare ("Cs",) is inferred as tuple[str].
SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
CELL = st.text(alphabet=st.characters(blacklist_categories=SURROGATES), max_size=30)
MARK = "ǂǁ"  # no message contains these letters: finding them would mean a value was echoed
MARKED = st.one_of(CELL, CELL.map(lambda c: c + MARK), CELL.map(lambda c: "=" + c + MARK))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=st.lists(MARKED, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_any_cells_give_clean_values_or_field_errors_that_never_echo_them(
        cells: list[str]) -> None:
    plan = resolve(None, FIELDS)
    row = prepare_row(RawRow(1, 2, tuple(cells)), plan, {"test worker": ("cw-1",)})
    assert set(row.errors) <= set(FIELDS)
    assert all(MARK not in message for message in row.errors.values())
    if row.ok:
        assert row.profile["family_name"]
        for value in row.profile.values():
            assert not (isinstance(value, str) and value.startswith(("=", "-", "@")))


def test_dates_and_ids_in_other_scripts_digits_are_imported_as_0_9(
        ctx: ServiceContext, tmp_path: Path) -> None:
    f = write(tmp_path / "digits.csv", "Surname,DOB,Client\nHaddad,٠٢/٠١/١٩٨٠,١٢٣٤٥٦٧٨\n"
              "Karimi,۰۳/۰۴/۱۹۸۱,\nTanaka,０５/０６/１９８２,\nSilva,01/01/198²,\n")
    mapping = {"family_name": "Surname", "client_id": "Client",
               "date_of_birth": {"column": "DOB", "format": "%d/%m/%Y"}}
    summary = run_import(ctx, f, mapping)
    assert (summary.imported, summary.rejected) == (3, 1)
    people = participants(ctx)
    assert people["Haddad"].date_of_birth == "1980-01-02"
    assert people["Haddad"].client_id == "12345678"
    assert people["Karimi"].date_of_birth == "1981-04-03"
    assert people["Tanaka"].date_of_birth == "1982-06-05"


def test_a_fifo_or_device_is_not_a_regular_file(ctx: ServiceContext, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/null")):
        with pytest.raises(CCMSError, match="is not a regular file"):
            run_import(ctx, path, None)
    assert count(ctx, Participant) == 0
