"""The list of probable duplicate pairs as a table: one row per pair, the most probable
first. A double-click on a name, or Enter, asks for that file to be opened."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.services.duplicate_review import ReviewPair
from app.ui.duplicate_pairs_model import FILE_A, FILE_B, SCORE, WHY, DuplicatePairTableModel
from app.ui.i18n import tr


class DuplicatePairView(QTableView):
    open_file = Signal(str)  # a participant id

    def __init__(self) -> None:
        super().__init__()
        self.pair_model = DuplicatePairTableModel()
        self.setModel(self.pair_model)
        self.setAccessibleName(tr("Probable duplicates"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        # Tab leaves the list for the next control; the arrows move within it.
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(SCORE, QHeaderView.ResizeMode.ResizeToContents)
        # Names and reasons share what is left; each is elided, whole in its tooltip.
        for col in (FILE_A, FILE_B, WHY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(lambda index: self._open(index.row(), index.column()))

    def current_pair(self) -> ReviewPair | None:
        rows = self.selectionModel().selectedRows()
        return self.pair_model.pair(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.selectRow(row)
        self.scrollTo(self.pair_model.index(row, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a pair does what a double-click does: it opens the file of the current
        # cell (file A when the cell is the score or the reasons).
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            index: QModelIndex = self.currentIndex()
            if index.isValid():
                column = index.column() if index.column() in (FILE_A, FILE_B) else FILE_A
                self._open(index.row(), column)
                event.accept()
                return
        super().keyPressEvent(event)

    def _open(self, row: int, column: int) -> None:
        pair = self.pair_model.pair(row)
        if pair is not None and column in (FILE_A, FILE_B):
            self.open_file.emit(pair.a_id if column == FILE_A else pair.b_id)
