"""The office's monthly statistics, written to a file a supervisor can send on: aggregates
only, no one's name in them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.errors import ValidationError
from app.services.statistics import export_statistics, parse_month, previous_month
from app.ui.i18n import tr
from app.ui.record_dialogs import ServiceDialog, combo_of


class StatisticsDialog(ServiceDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(tr("Monthly statistics"), parent)
        self.ctx = ctx
        self.month = QLineEdit(f"{previous_month(ctx.now().date()):%Y-%m}")
        self.month.setAccessibleName(tr("Month"))
        self.month.setPlaceholderText("YYYY-MM")
        self.format = combo_of({"csv": tr("CSV (spreadsheet)"), "json": "JSON"}, tr("Format"))
        self.path = QLineEdit()
        self.path.setAccessibleName(tr("File to write"))
        self.choose = QPushButton(tr("Choose..."))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        self.form.addRow(QLabel(tr("Figures of the office for one month: counts only, no "
                                   "names.")))
        self.form.addRow(tr("Month"), self.month)
        self.form.addRow(tr("Format"), self.format)
        self.form.addRow(tr("File to write"), row)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(tr("Write the file"))
        self.choose.clicked.connect(self._choose)

    def _choose(self) -> None:
        suffix = self.format.currentData()
        name = f"ccms-statistics-{self.month.text().strip()}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, tr("Monthly statistics"),
                                              str(Path.home() / name))
        if path:
            self.path.setText(path)

    def call(self) -> Callable[[], Any]:
        month = parse_month(self.month.text().strip(), self.ctx.now().date())
        if not self.path.text().strip():
            raise ValidationError("out", "is required")
        path, fmt, ctx = Path(self.path.text().strip()), self.format.currentData(), self.ctx
        return lambda: export_statistics(ctx, month, path, fmt)
