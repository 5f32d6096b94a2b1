"""The participant file, in tabs: profile, household, agreement, check-ins, referrals,
notes, documents, history. Every read and write runs in the background."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import (
    agreements,
    checkins,
    documents,
    history,
    notes,
    participants,
    referrals,
)
from app.services.caseworkers import list_caseworkers
from app.services.checkins import CheckInView
from app.services.context import ServiceContext
from app.services.dashboard import open_slots_of
from app.services.participants import get_participant
from app.services.referrals import ReferralView
from app.services.views import HouseholdMemberView, display_name
from app.ui.agreement_dialog import AgreementDialog
from app.ui.background import run_in_background
from app.ui.bidi import isolate
from app.ui.entry_lines import (
    agreement_line,
    checkin_line,
    history_line,
    household_line,
    named_in_line,
    referral_line,
)
from app.ui.error_words import describe
from app.ui.i18n import tr
from app.ui.participant_model import status_word
from app.ui.profile_tab import ProfileTab
from app.ui.record_dialogs import (
    CheckInDialog,
    CorrectionDialog,
    FollowUpDialog,
    HouseholdDialog,
    ReferralDialog,
    ReferralUpdateDialog,
    frequency_words,
    mode_words,
    outcome_words,
)

NAMED_IN = "named_in"  # a household line's key: another file's household names this person


class ListTab(QWidget):
    """A list with action buttons, filled by a background load."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("error")
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.list)
        self.box.addLayout(self.buttons)
        self.box.addWidget(self.message)

    def button(self, text: str) -> QPushButton:
        b = QPushButton(text)
        self.buttons.addWidget(b)
        return b

    def fill(self, rows: list[tuple[str, Any]]) -> None:
        self.list.clear()
        for text, key in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)

    def current(self) -> Any:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class ParticipantFile(QWidget):
    changed = Signal(str)
    closed = Signal()
    open_other = Signal(str)  # another participant's file (a household member's own)
    intake_for_member = Signal(object, str)  # a member with no file, the file's family name

    def __init__(self, ctx: ServiceContext, participant_id: str) -> None:
        super().__init__()
        self.ctx, self.pid = ctx, participant_id
        self.setAccessibleName(tr("Participant file"))
        self.header = QLabel()
        self.header.setObjectName("fileHeader")
        self.close_button = QPushButton(tr("Back to the list"))
        self.tabs = QTabWidget()
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.tabs)
        self.profile_tab = ProfileTab(ctx, participant_id)
        self.status_label = self.profile_tab.status_label
        self.tabs.addTab(self.profile_tab, tr("Profile"))
        self.profile_tab.changed.connect(self._done)
        self.household = ListTab(tr("Household"))
        self.member_button = self.household.button(tr("Add a household member"))
        self.edit_member_button = self.household.button(tr("Edit the chosen member"))
        self.member_file_button = self.household.button(tr("Open the linked file"))
        self.member_intake_button = self.household.button(tr("New intake for the member"))
        self.remove_member_button = self.household.button(tr("Remove the chosen member"))
        self.agreement = ListTab(tr("Agreement"))
        self.amend_button = self.agreement.button(tr("New agreement or amendment"))
        self.checkins = ListTab(tr("Check-ins"))
        self.record_button = self.checkins.button(tr("Record a check-in"))
        self.correct_button = self.checkins.button(tr("Correct the chosen entry"))
        self.follow_up_button = self.checkins.button(tr("Record the follow-up of a miss"))
        self.referrals = ListTab(tr("Referrals"))
        self.refer_button = self.referrals.button(tr("Make a referral"))
        self.advance_button = self.referrals.button(tr("Move to the next status"))
        self.update_button = self.referrals.button(tr("Update the chosen referral"))
        self.notes = ListTab(tr("Notes"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(tr("New note"))
        self.notes.box.insertWidget(1, self.note_edit)
        self.note_button = self.notes.button(tr("Add the note"))
        self.edit_note_button = self.notes.button(tr("Edit the chosen note"))
        self.remove_note_button = self.notes.button(tr("Remove the chosen note"))
        self.documents = ListTab(tr("Documents"))
        self.attach_button = self.documents.button(tr("Attach a document"))
        self.view_button = self.documents.button(tr("View"))
        self.remove_document_button = self.documents.button(tr("Remove the chosen document"))
        self.history = ListTab(tr("History"))
        for tab, title in ((self.household, tr("Household")), (self.agreement, tr("Agreement")),
                           (self.checkins, tr("Check-ins")), (self.referrals, tr("Referrals")),
                           (self.notes, tr("Notes")), (self.documents, tr("Documents")),
                           (self.history, tr("History"))):
            self.tabs.addTab(tab, title)
        self.close_button.clicked.connect(self.closed)
        self.amend_button.clicked.connect(self._agreement_dialog)
        self.record_button.clicked.connect(self._record_checkin)
        self.correct_button.clicked.connect(self._correct_checkin)
        self.follow_up_button.clicked.connect(self._follow_up_dialog)
        self.member_button.clicked.connect(self._add_member)
        self.edit_member_button.clicked.connect(self._edit_member)
        self.member_file_button.clicked.connect(self._open_member_file)
        self.member_intake_button.clicked.connect(self._member_intake)
        self.refer_button.clicked.connect(self._referral_dialog)
        self.advance_button.clicked.connect(self._move_referral)
        self.update_button.clicked.connect(self._referral_update_dialog)
        self.note_button.clicked.connect(self._add_note)
        self.attach_button.clicked.connect(self._attach)
        self.view_button.clicked.connect(self._view_document)
        self.remove_member_button.clicked.connect(self._remove_member)
        self.remove_note_button.clicked.connect(lambda: self._remove_chosen(
            self.notes, tr("Remove this note from the file?"), notes.remove_note))
        self.remove_document_button.clicked.connect(lambda: self._remove_chosen(
            self.documents, tr("Remove this document from the file? Its contents are erased "
                               "from this computer."), documents.remove_document))
        self.edit_note_button.clicked.connect(self._edit_note)
        self._current_agreement: Any = None
        self._checkins: dict[str, CheckInView] = {}
        self._referrals: dict[str, ReferralView] = {}
        self._notes: dict[str, str] = {}
        self._members: dict[str, HouseholdMemberView] = {}
        self._family_name = ""
        self.reload()

    def show_tab(self, name: str) -> None:
        tabs = {"profile": self.profile_tab, "checkins": self.checkins,
                "referrals": self.referrals, "agreement": self.agreement}
        self.tabs.setCurrentWidget(tabs[name])

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, pid = self.ctx, self.pid

        def load() -> dict[str, Any]:
            return {
                "detail": get_participant(ctx, pid),
                "agreements": agreements.list_agreements(ctx, pid),
                "checkins": checkins.list_checkins(ctx, pid),
                "slots": open_slots_of(ctx, pid),
                "referrals": referrals.list_referrals(ctx, pid),
                "notes": notes.list_notes(ctx, pid),
                "documents": documents.list_documents(ctx, pid),
                "history": history.participant_history(ctx, pid, limit=200),
                "caseworkers": list_caseworkers(ctx),
            }

        run_in_background(load, self._show, lambda exc: self.header.setText(describe(exc)))

    def _show(self, data: dict[str, Any]) -> None:
        d = data["detail"]
        self.pid = d.id
        self.header.setText(f"{isolate(display_name(d.family_name, d.given_names))} — "
                            f"{status_word(d.status)}")
        self.profile_tab.set_detail(d, data["caseworkers"])
        self._members = {m.id: m for m in d.household}
        self._family_name = d.family_name
        self.household.fill([(household_line(m), m.id) for m in d.household]
                            + [(named_in_line(link), (NAMED_IN, link.participant_id))
                               for link in d.named_in])
        freq, modes = frequency_words(), mode_words()
        self._current_agreement = next((a for a in data["agreements"] if a.current), None)
        self.agreement.fill([(agreement_line(a, freq, modes), a.id)
                             for a in data["agreements"]])
        outcomes = outcome_words()
        self._slots = data["slots"]
        self._checkins = {c.id: c for c in data["checkins"]}
        self.checkins.fill(
            [(f"{tr('Due')} {s[1].astimezone():%Y-%m-%d %H:%M} — {tr('not recorded')}",
              ("slot", s[0]))
             for s in data["slots"]]
            + [(checkin_line(c, outcomes, modes), ("checkin", c.id)) for c in data["checkins"]])
        self._referrals = {r.id: r for r in data["referrals"]}
        self.referrals.fill([(referral_line(r), (r.id, r.status)) for r in data["referrals"]])
        self._notes = {n.id: n.body for n in data["notes"]}
        self.notes.fill([(f"{n.created_at:%Y-%m-%d} {n.author_name or ''}: {n.body}", n.id)
                         for n in data["notes"]])
        self.documents.fill([(f"{doc.created_at.astimezone():%Y-%m-%d} — "
                              f"{isolate(doc.filename)} ({max(1, doc.size // 1024)} KB)", doc.id)
                             for doc in data["documents"]])
        self.history.fill([(history_line(h), None) for h in data["history"]])

    # -- actions -----------------------------------------------------------------------------
    def _done(self, _: Any = None) -> None:
        self.changed.emit(self.pid)
        self.reload()

    def _agreement_dialog(self) -> None:
        self._open(AgreementDialog(self.ctx, self.pid, self._current_agreement, self))

    def _record_checkin(self) -> None:
        kind_id = self.checkins.current()
        slot_id = kind_id[1] if kind_id and kind_id[0] == "slot" else None
        slot_text = next((f"{s[1].astimezone():%Y-%m-%d %H:%M}" for s in self._slots
                          if s[0] == slot_id), "")
        dialog = CheckInDialog(self.ctx, self.pid, slot_id, slot_text, self)
        if self._current_agreement is not None:  # the mode the agreement sets, to start with
            dialog.mode.setCurrentIndex(max(0, dialog.mode.findData(
                self._current_agreement.reporting_mode)))
        self._open(dialog)

    def _follow_up_dialog(self) -> None:
        kind_id = self.checkins.current()
        entry = self._checkins.get(kind_id[1]) if kind_id and kind_id[0] == "checkin" else None
        follow_up = entry.follow_up if entry else None
        if entry is None or follow_up is None or follow_up.status != "open":
            self.checkins.message.setText(tr("Choose a missed check-in whose follow-up is "
                                             "open."))
            return
        when = (entry.scheduled_at or entry.actual_at or follow_up.due_at).astimezone()
        self._open(FollowUpDialog(self.ctx, follow_up.id, f"{when:%Y-%m-%d %H:%M}", self))

    def _correct_checkin(self) -> None:
        kind_id = self.checkins.current()
        if not kind_id or kind_id[0] != "checkin":
            self.checkins.message.setText(tr("Choose a recorded entry first."))
            return
        self._open(CorrectionDialog(self.ctx, self.pid, self._checkins[kind_id[1]], self))

    def _open(self, dialog: QDialog) -> None:
        """Show a form without blocking (a lock can hide it and give it back as it was);
        the file reloads once it has saved."""
        dialog.accepted.connect(self._done)
        dialog.open()

    def _add_member(self) -> None:
        self._open(HouseholdDialog(self.ctx, self.pid, self))

    def _chosen_member(self) -> HouseholdMemberView | None:
        current = self.household.current()
        member = self._members.get(current) if isinstance(current, str) else None
        if isinstance(current, tuple):
            self.household.message.setText(tr("This line is from another file's household: "
                                              "open that file to change it."))
        elif member is None:
            self.household.message.setText(tr("Choose an entry first."))
        return member

    def _remove_member(self) -> None:
        if self._chosen_member() is not None:
            self._remove_chosen(self.household, tr("Remove this household member from the "
                                                   "file?"),
                                participants.remove_household_member)

    def _edit_member(self) -> None:
        if (member := self._chosen_member()) is not None:
            self._open(HouseholdDialog(self.ctx, self.pid, self, member))

    def _open_member_file(self) -> None:
        current = self.household.current()
        if isinstance(current, tuple):  # the household this person is named in
            self.open_other.emit(current[1])
            return
        if (member := self._chosen_member()) is None:
            return
        if member.linked_participant_id is None or member.linked_name is None:
            self.household.message.setText(tr("This member has no file on this computer. "
                                              "Edit the member to link their file."))
            return
        self.open_other.emit(member.linked_participant_id)

    def _member_intake(self) -> None:
        """A member referred too (an adult of the family) gets a file of their own: the
        intake starts from the member's name and birth date, and its file is linked."""
        if (member := self._chosen_member()) is None:
            return
        if member.linked_participant_id is not None:
            self.household.message.setText(tr("This member is already linked to a file."))
            return
        self.intake_for_member.emit(member, self._family_name)

    def _referral_dialog(self) -> None:
        self._open(ReferralDialog(self.ctx, self.pid, self))

    def _referral_update_dialog(self) -> None:
        current = self.referrals.current()
        if current is None:
            self.referrals.message.setText(tr("Choose a referral first."))
            return
        self._open(ReferralUpdateDialog(self.ctx, self._referrals[current[0]], self))

    def _move_referral(self) -> None:
        current = self.referrals.current()
        if current is None:
            self.referrals.message.setText(tr("Choose a referral first."))
            return
        rid, status = current
        moves = referrals.allowed_moves(status)  # the first is the next step of its life
        if not moves:
            self.referrals.message.setText(tr("This referral is closed."))
            return
        goal = moves[0]

        def failed(exc: BaseException) -> None:
            self.referrals.message.setText(describe(exc))

        run_in_background(lambda: referrals.move_referral(self.ctx, rid, goal), self._done,
                          failed)

    def _add_note(self) -> None:
        body = self.note_edit.toPlainText()

        def done(_: Any) -> None:
            self.note_edit.clear()
            self._done()

        run_in_background(lambda: notes.add_note(self.ctx, self.pid, body), done,
                          lambda exc: self.notes.message.setText(describe(exc)))

    def _edit_note(self) -> None:
        note_id = self.notes.current()
        if note_id is None:
            self.notes.message.setText(tr("Choose an entry first."))
            return
        body, ok = QInputDialog.getMultiLineText(self, tr("Edit the chosen note"), tr("Note"),
                                                 self._notes.get(note_id, ""))
        if not ok:
            return
        run_in_background(lambda: notes.edit_note(self.ctx, note_id, body), self._done,
                          lambda exc: self.notes.message.setText(describe(exc)))

    def _remove_chosen(self, tab: ListTab, question: str,
                       remove: Callable[[ServiceContext, str], None]) -> None:
        """Remove the record chosen in `tab`, once the caseworker confirms."""
        record_id = tab.current()
        if record_id is None:
            tab.message.setText(tr("Choose an entry first."))
            return
        answer = QMessageBox.question(self, tr("Remove"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_in_background(lambda: remove(self.ctx, record_id), self._done,
                          lambda exc: tab.message.setText(describe(exc)))

    def _attach(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Attach a document"), "",
                                              tr("Documents (*.pdf *.png *.jpg *.jpeg)"))
        if not path:
            return

        def attach() -> str:
            from pathlib import Path

            p = Path(path)
            return documents.attach_document(self.ctx, self.pid, p.name, p.read_bytes())

        run_in_background(attach, self._done,
                          lambda exc: self.documents.message.setText(describe(exc)))

    def _view_document(self) -> None:
        doc_id = self.documents.current()
        if doc_id is None:
            return
        run_in_background(lambda: documents.read_document(self.ctx, doc_id),
                          self._show_document,
                          lambda exc: self.documents.message.setText(describe(exc)))

    def _show_document(self, result: tuple[Any, bytes]) -> None:
        view, content = result
        viewer = DocumentViewer(view.filename, view.mime_type, content, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its bytes go with it
        viewer.open()


class DocumentViewer(QDialog):
    """Shows a document from memory: nothing is written to disk to view it."""

    def __init__(self, title: str, mime: str, content: bytes, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        box = QVBoxLayout(self)
        if mime.startswith("image/"):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(QImage.fromData(content)))
            box.addWidget(label)
        else:
            from PySide6.QtCore import QBuffer, QByteArray, QIODevice
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self._buffer = QBuffer()
            self._buffer.setData(QByteArray(content))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self._pdf = QPdfDocument(self)
            self._pdf.load(self._buffer)
            view = QPdfView(self)
            view.setDocument(self._pdf)
            box.addWidget(view)
        self.resize(700, 800)
