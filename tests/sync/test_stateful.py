"""Random offline edits on several devices, random faults on the wire, then everyone syncs
twice: every device equals the server, and every acknowledged change is there once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from app.models import OutboxEntry
from app.services import participants as ps
from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.context import ServiceContext
from app.sync import state
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, server_state
from tests.sync.proxy import Fault, FaultProxy

DEVICES = 3
CITIES = ("Surrey", "Burnaby", "Delta", "Richmond", "Victoria")
FAULTS = [Fault("cut", after_bytes=50), Fault("status", status=503, retry_after="0"),
          Fault("truncated"), Fault("refuse"), Fault("garbage")]


@pytest.fixture
def server_db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.db'}"


def test_random_edits_and_faults_converge(devices: Devices, server: RunningServer) -> None:
    port = int(server.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    ctxs = [devices.new(f"d{i}") for i in range(DEVICES)]
    for ctx in ctxs:
        state.write(ctx.store, state.SERVER_URL, proxy.url)

    class Machine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.people: list[str] = []
            self.acknowledged: set[str] = set()  # op ids the server answered

        @rule(device=st.integers(0, DEVICES - 1), n=st.integers(0, 999))
        def intake(self, device: int, n: int) -> None:
            self.people.append(ps.create_participant(
                ctxs[device], {"family_name": f"Stateful{n:03d}"}))

        @precondition(lambda self: self.people)
        @rule(device=st.integers(0, DEVICES - 1), who=st.integers(0, 10_000),
              city=st.sampled_from(CITIES), phone=st.integers(0, 9999))
        def edit(self, device: int, who: int, city: str, phone: int) -> None:
            pid = self.people[who % len(self.people)]
            ctx = ctxs[device]
            try:
                ps.get_participant(ctx, pid, record_view=False)
            except Exception:  # not on this device yet: it has not pulled it
                return
            changes = {"city": city} if phone % 2 else {"phone": f"604 555 {phone:04d}"}
            ps.update_participant(ctx, pid, changes)

        @rule(device=st.integers(0, DEVICES - 1), faults=st.lists(st.sampled_from(FAULTS),
                                                                  max_size=3))
        def sync_with_faults(self, device: int, faults: list[Fault]) -> None:
            proxy.faults.clear()
            proxy.add(*faults)
            before = _op_ids(ctxs[device])
            sync(ctxs[device], retries=1)
            self.acknowledged |= before - _op_ids(ctxs[device])

        @invariant()
        def nothing_lost_locally(self) -> None:
            # An operation leaves a device's outbox only once the server answered it.
            for ctx in ctxs:
                assert _op_ids(ctx).isdisjoint(self.acknowledged)

        def teardown(self) -> None:
            proxy.faults.clear()
            converge(ctxs, server.db_url)
            assert _applied_once(server.db_url, self.acknowledged)

    try:
        run_state_machine_as_test(Machine, settings=settings(
            max_examples=20, stateful_step_count=15, deadline=None, derandomize=True,
            suppress_health_check=list(HealthCheck)))
    finally:
        proxy.close()


def converge(ctxs: list[ServiceContext], db_url: str) -> dict[tuple[str, str], Any]:
    """Everyone syncs; a person settles every clash (each choice is itself an audited
    change); everyone syncs twice. Then every device equals the server, nothing queued: the
    server's state is returned."""
    for ctx in ctxs:
        assert sync(ctx).complete
    for ctx in ctxs:
        for c in list_conflicts(ctx):
            resolve_conflict(ctx, c.id, "dismiss" if c.field == "*" else "server")
    for _ in range(2):
        for ctx in ctxs:
            assert sync(ctx).complete
    expected = server_state(db_url, ctxs[0].office_id)
    for ctx in ctxs:
        assert _op_ids(ctx) == set()
        assert device_state(ctx) == expected
    return expected


def _op_ids(ctx: ServiceContext) -> set[str]:
    with ctx.store.session() as s:
        return set(s.scalars(select(OutboxEntry.op_id)))


def _applied_once(db_url: str, acknowledged: set[str]) -> bool:
    """Every acknowledged op id is recorded exactly once on the server (its primary key)."""
    from sqlalchemy import create_engine

    from server.db import AppliedOp

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(AppliedOp.op_id, func.count()).group_by(
                AppliedOp.op_id)).all()
    finally:
        engine.dispose()
    counts = dict(rows)
    return all(counts.get(op) == 1 for op in acknowledged)


