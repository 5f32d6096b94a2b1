"""Import a caseload file: choose the file (and its mapping), see the first rows as they
would be imported, then import in the background with progress; the counts and the place
of the rejects file at the end. The same service as `ccms import`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.context import ServiceContext
from app.services.import_check import ImportPreview, preview
from app.services.importing import ImportSummary, run_import
from app.ui.background import BackgroundOp, run_in_background
from app.ui.error_words import describe, field_message
from app.ui.field_labels import field_label
from app.ui.i18n import tr

PREVIEW_ROWS = 20


def on_duplicate_words() -> list[tuple[str, str]]:
    return [("flag", tr("Import it and list the pair for review")),
            ("skip", tr("Do not import it")),
            ("create", tr("Import it without a flag"))]


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportSummary

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.op: BackgroundOp | None = None
        self.summary: ImportSummary | None = None
        self.setWindowTitle(tr("Import a caseload file"))
        self.resize(900, 600)
        self.file = QLineEdit()
        self.file.setAccessibleName(tr("File to import (CSV)"))
        self.mapping = QLineEdit()
        self.mapping.setAccessibleName(tr("Mapping file (optional)"))
        self.mapping.setPlaceholderText(tr("none: column headers are the field names"))
        self.on_duplicate = QComboBox()
        self.on_duplicate.setAccessibleName(tr("When a row looks like a file already here"))
        for key, words in on_duplicate_words():
            self.on_duplicate.addItem(words, key)
        choose_file = QPushButton(tr("Choose..."))
        choose_mapping = QPushButton(tr("Choose..."))
        form = QFormLayout()
        form.addRow(tr("File to import (CSV)"), self._with(self.file, choose_file))
        form.addRow(tr("Mapping file (optional)"), self._with(self.mapping, choose_mapping))
        form.addRow(tr("When a row looks like a file already here"), self.on_duplicate)

        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName(tr("The first rows as they would be imported"))
        self.table.verticalHeader().hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Message"))
        self.preview_button = QPushButton(tr("Show the first rows"))
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setEnabled(False)
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.hide()
        self.close_button = QPushButton(tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        for b in (self.import_button, self.stop_button, self.close_button):
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.table, 1)
        box.addWidget(self.progress)
        box.addWidget(self.message)
        box.addLayout(buttons)

        choose_file.clicked.connect(lambda: self._choose(self.file, tr("CSV files (*.csv *.txt)")))
        choose_mapping.clicked.connect(lambda: self._choose(self.mapping,
                                                            tr("Mapping files (*.json)")))
        self.preview_button.clicked.connect(self.show_preview)
        self.import_button.clicked.connect(self.start_import)
        self.stop_button.clicked.connect(self._stop)
        self.close_button.clicked.connect(self.reject)
        for edit in (self.file, self.mapping):
            edit.textChanged.connect(lambda _: self.import_button.setEnabled(False))

    @staticmethod
    def _with(edit: QLineEdit, button: QPushButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        layout.addWidget(button)
        return row

    def _choose(self, edit: QLineEdit, filter_text: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a file"), "", filter_text)
        if path:
            edit.setText(path)

    def _paths(self) -> tuple[Path, Path | None]:
        mapping = self.mapping.text().strip()
        return Path(self.file.text().strip()), Path(mapping) if mapping else None

    # -- preview -----------------------------------------------------------------------------
    def show_preview(self) -> None:
        path, mapping = self._paths()
        if not self.file.text().strip():
            self.message.setText(tr("Choose the file to import first."))
            return
        self.message.setText(tr("Reading the file..."))
        run_in_background(lambda: preview(path, mapping, PREVIEW_ROWS, self.ctx),
                          self._show_preview, self._failed)

    def _show_preview(self, p: ImportPreview) -> None:
        fields = list(p.fields)
        self.table.clear()
        self.table.setColumnCount(len(fields) + 2)
        # Problems first: they are what the person must act on.
        self.table.setHorizontalHeaderLabels([tr("Row"), tr("Problems"),
                                              *(field_label(f) for f in fields)])
        self.table.setRowCount(len(p.rows))
        bad = 0
        for i, row in enumerate(p.rows):
            self.table.setItem(i, 0, QTableWidgetItem(str(row.row)))
            for j, f in enumerate(fields, start=2):
                value = row.values.get(f)
                self.table.setItem(i, j, QTableWidgetItem("" if value is None else str(value)))
            problems = "; ".join(f"{field_label(f)}: {field_message(m)}"
                                 for f, m in row.errors.items())
            bad += bool(row.errors)
            self.table.setItem(i, 1, QTableWidgetItem(problems))
        self.table.resizeColumnsToContents()
        self.message.setText(
            tr("%1 of the first %2 rows have problems; they will be refused and written to "
               "the rejects file.").replace("%1", str(bad)).replace("%2", str(len(p.rows)))
            if bad else tr("The first rows read correctly."))
        self.import_button.setEnabled(True)

    # -- import ------------------------------------------------------------------------------
    def start_import(self) -> None:
        path, mapping = self._paths()
        on_duplicate = self.on_duplicate.currentData()
        for w in (self.import_button, self.preview_button, self.close_button):
            w.setEnabled(False)
        self.stop_button.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setText(tr("Importing..."))

        def work(report: Any, cancel: Any) -> ImportSummary:
            return run_import(self.ctx, path, mapping, on_duplicate,
                              progress=lambda d, t: report("import", d, t),
                              cancel=cancel.is_set)

        self.op = BackgroundOp(work, success=self._done, failure=self._failed,
                               progress=self._progress, with_progress=True).start()

    def _progress(self, _: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _stop(self) -> None:
        if self.op is not None:
            self.op.cancel.set()

    def _finish(self) -> None:
        self.op = None
        self.stop_button.hide()
        self.progress.hide()
        for w in (self.preview_button, self.close_button):
            w.setEnabled(True)

    def _done(self, s: ImportSummary) -> None:
        self._finish()
        self.summary = s
        words = (tr("Imported %1 (of which %2 flagged as probable duplicates), skipped %3, "
                    "refused %4, already imported before %5.")
                 .replace("%1", str(s.imported)).replace("%2", str(s.flagged))
                 .replace("%3", str(s.skipped)).replace("%4", str(s.rejected))
                 .replace("%5", str(s.already_imported)))
        if s.cancelled:
            words = tr("Stopped: the rows imported so far are kept; import the same file "
                       "again to finish.") + " " + words
        if s.rejects_path:
            words += " " + tr("The refused rows, with the reason for each, are in %1 (not "
                              "encrypted: delete it once they are fixed).").replace(
                "%1", str(s.rejects_path))
        self.message.setText(words)
        self.imported.emit(s)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.message.setText(describe(exc))
