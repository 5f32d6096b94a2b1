"""Recording and correcting a check-in through real widgets: the time it took place and the
change in needs are kept, a bad time is refused by name, and a correction starts from the
entry it corrects so nothing that was not corrected is lost."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.services.checkins import list_checkins, record_checkin
from app.services.context import ServiceContext
from app.services.participants import create_participant
from app.ui.main_window import MainWindow
from app.ui.record_dialogs import CheckInDialog, CorrectionDialog
from tests.casework import reporting
from tests.conftest import FixedClock
from tests.ui.helpers import click_open, dialog_save, open_file


def test_a_late_checkin_keeps_its_time_and_change_in_needs(
        qtbot: QtBot, ctx: ServiceContext, clock: FixedClock, unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Mensah"})
    clock.advance(hours=3)
    page = open_file(qtbot, unlocked, pid)
    dialog = click_open(qtbot, CheckInDialog, page.record_button)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("late"))
    dialog.took_place.setText("yesterday")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Took place on: must be a date and time as YYYY-MM-DD HH:MM"
    assert list_checkins(ctx, pid) == []

    dialog.took_place.setText("2026-03-02 10:20")
    dialog.needs_update.setPlainText("Lost the room at the shelter")
    dialog_save(qtbot, dialog)
    [entry] = list_checkins(ctx, pid)
    assert entry.actual_at == datetime(2026, 3, 2, 10, 20).astimezone()  # typed as local time
    assert (entry.outcome, entry.needs_update) == ("late", "Lost the room at the shelter")


def test_a_correction_starts_from_the_entry_and_keeps_what_is_not_corrected(
        qtbot: QtBot, ctx: ServiceContext, clock: FixedClock, unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Mensah"})
    clock.advance(hours=3)
    took_place = datetime(2026, 3, 2, 10, 5, tzinfo=UTC)  # before now (12:00 UTC)
    first = record_checkin(ctx, pid, {
        "outcome": "attended", "mode": "telephone", "actual_at": took_place,
        "wellbeing": "tired",
        "needs_update": "needs a winter coat", "notes": "called from a friend's phone"})
    page = open_file(qtbot, unlocked, pid)
    qtbot.waitUntil(lambda: page.checkins.list.count() == 1, timeout=10_000)
    page.checkins.list.setCurrentRow(0)
    dialog = click_open(qtbot, CorrectionDialog, page.correct_button)
    assert (dialog.outcome.currentData(), dialog.mode.currentData(),
            dialog.wellbeing.text(), dialog.needs_update.toPlainText(),
            dialog.notes.toPlainText()) == (
        "attended", "telephone", "tired", "needs a winter coat",
        "called from a friend's phone")
    assert dialog.took_place.text() == f"{took_place.astimezone():%Y-%m-%d %H:%M}"
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("late"))
    dialog_save(qtbot, dialog)
    [newer] = [c for c in list_checkins(ctx, pid) if c.id != first]
    assert newer.corrects_id == first
    assert (newer.outcome, newer.mode, newer.wellbeing, newer.needs_update, newer.notes) == (
        "late", "telephone", "tired", "needs a winter coat", "called from a friend's phone")
    assert newer.actual_at == took_place  # not "now", which an empty time would give


def test_a_slots_checkin_starts_with_the_agreements_mode(
        qtbot: QtBot, ctx: ServiceContext, clock: FixedClock, unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Mensah"})
    reporting(ctx, clock, pid, mode="telephone")
    page = open_file(qtbot, unlocked, pid)
    qtbot.waitUntil(lambda: page.checkins.list.count() > 0, timeout=10_000)
    page.checkins.list.setCurrentRow(0)  # the slot due today
    dialog = click_open(qtbot, CheckInDialog, page.record_button)
    assert dialog.mode.currentData() == "telephone"  # not the list's first, "in person"
    dialog_save(qtbot, dialog)
    assert [c.mode for c in list_checkins(ctx, pid)] == ["telephone"]
