"""Connect this device to the office's server later than the first run (a store made
offline, at an intake in a detention centre, say): the server's address and a one-time
enrolment code from the supervisor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.errors import ValidationError
from app.sync.enrolment import enrol_device
from app.ui.error_words import enrolment_words
from app.ui.i18n import fill, tr
from app.ui.record_dialogs import ServiceDialog


class EnrolDialog(ServiceDialog):
    def __init__(self, ctx: Any, current_server: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Connect to the office server"), parent)
        self.ctx = ctx
        self.server = QLineEdit(current_server or "")
        self.server.setAccessibleName(tr("Server address"))
        self.server.setPlaceholderText("https://")
        self.code = QLineEdit()
        self.code.setAccessibleName(tr("Enrolment code"))
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setAccessibleName(tr("Certificate authority file (optional)"))
        choose = QPushButton(tr("Choose..."))
        row = QHBoxLayout()
        row.addWidget(self.ca_bundle, 1)
        row.addWidget(choose)
        about = (fill(tr("This device is enrolled with %1. A new code enrols it again."),
                      current_server) if current_server
                 else tr("Your supervisor gives you the enrolment code (it works once)."))
        note = QLabel(about)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow(tr("Server address"), self.server)
        self.form.addRow(tr("Enrolment code"), self.code)
        self.form.addRow(tr("Certificate authority file (optional)"), row)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(tr("Enrol this device"))
        choose.clicked.connect(self._choose)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Certificate authority file"), "",
                                              tr("Certificates (*.pem *.crt)"))
        if path:
            self.ca_bundle.setText(path)

    def call(self) -> Callable[[], Any]:
        server, code = self.server.text().strip(), self.code.text().strip()
        missing = {f: "is required" for f, v in (("server", server), ("code", code)) if not v}
        if missing:
            raise ValidationError(missing)
        ca_bundle, ctx = self.ca_bundle.text().strip() or None, self.ctx
        return lambda: enrol_device(ctx, server, code, ca_bundle)

    def words_for(self, exc: BaseException) -> str:
        return enrolment_words(exc)
