"""The participant list: debounced search, a status filter, sorting, keyboard navigation."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal
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

from app.services.caseworkers import FLAG_COLUMNS, flags_in_use, list_caseworkers
from app.services.context import ServiceContext
from app.services.participant_search import OPEN_STATUSES, ParticipantQuery
from app.ui.background import run_in_background
from app.ui.error_words import describe
from app.ui.i18n import fill, tr
from app.ui.participant_model import STATUS_WORDS, ParticipantTableModel, status_word
from app.ui.value_words import flag_words

DEBOUNCE_MS = 250
OPEN = "open"  # the status filter's choice of every open status


def search_line() -> QLineEdit:
    """The search field of a list of participants."""
    line = QLineEdit()
    line.setPlaceholderText(tr("Search by name, alias, client ID or phone"))
    line.setAccessibleName(tr("Search participants"))
    line.setClearButtonEnabled(True)
    return line


def participant_table(model: ParticipantTableModel) -> QTableView:
    """A table of participants, a row chosen at a time, the name column taking the room."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(tr("Participants"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, model.columnCount()):  # wide enough for its title ("Date de
        # naissance" is longer than the dates under it)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        header.resizeSection(column, max(header.sectionSize(column),
                                          header.fontMetrics().horizontalAdvance(title) + 28))
    table.verticalHeader().hide()
    return table


class ParticipantsPage(QWidget):
    open_participant = Signal(str)
    new_intake = Signal()

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.model = ParticipantTableModel(ctx)
        self.search = search_line()
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Status filter"))
        self.status.addItem(tr("All statuses"), "")
        self.status.addItem(tr("Open files (not refused or closed)"), OPEN)
        for status in STATUS_WORDS:
            self.status.addItem(status_word(status), status)
        self.caseworker = QComboBox()
        self.caseworker.setAccessibleName(tr("Caseworker filter"))
        self.caseworker.addItem(tr("All caseworkers"), "")
        self.flag = QComboBox()
        self.flag.setAccessibleName(tr("Flag filter"))
        self.flag.addItem(tr("Any flags"), "")
        self.intake_button = QPushButton(tr("New intake"))
        self.count = QLabel()
        self.table = participant_table(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status, 1)
        top.addWidget(self.caseworker, 1)
        top.addWidget(self.flag, 1)
        top.addWidget(self.intake_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table)
        box.addWidget(self.count)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _: self._apply())
        self.caseworker.currentIndexChanged.connect(lambda _: self._apply())
        self.flag.currentIndexChanged.connect(lambda _: self._apply())
        self.table.activated.connect(self._open)
        self.intake_button.clicked.connect(self.new_intake)
        self.model.loaded.connect(lambda n: self.count.setText(
            tr("%1 shown").replace("%1", str(n))))
        self.model.failed.connect(lambda exc: self.count.setText(describe(exc)))

    def _apply(self) -> None:
        status = self.status.currentData()
        kind, _, flag = (self.flag.currentData() or "").partition(":")
        self.model.set_query(replace(self.model.query, text=self.search.text(),
                                     statuses=OPEN_STATUSES if status == OPEN
                                     else (status,) if status else (),
                                     caseworker_id=self.caseworker.currentData() or None,
                                     flags=(flag,) if kind == "risk_flags" else (),
                                     vulnerabilities=(flag,) if kind == "vulnerability_flags"
                                     else ()))

    def _load_filters(self) -> None:
        ctx = self.model.ctx

        def load() -> tuple[list, dict[str, list[str]]]:
            return list_caseworkers(ctx), {c: flags_in_use(ctx, c) for c in FLAG_COLUMNS}

        def show(result: tuple[list, dict[str, list[str]]]) -> None:
            workers, flags = result
            for w in workers:
                if self.caseworker.findData(w.id) < 0:
                    self.caseworker.addItem(w.name, w.id)
            kinds = {"risk_flags": tr("risk"), "vulnerability_flags": tr("vulnerability")}
            for column, codes in flags.items():
                for flag in codes:  # "kind:code": a flag can be of either kind
                    if self.flag.findData(f"{column}:{flag}") < 0:
                        self.flag.addItem(fill(tr("%1: %2"), kinds[column],
                                               flag_words().get(flag, flag)),
                                          f"{column}:{flag}")

        run_in_background(load, show)

    def _open(self, index: QModelIndex) -> None:
        pid = self.model.participant_id(index.row())
        if pid:
            self.open_participant.emit(pid)

    def show_caseworker(self, caseworker_id: str, name: str) -> None:
        """The list filtered to one caseworker's files (from the dashboard's workload)."""
        if self.caseworker.findData(caseworker_id) < 0:
            self.caseworker.addItem(name, caseworker_id)
        with QSignalBlocker(self.status), QSignalBlocker(self.caseworker):  # one search
            self.status.setCurrentIndex(self.status.findData(OPEN))  # as the workload counts
            self.caseworker.setCurrentIndex(self.caseworker.findData(caseworker_id))
        self._apply()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def start(self) -> None:
        self.model.set_query(ParticipantQuery())
        self._load_filters()
