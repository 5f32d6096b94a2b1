"""ParticipantTableModel: ids and summaries fetched a page at a time from the search service
(sorting and filtering in SQL); never every row."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.services.context import ServiceContext
from app.services.participant_search import ParticipantQuery, search_participants
from app.services.views import ParticipantSummary
from app.ui.background import BackgroundOp
from app.ui.i18n import N_, tr

PAGE = 200
COLUMNS = (("name", N_("Name")), ("client_id", N_("Client ID")),
           ("date_of_birth", N_("Date of birth")), ("phone", N_("Phone")),
           ("caseworker", N_("Caseworker")), ("status", N_("Status")))
STATUS_WORDS = ("referred", "assessed", "accepted", "refused", "active", "suspended", "closed")
Index = QModelIndex | QPersistentModelIndex


def status_word(status: str) -> str:
    words = {"referred": tr("referred"), "assessed": tr("assessed"),
             "accepted": tr("accepted"), "refused": tr("refused"), "active": tr("active"),
             "suspended": tr("suspended"), "closed": tr("closed")}
    return words.get(status, status)


class ParticipantTableModel(QAbstractTableModel):
    loaded = Signal(int)  # rows now held
    failed = Signal(object)

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.query = ParticipantQuery()
        self.rows: list[ParticipantSummary] = []
        self.exhausted = False
        self._generation = 0
        self._loading = False

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        key = COLUMNS[index.column()][0]
        if key == "name":
            return row.display_name
        if key == "status":
            return status_word(row.status)
        if key == "caseworker":
            return row.caseworker_name or ""
        return getattr(row, key) or ""

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._load(len(self.rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        self.set_query(replace(self.query, sort=key,
                               descending=order == Qt.SortOrder.DescendingOrder))

    # -- queries ---------------------------------------------------------------------------
    def set_query(self, query: ParticipantQuery) -> None:
        self.query = query
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows, self.exhausted, self._loading = [], False, False
        self.endResetModel()
        self._load(0)

    def _load(self, offset: int) -> None:
        self._loading = True
        generation, query = self._generation, self.query

        def fetch() -> tuple[int, list[ParticipantSummary]]:
            page = search_participants(self.ctx, query, offset, PAGE, with_total=False)
            return generation, list(page.rows)

        BackgroundOp(fetch, success=self._arrived, failure=self._failed).start()

    def _arrived(self, result: tuple[int, list[ParticipantSummary]]) -> None:
        generation, rows = result
        if generation != self._generation:
            return  # an answer to a query the user has already replaced
        self._loading = False
        if len(rows) < PAGE:
            self.exhausted = True
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit(len(self.rows))

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.failed.emit(exc)

    def participant_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None
