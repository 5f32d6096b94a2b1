"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The table's item at (row, column), which the test expects to be there."""
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item
