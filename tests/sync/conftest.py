"""The real reference server on a free loopback port, and enrolled devices."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import uvicorn

from app.services.context import ServiceContext
from app.services.setup import initialise_store
from app.sync.enrolment import enrol_device
from app.sync.runner import SyncSummary, client_for, run_sync
from server.app import create_app
from server.cli import main as server_cli
from server.db import init_db, make_engine
from tests.conftest import FAST_KDF, PASSPHRASE, FixedClock

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met before the deadline")
        time.sleep(0.02)


def _enrol_code(db_url: str, office: str = "Vancouver") -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert server_cli(["enrol", "--db", db_url, "--office", office]) == 0
    return out.getvalue().strip()


@dataclass
class RunningServer:
    url: str
    db_url: str

    def enrol_code(self, office: str = "Vancouver") -> str:
        return _enrol_code(self.db_url, office)


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    url = os.environ.get("CCMS_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL not available: set CCMS_TEST_PG_URL (CI starts one)")
    import sqlalchemy

    engine = sqlalchemy.create_engine(url)
    from server.db import Base

    Base.metadata.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture
def server(server_db_url: str) -> Iterator[RunningServer]:
    """The reference server in a thread of this process (uvicorn, real HTTP on loopback)."""
    sessions = init_db(make_engine(server_db_url))
    port = free_port()
    config = uvicorn.Config(create_app(sessions), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    wait_until(lambda: srv.started)
    yield RunningServer(f"http://127.0.0.1:{port}", server_db_url)
    srv.should_exit = True
    thread.join(timeout=10)


@dataclass
class ServerProcess:
    """The reference server as its own process, so a test can kill it."""

    db_url: str
    port: int
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--db", self.db_url, "--port",
             str(self.port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def up() -> bool:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return True
            except OSError:
                return False

        wait_until(up)

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(timeout=10)
            self.proc = None


@pytest.fixture
def server_process(tmp_path: Path) -> Iterator[ServerProcess]:
    db_url = f"sqlite:///{tmp_path / 'server-proc.db'}"
    init_db(make_engine(db_url))
    sp = ServerProcess(db_url, free_port())
    sp.start()
    yield sp
    sp.kill()


class Devices:
    """Stores for one office, each enrolled with the server, each with its own clock."""

    def __init__(self, tmp_path: Path, server_url: str, code: Callable[[], str]) -> None:
        self.tmp, self.url, self.code = tmp_path, server_url, code
        self.made: list[ServiceContext] = []

    def new(self, name: str, office: str = "Vancouver") -> ServiceContext:
        _store, ctx = initialise_store(self.tmp / name, PASSPHRASE, office, f"Worker {name}",
                                      kdf=FAST_KDF)
        ctx.clock = FixedClock(_start())
        enrol_device(ctx, self.url, self.code())
        self.made.append(ctx)
        return ctx

    def new_on(self, other: ServerProcess, name: str = "p") -> ServiceContext:
        """A device enrolled with a server running in its own process."""
        saved = self.url, self.code
        self.url = other.url
        self.code = lambda: _enrol_code(other.db_url)
        try:
            return self.new(name)
        finally:
            self.url, self.code = saved

    def close(self) -> None:
        for ctx in self.made:
            if ctx.store.is_unlocked:
                ctx.store.lock()


def _start() -> datetime:
    return datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def devices(tmp_path: Path, server: RunningServer) -> Iterator[Devices]:
    d = Devices(tmp_path, server.url, server.enrol_code)
    yield d
    d.close()


def sync(ctx: ServiceContext, batch_size: int = 200, page_size: int = 500,
         **client_options: object) -> SyncSummary:
    options = {"retries": 3, "backoff": 0.01, "max_backoff": 0.2, **client_options}
    return run_sync(ctx, client_for(ctx, **options), batch_size=batch_size,  # type: ignore[arg-type]
                    page_size=page_size)
