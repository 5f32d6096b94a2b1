"""Ctrl+C at any point of a `ccms` command: one short "interrupted" line, exit status 130, no
traceback, and the store as it was (or, for `init`, no store at all). A real process each
time, stopped at a chosen point by tests/cli/interrupt_at.py before SIGINT is sent: while
its modules are imported, while the key is derived at unlock, while a new store is made,
at the start of an import, and as the process exits."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_ccms_cli import ROOT, ccms
from tests.cli.test_import_cli import generate

WAIT = 120  # seconds: a deadline for the process to reach the point, never a pause


def _interrupted_at(point: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    read_end, write_end = os.pipe()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCMS_")}
    env.update(CCMS_PASSPHRASE="p4ssphrase for tests", CCMS_TEST_STOP_AT=point,
               CCMS_TEST_READY_FD=str(write_end))
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.cli.interrupt_at", "--data-dir", str(data_dir),
             *args], cwd=ROOT, env=env, pass_fds=(write_end,), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], WAIT)
        assert ready and os.read(read_end, 100) == b"ready\n", \
            f"ccms never reached {point}: {proc.communicate(timeout=WAIT)}"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=WAIT)
    finally:
        os.close(read_end)
        if proc.poll() is None:
            proc.kill()
            proc.wait(WAIT)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _clean_interruption(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if not line.startswith("importing ")]
    assert len(lines) == 1 and lines[0].startswith("ccms: interrupted"), done.stderr


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("interrupt") / "store"
    assert ccms(d, "init", "--office", "Vancouver").returncode == 0
    assert ccms(d, "seed", "--participants", "20", "--seed", "3").returncode == 0
    return d


def _participants(store: Path) -> str:
    done = ccms(store, "doctor")
    assert done.returncode == 0, done.stderr
    return next(line for line in done.stdout.splitlines() if "participant:" in line)


@pytest.mark.parametrize("point", [
    "import:sqlalchemy",  # the first of the heavy imports, at once after starting
    "import:app.services.importing",
    "import:argon2",
    "call:app.store.store:unwrap_key",  # the key derivation, at unlock
    "call:app.services.importing:read_table",  # the import itself begins
    "exit",  # the import is done and the process is ending
])
def test_ctrl_c_anywhere_in_an_import(store: Path, tmp_path: Path, point: str) -> None:
    before = _participants(store)
    files = generate(tmp_path, 5, seed=31)
    done = _interrupted_at(point, store, "import", "--file", str(files["people"]),
                           "--mapping", str(files["mapping"]))
    _clean_interruption(done)
    assert not list(tmp_path.glob("*rejects*"))
    if point != "exit":
        assert _participants(store) == before  # nothing of the file went in
        again = ccms(store, "import", "--file", str(files["people"]), "--mapping",
                     str(files["mapping"]))
        assert again.returncode == 0, again.stderr  # and the store works as before


@pytest.mark.parametrize("point", ["import:sqlalchemy", "call:app.store.store:unwrap_key",
                                   "exit"])
def test_ctrl_c_anywhere_in_doctor(store: Path, point: str) -> None:
    before = _participants(store)
    _clean_interruption(_interrupted_at(point, store, "doctor"))
    assert _participants(store) == before


@pytest.mark.parametrize("point", [
    "call:app.store.store:wrap_key",  # the passphrase's key derivation for the envelope
    "call:app.store.migrate:upgrade",  # the schema being made
    "call:app.services.setup:office_zone_for",  # the office being written
])
def test_ctrl_c_while_a_store_is_made_leaves_no_store(tmp_path: Path, point: str) -> None:
    d = tmp_path / "store"
    _clean_interruption(_interrupted_at(point, d, "init", "--office", "Vancouver"))
    assert not (d / "store.db").exists() and not (d / "store.envelope.json").exists()
    assert ccms(d, "init", "--office", "Vancouver").returncode == 0
    assert "participant: 0" in ccms(d, "doctor").stdout
