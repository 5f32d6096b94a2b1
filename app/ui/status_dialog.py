"""Move a participant along the program's steps: referred -> assessed -> accepted / refused
-> active <-> suspended -> closed. Refusing and suspending say why in a few words; closing
gives one of the closure reasons and the day."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from app.services.participant_status import allowed_transitions, change_status
from app.services.validation import a_date
from app.ui.i18n import tr
from app.ui.participant_model import STATUS_WORDS, status_word
from app.ui.profile_editors import CodeBox
from app.ui.record_dialogs import ServiceDialog
from app.ui.value_words import closure_reason_words

WHY_REQUIRED = ("refused", "suspended")


class StatusDialog(ServiceDialog):
    entity = "participant"

    def __init__(self, ctx: Any, participant_id: str, current: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Change the status"), parent)
        self.ctx, self.participant_id = ctx, participant_id
        self.status = QComboBox()
        self.status.setAccessibleName(tr("New status"))
        allowed = {s.value for s in allowed_transitions(current)}
        for status in STATUS_WORDS:  # in the order of the program's steps
            if status in allowed:
                self.status.addItem(status_word(status), status)
        self.why = QLineEdit()
        self.why.setAccessibleName(tr("Reason for the status"))
        self.why.setMaxLength(40)
        self.closure = CodeBox(closure_reason_words(), tr("Reason for closing"))
        self.closed_on = QLineEdit(ctx.now().date().isoformat() if ctx else "")
        self.closed_on.setAccessibleName(tr("Closed on"))
        self.closed_on.setPlaceholderText("YYYY-MM-DD")
        self.form.addRow(tr("Status now"), QLabel(status_word(current)))
        self.form.addRow(tr("New status"), self.status)
        self.form.addRow(tr("Reason for the status"), self.why)
        self.form.addRow(tr("Reason for closing"), self.closure)
        self.form.addRow(tr("Closed on"), self.closed_on)
        if not self.status.count():
            self.error.setText(tr("A refused or closed file keeps its status."))
            self.buttons.setEnabled(False)
        self.status.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    def _show_fields(self) -> None:
        closing = self.status.currentData() == "closed"
        for widget in (self.closure, self.closed_on):
            widget.setVisible(closing)
            self.form.labelForField(widget).setVisible(closing)
        self.why.setVisible(not closing)
        self.form.labelForField(self.why).setVisible(not closing)
        self.why.setPlaceholderText(tr("required") if self.status.currentData()
                                    in WHY_REQUIRED else tr("optional"))

    def call(self) -> Callable[[], Any]:
        target = self.status.currentData()
        if target == "closed":
            reason, on = self.closure.value(), a_date("closed_on", self.closed_on.text(),
                                                      required=True)
        else:
            reason, on = self.why.text().strip() or None, None
        ctx, pid = self.ctx, self.participant_id
        return lambda: change_status(ctx, pid, target, reason, on)
