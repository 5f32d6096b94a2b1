"""The participant file's profile: status (and the button that changes it), identity and
contact, intake and referral, needs, flags and consent, and other names (aliases). Saving
sends only what was changed here, so a value another device synced meanwhile is kept."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.caseworkers import CaseworkerView
from app.services.context import ServiceContext
from app.services.participants import add_alias, remove_alias, update_participant
from app.services.views import ParticipantDetail
from app.ui.background import run_in_background
from app.ui.bidi import isolate
from app.ui.error_words import describe
from app.ui.field_labels import profile_fields
from app.ui.forms import FieldForm
from app.ui.i18n import fill, tr
from app.ui.participant_model import status_word
from app.ui.profile_editors import CodeBox, CodeChecks, NeedsTable
from app.ui.status_dialog import StatusDialog
from app.ui.value_words import (
    consent_words,
    flag_words,
    language_words,
    referral_source_words,
    sex_words,
    value_words,
)


def intake_detail_fields() -> list[tuple[str, str]]:
    return [("gender", tr("Gender")), ("referral_office", tr("Referral office")),
            ("referral_date", tr("Referral date")),
            ("consent_recorded_on", tr("Consent recorded on"))]


class ProfileTab(QScrollArea):
    changed = Signal()  # something was written: the file reloads

    def __init__(self, ctx: ServiceContext, participant_id: str) -> None:
        super().__init__()
        self.ctx, self.pid = ctx, participant_id
        self.setWidgetResizable(True)
        self._loaded_state: dict[str, Any] = {}  # the editors' content as loaded (or saved)
        self._status = ""
        page = QWidget()
        box = QVBoxLayout(page)
        self.status_label = QLabel()
        self.status_button = QPushButton(tr("Change the status"))
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.status_button)
        box.addLayout(top)

        self.identity = FieldForm(profile_fields())
        box.addWidget(_group(tr("Identity and contact"), self.identity))

        self.details = FieldForm(intake_detail_fields())
        self.sex = CodeBox(sex_words(), tr("Sex"))
        self.interpreter = CodeBox({False: tr("no"), True: tr("yes")}, tr("Interpreter needed"),
                                   optional=False)
        self.referral_source = CodeBox(referral_source_words(), tr("Referral source"))
        self.caseworker = CodeBox({}, tr("Caseworker"))
        self.languages = CodeChecks(language_words(), tr("Languages"))
        rows: tuple[tuple[str, QWidget], ...] = (
            (tr("Sex"), self.sex), (tr("Languages"), self.languages),
            (tr("Interpreter needed"), self.interpreter),
            (tr("Referral source"), self.referral_source), (tr("Caseworker"), self.caseworker))
        for label, widget in rows:
            self.details.form_layout.addRow(label, widget)
        box.addWidget(_group(tr("Intake and referral"), self.details))

        self.needs = NeedsTable(tr("Needs"))
        self.risk_flags = CodeChecks(flag_words(), tr("Risk flags"))
        self.vulnerability_flags = CodeChecks(flag_words(), tr("Vulnerability flags"))
        self.consent = CodeChecks(consent_words(), tr("Consent to share"))
        care = QWidget()
        form = QFormLayout(care)
        rows = ((tr("Needs"), self.needs), (tr("Risk flags"), self.risk_flags),
                (tr("Vulnerability flags"), self.vulnerability_flags),
                (tr("Consent to share"), self.consent))
        for label, widget in rows:
            form.addRow(label, widget)
        box.addWidget(_group(tr("Needs, flags and consent"), care))

        self.save_button = QPushButton(tr("Save the profile"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        box.addWidget(self.save_button)
        box.addWidget(self.message)
        box.addWidget(self._build_aliases())
        box.addStretch(1)
        self.setWidget(page)
        self.save_button.clicked.connect(self._save)
        self.status_button.clicked.connect(self._change_status)

    def _build_aliases(self) -> QGroupBox:
        self.aliases = QListWidget()
        self.aliases.setAccessibleName(tr("Other names (aliases)"))
        self.aliases.setMaximumHeight(110)
        self.alias_family = QLineEdit()
        self.alias_family.setAccessibleName(tr("Alias family name"))
        self.alias_family.setPlaceholderText(tr("Family name"))
        self.alias_given = QLineEdit()
        self.alias_given.setAccessibleName(tr("Alias given names"))
        self.alias_given.setPlaceholderText(tr("Given names"))
        self.add_alias_button = QPushButton(tr("Add the alias"))
        self.remove_alias_button = QPushButton(tr("Remove the chosen alias"))
        self.alias_message = QLabel()
        self.alias_message.setWordWrap(True)
        group = QGroupBox(tr("Other names (aliases)"))
        v = QVBoxLayout(group)
        v.addWidget(self.aliases)
        row = QHBoxLayout()
        for widget in (self.alias_family, self.alias_given, self.add_alias_button,
                       self.remove_alias_button):
            row.addWidget(widget)
        v.addLayout(row)
        v.addWidget(self.alias_message)
        self.add_alias_button.clicked.connect(self._add_alias)
        self.remove_alias_button.clicked.connect(self._remove_alias)
        return group

    # -- filling -----------------------------------------------------------------------------
    def set_detail(self, d: ParticipantDetail, caseworkers: list[CaseworkerView]) -> None:
        """Show the file as stored. What was typed here and not saved yet stays typed (the
        file reloads after a note is added, say): it is put back over the stored values."""
        unsaved = ({k: v for k, v in self._state().items() if v != self._loaded_state.get(k)}
                   if self._loaded_state else {})
        self.pid, self._status = d.id, d.status
        consent = value_words("consent_to_share", d.consent_to_share) or tr("none recorded")
        self.status_label.setText(
            f"{fill(tr('%1: %2'), tr('Status'), status_word(d.status))} — "
            f"{fill(tr('%1: %2'), tr('Consent to share'), consent)}")
        self.caseworker.set_words({c.id: c.name for c in caseworkers})
        self._fill({**d.fields, "interpreter_needed": bool(d.interpreter_needed),
                    "needs": list((d.needs or {}).items())})
        self.aliases.clear()
        for alias in d.aliases:
            item = QListWidgetItem(isolate(f"{alias.family_name}, {alias.given_names or ''}"
                                           .rstrip(", ")))
            item.setData(Qt.ItemDataRole.UserRole, alias.id)
            self.aliases.addItem(item)
        self._loaded_state = self._state()
        self._fill(unsaved)

    def _boxes(self) -> dict[str, CodeBox]:
        return {"sex": self.sex, "interpreter_needed": self.interpreter,
                "referral_source": self.referral_source, "caseworker_id": self.caseworker}

    def _checks(self) -> dict[str, CodeChecks]:
        return {"languages": self.languages, "risk_flags": self.risk_flags,
                "vulnerability_flags": self.vulnerability_flags,
                "consent_to_share": self.consent}

    def _state(self) -> dict[str, Any]:
        """Every editor's content as it stands (needs as typed rows)."""
        return {**self.identity.values(), **self.details.values(),
                **{k: box.value() for k, box in self._boxes().items()},
                **{k: checks.values() for k, checks in self._checks().items()},
                "needs": self.needs.rows()}

    def _fill(self, state: dict[str, Any]) -> None:
        """Put `state` (some or all of the fields, as _state gives them) in the editors."""
        rows = {**self.identity.rows, **self.details.rows}
        boxes, checks = self._boxes(), self._checks()
        for key, value in state.items():
            if key in rows:
                rows[key].set_value(value)
            elif key in boxes:
                boxes[key].set_value(value)
            elif key in checks:
                checks[key].set_values(value)
            elif key == "needs":
                self.needs.set_rows(value)

    def _values(self) -> dict[str, Any]:
        """What Save sends; raises ValidationError for a need's note without its need."""
        return {**self._state(), "needs": self.needs.values()}

    # -- writing -----------------------------------------------------------------------------
    def _save(self) -> None:
        try:
            values = self._values()
        except ValidationError as exc:  # a need's note without its need
            self.message.setText(describe(exc))
            return
        sent = self._state()
        changes = {k: values[k] for k, v in sent.items() if v != self._loaded_state.get(k)}
        if "consent_to_share" in changes and "consent_recorded_on" not in changes:
            changes["consent_recorded_on"] = self.ctx.now().date().isoformat()  # asked today
        if not changes:
            self.message.setText(tr("Nothing changed."))
            return
        self.save_button.setEnabled(False)

        def done(_: dict) -> None:
            self.save_button.setEnabled(True)
            self._show_errors({})
            self.message.setText(tr("Saved."))
            self._loaded_state = sent  # all saved: the reload shows the stored (cleaned) values
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self._show_errors(exc.errors)
            self.message.setText(describe(exc))

        run_in_background(lambda: update_participant(self.ctx, self.pid, changes), done,
                          failed)

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.identity.show_errors(errors)
        self.details.show_errors(errors)

    def _change_status(self) -> None:
        dialog = StatusDialog(self.ctx, self.pid, self._status, self)
        dialog.accepted.connect(self.changed)
        dialog.open()  # not exec: a lock hides it and gives it back as it was

    def _add_alias(self) -> None:
        data = {"family_name": self.alias_family.text(),
                "given_names": self.alias_given.text() or None}

        def done(_: str) -> None:
            self.alias_family.clear()
            self.alias_given.clear()
            self.alias_message.clear()
            self.changed.emit()

        run_in_background(lambda: add_alias(self.ctx, self.pid, data), done,
                          lambda exc: self.alias_message.setText(describe(exc)))

    def _remove_alias(self) -> None:
        item = self.aliases.currentItem()
        if item is None:
            self.alias_message.setText(tr("Choose an alias first."))
            return
        alias_id = item.data(Qt.ItemDataRole.UserRole)
        run_in_background(lambda: remove_alias(self.ctx, alias_id), lambda _: self.changed.emit(),
                          lambda exc: self.alias_message.setText(describe(exc)))


def _group(title: str, content: QWidget) -> QGroupBox:
    group = QGroupBox(title)
    QVBoxLayout(group).addWidget(content)
    return group
