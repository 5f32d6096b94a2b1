"""The supervision agreement's form: sign the first version, or amend the current one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.ui.field_labels import field_label
from app.ui.i18n import tr
from app.ui.record_dialogs import ServiceDialog, combo_of, frequency_words, mode_words


class AgreementDialog(ServiceDialog):
    """Sign the first agreement, or amend the current one (a new version that keeps every
    condition not changed here). Every condition of the agreement is on the form: dates and
    reporting on the left; residence, curfew, programs, conditions and signatures on the
    right; the reason for an amendment below. The form scrolls on a small screen."""

    entity = "supervision_agreement"

    def __init__(self, ctx: Any, participant_id: str, current: Any | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Amend the agreement") if current else tr("New agreement"), parent)
        from app.services import agreements

        self._agreements = agreements
        self.ctx, self.participant_id, self.current = ctx, participant_id, current

        def label(field: str) -> str:  # the words errors name the field with, too
            return field_label(field, self.entity)

        today = ctx.now().date()
        # An amendment takes effect today by default (the service refuses a date before the
        # current version's); the other conditions start as they are now.
        start = max(today, current.effective_on) if current is not None else today
        self.effective = self._date_edit(start.isoformat())
        self.review = self._date_edit()
        self.end = self._date_edit()
        self.frequency = combo_of(frequency_words(), label("reporting_frequency"))
        self.interval = QSpinBox()
        self.interval.setRange(0, 365)  # 0: not given yet (shown as such)
        self.interval.setSpecialValueText(tr("not given"))
        self.mode = combo_of(mode_words(), label("reporting_mode"))
        self.time = QLineEdit("10:00")
        self.time.setMaxLength(5)
        self.compliance_window = QSpinBox()
        self.compliance_window.setRange(1, 90)
        self.compliance_window.setValue(7)
        self.residency = QLineEdit()
        self.residency.setMaxLength(300)
        self.curfew = QLineEdit()
        self.curfew.setMaxLength(40)
        self.curfew.setPlaceholderText(tr("for example 22:00-06:00"))
        self.programs = QPlainTextEdit()
        self.programs.setPlaceholderText(tr("One program per line"))
        self.programs.setTabChangesFocus(True)
        self.conditions = QPlainTextEdit()
        self.conditions.setTabChangesFocus(True)
        for box in (self.programs, self.conditions):
            line = box.fontMetrics().lineSpacing()
            box.setMinimumHeight(4 * line)
            box.setMaximumHeight(7 * line)
        wide = 32 * self.fontMetrics().averageCharWidth()  # an address fits, unscrolled
        for wide_one in (self.residency, self.programs, self.conditions):
            wide_one.setMinimumWidth(wide)
        self.signed_participant = self._date_edit()
        self.signed_caseworker = self._date_edit()
        self.officer = QLineEdit()
        self.officer.setMaxLength(200)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(label("amendment_reason"))

        self.more = QFormLayout()
        columns: dict[QFormLayout, tuple[tuple[str, QWidget], ...]] = {
            self.form: (("effective_on", self.effective), ("review_on", self.review),
                        ("end_on", self.end), ("reporting_frequency", self.frequency),
                        ("custom_interval_days", self.interval),
                        ("reporting_mode", self.mode), ("reporting_time", self.time),
                        ("compliance_window_days", self.compliance_window)),
            self.more: (("residency_address", self.residency), ("curfew", self.curfew),
                        ("programming", self.programs), ("conditions", self.conditions),
                        ("signed_by_participant_on", self.signed_participant),
                        ("signed_by_caseworker_on", self.signed_caseworker),
                        ("cbsa_officer", self.officer))}
        for form, rows in columns.items():
            for field, widget in rows:
                widget.setAccessibleName(label(field))
                form.addRow(label(field), widget)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._lay_out(amending=current is not None)

        self.frequency.currentIndexChanged.connect(self._custom_or_not)
        if current is not None:
            self._prefill(current)
        self._custom_or_not()

    @staticmethod
    def _date_edit(text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setPlaceholderText("YYYY-MM-DD")
        edit.setMaxLength(10)
        return edit

    def _lay_out(self, amending: bool) -> None:
        """The two columns (and the reason) in a scroll area, in place of the base class's
        single form; the error and the buttons stay below, always in view."""
        box = self.layout()
        assert isinstance(box, QVBoxLayout)
        box.removeItem(self.form)
        self.form.setParent(None)
        body = QWidget()
        inside = QVBoxLayout(body)
        columns = QHBoxLayout()
        columns.addLayout(self.form, 1)
        columns.addSpacing(2 * self.fontMetrics().averageCharWidth())
        columns.addLayout(self.more, 1)
        inside.addLayout(columns)
        if amending:
            below = QFormLayout()
            below.addRow(self.reason.accessibleName(), self.reason)
            inside.addLayout(below)
        inside.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        box.insertWidget(0, scroll, 1)
        wanted = body.sizeHint()
        screen = self.screen().availableGeometry()
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(min(wanted.width() + bar, screen.width() * 9 // 10))
        scroll.setMinimumHeight(min(wanted.height(), screen.height() * 6 // 10))

    def _prefill(self, a: Any) -> None:
        def date_text(value: Any) -> str:
            return str(value) if value is not None else ""

        self.review.setText(date_text(a.review_on))
        self.end.setText(date_text(a.end_on))
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(a.reporting_frequency)))
        self.interval.setValue(a.custom_interval_days or 0)
        self.mode.setCurrentIndex(max(0, self.mode.findData(a.reporting_mode)))
        self.time.setText(a.reporting_time or "")
        self.compliance_window.setValue(a.compliance_window_days or 7)
        self.residency.setText(a.residency_address or "")
        self.curfew.setText(a.curfew or "")
        self.programs.setPlainText("\n".join(a.programming or []))
        self.conditions.setPlainText(a.conditions or "")
        self.signed_participant.setText(date_text(a.signed_by_participant_on))
        self.signed_caseworker.setText(date_text(a.signed_by_caseworker_on))
        self.officer.setText(a.cbsa_officer or "")
        for edit in (self.residency, self.curfew, self.officer):
            edit.setCursorPosition(0)  # the start of a long text in view

    def _custom_or_not(self) -> None:
        """The days between check-ins count only for a custom frequency."""
        self.interval.setEnabled(self.frequency.currentData() == "custom")

    def call(self) -> Callable[[], Any]:
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        custom = self.frequency.currentData() == "custom"
        if custom and self.interval.value() == 0:  # "not given": said so, not "not a number"
            raise ValidationError("custom_interval_days", "is required")
        data: dict[str, Any] = {
            "effective_on": text(self.effective), "review_on": text(self.review),
            "end_on": text(self.end),
            "reporting_frequency": self.frequency.currentData(),
            "custom_interval_days": (self.interval.value() or None) if custom else None,
            "reporting_mode": self.mode.currentData(), "reporting_time": text(self.time),
            "compliance_window_days": self.compliance_window.value(),
            "residency_address": text(self.residency), "curfew": text(self.curfew),
            "programming": [line.strip() for line in self.programs.toPlainText().splitlines()
                            if line.strip()],
            "conditions": self.conditions.toPlainText().strip() or None,
            "signed_by_participant_on": text(self.signed_participant),
            "signed_by_caseworker_on": text(self.signed_caseworker),
            "cbsa_officer": text(self.officer)}
        if self.current is None:
            return lambda: self._agreements.create_agreement(self.ctx, self.participant_id,
                                                              data)
        reason, agreement_id = self.reason.text(), self.current.id
        return lambda: self._agreements.amend_agreement(self.ctx, agreement_id, data, reason)
