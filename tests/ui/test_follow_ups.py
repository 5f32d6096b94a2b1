"""From the participant file, through real widgets: what was done about a missed check-in is
recorded (so it is not reported to CBSA), and a referral is declined, or its follow-up date
moved, with its outcome."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services import referrals
from app.services.checkins import (
    escalate_overdue_follow_ups,
    list_checkins,
    list_follow_ups,
    record_checkin,
)
from app.services.context import ServiceContext
from app.services.dashboard import missed_with_open_follow_up
from app.services.participants import create_participant
from app.ui.main_window import MainWindow
from app.ui.participant_file import ParticipantFile
from app.ui.record_dialogs import FollowUpDialog, ReferralDialog, ReferralUpdateDialog
from tests.casework import missed_first_slot
from tests.conftest import FixedClock
from tests.ui.helpers import click_open, dialog_save, open_file


def _file_with_a_miss(qtbot, ctx: ServiceContext, clock: FixedClock,  # type: ignore[no-untyped-def]
                      window: MainWindow) -> tuple[str, ParticipantFile]:
    pid = create_participant(ctx, {"family_name": "Tesfaye", "given_names": "Hiwot"})
    missed_first_slot(ctx, clock, pid)
    return pid, open_file(qtbot, window, pid)



def _line(page: ParticipantFile, words: str) -> int:
    """The row of the check-ins list whose text holds `words` (-1: none)."""
    texts = [page.checkins.list.item(i).text() for i in range(page.checkins.list.count())]
    return next((i for i, text in enumerate(texts) if words in text), -1)


def test_a_miss_followed_up_from_the_file_is_not_reported(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, clock: FixedClock, unlocked: MainWindow) -> None:
    pid, page = _file_with_a_miss(qtbot, ctx, clock, unlocked)
    qtbot.waitUntil(lambda: _line(page, "follow-up open until 2026-03-09") >= 0,
                    timeout=10_000)
    assert "missed — in person" in page.checkins.list.item(
        _line(page, "follow-up open until")).text()
    page.checkins.list.setCurrentRow(_line(page, "follow-up open until"))
    dialog = click_open(qtbot, FollowUpDialog, page.follow_up_button)

    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # nothing said yet: refused, named
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text() == "What was done: is required"
    assert [f.status for f in list_follow_ups(ctx, pid)] == ["open"]

    dialog.resolution.setPlainText("Reached by phone; was in hospital.\nNext check-in set.")
    dialog_save(qtbot, dialog)
    [follow_up] = list_follow_ups(ctx, pid)
    assert (follow_up.status, follow_up.resolution) == (
        "resolved", "Reached by phone; was in hospital.\nNext check-in set.")
    qtbot.waitUntil(lambda: _line(page, "followed up: Reached by phone; was in hospital.…")
                    >= 0, timeout=10_000)
    assert missed_with_open_follow_up(ctx) == ()  # off the dashboard's list
    clock.advance(days=8)
    assert escalate_overdue_follow_ups(ctx) == 0  # and never a compliance report


def test_the_follow_up_button_asks_for_an_open_follow_up(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, clock: FixedClock, unlocked: MainWindow,
        monkeypatch) -> None:
    pid, page = _file_with_a_miss(qtbot, ctx, clock, unlocked)
    clock.advance(days=8)
    assert escalate_overdue_follow_ups(ctx) == 1
    record_checkin(ctx, pid, {"outcome": "attended", "mode": "telephone"})
    page.reload()
    qtbot.waitUntil(lambda: _line(page, "not followed up in time: reported to CBSA") >= 0
                    and _line(page, "attended — telephone") >= 0, timeout=10_000)
    opened: list[FollowUpDialog] = []

    def record_opened(self: FollowUpDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(FollowUpDialog, "exec", record_opened)
    for words in ("reported to CBSA", "attended — telephone"):
        page.checkins.message.clear()
        page.checkins.list.setCurrentRow(_line(page, words))
        qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
        assert page.checkins.message.text() == ("Choose a missed check-in whose follow-up "
                                                "is open.")
    assert opened == []
    assert sorted(c.outcome for c in list_checkins(ctx, pid)) == ["attended", "missed"]


def _open_referral(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                   window: MainWindow) -> tuple[str, ParticipantFile]:
    pid = create_participant(ctx, {"family_name": "Abdullahi"})
    referrals.make_referral(ctx, pid, {"type": "housing", "provider": "Community Housing",
                                       "status": "made"})
    page = open_file(qtbot, window, pid)
    qtbot.waitUntil(lambda: page.referrals.list.count() == 1, timeout=10_000)
    page.referrals.list.setCurrentRow(0)
    return pid, page


def test_a_referral_declined_with_its_outcome(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    pid, page = _open_referral(qtbot, ctx, unlocked)
    dialog = click_open(qtbot, ReferralUpdateDialog, page.update_button)
    assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == [
        "made (unchanged)", "accepted", "declined", "no-show", "withdrawn"]
    dialog.status.setCurrentIndex(dialog.status.findData("declined"))
    dialog.outcome.setPlainText("Waiting list closed until spring")
    dialog_save(qtbot, dialog)
    [declined] = referrals.list_referrals(ctx, pid)
    assert (declined.status, declined.outcome) == ("declined", "Waiting list closed until spring")
    qtbot.waitUntil(lambda: page.referrals.list.item(0).text() == (
        "2026-03-02 — housing — Community Housing — declined — Waiting list closed until "
        "spring"),
        timeout=10_000)

    page.referrals.list.setCurrentRow(0)
    closed = click_open(qtbot, ReferralUpdateDialog, page.update_button)
    assert closed.status.count() == 1 and not closed.follow_up.isEnabled()


def test_a_referrals_follow_up_date_moved_and_checked(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    pid, page = _open_referral(qtbot, ctx, unlocked)
    dialog = click_open(qtbot, ReferralUpdateDialog, page.update_button)
    dialog.follow_up.setText("2026-02-30")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text() == "Follow-up date: must be a date as YYYY-MM-DD"
    assert referrals.list_referrals(ctx, pid)[0].follow_up_on is None

    dialog.follow_up.setText("2026-03-20")
    dialog_save(qtbot, dialog)
    [moved] = referrals.list_referrals(ctx, pid)
    assert (moved.status, str(moved.follow_up_on)) == ("made", "2026-03-20")
    qtbot.waitUntil(lambda: page.referrals.list.item(0).text() == (
        "2026-03-02 — housing — Community Housing — made — follow up on 2026-03-20"),
        timeout=10_000)


def test_a_referral_proposed_with_its_date_and_notes(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Abdullahi"})
    page = open_file(qtbot, unlocked, pid)
    dialog = click_open(qtbot, ReferralDialog, page.refer_button)
    assert dialog.referred_on.text() == "2026-03-02"  # today, by default
    dialog.type.setCurrentIndex(dialog.type.findData("legal"))
    dialog.provider.setText("Legal Aid BC")
    dialog.status.setCurrentIndex(dialog.status.findData("proposed"))
    dialog.referred_on.setText("2026-02-30")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text() == "Referred on: must be a date as YYYY-MM-DD"
    assert referrals.list_referrals(ctx, pid) == []

    dialog.referred_on.setText("2026-02-20")
    dialog.notes.setPlainText("Asked for a lawyer who speaks Somali")
    dialog_save(qtbot, dialog)
    [made] = referrals.list_referrals(ctx, pid)
    assert (made.type, made.provider, made.status, str(made.referred_on), made.notes) == (
        "legal", "Legal Aid BC", "proposed", "2026-02-20",
        "Asked for a lawyer who speaks Somali")
