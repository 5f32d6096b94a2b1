"""Two imports of one file at once on one store (two windows, a window and `ccms import`):
the one that comes second skips the rows the other has written since it started, counts
them as already imported and says so; no error, no row twice, nothing half-written. The
order is forced (tests/import_hold.py): the second import is held before its first batch
until the first one has written its rows."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent, ImportedRow, OutboxEntry, Participant
from app.services.context import ServiceContext
from app.services.importing import ImportSummary, run_import
from tests.import_hold import WAIT, first_two_batches, other_thread_held
from tests.services.test_import import count, write


def caseload(tmp_path: Path) -> Path:
    return write(tmp_path / "many.csv", "family_name,given_names,external_ref\n" +
                 "".join(f"Testperson{i:03d},Given,R{i}\n" for i in range(35)))


def test_a_second_import_of_the_same_file_skips_the_rows_the_first_wrote(
        ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = caseload(tmp_path)
    outcome: dict[str, ImportSummary | BaseException] = {}

    def second() -> None:
        try:
            outcome["second"] = run_import(ctx, f, None, on_duplicate="create")
        except BaseException as exc:  # reported by the test below, not lost in the thread
            outcome["second"] = exc

    with other_thread_held(monkeypatch) as held:
        thread = threading.Thread(target=second)
        thread.start()
        assert held["waiting"].wait(WAIT), "the second import never reached its batch"
        first = first_two_batches(ctx, f)
        assert first.cancelled and first.imported == 20
        held["go"].set()
        thread.join(WAIT)
    assert not thread.is_alive()
    second_summary = outcome["second"]
    assert isinstance(second_summary, ImportSummary), repr(second_summary)
    assert (second_summary.imported, second_summary.already_imported,
            second_summary.rejected) == (15, 20, 0)
    assert second_summary.imported_meanwhile == 20 and not second_summary.cancelled
    # Each row once, each person once, with its audit event and outbox entry.
    assert count(ctx, Participant) == count(ctx, ImportedRow) == 35
    with ctx.store.session() as s:
        refs = s.scalar(select(func.count(func.distinct(Participant.external_ref))))
    assert refs == 35
    assert count(ctx, OutboxEntry, OutboxEntry.entity == "participant") == 35
    assert count(ctx, AuditEvent, AuditEvent.entity == "participant",
                 AuditEvent.action == "create") == 35
    # Run again: all there, nothing taken "meanwhile".
    again = run_import(ctx, f, None)
    assert (again.already_imported, again.imported_meanwhile) == (35, 0)
