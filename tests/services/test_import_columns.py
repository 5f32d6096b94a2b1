"""Without a mapping, every column must be a field key: a column that is not (a typo, notes)
refuses the file before anything is written, naming the column and the key it is nearest
to; with a mapping, columns it does not name are left out on purpose. Synthetic names."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ValidationError
from app.models import AuditEvent, ImportFile, Participant
from app.services.context import ServiceContext
from app.services.import_check import duplicates_in_file, preview
from app.services.importing import run_import
from tests.services.test_import import count, write


def _refusal(call: object) -> str:
    with pytest.raises(ValidationError) as raised:
        call()  # type: ignore[operator]
    return raised.value.errors["columns"]


def test_a_misspelt_column_refuses_the_file_naming_it_and_the_key_it_is_near(
        ctx: ServiceContext, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    f = write(tmp_path / "in" / "typo.csv", "family_name,date_of_brith,Notes,Given-Names\n"
              "Testperson,1980-01-02,seen twice,Amani\n")
    message = _refusal(lambda: run_import(ctx, f, None))
    assert message.startswith("not field names, so their data would be left out: "
                              "'date_of_brith' (did you mean date_of_birth?), 'Notes', "
                              "'Given-Names' (did you mean given_names?); rename each")
    assert "--mapping" in message and message.endswith("nothing was imported")
    assert count(ctx, Participant) == count(ctx, AuditEvent, AuditEvent.action == "import") == 0
    assert count(ctx, ImportFile) == 0
    assert list(f.parent.iterdir()) == [f]  # no rejects file
    # The preview (the app's dialog) and `ccms duplicates --file` refuse it the same way.
    assert _refusal(lambda: preview(f, None, 5, ctx)) == message
    assert _refusal(lambda: duplicates_in_file(ctx, f, None)) == message


def test_no_suggestion_of_a_key_the_file_has_or_of_a_far_one(ctx: ServiceContext,
                                                            tmp_path: Path) -> None:
    f = write(tmp_path / "far.csv", "family_name,date_of_birth,date_of_brith,Surname\nA,,,\n")
    assert "'date_of_brith', 'Surname'; rename" in _refusal(lambda: run_import(ctx, f, None))


def test_a_mapping_leaves_out_the_columns_it_does_not_name(ctx: ServiceContext,
                                                           tmp_path: Path) -> None:
    f = write(tmp_path / "typo.csv", "family_name,date_of_brith,Notes\nTestperson,,x\n")
    assert run_import(ctx, f, {"family_name": "family_name"}).imported == 1


def test_a_rejects_file_and_a_column_without_header_still_import(ctx: ServiceContext,
                                                                 tmp_path: Path) -> None:
    """A rejects file's own row, line and reasons columns are not data; an empty header (a
    spreadsheet's trailing delimiter) names nothing."""
    f = write(tmp_path / "people.rejects.csv", "row,line,reasons,family_name,given_names,\n"
              "2,3,family_name: is required,Testperson,Amani,\n")
    assert run_import(ctx, f, None).imported == 1
