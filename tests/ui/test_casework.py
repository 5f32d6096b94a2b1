"""Intake with the duplicate warning, a missed check-in on the dashboard, a referral moved to
completed: through real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import referrals
from app.services.checkins import list_checkins
from app.services.context import ServiceContext
from app.services.participants import create_participant
from app.ui.main_window import MainWindow
from app.ui.record_dialogs import CheckInDialog, ReferralDialog
from tests.casework import reporting
from tests.conftest import FixedClock
from tests.ui.helpers import click_open, dialog_save


def _check_intake(qtbot, window: MainWindow, values: dict[str, str]):  # type: ignore[no-untyped-def]
    """Open a new intake, type `values` into its fields, ask for duplicates; the dialog once
    its candidates are shown."""
    window.intake_action.trigger()
    assert window.workspace is not None
    dialog = window.workspace.intake_dialog
    for field, value in values.items():
        dialog.form.rows[field].edit.setText(value)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    return dialog


def test_intake_meets_the_duplicate_warning(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                            unlocked: MainWindow) -> None:
    existing = create_participant(ctx, {"family_name": "Nguyễn", "given_names": "Thi Lan",
                                        "date_of_birth": "1988-04-12"})
    dialog = _check_intake(qtbot, unlocked, {"family_name": "Nguyen",
                                             "given_names": "Thi Lan",
                                             "date_of_birth": "1988-04-12"})
    assert dialog.candidates.count() == 1
    assert "same date of birth" in dialog.candidates.item(0).text()
    qtbot.mouseClick(dialog.same_button, Qt.MouseButton.LeftButton)
    workspace = unlocked.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.file is not None, timeout=10_000)
    assert workspace.file is not None
    assert workspace.file.pid == existing


def test_intake_finds_a_file_written_in_arabic_and_keeps_its_date_in_order(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    """Typed in Latin letters, the person whose file was written in Arabic script is found;
    the name is isolated in the line, so the date beside it is not read right to left."""
    from app.ui.bidi import FSI, PDI

    existing = create_participant(ctx, {"family_name": "أحمد", "given_names": "محمد",
                                        "date_of_birth": "1990-07-03"})
    dialog = _check_intake(qtbot, unlocked, {"family_name": "Ahmed",
                                             "given_names": "Mohammed",
                                             "date_of_birth": "1990-07-03"})
    item = dialog.candidates.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == existing
    assert item.text().startswith(f"{FSI}أحمد, محمد{PDI} — 1990-07-03")


def test_a_probable_duplicate_without_client_id_or_date_has_no_dangling_dash(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    """A line holds the parts the file has: no " — " left hanging for a missing client ID
    or date of birth."""
    create_participant(ctx, {"family_name": "Okafor", "given_names": "Chidi",
                             "date_of_birth": "1985-02-11"})
    create_participant(ctx, {"family_name": "Okafor", "given_names": "Chidi"})
    dialog = _check_intake(qtbot, unlocked, {"family_name": "Okafor", "given_names": "Chidi",
                                             "date_of_birth": "1985-02-11"})
    lines = sorted(dialog.candidates.item(i).text() for i in range(dialog.candidates.count()))
    assert [line.split(" (")[0] for line in lines] == ["Okafor, Chidi",
                                                        "Okafor, Chidi — 1985-02-11"]
    assert all("— (" not in line and "—  (" not in line for line in lines)


def test_only_right_to_left_names_are_isolated() -> None:
    from app.ui.bidi import FSI, PDI, isolate

    assert isolate("Nguyễn, Thi Lan") == "Nguyễn, Thi Lan"
    assert isolate("Шевченко, Тарас") == "Шевченко, Тарас"
    assert isolate("כהן, דוד") == f"{FSI}כהן, דוד{PDI}"
    assert isolate("حسيني, مريم") == f"{FSI}حسيني, مريم{PDI}"


def test_intake_with_a_name_only_lists_the_namesakes_with_one_caution(  # type: ignore[no-untyped-def]
        qtbot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    """No date, phone or ID: the files with the name are listed, and the caution that
    nothing else could be compared is said once, above them, not on every line."""
    ids = {create_participant(ctx, {"family_name": "Dorelus", "given_names": "Rosly",
                                    "date_of_birth": f"19{70 + i}-03-0{i + 1}"})
           for i in range(4)}
    dialog = _check_intake(qtbot, unlocked, {"family_name": "Dorelus", "given_names": "Rosly"})
    items = [dialog.candidates.item(i) for i in range(dialog.candidates.count())]
    assert {it.data(Qt.ItemDataRole.UserRole) for it in items} == ids
    assert all("same name" in it.text() and "few details" not in it.text() for it in items)
    assert dialog.warning.text().startswith("Few details to compare")
    assert dialog.same_button.isEnabled()


def test_bad_intake_shows_errors_beside_fields(qtbot, unlocked: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlocked.intake_action.trigger()
    assert unlocked.workspace is not None
    dialog = unlocked.workspace.intake_dialog
    dialog.form.rows["client_id"].edit.setText("123")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    assert dialog.form.rows["family_name"].error.text() == "is required"
    assert dialog.form.rows["client_id"].error.text() == "must be 8 or 10 digits"


def test_a_missed_checkin_shows_on_the_dashboard(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                 clock: FixedClock,
                                                 unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Tesfaye", "given_names": "Hiwot"})
    reporting(ctx, clock, pid)
    assert unlocked.workspace is not None
    unlocked.workspace.open_participant(pid)
    page = unlocked.workspace.file
    assert page is not None
    qtbot.waitUntil(lambda: page.checkins.list.count() > 0, timeout=10_000)
    page.checkins.list.setCurrentRow(0)  # the slot due today
    dialog = click_open(qtbot, CheckInDialog, page.record_button)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("missed"))
    dialog_save(qtbot, dialog)
    assert [c.outcome for c in list_checkins(ctx, pid)] == ["missed"]
    board = unlocked.workspace.dashboard
    board.refresh()
    missed = board.lists["missed"]
    qtbot.waitUntil(lambda: "Tesfaye" in (missed.item(0).text() if missed.count() else ""),
                    timeout=10_000)
    missed.setCurrentRow(0)
    unlocked.workspace.tabs.setCurrentWidget(board)
    qtbot.keyClick(missed, Qt.Key.Key_Return)  # opens the file at its check-ins
    opened = unlocked.workspace.file
    assert opened is not None and opened is not page and opened.pid == pid
    assert opened.tabs.currentWidget() is opened.checkins
    assert unlocked.workspace.tabs.currentWidget() is unlocked.workspace.list_stack


def test_a_referral_made_and_moved_to_completed(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                                unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Abdullahi"})
    assert unlocked.workspace is not None
    unlocked.workspace.open_participant(pid)
    page = unlocked.workspace.file
    assert page is not None
    dialog = click_open(qtbot, ReferralDialog, page.refer_button)
    dialog.type.setCurrentIndex(dialog.type.findData("housing"))
    dialog.provider.setText("Community Housing Society")
    dialog_save(qtbot, dialog)
    page.reload()
    qtbot.waitUntil(lambda: page.referrals.list.count() == 1, timeout=10_000)
    for expected in ("accepted", "in_progress", "completed"):
        page.referrals.list.setCurrentRow(0)
        qtbot.mouseClick(page.advance_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda e=expected: referrals.list_referrals(ctx, pid)[0].status == e,
                        timeout=10_000)
        qtbot.waitUntil(lambda e=expected: page.referrals.list.count() == 1 and
                        page.referrals.list.item(0).data(Qt.ItemDataRole.UserRole)[1] == e,
                        timeout=10_000)
    assert "completed" in page.referrals.list.item(0).text()


def test_correct_a_checkin_and_add_household(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                             unlocked: MainWindow) -> None:
    from app.services.checkins import record_checkin
    from app.services.participants import get_participant
    from app.ui.record_dialogs import CorrectionDialog, HouseholdDialog

    pid = create_participant(ctx, {"family_name": "Kamara"})
    first = record_checkin(ctx, pid, {"outcome": "attended", "mode": "telephone"})
    assert unlocked.workspace is not None
    unlocked.workspace.open_participant(pid)
    page = unlocked.workspace.file
    assert page is not None
    qtbot.waitUntil(lambda: page.checkins.list.count() == 1, timeout=10_000)
    page.checkins.list.setCurrentRow(0)
    dialog = click_open(qtbot, CorrectionDialog, page.correct_button)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("late"))
    dialog_save(qtbot, dialog)
    entries = {c.id: c for c in list_checkins(ctx, pid)}
    assert entries[first].corrected and len(entries) == 2
    member_dialog = click_open(qtbot, HouseholdDialog, page.member_button)
    member_dialog.name.setText("Fatou Kamara")
    member_dialog.relationship.setText("daughter")
    member_dialog.dependant.setCurrentIndex(1)
    dialog_save(qtbot, member_dialog)
    [member] = get_participant(ctx, pid, record_view=False).household
    assert (member.name, member.relationship, member.dependant) == ("Fatou Kamara", "daughter",
                                                                    True)


def test_list_filters_by_caseworker_and_flag(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                             unlocked: MainWindow) -> None:
    flagged = create_participant(ctx, {"family_name": "Flagged",
                                       "risk_flags": ["absconding_history"]})
    create_participant(ctx, {"family_name": "Unflagged"})
    assert unlocked.workspace is not None
    page = unlocked.workspace.participants
    page.start()
    qtbot.waitUntil(lambda: page.flag.count() == 2 and page.caseworker.count() == 2,
                    timeout=10_000)
    page.flag.setCurrentIndex(page.flag.findData("risk_flags:absconding_history"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and
                    page.model.participant_id(0) == flagged, timeout=10_000)
    page.flag.setCurrentIndex(0)
    page.caseworker.setCurrentIndex(1)  # the store's own caseworker has both files
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)


def test_documents_are_viewed_from_memory(qtbot, unlocked: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtPdfWidgets import QPdfView
    from PySide6.QtWidgets import QLabel

    from app.ui.participant_file import DocumentViewer

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs are wrong twice here: save() takes the format as a str (bytes is
    # refused at run time), and a QByteArray is a buffer that bytes() reads.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    png = bytes(buffer.data())  # type: ignore[call-overload]
    viewer = DocumentViewer("scan.png", "image/png", png, unlocked)
    qtbot.addWidget(viewer)
    label = viewer.findChild(QLabel)
    assert label is not None
    assert not label.pixmap().isNull()
    pdf = DocumentViewer("agreement.pdf", "application/pdf", b"%PDF-1.4\n%%EOF\n", unlocked)
    qtbot.addWidget(pdf)
    assert pdf.findChild(QPdfView) is not None


def test_the_file_shows_consent_in_words(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                         unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Kamara",
                                   "consent_to_share": ["irb", "service_providers"]})
    assert unlocked.workspace is not None
    unlocked.workspace.open_participant(pid)
    page = unlocked.workspace.file
    assert page is not None
    qtbot.waitUntil(lambda: "Consent" in page.status_label.text(), timeout=10_000)
    assert page.status_label.text().endswith("Consent to share: IRB, service providers")


def test_consent_is_recorded_at_intake(qtbot, ctx: ServiceContext,  # type: ignore[no-untyped-def]
                                       unlocked: MainWindow) -> None:
    from app.services.participants import get_participant
    from app.ui.profile_editors import CodeChecks

    unlocked.intake_action.trigger()
    assert unlocked.workspace is not None
    dialog = unlocked.workspace.intake_dialog
    dialog.form.rows["family_name"].edit.setText("Consenting")
    consent: CodeChecks = dialog.consent
    for i in range(consent.count()):
        if consent.item(i).data(Qt.ItemDataRole.UserRole) in ("cbsa", "service_providers"):
            consent.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    qtbot.mouseClick(dialog.different_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: unlocked.workspace is not None
                    and unlocked.workspace.file is not None, timeout=10_000)
    file = unlocked.workspace.file
    assert file is not None
    d = get_participant(ctx, file.pid, record_view=False)
    assert (d.family_name, d.consent_to_share) == ("Consenting", ["cbsa", "service_providers"])
    assert str(d.consent_recorded_on) == "2026-03-02"  # the day of the intake
