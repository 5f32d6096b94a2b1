"""The client killed with SIGKILL at random moments of a sync, twenty times: after a clean
restart nothing is lost and nothing is applied twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import OutboxEntry
from app.services.context import ServiceContext
from app.services.health import check_store
from app.services.participants import create_participant, update_participant
from app.services.setup import open_store
from app.services.synthetic import seed
from tests.conftest import PASSPHRASE
from tests.sync.conftest import ROOT, Devices, RunningServer
from tests.sync.helpers import device_state, server_state, server_versions

KILLS = 20


def _count_ops(ctx: ServiceContext,
               known: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    """Operations per record: those already counted plus the ones now queued and new."""
    with ctx.store.session() as s:
        queued = s.execute(select(OutboxEntry.op_id, OutboxEntry.entity,
                                  OutboxEntry.record_id)).all()
    out = dict(known)
    for op_id, entity, record_id in queued:
        if op_id not in _SEEN:
            _SEEN.add(op_id)
            out[(entity, record_id)] = out.get((entity, record_id), 0) + 1
    return out


_SEEN: set[str] = set()


def test_sigkill_during_sync_loses_and_duplicates_nothing(devices: Devices,
                                                          server: RunningServer) -> None:
    a = devices.new("a")
    seed(a, 25, 9)
    data_dir = a.store.paths.data_dir
    expected = _count_ops(a, {})
    a.store.lock()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("CCMS_")},
           "CCMS_PASSPHRASE": PASSPHRASE}
    rng = random.Random(20261124)
    for i in range(KILLS):
        # New offline work before every run, so each kill lands on a sync with work to do.
        store, ctx = open_store(data_dir, PASSPHRASE)
        pid = create_participant(ctx, {"family_name": f"Killtest-{i:02d}"})
        update_participant(ctx, pid, {"city": "Moncton"})
        expected = _count_ops(ctx, expected)
        store.lock()
        proc = subprocess.Popen([sys.executable, "-m", "app.cli", "--data-dir", str(data_dir),
                                 "sync"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + rng.uniform(0.3, 2.5)
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    done = subprocess.run([sys.executable, "-m", "app.cli", "--data-dir", str(data_dir),
                           "sync"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    store, ctx = open_store(data_dir, PASSPHRASE)
    try:
        with store.session() as s:
            assert s.scalar(select(func.count(OutboxEntry.seq))) == 0
        assert check_store(ctx).ok
        assert server_versions(server.db_url) == expected  # each operation applied once
        assert device_state(ctx) == server_state(server.db_url, ctx.office_id)
    finally:
        store.lock()


@pytest.fixture
def server_db_url(tmp_path: Path) -> str:
    """Faults are about the wire and the client: one database engine is enough here."""
    return f"sqlite:///{tmp_path / 'server.db'}"
