"""The profile tab of a participant file, through real widgets: the status moved along the
program's steps, every intake field edited (only what was changed is sent), needs, flags and
consent, and other names."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.services.caseworkers import list_caseworkers
from app.services.context import ServiceContext
from app.services.participant_search import ParticipantQuery, search_participants
from app.services.participants import create_participant, get_participant, update_participant
from app.ui.main_window import MainWindow
from app.ui.profile_editors import CodeChecks
from app.ui.status_dialog import StatusDialog
from tests.ui.helpers import cell, click_open, dialog_save, open_file


def _status(ctx: ServiceContext, pid: str) -> tuple[str, str | None, date | None]:
    d = get_participant(ctx, pid, record_view=False)
    return d.status, d.status_reason, d.closed_on


def _check(checks: CodeChecks, code: str, on: bool) -> None:
    for i in range(checks.count()):
        if checks.item(i).data(Qt.ItemDataRole.UserRole) == code:
            checks.item(i).setCheckState(Qt.CheckState.Checked if on
                                         else Qt.CheckState.Unchecked)
            return
    raise AssertionError(f"{code} is not in the list")


def test_the_status_moves_along_the_programs_steps(qtbot: QtBot, ctx: ServiceContext,
                                                   unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Haile", "given_names": "Senait"})
    page = open_file(qtbot, unlocked, pid)
    tab = page.profile_tab
    dialog = click_open(qtbot, StatusDialog, tab.status_button)
    assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == [
        "assessed", "refused", "closed"]
    dialog_save(qtbot, dialog)
    assert _status(ctx, pid) == ("assessed", None, None)
    qtbot.waitUntil(lambda: page.header.text().endswith("— assessed"), timeout=10_000)

    refuse = click_open(qtbot, StatusDialog, tab.status_button)
    refuse.status.setCurrentIndex(refuse.status.findData("refused"))
    qtbot.mouseClick(refuse.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: refuse.error.text() != "", timeout=10_000)
    assert refuse.error.text() == "Reason for the status: is required"
    assert _status(ctx, pid) == ("assessed", None, None)  # refused without a reason: no

    refuse.status.setCurrentIndex(refuse.status.findData("closed"))
    assert not refuse.why.isVisible() and refuse.closure.isVisible()
    refuse.closure.set_value("status_granted")
    refuse.closed_on.setText("2026-03-01")
    dialog_save(qtbot, refuse)
    assert _status(ctx, pid) == ("closed", "status_granted", date(2026, 3, 1))

    qtbot.waitUntil(lambda: page.header.text().endswith("— closed"), timeout=10_000)
    done = click_open(qtbot, StatusDialog, tab.status_button)
    assert done.status.count() == 0 and not done.buttons.isEnabled()


def test_the_profile_sends_only_what_was_changed(qtbot: QtBot, ctx: ServiceContext,
                                                unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {
        "family_name": "Warsame", "given_names": "Hodan", "sex": "F", "languages": ["so", "xx"],
        "interpreter_needed": True, "needs": {"housing": "shelter bed until May"},
        "consent_to_share": ["cbsa"], "phone": "604 555 0101"})
    page = open_file(qtbot, unlocked, pid)
    tab = page.profile_tab
    qtbot.waitUntil(lambda: tab.caseworker.count() > 1, timeout=10_000)
    assert tab.languages.values() == ["so", "xx"]  # a code the list lacks is kept, shown
    assert (tab.sex.value(), tab.interpreter.value()) == ("F", True)
    assert tab.needs.values() == {"housing": "shelter bed until May"}

    _check(tab.consent, "cbsa", False)
    _check(tab.consent, "irb", True)
    _check(tab.vulnerability_flags, "survivor_of_violence", True)
    last = tab.needs.rowCount() - 1
    cell(tab.needs, last, 0).setText("legal")
    cell(tab.needs, last, 1).setText("hearing on 2026-04-02")
    assert tab.needs.rowCount() == last + 2  # a new empty row for the next need
    [worker] = list_caseworkers(ctx)
    tab.caseworker.set_value(worker.id)
    tab.details.rows["referral_office"].edit.setText("CBSA Pacific Region")
    # Meanwhile another device's change arrives (a sync): the form still shows the old phone.
    update_participant(ctx, pid, {"phone": "236 555 0199"})
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() == "Saved.", timeout=10_000)

    d = get_participant(ctx, pid, record_view=False)
    assert d.phone == "236 555 0199"  # not put back by the form
    assert d.consent_to_share == ["irb"]
    assert str(d.consent_recorded_on) == "2026-03-02"  # a changed consent is dated today
    assert d.vulnerability_flags == ["survivor_of_violence"]
    assert d.needs == {"housing": "shelter bed until May", "legal": "hearing on 2026-04-02"}
    assert (d.caseworker_id, d.referral_office) == (worker.id, "CBSA Pacific Region")
    assert (d.languages, d.sex, d.interpreter_needed) == (["so", "xx"], "F", True)
    qtbot.waitUntil(lambda: page.status_label.text().endswith("Consent to share: IRB"),
                    timeout=10_000)

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() == "Nothing changed.", timeout=10_000)


def test_a_note_without_its_need_is_refused_not_dropped(qtbot: QtBot, ctx: ServiceContext,
                                                       unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Okafor"})
    tab = open_file(qtbot, unlocked, pid).profile_tab
    cell(tab.needs, 0, 1).setText("needs a winter coat")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Needs: a note is there without the need it is about"
    assert get_participant(ctx, pid, record_view=False).needs == {}


def test_other_names_are_added_found_and_removed(qtbot: QtBot, ctx: ServiceContext,
                                                 unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Abdi", "given_names": "Faisal"})
    page = open_file(qtbot, unlocked, pid)
    tab = page.profile_tab
    qtbot.mouseClick(tab.add_alias_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.alias_message.text() != "", timeout=10_000)
    assert tab.alias_message.text() == "Alias family name: is required"

    tab.alias_family.setText("Cabdi")
    tab.alias_given.setText("Faysal")
    qtbot.mouseClick(tab.add_alias_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.aliases.count() == 1, timeout=10_000)
    assert tab.aliases.item(0).text() == "Cabdi, Faysal"
    found = search_participants(ctx, ParticipantQuery(text="Faysal"))
    assert [r.id for r in found.rows] == [pid]

    tab.aliases.setCurrentRow(0)
    qtbot.mouseClick(tab.remove_alias_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.aliases.count() == 0, timeout=10_000)
    assert get_participant(ctx, pid, record_view=False).aliases == ()


def test_unsaved_profile_edits_survive_a_reload_of_the_file(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    """Typed in the profile, not saved, then a note added (the file reloads): still typed,
    and Save then sends it; saved values come back as the store cleaned them."""
    pid = create_participant(ctx, {"family_name": "Mensah", "phone": "604 555 0101"})
    page = open_file(qtbot, unlocked, pid)
    tab = page.profile_tab
    tab.identity.rows["phone"].edit.setText("236 555 0142")
    _check(tab.consent, "irb", True)
    page.note_edit.setPlainText("Moved to a new shelter")
    qtbot.mouseClick(page.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notes.list.count() == 1, timeout=10_000)
    assert tab.identity.rows["phone"].edit.text() == "236 555 0142"
    assert tab.consent.values() == ["irb"]
    assert get_participant(ctx, pid, record_view=False).phone == "604 555 0101"

    tab.identity.rows["postal_code"].edit.setText("v5k0a1")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() == "Saved.", timeout=10_000)
    d = get_participant(ctx, pid, record_view=False)
    assert (d.phone, d.consent_to_share) == ("236 555 0142", ["irb"])
    qtbot.waitUntil(lambda: tab.identity.rows["postal_code"].edit.text() == d.postal_code,
                    timeout=10_000)
    assert d.postal_code != "v5k0a1"  # cleaned by the store, and shown as it was cleaned


def test_the_country_is_shown_by_its_name_and_typed_with_completion(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    legacy = create_participant(ctx, {"family_name": "Petrov"})
    update_participant(ctx, legacy, {"citizenship": "USSR"})  # an old system's text
    pid = create_participant(ctx, {"family_name": "Joseph", "citizenship": "HT"})
    page = open_file(qtbot, unlocked, pid)
    row = page.profile_tab.identity.rows["citizenship"]
    qtbot.waitUntil(lambda: row.edit.text() == "Haiti", timeout=10_000)

    completer = row.edit.completer()
    assert completer is not None
    row.edit.clear()
    row.edit.setFocus()
    qtbot.keyClicks(row.edit, "ivo")  # any part of the name
    qtbot.waitUntil(lambda: completer.completionCount() > 0, timeout=10_000)
    shown = [completer.completionModel().index(i, 0).data()
             for i in range(completer.completionCount())]
    assert shown == ["Côte d’Ivoire"]
    row.edit.setText("Mexique")  # a name in French works in the English interface too
    qtbot.mouseClick(page.profile_tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.profile_tab.message.text() == "Saved.", timeout=10_000)
    assert get_participant(ctx, pid, record_view=False).citizenship == "MX"
    qtbot.waitUntil(lambda: row.edit.text() == "Mexico", timeout=10_000)

    other = open_file(qtbot, unlocked, legacy)
    legacy_row = other.profile_tab.identity.rows["citizenship"]
    qtbot.waitUntil(lambda: legacy_row.edit.text() == "USSR", timeout=10_000)
    other.profile_tab.identity.rows["city"].edit.setText("Surrey")
    qtbot.mouseClick(other.profile_tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: other.profile_tab.message.text() == "Saved.", timeout=10_000)
    assert get_participant(ctx, legacy, record_view=False).citizenship == "USSR"  # as written
