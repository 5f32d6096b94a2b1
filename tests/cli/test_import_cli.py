"""`ccms import` and `ccms duplicates --file` through a real subprocess, with files from
tests.caseload_csv; and an import killed mid-way that a re-run completes exactly."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import interrupts
from app.cli.progress import TerminalProgress
from app.models import AuditEvent, ImportedRow, OutboxEntry, Participant
from app.services.import_mapping import mapping_template
from app.services.importing import BATCH
from app.services.setup import open_store
from tests.cli.test_ccms_cli import ROOT, ccms

PASSPHRASE = "p4ssphrase for tests"
SUMMARY = re.compile(r"^imported (\d+), flagged (\d+), skipped (\d+), rejected (\d+), "
                     r"already imported (\d+)")


def generate(out_dir: Path, rows: int, copies: int = 0, seed: int = 11) -> dict[str, Path]:
    paths = {"people": out_dir / "people.csv", "mapping": out_dir / "mapping.json",
             "copies": out_dir / "copies.csv"}
    args = [sys.executable, "-m", "tests.caseload_csv", "--rows", str(rows), "--out",
            str(paths["people"]), "--mapping-out", str(paths["mapping"]), "--seed", str(seed)]
    if copies:
        args += ["--corrupted-out", str(paths["copies"]), "--corrupted", str(copies)]
    subprocess.run(args, check=True, cwd=ROOT, timeout=120)
    return paths


def counts(line: str) -> tuple[int, ...]:
    m = SUMMARY.match(line)
    assert m, line
    return tuple(int(g) for g in m.groups())


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    base = tmp_path_factory.mktemp("import")
    d = base / "store"
    assert ccms(d, "init", "--office", "Vancouver").returncode == 0
    files = generate(base, 300, copies=40)
    done = ccms(d, "import", "--file", str(files["people"]), "--mapping", str(files["mapping"]))
    assert done.returncode == 0, done.stderr
    imported_, flagged, skipped, rejected, already = counts(done.stdout.strip())
    assert (imported_, skipped, rejected, already) == (300, 0, 0, 0)
    assert flagged <= imported_
    assert "Traceback" not in done.stderr
    return d, files


def test_a_rerun_adds_nothing(imported: tuple[Path, dict[str, Path]]) -> None:
    d, files = imported
    again = ccms(d, "import", "--file", str(files["people"]), "--mapping",
                 str(files["mapping"]))
    assert again.returncode == 0, again.stderr
    assert counts(again.stdout.strip()) == (0, 0, 0, 0, 300)
    assert "participant: 300" in ccms(d, "doctor").stdout


def test_another_file_reusing_the_references_is_refused_row_by_row(
        imported: tuple[Path, dict[str, Path]], tmp_path: Path) -> None:
    """Another seed: the same references (OLD0000001...) for other people. Every row is
    refused with its line and the reason, and a re-run refuses the same rows, no more."""
    d, _ = imported
    other = generate(tmp_path, 300, seed=12)
    for _ in range(2):
        done = ccms(d, "import", "--file", str(other["people"]), "--mapping",
                    str(other["mapping"]))
        assert done.returncode == 4, done.stderr
        assert counts(done.stdout.strip()) == (0, 0, 0, 300, 0)
        with (tmp_path / "people.rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
            rejects = list(csv.DictReader(fh))
        assert [(r["row"], r["line"]) for r in rejects] == [
            (str(n), str(n + 1)) for n in range(1, 301)]
        assert {r["reasons"] for r in rejects} == {
            "external_ref: already belongs to another file in the store, with other "
            "details; not imported"}
    assert "participant: 300" in ccms(d, "doctor").stdout


def test_print_mapping_template(tmp_path: Path) -> None:
    done = ccms(tmp_path / "none", "import", "--print-mapping-template", passphrase=None)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == mapping_template()


def test_duplicates_file_finds_the_originals(imported: tuple[Path, dict[str, Path]],
                                            tmp_path: Path) -> None:
    d, files = imported
    out = tmp_path / "dups.jsonl"
    done = ccms(d, "duplicates", "--file", str(files["copies"]), "--mapping",
                str(files["mapping"]), "--top", "3", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.stat().st_mode & 0o077 == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["row"] for x in lines] == list(range(1, 41))
    copy_of = [r.split(",")[-1] for r in
               files["copies"].read_text(encoding="utf-8").splitlines()[1:]]
    first = 0
    for line, original in zip(lines, copy_of, strict=True):
        assert set(line) == {"row", "candidates"}
        assert len(line["candidates"]) <= 3
        for c in line["candidates"]:
            assert set(c) == {"participant_id", "external_ref", "client_id", "score",
                              "reasons"}
        scores = [c["score"] for c in line["candidates"]]
        assert scores == sorted(scores, reverse=True)
        first += bool(line["candidates"]) and line["candidates"][0]["external_ref"] == original
    assert first >= 36  # a corrupted copy finds its original first (nearly always)
    assert "participant: 300" in ccms(d, "doctor").stdout  # nothing was imported


def test_duplicates_reports_invalid_rows(imported: tuple[Path, dict[str, Path]],
                                        tmp_path: Path) -> None:
    d, _ = imported
    f = tmp_path / "bad.csv"
    f.write_text("family_name,date_of_birth\n,1980-01-01\nOkafor,1980-02-31\n", "utf-8")
    out = tmp_path / "o.jsonl"
    done = ccms(d, "duplicates", "--file", str(f), "--top", "2", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert [json.loads(x) for x in out.read_text("utf-8").splitlines()] == [
        {"row": 1, "candidates": [], "error": {"family_name": "is required"}},
        {"row": 2, "candidates": [], "error": {"date_of_birth": "is not a real date"}}]


@pytest.mark.parametrize("args, message", [
    (["import"], "import needs --file"),
    (["import", "--file", "missing.csv"], "no such file"),
    (["import", "--file", "/dev/null"], "/dev/null is not a regular file"),
    (["duplicates", "--file", "/dev/null", "--out", "o.jsonl"], "is not a regular file"),
    (["import", "--file", "{people}", "--mapping", "{bad}"],
     "mapping.nickname: is not a field"),
    (["import", "--file", "{people}", "--mapping", "{nocol}"],
     "mapping.family_name: column 'Nom' is not in the file"),
    (["import", "--file", "{people}", "--mapping", "{deep}"],
     "mapping.family_name: is nested more than 16 levels deep"),
    (["import", "--file", "{people}", "--mapping", "{surrogate}"],
     r"mapping.date_of_birth: format holds a control character or a lone surrogate (such "
     r"as \ud800)"),
    (["import", "--file", "{typo}"],
     "columns: not field names, so their data would be left out: 'date_of_brith' (did "
     "you mean date_of_birth?); rename each to a field name (ccms import "
     "--print-mapping-template lists them) or give a mapping file (--mapping)"),
    (["duplicates", "--file", "{people}", "--top", "0", "--out", "o.jsonl"],
     "--top must be between 1 and"),
    (["import", "--file", "{people}", "--on-duplicate", "maybe"],
     "argument --on-duplicate: invalid choice: 'maybe'"),
    (["duplicates", "--out", "o.jsonl"], "one of the arguments --file --scan is required"),
])
def test_bad_arguments_one_line_and_nothing_written(
        imported: tuple[Path, dict[str, Path]], tmp_path: Path, args: list[str],
        message: str) -> None:
    d, files = imported
    (tmp_path / "bad.json").write_text('{"family_name": "Surname", "nickname": "x"}', "utf-8")
    (tmp_path / "nocol.json").write_text('{"family_name": "Nom"}', "utf-8")
    (tmp_path / "typo.csv").write_text("family_name,date_of_brith\nTestperson,1980\n", "utf-8")
    (tmp_path / "deep.json").write_text('{"family_name": ' + "[" * 50_000 + "]" * 50_000 +
                                        "}", "utf-8")
    (tmp_path / "surrogate.json").write_text(
        '{"family_name": "Surname", "date_of_birth": {"column": "DOB", "format": '
        r'"%d/%m/%Y\ud800"}}', "utf-8")
    subst = {"people": str(files["people"]), "bad": str(tmp_path / "bad.json"),
             "nocol": str(tmp_path / "nocol.json"), "typo": str(tmp_path / "typo.csv"),
             "deep": str(tmp_path / "deep.json"), "surrogate": str(tmp_path / "surrogate.json")}
    done = ccms(d, *(a.format(**subst) for a in args))
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr
    assert "participant: 300" in ccms(d, "doctor").stdout


def test_file_and_scan_are_exclusive(imported: tuple[Path, dict[str, Path]]) -> None:
    d, files = imported
    done = ccms(d, "duplicates", "--file", str(files["people"]), "--scan", "--out", "o.jsonl")
    assert done.returncode != 0 and "not allowed with argument" in done.stderr


def _store_state(d: Path) -> tuple[int, int, int, int]:
    """Participants, imported rows, and participants lacking their audit event or outbox
    entry, read through a fresh open of the store (as another program would)."""
    store, _ = open_store(d, PASSPHRASE)
    try:
        with store.session() as s:
            people = s.scalar(select(func.count()).select_from(Participant)) or 0
            rows = s.scalar(select(func.count()).select_from(ImportedRow)) or 0
            audited = set(s.scalars(select(AuditEvent.record_id).where(
                AuditEvent.entity == "participant", AuditEvent.action == "create")))
            queued = set(s.scalars(select(OutboxEntry.record_id).where(
                OutboxEntry.entity == "participant", OutboxEntry.kind == "create")))
            ids = set(s.scalars(select(Participant.id)))
        return people, rows, len(ids - audited), len(ids - queued)
    finally:
        store.lock()


def _import_until_two_batches(d: Path, files: dict[str, Path],
                              log: Path) -> subprocess.Popen[bytes]:
    """`ccms import` of the file, running, once it has committed two batches."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CCMS_")}
    env["CCMS_PASSPHRASE"] = PASSPHRASE
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "--data-dir", str(d), "import", "--file",
             str(files["people"]), "--mapping", str(files["mapping"]), "--on-duplicate",
             "create"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err,
            stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        committed = 0
        while committed < 2 * BATCH:
            assert proc.poll() is None, "the import ended before it could be stopped"
            assert time.monotonic() < deadline, "no batch committed in time"
            done = re.findall(r"importing (\d+)/\d+", log.read_text())
            committed = int(done[-1]) if done else 0
            time.sleep(0.05)  # polling the progress lines, bounded by the deadline
    except BaseException:
        proc.kill()
        proc.wait(timeout=60)
        raise
    return proc


