"""Editors for the participant fields that are not one line of text: a code from a closed
list, several codes, and the needs assessment. A value the list does not know (from an
import, or a device with a newer list) is kept and shown as it is, never dropped on save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
)

from app.errors import ValidationError
from app.ui.i18n import tr


class CodeBox(QComboBox):
    """One value of `words` (code -> words), or none recorded (unless `optional` is False:
    a yes or no, say)."""

    def __init__(self, words: dict[Any, str], name: str, optional: bool = True) -> None:
        super().__init__()
        self.setAccessibleName(name)
        if optional:
            self.addItem(tr("not recorded"), None)
        for code, word in words.items():
            self.addItem(word, code)

    def set_words(self, words: dict[Any, str]) -> None:
        """Replace the choices (the office's caseworkers, once loaded), keeping the value."""
        kept = self.value()
        while self.count() > 1:
            self.removeItem(self.count() - 1)
        for code, word in words.items():
            self.addItem(word, code)
        self.set_value(kept)

    def set_value(self, code: Any) -> None:
        index = self.findData(code) if code is not None else 0
        if index < 0:
            self.addItem(str(code), code)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def value(self) -> Any:
        return self.currentData()


class CodeChecks(QListWidget):
    """Several values of `words`, each a line with a check box."""

    def __init__(self, words: dict[str, str], name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self._words = words
        self.set_values([])

    def set_values(self, codes: list[str] | None) -> None:
        self.clear()
        chosen = list(codes or [])
        for code in [*self._words, *(c for c in chosen if c not in self._words)]:
            item = QListWidgetItem(self._words.get(code, code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen
                               else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setFixedHeight(min(8, self.count()) * self.sizeHintForRow(0)
                            + 2 * self.frameWidth())

    def values(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]


class NeedsTable(QTableWidget):
    """The needs assessment: a need (housing, health...) and its note per row; the last row
    is left empty for a new one."""

    def __init__(self, name: str) -> None:
        super().__init__(0, 2)
        self.setAccessibleName(name)
        self.setHorizontalHeaderLabels([tr("Need"), tr("Note")])
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setMinimumHeight(120)
        self.cellChanged.connect(self._keep_an_empty_row)

    def rows(self) -> list[tuple[str, str]]:
        """The rows as typed, the empty ones left out (a note with no need too)."""
        return [(self._text(r, 0), self._text(r, 1)) for r in range(self.rowCount())
                if self._text(r, 0) or self._text(r, 1)]

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        for need, note in rows:
            self._append(need, note)
        self._append("", "")
        self.blockSignals(False)

    def values(self) -> dict[str, str]:
        """Raises ValidationError for a note with no need: it would be lost."""
        out: dict[str, str] = {}
        for row in range(self.rowCount()):
            need, note = (self._text(row, 0).strip(), self._text(row, 1))
            if need:
                out[need] = note
            elif note.strip():
                raise ValidationError("needs", "a note is there without the need it is about")
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _append(self, need: str, note: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(need))
        self.setItem(row, 1, QTableWidgetItem(note))

    def _keep_an_empty_row(self, row: int, _column: int) -> None:
        if row == self.rowCount() - 1 and (self._text(row, 0) or self._text(row, 1)):
            self.blockSignals(True)
            self._append("", "")
            self.blockSignals(False)
