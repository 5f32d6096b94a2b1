"""`ccms duplicates --scan`: the pairs are kept for review only once the output file is
written, so a failed write changes nothing. In-process, to make the write fail."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import import_commands
from app.errors import CCMSError
from app.models import DuplicateReview
from app.services.context import ServiceContext
from app.services.output_files import AtomicFile
from app.services.participants import create_participant


def _reviews(ctx: ServiceContext) -> int:
    with ctx.store.session() as s:
        return s.scalar(select(func.count()).select_from(DuplicateReview)) or 0


def test_a_scan_whose_output_cannot_be_written_keeps_no_pair(
        ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(2):
        create_participant(ctx, {"family_name": "Testperson", "given_names": "Amani",
                                 "date_of_birth": "1984-05-06", "phone": "604 555 0199"})
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "pairs.jsonl"
    args = argparse.Namespace(out=out)

    def full_disk(self: AtomicFile) -> Path:
        self.discard()
        raise CCMSError(f"cannot write {self.path}: No space left on device")

    with monkeypatch.context() as m:
        m.setattr(AtomicFile, "commit", full_disk)
        with pytest.raises(CCMSError, match="No space left"):
            import_commands.scan_store_for_duplicates(ctx, args)
    assert _reviews(ctx) == 0 and not list(out.parent.iterdir())
    assert import_commands.scan_store_for_duplicates(ctx, args) == 0
    assert _reviews(ctx) == 1 and len(out.read_text("utf-8").splitlines()) == 1