def test_killed_import_keeps_whole_rows_and_a_rerun_completes(tmp_path: Path) -> None:
    d = tmp_path / "store"
    assert ccms(d, "init", "--office", "Vancouver").returncode == 0
    files = generate(tmp_path, 3000, seed=23)
    proc = _import_until_two_batches(d, files, tmp_path / "stderr.txt")
    proc.kill()
    proc.wait(timeout=60)
    people, rows, unaudited, unqueued = _store_state(d)
    assert people == rows and people % BATCH == 0 and 2 * BATCH <= people < 3000
    assert unaudited == unqueued == 0
    rerun = ccms(d, "import", "--file", str(files["people"]), "--mapping",
                 str(files["mapping"]), "--on-duplicate", "create")
    assert rerun.returncode == 0, rerun.stderr
    assert counts(rerun.stdout.strip()) == (3000 - people, 0, 0, 0, people)
    assert _store_state(d) == (3000, 3000, 0, 0)


def test_a_terminated_import_cleans_up_as_ctrl_c_does(tmp_path: Path) -> None:
    """SIGTERM (a kill, a closed terminal): the half-written rejects file, which holds
    people's rows, is removed, and the import is audited with what it did."""
    d = tmp_path / "store"
    assert ccms(d, "init", "--office", "Vancouver").returncode == 0
    files = generate(tmp_path, 3000, seed=29)
    family = json.loads(files["mapping"].read_text("utf-8"))["family_name"]
    with files["people"].open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index(family)] = ""  # refused: the rejects file is open from row 1 on
    with files["people"].open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    proc = _import_until_two_batches(d, files, tmp_path / "stderr.txt")
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=120) == 130
    assert "interrupted" in (tmp_path / "stderr.txt").read_text()
    assert not [p.name for p in tmp_path.iterdir() if "rejects" in p.name]
    people, rows_done, unaudited, unqueued = _store_state(d)
    assert people == rows_done and people % BATCH == 0 and unaudited == unqueued == 0
    store, _ = open_store(d, PASSPHRASE)
    try:
        with store.session() as s:
            event = s.scalars(select(AuditEvent).where(AuditEvent.action == "import")).one()
    finally:
        store.lock()
    assert event.details["cancelled"] and event.details["imported"] == people


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("args, message", [
    (["import", "--file", "{people}", "--mapping", "{mapping}", "--rejects", "{people}"],
     "rejects: is people.csv, which this command reads"),
    (["import", "--file", "{people}", "--mapping", "{mapping}", "--rejects", "{store}/r.csv"],
     "rejects: is inside the store's folder"),
    (["import", "--file", "{people}", "--mapping", "{mapping}", "--rejects", "{mapping}"],
     "rejects: is mapping.json, which this command reads"),
    (["duplicates", "--file", "{people}", "--out", "{people}"],
     "out: is people.csv, which this command reads"),
    (["duplicates", "--file", "{people}", "--mapping", "{mapping}", "--out", "{mapping}"],
     "out: is mapping.json, which this command reads"),
    (["duplicates", "--file", "{people}", "--mapping", "{mapping}", "--out", "/dev/stdout"],
     "out: is a device, a pipe or a system file"),
    (["duplicates", "--scan", "--out", "/proc/pairs.jsonl"],
     "out: is a device, a pipe or a system file"),
    (["duplicates", "--scan", "--top", "3", "--out", "{tmp}/o.jsonl"],
     "--mapping and --top go with --file"),
    (["import", "--print-mapping-template", "--file", "{people}"],
     "--print-mapping-template takes no --file"),
])
def test_outputs_never_replace_an_input_the_store_or_a_stream(
        imported: tuple[Path, dict[str, Path]], tmp_path: Path, args: list[str],
        message: str) -> None:
    d, files = imported
    before = {p: _digest(p) for p in (files["people"], files["mapping"], d / "store.db")}
    subst = {"people": str(files["people"]), "mapping": str(files["mapping"]),
             "store": str(d), "tmp": str(tmp_path)}
    done = ccms(d, *(a.format(**subst) for a in args))
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and done.stdout == ""
    assert f"ccms: {message}" in done.stderr
    assert {p: _digest(p) for p in before} == before
    assert not list(tmp_path.iterdir())


