"""`ccms stats` through a real subprocess: the file and its one-line summary; a bad month
or a bad place is one line on stderr, a non-zero exit and no file."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.services.statistics import previous_month
from tests.cli.test_ccms_cli import ccms


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("stats") / "store"
    assert ccms(d, "init", "--office", "Halifax").returncode == 0
    done = ccms(d, "seed", "--participants", "40", "--seed", "3")
    assert done.returncode == 0, done.stderr
    return d


def test_csv_of_a_month(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "feb.csv"
    done = ccms(store, "stats", "--month", "2025-02", "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[:3] == [["section", "key", "value"], ["about", "office", "Halifax"],
                        ["about", "month", "2025-02"]]
    figures = rows[3:]
    assert done.stdout.splitlines() == [f"wrote {len(figures)} figures for 2025-02 to {out}"]
    at_export = sum(int(r[2]) for r in figures
                    if r[0] == "files" and r[1].endswith("(at export)"))
    assert at_export == sum(int(r[2]) for r in figures if r[0] == "workload") > 0
    assert out.stat().st_mode & 0o077 == 0
    assert ccms(store, "doctor").returncode == 0  # the audit chain holds the new event


def test_json_of_the_previous_month_by_default(store: Path, tmp_path: Path) -> None:
    before = previous_month(datetime.now(UTC).date())
    out = tmp_path / "last.json"
    done = ccms(store, "stats", "--format", "json", "--out", str(out))
    after = previous_month(datetime.now(UTC).date())
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["month"] in {before.strftime("%Y-%m"), after.strftime("%Y-%m")}
    assert doc["office"] == "Halifax"
    assert done.stdout.splitlines() == [
        f"wrote {len(doc['figures'])} figures for {doc['month']} to {out}"]


@pytest.mark.parametrize("args, message", [
    (("--month", "2025-13"), "ccms: month: must be a month as YYYY-MM"),
    (("--month", "last month"), "ccms: month: must be a month as YYYY-MM"),
    (("--month", "2999-01"), "ccms: month: is in the future"),
])
def test_a_bad_month_writes_nothing(store: Path, tmp_path: Path, args: tuple[str, ...],
                                    message: str) -> None:
    out = tmp_path / "s.csv"
    done = ccms(store, "stats", *args, "--out", str(out))
    assert done.returncode != 0
    assert done.stderr.splitlines() == [message]
    assert done.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_or_the_stores_folder_writes_nothing(store: Path,
                                                              tmp_path: Path) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in store.iterdir()}
    for out, why in ((tmp_path / "nowhere" / "s.csv", "its folder does not exist"),
                     (store / "s.csv", "is inside the store's folder")):
        done = ccms(store, "stats", "--month", "2025-02", "--out", str(out))
        assert done.returncode != 0
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("ccms: out: ") and why in lines[0]
        assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    assert {p.name: p.stat().st_mtime_ns for p in store.iterdir()} == before
