"""`ccms` through a real subprocess: init, seed, doctor, export, passwd, and clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def ccms(data_dir: Path, *args: str, passphrase: str | None = "p4ssphrase for tests",
         extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCMS_")}
    if passphrase is not None:
        env["CCMS_PASSPHRASE"] = passphrase
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "app.cli", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli") / "store"
    assert ccms(d, "init", "--office", "Vancouver").returncode == 0
    done = ccms(d, "seed", "--participants", "120", "--seed", "5")
    assert done.returncode == 0, done.stderr
    assert "seeded 120 participants" in done.stdout
    return d


def test_doctor_ok(seeded: Path) -> None:
    done = ccms(seeded, "doctor")
    assert done.returncode == 0, done.stderr
    assert "store OK" in done.stdout and "participant: 120" in done.stdout


def test_export_holds_every_record_once(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    done = ccms(seeded, "export", "--format", "jsonl", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "NOT encrypted" in done.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_entity: dict[str, list[str]] = {}
    for row in rows:
        by_entity.setdefault(row["entity"], []).append(row["id"])
    assert len(by_entity["participant"]) == 120
    for ids in by_entity.values():
        assert len(ids) == len(set(ids))
    assert {"supervision_agreement", "checkin", "referral"} <= set(by_entity)
    assert out.stat().st_mode & 0o077 == 0
    csv_out = tmp_path / "all.csv"
    assert ccms(seeded, "export", "--format", "csv", "--out", str(csv_out)).returncode == 0
    assert csv_out.read_text(encoding="utf-8").startswith("# office")


def test_wrong_passphrase_one_line_and_nothing_changed(seeded: Path) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in seeded.iterdir()}
    done = ccms(seeded, "doctor", passphrase="not it")
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == ["ccms: wrong passphrase"]
    assert "Traceback" not in done.stderr
    assert {p.name: p.stat().st_mtime_ns for p in seeded.iterdir()} == before


def test_missing_store_and_no_passphrase(tmp_path: Path) -> None:
    done = ccms(tmp_path / "none", "doctor")
    assert done.returncode != 0 and "no store" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    done = ccms(tmp_path / "none", "doctor", passphrase=None)
    assert done.returncode != 0 and "CCMS_PASSPHRASE" in done.stderr


def test_init_refuses_to_overwrite(seeded: Path) -> None:
    done = ccms(seeded, "init", "--office", "Vancouver")
    assert done.returncode != 0 and "already exists" in done.stderr


def test_passwd(tmp_path: Path) -> None:
    d = tmp_path / "s"
    assert ccms(d, "init", "--office", "Halifax").returncode == 0
    done = ccms(d, "passwd", extra_env={"CCMS_NEW_PASSPHRASE": "a much longer passphrase"})
    assert done.returncode == 0, done.stderr
    assert ccms(d, "doctor").returncode != 0
    assert ccms(d, "doctor", passphrase="a much longer passphrase").returncode == 0


def test_damaged_page_is_reported_clearly(tmp_path: Path) -> None:
    d = tmp_path / "s"
    assert ccms(d, "init", "--office", "Calgary").returncode == 0
    assert ccms(d, "seed", "--participants", "30").returncode == 0
    db = d / "store.db"
    data = bytearray(db.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096 + 1000  # inside a page in the middle
    data[middle] ^= 0xFF
    db.write_bytes(bytes(data))
    done = ccms(d, "doctor")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "damaged" in done.stderr or "PROBLEM" in done.stderr
