"""Records of a participant file put right from its tabs, through real widgets: a household
member edited and linked to their own file; a household member or a note removed once the
caseworker confirms, a note edited, a document attached
to the wrong file removed (and its contents erased)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.errors import NotFound
from app.models import Document
from app.services import documents, notes
from app.services.context import ServiceContext
from app.services.participants import (
    add_household_member,
    create_participant,
    get_participant,
    update_participant,
)
from app.ui.intake import member_names
from app.ui.main_window import MainWindow
from app.ui.participant_picker import ParticipantPicker
from app.ui.record_dialogs import HouseholdDialog
from tests.ui.helpers import click_open, dialog_save, open_file

PDF = b"%PDF-1.4\n%synthetic scan\n%%EOF\n"



def _answer(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    """Every confirmation is answered `answer`; returns the questions asked."""
    asked: list[str] = []

    def question(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_a_household_member_is_removed_once_confirmed(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    pid = create_participant(ctx, {"family_name": "Kamara"})
    add_household_member(ctx, pid, {"name": "Fatou Kamara", "relationship": "daughter"})
    page = open_file(qtbot, unlocked, pid)
    qtbot.waitUntil(lambda: page.household.list.count() == 1, timeout=10_000)

    qtbot.mouseClick(page.remove_member_button, Qt.MouseButton.LeftButton)
    assert page.household.message.text() == "Choose an entry first."
    page.household.list.setCurrentRow(0)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.remove_member_button, Qt.MouseButton.LeftButton)
    assert asked == ["Remove this household member from the file?"]
    assert len(get_participant(ctx, pid, record_view=False).household) == 1  # said no

    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.remove_member_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.household.list.count() == 0, timeout=10_000)
    assert get_participant(ctx, pid, record_view=False).household == ()


def test_a_household_member_is_edited_and_linked_to_their_own_file(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    mother = create_participant(ctx, {"family_name": "Haile", "given_names": "Selam"})
    son = create_participant(ctx, {"family_name": "Haile", "given_names": "Dawit"})
    add_household_member(ctx, mother, {"name": "Dawit Haile", "relationship": "son"})
    page = open_file(qtbot, unlocked, mother)
    qtbot.waitUntil(lambda: page.household.list.count() == 1, timeout=10_000)
    qtbot.mouseClick(page.edit_member_button, Qt.MouseButton.LeftButton)
    assert page.household.message.text() == "Choose an entry first."
    page.household.list.setCurrentRow(0)
    qtbot.mouseClick(page.member_file_button, Qt.MouseButton.LeftButton)
    assert page.household.message.text().startswith("This member has no file on this")

    dialog = click_open(qtbot, HouseholdDialog, page.edit_member_button)
    assert (dialog.name.text(), dialog.relationship.text(), dialog.linked.text()) == (
        "Dawit Haile", "son", "none")
    dialog.birth.setText("2019-04")
    picker = click_open(qtbot, ParticipantPicker, dialog.link_button)
    qtbot.waitUntil(lambda: picker.model.rowCount() == 2, timeout=10_000)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # two files: which one is not guessed
    assert picker.result() != QDialog.DialogCode.Accepted
    assert picker.message.text() == "Choose a file in the list first."
    picker._debounce.setInterval(60_000)  # the search runs when Enter asks for it
    qtbot.keyClicks(picker.search, "Dawit")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # typed, not searched yet: no choice
    assert picker.result() != QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: [r.id for r in picker.model.rows] == [son], timeout=10_000)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # one file found: Enter takes it
    assert picker.result() == QDialog.DialogCode.Accepted
    assert dialog.linked.text() == "Haile, Dawit"
    dialog_save(qtbot, dialog)

    qtbot.waitUntil(lambda: "own file" in page.household.list.item(0).text(), timeout=10_000)
    assert page.household.list.item(0).text() == (
        "Dawit Haile (son) — born 2019-04 — own file: Haile, Dawit")
    member = get_participant(ctx, mother, record_view=False).household[0]
    assert (member.date_of_birth, member.linked_participant_id) == ("2019-04", son)

    page.household.list.setCurrentRow(0)
    qtbot.mouseClick(page.member_file_button, Qt.MouseButton.LeftButton)
    workspace = unlocked.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.file is not None and workspace.file.pid == son
                    and workspace.file.isVisible(), timeout=10_000)

    # The son's file names the household it is in; that line leads back, and is not his to
    # change.
    son_page = workspace.file
    assert son_page is not None
    qtbot.waitUntil(lambda: son_page.household.list.count() == 1, timeout=10_000)
    assert son_page.household.list.item(0).text() == (
        "In the household of Haile, Selam (as son)")
    son_page.household.list.setCurrentRow(0)
    for button in (son_page.edit_member_button, son_page.remove_member_button):
        son_page.household.message.clear()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert son_page.household.message.text().startswith(
            "This line is from another file's household")
    qtbot.mouseClick(son_page.member_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.file is not None and workspace.file.pid == mother,
                    timeout=10_000)


def test_a_household_member_linked_to_the_file_itself_is_refused_in_words(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    mother = create_participant(ctx, {"family_name": "Haile", "given_names": "Selam"})
    page = open_file(qtbot, unlocked, mother)
    dialog = click_open(qtbot, HouseholdDialog, page.member_button)
    dialog.name.setText("Selam Haile")
    offered = dialog.relationship.completer()  # the usual words, as the caseworker types
    assert offered is not None
    offered.setCompletionPrefix("S")
    assert sorted(offered.completionModel().index(i, 0).data()
                  for i in range(offered.completionCount())) == ["sister", "son", "spouse"]
    dialog.relationship.setText("self")  # any other word is kept as typed
    picker = click_open(qtbot, ParticipantPicker, dialog.link_button)
    qtbot.waitUntil(lambda: len(picker.model.rows) == 1, timeout=10_000)
    picker.table.activated.emit(picker.model.index(0, 0))  # Enter on the row
    assert picker.result() == QDialog.DialogCode.Accepted
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text() == "Own participant file: is this participant's own file"
    assert get_participant(ctx, mother, record_view=False).household == ()


def test_a_note_is_edited_then_removed(qtbot: QtBot, ctx: ServiceContext,
                                       unlocked: MainWindow,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pid = create_participant(ctx, {"family_name": "Osei"})
    notes.add_note(ctx, pid, "Met at the shelter")
    page = open_file(qtbot, unlocked, pid)
    qtbot.waitUntil(lambda: page.notes.list.count() == 1, timeout=10_000)
    page.notes.list.setCurrentRow(0)
    shown: list[str] = []

    def edit(parent: QWidget, title: str, label: str, text: str) -> tuple[str, bool]:
        shown.append(text)
        return "Met at the shelter on Main Street", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", edit)
    qtbot.mouseClick(page.edit_note_button, Qt.MouseButton.LeftButton)
    assert shown == ["Met at the shelter"]  # the note as it is, to edit
    qtbot.waitUntil(lambda: [n.body for n in notes.list_notes(ctx, pid)]
                    == ["Met at the shelter on Main Street"], timeout=10_000)
    qtbot.waitUntil(lambda: page.notes.list.count() == 1 and page.notes.list.item(0).text()
                    .endswith("Met at the shelter on Main Street"), timeout=10_000)

    page.notes.list.setCurrentRow(0)
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.remove_note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notes.list.count() == 0, timeout=10_000)
    assert notes.list_notes(ctx, pid) == []


def test_a_document_removed_from_the_file_is_erased(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    pid = create_participant(ctx, {"family_name": "Wrong-File"})
    doc = documents.attach_document(ctx, pid, "id-scan.pdf", PDF)
    page = open_file(qtbot, unlocked, pid)
    qtbot.waitUntil(lambda: page.documents.list.count() == 1, timeout=10_000)
    # The day it was attached, its name, and its size (a small file counts as 1 KB, not 0).
    assert page.documents.list.item(0).text() == "2026-03-02 — id-scan.pdf (1 KB)"
    page.documents.list.setCurrentRow(0)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.remove_document_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.documents.list.count() == 0, timeout=10_000)
    assert asked == ["Remove this document from the file? Its contents are erased from this "
                     "computer."]
    with pytest.raises(NotFound):
        documents.read_document(ctx, doc)
    with ctx.store.session() as s:
        row = s.get(Document, doc)
        assert row is not None and row.deleted and row.content is None


def test_the_history_says_who_did_what_in_words_and_never_values(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Kamara"})
    update_participant(ctx, pid, {"phone": "604 555 0177", "city": "Surrey"})
    notes.add_note(ctx, pid, "Met at the shelter")
    page = open_file(qtbot, unlocked, pid)
    qtbot.waitUntil(lambda: page.history.list.count() >= 4, timeout=10_000)
    lines = [page.history.list.item(i).text() for i in range(page.history.list.count())]
    said = [line.split(" — ", 1)[1] for line in lines]  # after the time
    assert "Test Worker — added: Case note" in said
    assert "Test Worker — changed: Participant file (City, Phone)" in said
    assert "Test Worker — added: Participant file" in said
    assert "Test Worker — opened: Participant file" in said
    assert not any("0177" in line or "Surrey" in line or "shelter" in line for line in lines)


def test_the_header_names_a_person_with_one_name_without_a_dangling_comma(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    pid = create_participant(ctx, {"family_name": "Abdullahi"})
    page = open_file(qtbot, unlocked, pid)
    qtbot.waitUntil(lambda: page.header.text() != "", timeout=10_000)
    assert page.header.text() == "Abdullahi — referred"
    arabic = create_participant(ctx, {"family_name": "حداد", "given_names": "أحمد"})
    page = open_file(qtbot, unlocked, arabic)
    qtbot.waitUntil(lambda: page.header.text() != "", timeout=10_000)
    # The name keeps its own direction; the status after it stays in the line's.
    assert page.header.text() == "\u2068حداد, أحمد\u2069 — referred"


@pytest.mark.parametrize(("name", "family", "split"), [
    ("Dawit Haile", "Haile", {"family_name": "Haile", "given_names": "Dawit"}),
    ("Haile Dawit", "haile", {"family_name": "Haile", "given_names": "Dawit"}),
    ("Nguyen Van An", "Nguyen", {"family_name": "Nguyen", "given_names": "Van An"}),
    ("Amanuel Tesfaye", "Haile", {"family_name": "Tesfaye", "given_names": "Amanuel"}),
    ("Abdullahi", "Haile", {"family_name": "Abdullahi"})])
def test_a_members_name_is_split_by_the_files_family_name(
        name: str, family: str, split: dict[str, str]) -> None:
    assert member_names(name, family) == split


def test_a_member_referred_too_gets_a_file_of_their_own_linked_to_the_household(
        qtbot: QtBot, ctx: ServiceContext, unlocked: MainWindow) -> None:
    mother = create_participant(ctx, {"family_name": "Haile", "given_names": "Selam"})
    add_household_member(ctx, mother, {"name": "Dawit Haile", "relationship": "son",
                                       "date_of_birth": "2004-05-06"})
    add_household_member(ctx, mother, {"name": "Amanuel Tesfaye", "relationship": "husband"})
    husband = create_participant(ctx, {"family_name": "Tesfaye", "given_names": "Amanuel"})
    page = open_file(qtbot, unlocked, mother)
    qtbot.waitUntil(lambda: page.household.list.count() == 2, timeout=10_000)
    workspace = unlocked.workspace
    assert workspace is not None

    # The son: no file yet; the intake starts from what the household says, and creates it.
    row = next(i for i in range(2) if "Dawit" in page.household.list.item(i).text())
    page.household.list.setCurrentRow(row)
    qtbot.mouseClick(page.member_intake_button, Qt.MouseButton.LeftButton)
    dialog = workspace.intake_dialog
    assert dialog.form.values() == {
        "family_name": "Haile", "given_names": "Dawit", "date_of_birth": "2004-05-06",
        "client_id": None, "citizenship": None, "phone": None, "detention_facility": None}
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    qtbot.mouseClick(dialog.different_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.file is not None and workspace.file.pid != mother,
                    timeout=10_000)
    assert workspace.file is not None
    son = workspace.file.pid
    member = next(m for m in get_participant(ctx, mother, record_view=False).household
                  if m.name == "Dawit Haile")
    assert member.linked_participant_id == son
    assert get_participant(ctx, son, record_view=False).date_of_birth == "2004-05-06"

    # The husband has a file already: the intake finds it, and "the same person" links it.
    page = open_file(qtbot, unlocked, mother)
    qtbot.waitUntil(lambda: page.household.list.count() == 2, timeout=10_000)
    row = next(i for i in range(2) if "Amanuel" in page.household.list.item(i).text())
    page.household.list.setCurrentRow(row)
    qtbot.mouseClick(page.member_intake_button, Qt.MouseButton.LeftButton)
    dialog = workspace.intake_dialog
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    assert dialog.candidates.item(0).data(Qt.ItemDataRole.UserRole) == husband
    qtbot.mouseClick(dialog.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.file is not None and workspace.file.pid == husband,
                    timeout=10_000)
    member = next(m for m in get_participant(ctx, mother, record_view=False).household
                  if m.name == "Amanuel Tesfaye")
    assert member.linked_participant_id == husband

    # A member linked already is not taken in again.
    page = open_file(qtbot, unlocked, mother)
    qtbot.waitUntil(lambda: "own file" in page.household.list.item(0).text(),
                    timeout=10_000)
    page.household.list.setCurrentRow(0)
    qtbot.mouseClick(page.member_intake_button, Qt.MouseButton.LeftButton)
    assert page.household.message.text() == "This member is already linked to a file."
