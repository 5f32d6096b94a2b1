"""Screenshots of the main screens, in English and French, into docs/screenshots/.

Runs the real app on a virtual X screen (Xvfb; installed with apt-get when missing) over a
seeded synthetic store:  .venv/bin/python scripts/screenshots.py"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def ensure_xvfb() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "xvfb"], check=True)
    display = ":97"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = display
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
        if time.monotonic() > deadline:
            raise RuntimeError("Xvfb did not start")
        time.sleep(0.05)
    return proc


def plant_duplicate(ctx: Any, pid: str) -> None:
    """A second file of a seeded person, entered again with a misspelt name."""
    from app.services.participants import create_participant, get_participant

    p = get_participant(ctx, pid, record_view=False)
    family = p.family_name[:-1] + p.family_name[-1] * 2
    create_participant(ctx, {"family_name": family, "given_names": p.given_names,
                             "date_of_birth": p.date_of_birth, "city": "Surrey",
                             "phone": "604 555 0142"})


def plant_conflicts(ctx: Any, pid: str) -> None:
    """What a sync leaves for a person (synthetic): the same fields changed here and on
    another device, and a merge the server refused."""
    from datetime import UTC, datetime, timedelta

    from app.models import Conflict
    from app.services.referrals import list_referrals, make_referral

    referral = (list_referrals(ctx, pid) or [None])[0]
    rid = referral.id if referral else make_referral(
        ctx, pid, {"type": "housing", "provider": "Harbour Shelter"})
    at = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    rows = [("participant", pid, "phone", "604 555 0188", "604 555 0142"),
            ("referral", rid, "status", "completed", "no_show"),
            ("referral", rid, "follow_up_on", "2026-12-01", "2026-12-08"),
            ("participant", pid, "*", {"merged_into_id": {"old": None, "new": pid},
                                       "deleted": {"old": False, "new": True}},
             "the file it is merged into was deleted")]
    with ctx.store.transaction() as session:
        for i, (entity, record, field, local, server) in enumerate(rows):
            session.add(Conflict(entity=entity, record_id=record, participant_id=pid,
                                 field=field, base_value=None, local_value=local,
                                 server_value=server, server_version=4,
                                 detected_at=at + timedelta(minutes=i)))


def clear_conflicts(ctx: Any) -> None:
    from sqlalchemy import delete

    from app.models import Conflict

    with ctx.store.transaction() as session:
        session.execute(delete(Conflict))


def old_system_file(tmp: Path) -> tuple[Path, Path]:
    import json

    from tests.caseload_csv import HEADERS, MAPPING, people, write_csv

    rows = people(40, seed=9)
    rows[2]["DOB"] = "31/02/1990"
    write_csv(tmp / "old-system.csv", rows, HEADERS)
    (tmp / "mapping.json").write_text(json.dumps(MAPPING), encoding="utf-8")
    return tmp / "old-system.csv", tmp / "mapping.json"


def shoot() -> None:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.services.participant_search import ParticipantQuery, search_participants
    from app.services.participants import get_participant
    from app.services.setup import initialise_store
    from app.services.synthetic import seed
    from app.store.envelope import KdfParams
    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings
    from app.ui.style import STYLESHEET

    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(STYLESHEET)
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="ccms-shots-"))
    store, ctx = initialise_store(tmp / "store", "screenshot passphrase", "Vancouver",
                                  "Ana Lee", kdf=KdfParams(1, 8192, 1))
    seed(ctx, 150, 3)
    pid = search_participants(ctx, ParticipantQuery(statuses=("active",)), limit=1).rows[0].id
    plant_duplicate(ctx, pid)
    person = get_participant(ctx, pid, record_view=False)
    csv_path, mapping_path = old_system_file(tmp)

    def settle(seconds: float = 1.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def settle_until(condition: Any, seconds: float = 30.0) -> None:
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        settle(0.3)

    for lang in ("en", "fr"):
        install_language(lang)
        settings = Settings(QSettings(str(tmp / f"{lang}.ini"), QSettings.Format.IniFormat))
        empty = MainWindow(tmp / "none", settings, kdf=KdfParams(1, 8192, 1))
        empty.resize(1280, 800)
        empty.show()
        settle(0.5)
        empty.grab().save(str(OUT / f"first-run-{lang}.png"))
        empty.close()
        w = MainWindow(tmp / "store", settings)
        w.resize(1280, 800)
        w.show()
        settle(0.5)
        w.grab().save(str(OUT / f"unlock-{lang}.png"))
        w._opened(store, ctx)
        settle(2.0)
        w.grab().save(str(OUT / f"dashboard-{lang}.png"))
        w.workspace.tabs.setCurrentIndex(1)
        settle(1.0)
        w.grab().save(str(OUT / f"participants-{lang}.png"))
        w.workspace.open_participant(pid)
        settle(1.5)
        w.grab().save(str(OUT / f"participant-profile-{lang}.png"))
        w.workspace.file.show_tab("checkins")
        settle(0.5)
        w.grab().save(str(OUT / f"participant-file-{lang}.png"))
        w.intake_action.trigger()
        settle(0.5)
        dialog = w.workspace.intake_dialog
        dialog.grab().save(str(OUT / f"intake-{lang}.png"))
        # The same person again with only a name: the files that bear it, marked
        # "few details to compare".
        dialog.form.set_values({"family_name": person.family_name,
                                "given_names": person.given_names})
        dialog.next_button.click()
        settle_until(lambda d=dialog: d.pages.currentIndex() == 1)
        dialog.grab().save(str(OUT / f"intake-duplicates-{lang}.png"))
        dialog.close()
        page = w.workspace.duplicates
        w.workspace.tabs.setCurrentWidget(page)
        page.scan()
        settle_until(lambda p=page: p.scan_button.isEnabled() and p.model.rowCount() > 0)
        page.pairs.selectRow(0)
        settle(1.5)
        w.grab().save(str(OUT / f"duplicates-{lang}.png"))
        w.import_action.trigger()
        dialog = w.workspace.import_dialog
        dialog.file.setText(str(csv_path))
        dialog.mapping.setText(str(mapping_path))
        dialog.show_preview()
        settle_until(dialog.import_button.isEnabled)
        dialog.grab().save(str(OUT / f"import-{lang}.png"))
        dialog.close()
        plant_conflicts(ctx, pid)  # only now: the other screens show no count of them
        conflicts = w.workspace.conflicts
        w.workspace.tabs.setCurrentWidget(conflicts)  # showing the tab refreshes it
        settle_until(lambda c=conflicts: c.table.rowCount() == 4)
        w.grab().save(str(OUT / f"conflicts-{lang}.png"))
        clear_conflicts(ctx)
        w.hide()
        w.deleteLater()
        settle(0.3)
    store.lock()
    shutil.rmtree(tmp, ignore_errors=True)
    install_language("en")


def main() -> int:
    xvfb = ensure_xvfb()
    try:
        shoot()
    finally:
        if xvfb is not None:
            xvfb.terminate()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
