"""Dialogs for a check-in and its follow-up, a household member, and a referral (made, then
updated); the words of their closed lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.views import HouseholdMemberView
from app.ui.background import run_in_background
from app.ui.bidi import isolate
from app.ui.error_words import describe
from app.ui.i18n import tr


def outcome_words() -> dict[str, str]:
    return {"attended": tr("attended"), "late": tr("late"), "missed": tr("missed"),
            "excused": tr("excused"), "rescheduled": tr("rescheduled")}


def mode_words() -> dict[str, str]:
    return {"in_person": tr("in person"), "telephone": tr("telephone"),
            "video": tr("video"), "home_visit": tr("home visit")}


def referral_type_words() -> dict[str, str]:
    return {"housing": tr("housing"), "employment": tr("employment"),
            "mental_health": tr("mental health"), "addiction": tr("addiction"),
            "health": tr("health"), "family_and_child": tr("family and child"),
            "legal": tr("legal"), "income": tr("income"),
            "identity_documents": tr("identity documents"), "work_permit": tr("work permit")}


def referral_status_words() -> dict[str, str]:
    return {"proposed": tr("proposed"), "made": tr("made"), "accepted": tr("accepted"),
            "in_progress": tr("in progress"), "completed": tr("completed"),
            "declined": tr("declined"), "no_show": tr("no-show"), "withdrawn": tr("withdrawn")}


def frequency_words() -> dict[str, str]:
    return {"weekly": tr("weekly"), "biweekly": tr("every two weeks"),
            "monthly": tr("monthly"), "custom": tr("custom")}


def relationship_words() -> list[str]:
    """What a household member usually is to the participant (offered, not imposed)."""
    return [tr("spouse"), tr("partner"), tr("son"), tr("daughter"), tr("child"),
            tr("father"), tr("mother"), tr("brother"), tr("sister"), tr("grandchild"),
            tr("grandparent"), tr("other relative")]


def combo_of(words: dict[str, str], name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for key, word in words.items():
        box.addItem(word, key)
    return box


class ServiceDialog(QDialog):
    """A form whose OK runs a service call in the background; errors stay in the dialog."""

    entity: str | None = None  # the kind of record it writes: its errors name its fields

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.save)
        self.result_value: Any = None

    def call(self) -> Callable[[], Any]:
        raise TypeError(f"{type(self).__name__} must say what it saves")

    def words_for(self, exc: BaseException) -> str:
        """The problem in words, shown in the dialog."""
        return describe(exc, self.entity)

    def save(self) -> None:
        try:
            work = self.call()
        except Exception as exc:  # bad input caught before any write
            self.error.setText(self.words_for(exc))
            return
        self.buttons.setEnabled(False)

        def done(value: Any) -> None:
            self.result_value = value
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(self.words_for(exc))

        run_in_background(work, done, failed)


class CheckInDialog(ServiceDialog):
    entity = "checkin"

    def __init__(self, ctx: Any, participant_id: str, slot_id: str | None,
                 slot_text: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("Record a check-in"), parent)
        from app.services.checkins import record_checkin

        self._record = record_checkin
        self.ctx, self.participant_id, self.slot_id = ctx, participant_id, slot_id
        self.outcome = combo_of(outcome_words(), tr("Outcome"))
        self.mode = combo_of(mode_words(), tr("Mode"))
        self.took_place = QLineEdit()
        self.took_place.setAccessibleName(tr("Took place on"))
        self.took_place.setPlaceholderText(tr("YYYY-MM-DD HH:MM (empty: now)"))
        self.wellbeing = QLineEdit()
        self.wellbeing.setAccessibleName(tr("Wellbeing"))
        self.needs_update = QPlainTextEdit()
        self.needs_update.setAccessibleName(tr("Change in needs"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(tr("Notes"))
        for box in (self.needs_update, self.notes):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(5 * box.fontMetrics().lineSpacing())
        self.form.addRow(tr("Scheduled"), QLabel(slot_text or tr("Not scheduled")))
        self.form.addRow(tr("Outcome"), self.outcome)
        self.form.addRow(tr("Mode"), self.mode)
        self.form.addRow(tr("Took place on"), self.took_place)
        self.form.addRow(tr("Wellbeing"), self.wellbeing)
        self.form.addRow(tr("Change in needs"), self.needs_update)
        self.form.addRow(tr("Notes"), self.notes)

    def entry(self) -> dict[str, Any]:
        """The form's values for the service; raises ValidationError for a bad time."""
        return {"outcome": self.outcome.currentData(), "mode": self.mode.currentData(),
                "actual_at": local_time("actual_at", self.took_place.text()),
                "wellbeing": self.wellbeing.text().strip() or None,
                "needs_update": self.needs_update.toPlainText().strip() or None,
                "notes": self.notes.toPlainText().strip() or None}

    def call(self) -> Callable[[], Any]:
        data = self.entry()
        return lambda: self._record(self.ctx, self.participant_id, data, slot_id=self.slot_id)