def test_output_goes_through_a_link_to_a_file(imported: tuple[Path, dict[str, Path]],
                                              tmp_path: Path) -> None:
    d, files = imported
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", "utf-8")
    (tmp_path / "link.jsonl").symlink_to(real)
    done = ccms(d, "duplicates", "--file", str(files["copies"]), "--mapping",
                str(files["mapping"]), "--out", str(tmp_path / "link.jsonl"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "link.jsonl").is_symlink()
    assert len(real.read_text("utf-8").splitlines()) == 40


def test_duplicates_scan_lists_pairs_inside_the_store(tmp_path: Path) -> None:
    d = tmp_path / "store"
    assert ccms(d, "init", "--office", "Vancouver").returncode == 0
    files = generate(tmp_path, 120, copies=12, seed=5)
    for name in ("people", "copies"):
        done = ccms(d, "import", "--file", str(files[name]), "--mapping",
                    str(files["mapping"]), "--on-duplicate", "create")
        assert done.returncode == 0, done.stderr
    out = tmp_path / "pairs.jsonl"
    done = ccms(d, "duplicates", "--scan", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("found ")
    pairs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert pairs and all(set(p) == {"a", "b", "score", "reasons"} for p in pairs)
    assert [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)
    with files["copies"].open(encoding="utf-8") as fh:
        originals = {row["Copy of"] for row in csv.DictReader(fh)}
    paired = {side["external_ref"] for p in pairs for side in (p["a"], p["b"])}
    assert len(originals & paired) >= len(originals) - 1, (originals - paired)
    # Run again: the same pairs, none new for review.
    again = ccms(d, "duplicates", "--scan", "--out", str(out))
    assert "(0 new for review)" in again.stdout


def test_an_import_that_refuses_rows_says_so_in_its_exit_status(tmp_path: Path) -> None:
    d = tmp_path / "store"
    assert ccms(d, "init", "--office", "Vancouver").returncode == 0
    f = tmp_path / "some.csv"
    f.write_text("family_name,given_names\nTestperson,Amani\n,Nobody\n", "utf-8")
    done = ccms(d, "import", "--file", str(f))
    assert done.returncode == 4, done.stderr
    assert counts(done.stdout.strip()) == (1, 0, 0, 1, 0)
    f.write_text("family_name,given_names\nTestperson,Amani\nExamplename,Nobody\n", "utf-8")
    done = ccms(d, "import", "--file", str(f))
    assert done.returncode == 0, done.stderr
    assert counts(done.stdout.strip()) == (1, 0, 0, 0, 1)


def test_an_interruption_swallowed_on_the_way_stops_at_the_next_step(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Python may run the handler inside a weakref callback or finaliser, which loses the
    KeyboardInterrupt with an "Exception ignored" traceback (a kill once let an import run
    to its end): the request is kept, the next progress step raises it, and no traceback is
    printed for the lost one."""
    interrupts.reset()
    saved = sys.unraisablehook
    interrupts.install_unraisable_hook()
    try:
        class Finalised:
            def __del__(self) -> None:
                interrupts.request(signal.SIGTERM, None)

        Finalised()  # the KeyboardInterrupt raised in __del__ is swallowed by Python
        assert "Traceback" not in capsys.readouterr().err
        with pytest.raises(KeyboardInterrupt):
            TerminalProgress("importing", 10).update(1)
        interrupts.reset()
        TerminalProgress("importing", 10).update(2)  # nothing asked for: goes on
    finally:
        sys.unraisablehook = saved
        interrupts.reset()
