"""Intake: enter the person, see probable duplicates, then create (or open the match)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.context import ServiceContext
from app.services.matching import REASONS, find_duplicates
from app.services.participants import create_participant, validate_profile
from app.services.views import DuplicateCandidate
from app.ui.background import run_in_background
from app.ui.bidi import isolate
from app.ui.error_words import describe
from app.ui.forms import FieldForm
from app.ui.i18n import tr
from app.ui.profile_editors import CodeChecks
from app.ui.value_words import consent_words


def intake_fields() -> list[tuple[str, str]]:
    return [("family_name", tr("Family name")), ("given_names", tr("Given names")),
            ("date_of_birth", tr("Date of birth")), ("client_id", tr("Client ID (UCI)")),
            ("citizenship", tr("Country of citizenship")), ("phone", tr("Phone")),
            ("detention_facility", tr("Detention facility"))]


def reason_words(code: str) -> str:
    words = {"same_client_id": tr("same client ID"),
             "same_external_ref": tr("same reference in the old system"),
             "same_phone": tr("same phone number"), "same_name": tr("same name"),
             "similar_name": tr("name spelled differently"),
             "alias_match": tr("matches an alias"),
             "same_dob": tr("same date of birth"),
             "similar_dob": tr("date of birth nearly the same"),
             "same_birth_year": tr("same year of birth"),
             "same_citizenship": tr("same country of citizenship"),
             "similar_client_id": tr("client ID nearly the same"),
             "transliteration": tr("same name written in another spelling"),
             "initials": tr("initials match the name"),
             "short_form": tr("a short form of the name (Paco, Francisco)"),
             "names_swapped": tr("family and given names swapped"),
             "partial_name": tr("part of the name is the same"),
             "few_details": tr("few details to compare: check carefully")}
    return words.get(code, REASONS.get(code, code))


def candidate_line(c: DuplicateCandidate) -> str:
    """One probable duplicate as a line: name, date of birth and client ID, only those the
    file has (no dangling separator for a missing one), then why it is listed."""
    parts = [isolate(c.display_name), c.date_of_birth or "", c.client_id or ""]
    line = " — ".join(p for p in parts if p)
    # "Few details" is about the query, not one file: said once, above the list.
    reasons = ", ".join(reason_words(r) for r in c.reasons if r != "few_details")
    return f"{line} ({reasons})" if reasons else line


def member_names(name: str, family_name: str) -> dict[str, str]:
    """A household member's one name field split for an intake of their own: the word that
    is the file's family name (the member's family, most often) is the family name, the rest
    the given names; else the last word (to be checked by the caseworker, who sees it)."""
    words = name.split()
    if len(words) < 2:
        return {"family_name": name.strip()}
    family = next((w for w in words if w.casefold() == family_name.casefold()), words[-1])
    rest = list(words)
    rest.remove(family)
    return {"family_name": family, "given_names": " ".join(rest)}


class IntakeDialog(QDialog):
    created = Signal(str)
    open_existing = Signal(str)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("New intake"))
        self.setAccessibleName(tr("New intake"))
        self.pages = QStackedWidget()
        self.form = FieldForm(intake_fields())
        # Consent is asked at intake (PRODUCT: recorded then, and shown on the file).
        self.consent = CodeChecks(consent_words(), tr("Consent to share"))
        self.form.form_layout.addRow(tr("Consent to share"), self.consent)
        self.next_button = QPushButton(tr("Check for duplicates"))
        self.next_button.setDefault(True)
        first = QWidget()
        v1 = QVBoxLayout(first)
        v1.addWidget(QLabel(tr("Step 1 of 2: who is this person?")))
        v1.addWidget(self.form)
        v1.addWidget(self.next_button)
        self.candidates = QListWidget()
        self.candidates.setAccessibleName(tr("Probable duplicates"))
        self.candidates.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.same_button = QPushButton(tr("This is the same person"))
        self.different_button = QPushButton(tr("A different person: create the file"))
        self.back_button = QPushButton(tr("Back"))
        second = QWidget()
        v2 = QVBoxLayout(second)
        v2.addWidget(QLabel(tr("Step 2 of 2: probable duplicates")))
        v2.addWidget(self.warning)
        v2.addWidget(self.candidates)
        row = QHBoxLayout()
        for b in (self.back_button, self.same_button, self.different_button):
            row.addWidget(b)
        v2.addLayout(row)
        self.pages.addWidget(first)
        self.pages.addWidget(second)
        self.error = QLabel()
        self.error.setObjectName("error")
        box = QVBoxLayout(self)
        box.addWidget(self.pages)
        box.addWidget(self.error)
        self.next_button.clicked.connect(self.check)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.same_button.clicked.connect(self._same)
        self.different_button.clicked.connect(self.create_file)
        self.resize(640, 480)

    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = {k: v for k, v in self.form.values().items() if v is not None}
        if self.consent.values():
            data["consent_to_share"] = self.consent.values()
            data["consent_recorded_on"] = self.ctx.now().date().isoformat()
        return data

    def check(self) -> None:
        data = self.data()
        try:
            validate_profile(data)
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        self.form.show_errors({})
        self.next_button.setEnabled(False)
        run_in_background(lambda: find_duplicates(self.ctx, data), self._show, self._fail)

    def _show(self, found: list[DuplicateCandidate]) -> None:
        self.next_button.setEnabled(True)
        self.candidates.clear()
        few = any("few_details" in c.reasons for c in found)
        for c in found:
            item = QListWidgetItem(candidate_line(c))
            item.setData(Qt.ItemDataRole.UserRole, c.participant_id)
            self.candidates.addItem(item)
        if few:
            self.candidates.setCurrentRow(0)
            self.warning.setText(tr("Few details to compare: these files have the same or a "
                                    "similar name. Ask for a date of birth, a phone number or "
                                    "an old document before you decide."))
        elif found:
            self.candidates.setCurrentRow(0)
            self.warning.setText(tr("These files may be the same person. Open the file if "
                                    "it is; create a new one only if it is not."))
        else:
            self.warning.setText(tr("No probable duplicate was found."))
        self.same_button.setEnabled(bool(found))
        self.pages.setCurrentIndex(1)

    def _same(self) -> None:
        item = self.candidates.currentItem()
        if item is not None:
            self.open_existing.emit(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def create_file(self) -> None:
        data = self.data()
        self.different_button.setEnabled(False)

        def done(pid: str) -> None:
            self.created.emit(pid)
            self.accept()

        run_in_background(lambda: create_participant(self.ctx, data), done, self._fail)

    def _fail(self, exc: BaseException) -> None:
        self.next_button.setEnabled(True)
        self.different_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.form.show_errors(exc.errors)
            self.pages.setCurrentIndex(0)
        self.error.setText(describe(exc))