class CorrectionDialog(CheckInDialog):
    """A correction is a new entry that references the one it corrects: it starts as that
    entry, so what is not corrected is kept."""

    def __init__(self, ctx: Any, participant_id: str, entry: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, participant_id, None, tr("Correction of an entry"), parent)
        from app.services.checkins import correct_checkin

        self.setWindowTitle(tr("Correct a check-in"))
        self._correct, self.checkin_id = correct_checkin, entry.id
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(entry.outcome)))
        self.mode.setCurrentIndex(max(0, self.mode.findData(entry.mode)))
        if entry.actual_at is not None:
            self.took_place.setText(f"{entry.actual_at.astimezone():%Y-%m-%d %H:%M}")
        self.wellbeing.setText(entry.wellbeing or "")
        self.needs_update.setPlainText(entry.needs_update or "")
        self.notes.setPlainText(entry.notes or "")

    def call(self) -> Callable[[], Any]:
        data = self.entry()
        return lambda: self._correct(self.ctx, self.checkin_id, data)


def local_time(field: str, text: str) -> datetime | None:
    """"YYYY-MM-DD HH:MM" typed in this computer's time zone, as an aware time; empty: none."""
    if not text.strip():
        return None
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").astimezone()
    except ValueError:
        raise ValidationError(field, "must be a date and time as YYYY-MM-DD HH:MM") from None


