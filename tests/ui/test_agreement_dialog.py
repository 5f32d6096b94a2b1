"""The supervision agreement through real widgets: every condition of the agreement is
written from the dialog, an amendment starts from the current version and keeps what it
does not change, a bad value stays in the dialog, and the Agreement tab shows the
residence and curfew."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.services.agreements import (
    AgreementView,
    create_agreement,
    current_agreement,
    list_agreements,
)
from app.services.context import ServiceContext
from app.services.participant_status import change_status
from app.services.participants import create_participant
from app.ui.agreement_dialog import AgreementDialog
from app.ui.bidi import FSI, PDI
from app.ui.entry_lines import agreement_line
from app.ui.main_window import MainWindow
from app.ui.participant_file import ParticipantFile
from app.ui.record_dialogs import frequency_words, mode_words
from tests.ui.helpers import click_open, dialog_save

TODAY = date(2026, 3, 2)  # the day of the `clock` fixture
ADDRESS = "1234 Kingsway, Apt 5, Vancouver BC V5R 5K3"
SIGNED = {  # what the first version holds, as the service gives it back
    "effective_on": date(2026, 2, 23), "review_on": date(2026, 8, 24),
    "end_on": date(2027, 2, 22), "reporting_frequency": "custom", "custom_interval_days": 10,
    "reporting_mode": "telephone", "reporting_time": "14:30", "residency_address": ADDRESS,
    "curfew": "22:00-06:00", "programming": ["Anger management", "ESL classes"],
    "conditions": "No contact with the complainant.", "compliance_window_days": 5,
    "signed_by_participant_on": date(2026, 2, 20), "signed_by_caseworker_on": date(2026, 2, 23),
    "cbsa_officer": "Officer J. Tremblay",
}


def _accepted(ctx: ServiceContext, name: str) -> str:
    pid = create_participant(ctx, {"family_name": name, "given_names": "Amina"})
    for status in ("assessed", "accepted"):
        change_status(ctx, pid, status)
    return pid


def _open_file(qtbot, window: MainWindow, pid: str, agreements: int) -> ParticipantFile:  # type: ignore[no-untyped-def]
    """The participant's file, loaded, on its Agreement tab listing `agreements` versions."""
    assert window.workspace is not None
    window.workspace.open_participant(pid)
    page = window.workspace.file
    assert page is not None
    qtbot.waitUntil(lambda: page.header.text() != "" and
                    page.agreement.list.count() == agreements, timeout=10_000)
    page.tabs.setCurrentWidget(page.agreement)
    return page


def _values(a: AgreementView) -> dict[str, Any]:
    return {f: getattr(a, f) for f in SIGNED}


def _failed_save(qtbot, dialog: AgreementDialog, words: str) -> None:  # type: ignore[no-untyped-def]
    """Press Save; wait for the error saying `words`; the dialog stays open."""
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: words in dialog.error.text() and dialog.buttons.isEnabled(),
                    timeout=10_000)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()


def test_every_condition_is_written_from_the_dialog(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                    unlocked: MainWindow) -> None:
    pid = _accepted(ctx, "Haddad")
    page = _open_file(qtbot, unlocked, pid, agreements=0)
    dialog = click_open(qtbot, AgreementDialog, page.amend_button)
    assert dialog.effective.text() == "2026-03-02"
    assert dialog.compliance_window.value() == 7
    assert not dialog.interval.isEnabled()  # weekly: no days between check-ins to give
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("custom"))
    assert dialog.interval.isEnabled()
    dialog.interval.setValue(10)
    dialog.review.setText("2026-09-02")
    dialog.end.setText("2027-03-01")
    dialog.mode.setCurrentIndex(dialog.mode.findData("telephone"))
    dialog.time.setText("14:30")
    dialog.compliance_window.setValue(5)
    dialog.residency.setText(ADDRESS)
    dialog.curfew.setText("22:00-06:00")
    dialog.programs.setPlainText("Anger management\n\n   ESL classes  \n")
    dialog.conditions.setPlainText("No contact with the complainant.")
    dialog.signed_participant.setText("2026-03-01")
    dialog.signed_caseworker.setText("2026-03-02")
    dialog.officer.setText("Officer J. Tremblay")
    dialog_save(qtbot, dialog)
    stored = current_agreement(ctx, pid)
    assert stored is not None and stored.version_no == 1
    assert _values(stored) == {
        "effective_on": TODAY, "review_on": date(2026, 9, 2), "end_on": date(2027, 3, 1),
        "reporting_frequency": "custom", "custom_interval_days": 10,
        "reporting_mode": "telephone", "reporting_time": "14:30", "residency_address": ADDRESS,
        "curfew": "22:00-06:00", "programming": ["Anger management", "ESL classes"],
        "conditions": "No contact with the complainant.", "compliance_window_days": 5,
        "signed_by_participant_on": date(2026, 3, 1), "signed_by_caseworker_on": TODAY,
        "cbsa_officer": "Officer J. Tremblay"}


