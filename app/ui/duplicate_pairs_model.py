"""The list of pairs to review as a table model: the pairs are handed over whole (loaded in
the background), and each cell's text is made only when the view paints it, so thousands
of pairs fill the list at once instead of cell by cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.services.duplicate_review import ReviewPair
from app.ui.bidi import isolate
from app.ui.i18n import N_, fill, tr
from app.ui.intake import reason_words

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("Score"), N_("File A"), N_("File B"), N_("Why"))
SCORE, FILE_A, FILE_B, WHY = range(4)


def why_words(pair: ReviewPair) -> str:
    """The reasons first (a narrow column elides the end), then where the pair came from."""
    why = ", ".join(reason_words(r) for r in pair.reasons)
    return fill(tr("%1 (flagged at import)"), why) if pair.source == "import" else why


class DuplicatePairTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[ReviewPair] = []

    def set_pairs(self, pairs: list[ReviewPair]) -> None:
        self.beginResetModel()
        self.pairs = list(pairs)
        self.endResetModel()

    def pair(self, row: int) -> ReviewPair | None:
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def row_of(self, review_id: str) -> int:
        return next((i for i, p in enumerate(self.pairs) if p.review_id == review_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pair = self.pair(index.row())
        if pair is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(pair, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Names and reasons are elided in narrow columns: the whole text is here, and
            # for a file, how to open it.
            text = self._text(pair, column)
            if column in (FILE_A, FILE_B):
                return f"{text}\n{tr('Double-click, or press Enter, to open this file.')}"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(pair: ReviewPair, column: int) -> str:
        if column == SCORE:
            return f"{pair.score:.2f}"
        if column == FILE_A:
            return f"{isolate(pair.a_name)} ({pair.a_date_of_birth or '?'})"
        if column == FILE_B:
            return f"{isolate(pair.b_name)} ({pair.b_date_of_birth or '?'})"
        return why_words(pair)
