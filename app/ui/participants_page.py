"""The participant list: debounced search, a status filter, sorting, keyboard navigation."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.context import ServiceContext
from app.services.participant_search import ParticipantQuery
from app.ui.error_words import describe
from app.ui.i18n import tr
from app.ui.participant_model import STATUS_WORDS, ParticipantTableModel, status_word

DEBOUNCE_MS = 250


class ParticipantsPage(QWidget):
    open_participant = Signal(str)
    new_intake = Signal()

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.model = ParticipantTableModel(ctx)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search by name, alias, client ID or phone"))
        self.search.setAccessibleName(tr("Search participants"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Status filter"))
        self.status.addItem(tr("All statuses"), "")
        for status in STATUS_WORDS:
            self.status.addItem(status_word(status), status)
        self.intake_button = QPushButton(tr("New intake"))
        self.count = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Participants"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status, 1)
        top.addWidget(self.intake_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table)
        box.addWidget(self.count)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _: self._apply())
        self.table.activated.connect(self._open)
        self.intake_button.clicked.connect(self.new_intake)
        self.model.loaded.connect(lambda n: self.count.setText(
            tr("%1 shown").replace("%1", str(n))))
        self.model.failed.connect(lambda exc: self.count.setText(describe(exc)))

    def _apply(self) -> None:
        status = self.status.currentData()
        self.model.set_query(replace(self.model.query, text=self.search.text(),
                                     statuses=(status,) if status else ()))

    def _open(self, index: QModelIndex) -> None:
        pid = self.model.participant_id(index.row())
        if pid:
            self.open_participant.emit(pid)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def start(self) -> None:
        self.model.set_query(ParticipantQuery())
