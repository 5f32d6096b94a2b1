"""Whatever a mapping file holds, the import refuses it in one clear line naming the mapping
key at fault, before a row of the file is read: never a traceback (RecursionError,
UnicodeEncodeError, ValueError), and never a format that would refuse every row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import CCMSError, ValidationError
from app.models import Participant
from app.services import import_csv
from app.services.context import ServiceContext
from app.services.import_mapping_file import MAX_BYTES
from app.services.importing import run_import
from tests.services.test_import import count, write

DEEP = "[" * 100_000 + "]" * 100_000


def _dob(fmt: str) -> str:
    return '{"family_name": "Surname", "date_of_birth": {"column": "DOB", "format": ' + fmt + "}}"


@pytest.mark.parametrize("text, key, message", [
    ('{"family_name": ' + DEEP + "}", "mapping.family_name", "is nested more than 16 levels"),
    ('{"family_name": "Surname", "date_of_birth": {"column": ' + DEEP + "}}",
     "mapping.date_of_birth", "is nested more than 16 levels"),
    (DEEP, "mapping", "is nested more than 16 levels"),
    (_dob(r'"%d/%m/%Y\ud800"'), "mapping.date_of_birth",
     r"format holds a control character or a lone surrogate (such as \ud800)"),
    (_dob(r'"%d\n%m/%Y"'), "mapping.date_of_birth", "format holds a control character"),
    (_dob('"%d/%m/%Y%"'), "mapping.date_of_birth", "format ends with a lone %; write %%"),
    (_dob('"%d/%m/%Y%%%"'), "mapping.date_of_birth", "format ends with a lone %"),
    (_dob('""'), "mapping.date_of_birth", "format is empty"),
    (_dob('"   "'), "mapping.date_of_birth", "format is empty"),
    (_dob('"%d/%m/%Y' + "x" * 50 + '"'), "mapping.date_of_birth",
     "format is too long (at most 40 characters)"),
    (_dob("8"), "mapping.date_of_birth", "format must be text"),
    (_dob('["%Y"]'), "mapping.date_of_birth", "format must be text"),
    (_dob('{"a": 1}'), "mapping.date_of_birth", "format must be text"),
    (_dob("true"), "mapping.date_of_birth", "format must be text"),
    ('{"family_name": 7}', "mapping.family_name", "must name a column (text), or be null"),
    ('{"family_name": ["Surname"]}', "mapping.family_name", "must name a column (text)"),
    ('{"family_name": true}', "mapping.family_name", "must name a column (text)"),
    ('{"family_name": ' + "9" * 5000 + "}", "mapping.family_name", "must name a column"),
    ('{"family_name": -1e999}', "mapping.family_name", "must name a column"),
    ('{"family_name": NaN}', "mapping.family_name", "must name a column"),
    ('{"family_name": {"column": 7}}', "mapping.family_name", "must name a column"),
    ('{"family_name": "Surname", "date_of_birth": {"format": "%Y"}}',
     "mapping.date_of_birth", 'names no column: write {"column": "...", "format": "..."}'),
    ('{"family_name": {"column": "Surname", "colour": "red"}}', "mapping.family_name",
     "has unknown keys: colour"),
    ('{"family_name": null}', "mapping.family_name", "is required"),
    ("null", "mapping", "must be a JSON object with one key per field"),
    ('["Surname"]', "mapping", "must be a JSON object"),
    ('"Surname"', "mapping", "must be a JSON object"),
    ("", "mapping", "is not valid JSON (line 1)"),
    ('{"family_name": "Surname", "family_name": "Given"}', "mapping",
     "names 'family_name' twice"),
    (r'{"family_name": "Surname", "\ud800": "Given"}', r"mapping.\ud800",
     "is not a field that can be imported"),
    (r'{"family_name": "\udc00"}', "mapping.family_name", r"column '\udc00' is not in the file"),
    ('{"family_name": "Surname", "' + "k" * 10_000 + '": 1}', "mapping." + "k" * 60 + "…",
     "is not a field"),
    ('{"family_name": "' + "c" * 10_000 + '"}', "mapping.family_name",
     "column '" + "c" * 60 + "…' is not in the file"),
])
def test_a_mapping_that_cannot_work_is_refused_before_any_row_is_read(
        ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
        key: str, message: str) -> None:
    data = write(tmp_path / "old.csv", "Surname,Given,DOB\nTestperson,Amani,02/03/1980\n")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(text, encoding="utf-8")

    def no_rows(self: import_csv.CsvTable) -> None:
        raise AssertionError("a row was read")

    monkeypatch.setattr(import_csv.CsvTable, "rows", no_rows)
    with pytest.raises(ValidationError) as raised:
        run_import(ctx, data, mapping)
    assert key in raised.value.errors and message in raised.value.errors[key]
    words = str(raised.value)
    words.encode("utf-8")  # a terminal, a log or the rejects file can hold it
    assert "\n" not in words and len(words) < 600
    assert count(ctx, Participant) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mapping.json", "old.csv", "store"]


def test_a_null_format_is_the_default_iso_format(ctx: ServiceContext, tmp_path: Path) -> None:
    data = write(tmp_path / "old.csv", "Surname,DOB\nTestperson,1980-03-02\n")
    mapping = {"family_name": "Surname", "date_of_birth": {"column": "DOB", "format": None}}
    assert run_import(ctx, data, mapping).imported == 1


def test_a_mapping_file_too_large_or_not_a_file_is_refused(tmp_path: Path) -> None:
    from app.services.import_mapping_file import load_mapping

    big = tmp_path / "big.json"
    big.write_text(json.dumps({"family_name": "x" * MAX_BYTES}), encoding="utf-8")
    with pytest.raises(ValidationError, match="mapping: is larger than 1024 KB"):
        load_mapping(big)
    with pytest.raises(CCMSError, match="the mapping file /dev/null is not a regular file"):
        load_mapping(Path("/dev/null"))