def test_an_amendment_starts_from_the_current_version_and_keeps_it(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    pid = _accepted(ctx, "Petrenko")
    first = create_agreement(ctx, pid, SIGNED)
    page = _open_file(qtbot, unlocked, pid, agreements=1)
    dialog = click_open(qtbot, AgreementDialog, page.amend_button)
    assert dialog.current is not None and dialog.current.id == first
    shown = {
        "effective_on": dialog.effective.text(), "review_on": dialog.review.text(),
        "end_on": dialog.end.text(), "reporting_frequency": dialog.frequency.currentData(),
        "custom_interval_days": dialog.interval.value(),
        "reporting_mode": dialog.mode.currentData(), "reporting_time": dialog.time.text(),
        "residency_address": dialog.residency.text(), "curfew": dialog.curfew.text(),
        "programming": dialog.programs.toPlainText(),
        "conditions": dialog.conditions.toPlainText(),
        "compliance_window_days": dialog.compliance_window.value(),
        "signed_by_participant_on": dialog.signed_participant.text(),
        "signed_by_caseworker_on": dialog.signed_caseworker.text(),
        "cbsa_officer": dialog.officer.text()}
    assert shown == {
        "effective_on": "2026-03-02",  # an amendment takes effect today, not in the past
        "review_on": "2026-08-24", "end_on": "2027-02-22", "reporting_frequency": "custom",
        "custom_interval_days": 10, "reporting_mode": "telephone", "reporting_time": "14:30",
        "residency_address": ADDRESS, "curfew": "22:00-06:00",
        "programming": "Anger management\nESL classes",
        "conditions": "No contact with the complainant.", "compliance_window_days": 5,
        "signed_by_participant_on": "2026-02-20", "signed_by_caseworker_on": "2026-02-23",
        "cbsa_officer": "Officer J. Tremblay"}
    assert dialog.interval.isEnabled()
    dialog.curfew.setText("23:00-06:00")
    dialog.reason.setText("Curfew eased after three months of compliance")
    dialog_save(qtbot, dialog)
    new, old = list_agreements(ctx, pid)
    assert (new.version_no, new.current, new.supersedes_id) == (2, True, first)
    assert new.amendment_reason == "Curfew eased after three months of compliance"
    assert _values(new) == {**SIGNED, "effective_on": TODAY, "curfew": "23:00-06:00"}
    assert (old.id, old.current, old.superseded_on) == (first, False, TODAY)
    assert _values(old) == SIGNED
    page.reload()  # as the file does once the dialog is accepted (exec is not blocking here)
    qtbot.waitUntil(lambda: page.agreement.list.count() == 2, timeout=10_000)
    lines = [page.agreement.list.item(i).text() for i in range(2)]
    assert "curfew: 23:00-06:00" in lines[0] and "(superseded)" not in lines[0]
    assert "curfew: 22:00-06:00" in lines[1] and lines[1].endswith("(superseded)")


def test_a_bad_value_stays_in_the_dialog_and_writes_nothing(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    pid = _accepted(ctx, "Mensah")
    page = _open_file(qtbot, unlocked, pid, agreements=0)
    dialog = click_open(qtbot, AgreementDialog, page.amend_button)
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("custom"))
    dialog.residency.setText(ADDRESS)
    _failed_save(qtbot, dialog, "Days between check-ins (custom frequency): is required")
    assert list_agreements(ctx, pid) == []
    dialog.interval.setValue(10)
    dialog.end.setText("2026-03-01")  # the day before the effective date
    _failed_save(qtbot, dialog, "End date: must not be before the effective date")
    assert "Days between" not in dialog.error.text()
    assert list_agreements(ctx, pid) == []
    dialog.end.setText("2026-12-31")  # put right, the same dialog saves
    dialog_save(qtbot, dialog)
    stored = current_agreement(ctx, pid)
    assert stored is not None
    assert (stored.end_on, stored.custom_interval_days) == (date(2026, 12, 31), 10)


def test_the_agreement_tab_shows_residence_and_curfew(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                      unlocked: MainWindow) -> None:
    pid = _accepted(ctx, "Nowak")
    create_agreement(ctx, pid, {"effective_on": "2026-03-02", "reporting_frequency": "custom",
                                "custom_interval_days": 10, "reporting_mode": "in_person",
                                "residency_address": ADDRESS, "curfew": "22:00-06:00",
                                "review_on": "2026-09-02"})
    page = _open_file(qtbot, unlocked, pid, agreements=1)
    line = page.agreement.list.item(0).text()
    assert line == (f"Version 1: every 10 days, in person 10:00, from 2026-03-02 — review on "
                    f"2026-09-02 — residence: {ADDRESS} — curfew: 22:00-06:00")


def test_an_address_written_right_to_left_is_isolated_in_the_line() -> None:
    """The address keeps its direction; the dates and the curfew around it keep theirs."""
    fields = {**SIGNED, "reporting_frequency": "weekly", "residency_address": "شارع الملك 12"}
    a = AgreementView(id="a", participant_id="p", version_no=3, current=False,
                      supersedes_id=None, superseded_on=TODAY, amendment_reason=None,
                      fields=fields)
    line = agreement_line(a, frequency_words(), mode_words())
    assert line == ("Version 3: weekly, telephone 14:30, from 2026-02-23 — review on 2026-08-24"
                    f" — ends on 2027-02-22 — residence: {FSI}شارع الملك 12{PDI} — curfew: "
                    "22:00-06:00 (superseded)")
