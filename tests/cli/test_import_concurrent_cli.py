"""`ccms import` while another import of the same file writes its rows: it finishes the
file, says another import took some of its rows, and shows no error (tests/import_hold.py
forces the order: `ccms import` runs on a thread, held before its first batch)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.cli import main
from app.services.context import ServiceContext
from tests.conftest import PASSPHRASE
from tests.import_hold import WAIT, first_two_batches, other_thread_held
from tests.services.test_import import count
from tests.services.test_import_concurrent import caseload


def test_ccms_import_beside_another_import_of_the_file(
        ctx: ServiceContext, store_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from app.models import Participant

    (tmp_path / "in").mkdir()
    f = caseload(tmp_path / "in")
    monkeypatch.setenv("CCMS_PASSPHRASE", PASSPHRASE)
    codes: dict[str, int] = {}

    def second() -> None:
        codes["ccms"] = main(["--data-dir", str(store_dir), "import", "--file", str(f),
                              "--on-duplicate", "create"])

    with other_thread_held(monkeypatch) as held:
        thread = threading.Thread(target=second)
        thread.start()
        assert held["waiting"].wait(WAIT), "ccms import never reached its first batch"
        assert first_two_batches(ctx, f).imported == 20
        held["go"].set()
        thread.join(WAIT)
    assert not thread.is_alive() and codes["ccms"] == 0
    out, err = capsys.readouterr()
    assert out.startswith("imported 15, flagged 0, skipped 0, rejected 0, already imported 20")
    assert ("ccms: another import of this file ran at the same time and imported 20 of its "
            "rows; they are counted as already imported, none was imported twice") in err
    assert "Error" not in err and "Traceback" not in err
    assert count(ctx, Participant) == 35
