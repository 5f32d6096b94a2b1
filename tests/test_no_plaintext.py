"""After seeding, no file under the data folder holds a seeded name, phone or client ID."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.models import Participant
from app.services.context import ServiceContext
from app.services.documents import attach_document
from app.services.notes import add_note
from app.services.synthetic import seed
from app.store.store import Store
from tests.conftest import PASSPHRASE


def _secrets(ctx: ServiceContext) -> set[bytes]:
    with ctx.store.session() as s:
        rows = s.execute(select(Participant.family_name, Participant.given_names,
                                Participant.phone, Participant.client_id)).all()
    values = {v for row in rows for v in row if v}
    # Six bytes or more: any shorter string turns up by chance in megabytes of ciphertext.
    return {v.encode("utf-8") for v in values if len(v.encode("utf-8")) >= 6}


def _leaks(folder: Path, needles: set[bytes]) -> list[tuple[str, bytes]]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [(path.name, n) for n in needles if n in data]
    return found


def test_no_personal_data_in_any_file(ctx: ServiceContext, store_dir: Path) -> None:
    seed(ctx, 60, 11)
    with ctx.store.session() as s:
        pid = s.scalar(select(Participant.id).limit(1))
    assert pid is not None
    add_note(ctx, pid, "Distinctive note text: Quetzalcoatl-Harbour-7731")
    attach_document(ctx, pid, "scan.pdf", b"%PDF-1.4 Unmistakable-Scan-Content-4471 %%EOF")
    needles = _secrets(ctx) | {b"Quetzalcoatl-Harbour-7731", b"Unmistakable-Scan-Content-4471"}
    assert len(needles) > 150
    assert (store_dir / "store.db-wal").exists()
    assert _leaks(store_dir, needles) == []  # while open: database, WAL and -shm
    ctx.store.lock()
    assert _leaks(store_dir, needles) == []  # after lock (checkpointed)
    store = Store(store_dir)
    store.unlock(PASSPHRASE)  # still readable: the check above was not vacuous
    with store.session() as s:
        assert s.scalar(select(Participant.id).where(Participant.id == pid)) == pid
    store.lock()