class FollowUpDialog(ServiceDialog):
    """What the caseworker did about a missed check-in. Recorded before its window ends, it
    keeps the miss from becoming a compliance report to CBSA."""

    entity = "follow_up"

    def __init__(self, ctx: Any, follow_up_id: str, missed_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Record the follow-up"), parent)
        from app.services.checkins import resolve_follow_up

        self._resolve, self.ctx, self.follow_up_id = resolve_follow_up, ctx, follow_up_id
        self.resolution = QPlainTextEdit()
        self.resolution.setAccessibleName(tr("What was done"))
        self.resolution.setPlaceholderText(tr("For example: reached by phone, was in "
                                              "hospital; next check-in confirmed."))
        self.form.addRow(tr("Missed check-in"), QLabel(missed_text))
        self.form.addRow(tr("What was done"), self.resolution)

    def call(self) -> Callable[[], Any]:
        text = self.resolution.toPlainText()
        return lambda: self._resolve(self.ctx, self.follow_up_id, text)


class ReferralUpdateDialog(ServiceDialog):
    """Move a referral to any status its life allows (declined, no-show and withdrawn too),
    and keep its follow-up date and outcome current."""

    entity = "referral"

    def __init__(self, ctx: Any, referral: Any, parent: QWidget | None = None) -> None:
        super().__init__(tr("Update the referral"), parent)
        from app.services import referrals

        self._referrals, self.ctx, self.referral = referrals, ctx, referral
        words = referral_status_words()
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Status"))
        self.status.addItem(f"{words[referral.status]} ({tr('unchanged')})", None)
        for status in referrals.allowed_moves(referral.status):
            self.status.addItem(words[status], status)
        self.follow_up = QLineEdit(str(referral.follow_up_on or ""))
        self.follow_up.setAccessibleName(tr("Follow-up date"))
        self.follow_up.setPlaceholderText("YYYY-MM-DD")
        self.follow_up.setEnabled(self.status.count() > 1)  # closed: nothing to follow up
        self.outcome = QPlainTextEdit(referral.outcome or "")
        self.outcome.setAccessibleName(tr("Outcome of the referral"))
        types = referral_type_words()
        self.form.addRow(tr("Referral"), QLabel(f"{types.get(referral.type, referral.type)}"
                                                f" — {referral.provider}"))
        self.form.addRow(tr("Status"), self.status)
        self.form.addRow(tr("Follow-up date"), self.follow_up)
        self.form.addRow(tr("Outcome of the referral"), self.outcome)

    def call(self) -> Callable[[], Any]:
        target, rid = self.status.currentData(), self.referral.id
        follow_up = self.follow_up.text().strip() or None
        outcome = self.outcome.toPlainText().strip() or None
        if target is not None:
            return lambda: self._referrals.move_referral(self.ctx, rid, target, outcome,
                                                         follow_up)
        changes: dict[str, Any] = {}  # only what was changed: an empty field clears it
        if outcome != (self.referral.outcome or None):
            changes["outcome"] = outcome
        before = str(self.referral.follow_up_on) if self.referral.follow_up_on else None
        if self.follow_up.isEnabled() and follow_up != before:
            changes["follow_up_on"] = follow_up
        return lambda: self._referrals.update_referral(self.ctx, rid, changes)


class HouseholdDialog(ServiceDialog):
    """Adds a household member, or edits one (`member` given): only what was changed is
    sent. A member who has a file of their own is linked to it, chosen by a search."""

    entity = "household_member"

    def __init__(self, ctx: Any, participant_id: str, parent: QWidget | None = None,
                 member: HouseholdMemberView | None = None) -> None:
        super().__init__(tr("Edit the household member") if member
                         else tr("Add a household member"), parent)
        from app.services import participants

        self._participants, self.ctx, self.participant_id = participants, ctx, participant_id
        self.member = member
        self.name = QLineEdit(member.name if member else "")
        self.name.setAccessibleName(tr("Name"))
        self.relationship = QLineEdit(member.relationship if member else "")
        self.relationship.setAccessibleName(tr("Relationship"))
        # The usual words offered as typed, in the shown language; any other is kept.
        relationships = QCompleter(relationship_words(), self.relationship)
        relationships.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.relationship.setCompleter(relationships)
        self.birth = QLineEdit(member.date_of_birth or "" if member else "")
        self.birth.setAccessibleName(tr("Date of birth"))
        self.birth.setPlaceholderText(tr("YYYY-MM-DD (or YYYY-MM, or YYYY)"))
        self.dependant = QComboBox()
        self.dependant.setAccessibleName(tr("Dependant"))
        self.dependant.addItem(tr("no"), False)
        self.dependant.addItem(tr("yes"), True)
        self.dependant.setCurrentIndex(1 if member and member.dependant else 0)
        self.linked_id = member.linked_participant_id if member else None
        self.linked = QLabel()
        self.linked.setAccessibleName(tr("Own participant file"))
        self.link_button = QPushButton(tr("Choose their file…"))
        self.unlink_button = QPushButton(tr("No file"))
        link_row = QHBoxLayout()
        link_row.addWidget(self.linked, 1)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        self._show_link(member.linked_name if member else None)
        self.form.addRow(tr("Name"), self.name)
        self.form.addRow(tr("Relationship"), self.relationship)
        self.form.addRow(tr("Date of birth"), self.birth)
        self.form.addRow(tr("Dependant"), self.dependant)
        self.form.addRow(tr("Own participant file"), link_row)
        self.link_button.clicked.connect(self._choose_file)
        self.unlink_button.clicked.connect(lambda: self._set_link(None, None))

    def _show_link(self, name: str | None) -> None:
        if self.linked_id is None:
            self.linked.setText(tr("none"))
        else:  # a file not on this device (yet) is still a link
            self.linked.setText(isolate(name) if name else tr("a file not on this computer"))
        self.unlink_button.setEnabled(self.linked_id is not None)

    def _set_link(self, pid: str | None, name: str | None) -> None:
        self.linked_id = pid
        self._show_link(name)

    def _choose_file(self) -> None:
        from app.ui.participant_picker import ParticipantPicker

        picker = ParticipantPicker(self.ctx, tr("Choose the member's own file"), self)

        def chosen() -> None:
            if picker.chosen is not None:
                self._set_link(*picker.chosen)

        picker.accepted.connect(chosen)
        picker.open()

    def call(self) -> Callable[[], Any]:
        data = {"name": self.name.text(), "relationship": self.relationship.text(),
                "date_of_birth": self.birth.text().strip() or None,
                "dependant": self.dependant.currentData(),
                "linked_participant_id": self.linked_id}
        if self.member is None:
            return lambda: self._participants.add_household_member(
                self.ctx, self.participant_id, data)
        # Only what was changed: the view's fields are named as the form's.
        changes = {k: value for k, value in data.items() if value != getattr(self.member, k)}
        member_id = self.member.id
        return lambda: self._participants.update_household_member(self.ctx, member_id,
                                                                   changes)


class ReferralDialog(ServiceDialog):
    entity = "referral"

    def __init__(self, ctx: Any, participant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("Make a referral"), parent)
        from app.services.referrals import make_referral

        self._make = make_referral
        self.ctx, self.participant_id = ctx, participant_id
        self.type = combo_of(referral_type_words(), tr("Type"))
        self.provider = QLineEdit()
        self.provider.setAccessibleName(tr("Provider"))
        self.status = combo_of({"made": referral_status_words()["made"],
                                "proposed": referral_status_words()["proposed"]},
                               tr("Status"))
        self.referred_on = QLineEdit(ctx.now().date().isoformat() if ctx else "")
        self.referred_on.setAccessibleName(tr("Referred on"))
        self.referred_on.setPlaceholderText("YYYY-MM-DD")
        self.follow_up = QLineEdit()
        self.follow_up.setAccessibleName(tr("Follow-up date"))
        self.follow_up.setPlaceholderText("YYYY-MM-DD")
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(5 * self.notes.fontMetrics().lineSpacing())
        self.form.addRow(tr("Type"), self.type)
        self.form.addRow(tr("Provider"), self.provider)
        self.form.addRow(tr("Status"), self.status)
        self.form.addRow(tr("Referred on"), self.referred_on)
        self.form.addRow(tr("Follow-up date"), self.follow_up)
        self.form.addRow(tr("Notes"), self.notes)

    def call(self) -> Callable[[], Any]:
        data = {"type": self.type.currentData(), "provider": self.provider.text(),
                "status": self.status.currentData(),
                "referred_on": self.referred_on.text().strip() or None,
                "follow_up_on": self.follow_up.text().strip() or None,
                "notes": self.notes.toPlainText().strip() or None}
        return lambda: self._make(self.ctx, self.participant_id, data)
