"""Sync figures against the reference server running in its own process on loopback:
batched push versus one change per request, and a new device's initial pull."""

from __future__ import annotations

import contextlib
import io
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from app.models import ENTITIES, Participant
from app.models.wire import to_wire
from app.services.context import ServiceContext
from app.services.recorder import recording
from app.services.setup import initialise_store
from app.store.envelope import KdfParams
from app.sync.enrolment import enrol_device
from app.sync.runner import client_for, run_sync
from server.cli import main as server_cli
from server.db import Record, init_db, make_engine

ROOT = Path(__file__).resolve().parents[1]
FAST = KdfParams(1, 8192, 1)  # the store's unlock cost is measured elsewhere


@contextlib.contextmanager
def server_process(db_url: str) -> Iterator[str]:
    init_db(make_engine(db_url))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "server", "serve", "--db", db_url,
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("the reference server did not start") from None
            time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.kill()
        proc.wait(timeout=10)


def _code(db_url: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        server_cli(["enrol", "--db", db_url, "--office", "Benchmark Office"])
    return out.getvalue().strip()


def _device(folder: Path, name: str, url: str, db_url: str) -> ServiceContext:
    _, ctx = initialise_store(folder / name, "benchmark passphrase", "Benchmark Office",
                              "Bench", kdf=FAST)
    enrol_device(ctx, url, _code(db_url))
    return ctx


def _queue_changes(ctx: ServiceContext, changes: int) -> int:
    """Each new participant is two operations (the record and its audit event)."""
    with recording(ctx) as rec:
        for i in range(changes // 2):
            rec.create(Participant(family_name=f"Batchbench{i:05d}", status="referred",
                                   languages=[], needs={}, risk_flags=[],
                                   vulnerability_flags=[], consent_to_share=[],
                                   search_text=f"batchbench{i:05d}"))
    from app.sync.push import pending_count

    return pending_count(ctx)


def sync_batch_speedup(changes: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        timings: dict[int, float] = {}
        for batch in (200, 1):
            db_url = f"sqlite:///{folder / f'server-{batch}.db'}"
            with server_process(db_url) as url:
                ctx = _device(folder, f"dev-{batch}", url, db_url)
                queued = _queue_changes(ctx, changes)
                started = time.perf_counter()
                summary = run_sync(ctx, client_for(ctx), batch_size=batch)
                timings[batch] = time.perf_counter() - started
                assert summary.complete and summary.pushed == queued, summary
                ctx.store.lock()
    return {"sync_batch_speedup": round(timings[1] / timings[200], 1),
            "sync_batch": {"changes": queued, "batched_s": round(timings[200], 2),
                           "one_per_request_s": round(timings[1], 2), "batch_size": 200}}


def _load_server(db_url: str, source: ServiceContext, office_id: str) -> int:
    """Fixture setup: the scale store's records written straight into the server's table."""
    engine = make_engine(db_url)
    seq = 0
    with source.store.session() as session, engine.begin() as conn:
        for name, cls in ENTITIES.items():
            batch: list[dict[str, Any]] = []
            for row in session.scalars(select(cls).execution_options(yield_per=5000)):
                seq += 1
                values = to_wire(row)
                values["office_id"] = office_id
                batch.append({"entity": name, "record_id": row.id, "office_id": office_id,
                              "version": 1, "values": values, "seq": seq,
                              "last_device_id": None})
                if len(batch) >= 5000:
                    conn.execute(insert(Record), batch)
                    batch.clear()
            if batch:
                conn.execute(insert(Record), batch)
        conn.exec_driver_sql(f"UPDATE change_counter SET value = {seq}")
    engine.dispose()
    return seq


def initial_pull(source: ServiceContext) -> dict[str, Any]:
    from app.models import office_id_for

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_url = f"sqlite:///{folder / 'server.db'}"
        init_db(make_engine(db_url))
        records = _load_server(db_url, source, office_id_for("Benchmark Office"))
        with server_process(db_url) as url:
            ctx = _device(folder, "new-device", url, db_url)
            started = time.perf_counter()
            summary = run_sync(ctx, client_for(ctx), page_size=1000)
            elapsed = time.perf_counter() - started
            assert summary.complete, summary
            ctx.store.lock()
    return {"initial_pull_s": round(elapsed, 2),
            "initial_pull": {"records": records, "pulled": summary.pulled,
                             "records_per_s": round(summary.pulled / elapsed)}}
