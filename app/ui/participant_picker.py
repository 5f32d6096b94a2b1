"""Choosing another participant's file (a household member's own file): the list's search,
in a small dialog; the rows come a page at a time from the same model as the list."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.context import ServiceContext
from app.services.participant_search import ParticipantQuery
from app.ui.error_words import describe
from app.ui.i18n import tr
from app.ui.participant_model import ParticipantTableModel
from app.ui.participants_page import DEBOUNCE_MS, participant_table, search_line


class ParticipantPicker(QDialog):
    """OK (or Enter on a row) keeps the chosen file in `chosen`: (id, name as listed)."""

    def __init__(self, ctx: ServiceContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.chosen: tuple[str, str] | None = None
        self.model = ParticipantTableModel(ctx)
        self.search = search_line()
        self.table = participant_table(self.model)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Choose"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        box = QVBoxLayout(self)
        box.addWidget(self.search)
        box.addWidget(self.table)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.table.activated.connect(self._choose)
        self.buttons.accepted.connect(lambda: self._choose(self.table.currentIndex()))
        self.buttons.rejected.connect(self.reject)
        self.model.failed.connect(lambda exc: self.message.setText(describe(exc)))
        self.resize(640, 420)
        self.model.set_query(ParticipantQuery())

    def _apply(self) -> None:
        self.model.set_query(replace(self.model.query, text=self.search.text()))

    def _choose(self, index: QModelIndex) -> None:
        if self._debounce.isActive():  # Enter before the search ran: run it, choose nothing
            self._debounce.stop()
            self._apply()
            return
        if not index.isValid() and self.model.rowCount() == 1:  # Enter in the search field
            index = self.model.index(0, 0)  # when it found one file: that one
        pid = self.model.participant_id(index.row()) if index.isValid() else None
        if pid is None:
            self.message.setText(tr("Choose a file in the list first."))
            return
        self.chosen = (pid, self.model.rows[index.row()].display_name)
        self.accept()
