"""Import a caseload file: choose the file (and its mapping, and where refused rows go),
see the first rows as they would be imported, then import in the background with
progress; the counts and the place of the rejects file at the end. The same service as
`ccms import`. While an import runs the dialog does not close without asking: an import
left running unseen would never show its counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.context import ServiceContext
from app.services.import_check import ImportPreview, preview
from app.services.import_rejects import default_rejects_path
from app.services.importing import ImportSummary, run_import
from app.ui.background import BackgroundOp, run_in_background
from app.ui.error_words import describe, field_errors
from app.ui.field_labels import field_label
from app.ui.i18n import N_, fill, tr, tr_n
from app.ui.value_words import value_words

PREVIEW_ROWS = 20
WIDEST_COLUMN = 260  # px: a long value or problem is cut here; the whole text is its tooltip


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
        self.stop_question: QMessageBox | None = None
        self._close_when_stopped = False
        self._previewed = False  # the file and mapping shown read well enough to import
        # Bumped whenever the file or mapping changes: a preview started for older ones is
        # dropped when it arrives, so it never enables Import for a file not previewed.
        self._inputs_seen = 0
        self._previewing = False
        self.setWindowTitle(tr("Import a caseload file"))
        self.resize(900, 600)
        self.file = QLineEdit()
        self.file.setAccessibleName(tr("File to import (CSV)"))
        self.mapping = QLineEdit()
        self.mapping.setAccessibleName(tr("Mapping file (optional)"))
        self.mapping.setPlaceholderText(tr("none: column headers are the field names"))
        self.rejects = QLineEdit()
        self.rejects.setAccessibleName(tr("Save refused rows to"))
        self.rejects.setPlaceholderText(tr("beside the file to import"))
        self.on_duplicate = QComboBox()
        self.on_duplicate.setAccessibleName(tr("When a row looks like a file already here"))
        for key, words in on_duplicate_words():
            self.on_duplicate.addItem(words, key)
        choose_file = QPushButton(tr("Choose..."))
        choose_mapping = QPushButton(tr("Choose..."))
        choose_rejects = QPushButton(tr("Choose..."))
        for b in (choose_file, choose_mapping, choose_rejects):
            b.setAutoDefault(False)  # Enter in a field previews; it never opens a chooser
        form = QFormLayout()
        form.addRow(tr("File to import (CSV)"), self._with(self.file, choose_file))
        form.addRow(tr("Mapping file (optional)"), self._with(self.mapping, choose_mapping))
        form.addRow(tr("Save refused rows to"), self._with(self.rejects, choose_rejects))
        form.addRow(tr("When a row looks like a file already here"), self.on_duplicate)

        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName(tr("The first rows as they would be imported"))
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.progress = QProgressBar()
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Message"))
        # The rejects file's path is to be copied into a file manager or a spreadsheet.
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_button = QPushButton(tr("Show the first rows"))
        # Enter runs the preview, the one step that changes nothing; importing is a
        # deliberate press of Import.
        self.preview_button.setDefault(True)
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setAutoDefault(False)
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
        choose_rejects.clicked.connect(self._choose_rejects)
        self.preview_button.clicked.connect(self.show_preview)
        self.import_button.clicked.connect(self.start_import)
        self.stop_button.clicked.connect(self._stop)
        self.close_button.clicked.connect(self.reject)
        for edit in (self.file, self.mapping):
            edit.textChanged.connect(self._inputs_changed)

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

    def _choose_rejects(self) -> None:
        start = self.rejects.text().strip() or self._default_rejects()
        path, _ = QFileDialog.getSaveFileName(self, tr("Save refused rows to"), start,
                                              tr("CSV files (*.csv *.txt)"))
        if path:
            self.rejects.setText(path)

    def _default_rejects(self) -> str:
        source = self.file.text().strip()
        return str(default_rejects_path(Path(source))) if source else ""

    def _paths(self) -> tuple[Path, Path | None, Path | None]:
        mapping, rejects = self.mapping.text().strip(), self.rejects.text().strip()
        return (Path(self.file.text().strip()), Path(mapping) if mapping else None,
                Path(rejects) if rejects else None)

    def _inputs_changed(self) -> None:
        """Another file or mapping: what is on screen belongs to the old one."""
        self._inputs_seen += 1
        self._previewed = False
        self.import_button.setEnabled(False)
        if self._previewing:  # its "Reading the file..." is about the old file
            self._previewing = False
            self.say("")
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        default = self._default_rejects()
        self.rejects.setPlaceholderText(
            fill(tr("beside the file to import: %1"), default) if default
            else tr("beside the file to import"))

    def say(self, text: str, *, error: bool = False) -> None:
        """Each message replaces the last; a problem is shown as one (the stylesheet's
        #error colour), not in the plain style of progress and success."""
        self.message.setObjectName("error" if error else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    # -- preview -----------------------------------------------------------------------------
    def show_preview(self) -> None:
        path, mapping, _ = self._paths()
        if not self.file.text().strip():
            self.say(tr("Choose the file to import first."), error=True)
            return
        self._inputs_changed()
        self.say(tr("Reading the file..."))
        self._previewing = True
        wanted = self._inputs_seen
        run_in_background(lambda: preview(path, mapping, PREVIEW_ROWS, self.ctx),
                          lambda p: self._show_preview(p, wanted),
                          lambda exc: self._preview_failed(exc, wanted))

    def _preview_failed(self, exc: BaseException, wanted: int) -> None:
        if wanted != self._inputs_seen:
            return  # about a file or mapping no longer in the fields
        self._previewing = False
        self._inputs_changed()
        self.say(describe(exc), error=True)

    def _show_preview(self, p: ImportPreview, wanted: int) -> None:
        if wanted != self._inputs_seen:
            return  # about a file or mapping no longer in the fields
        self._previewing = False
        self._inputs_changed()
        fields = list(p.fields)
        self.table.setColumnCount(len(fields) + 2)
        # Problems first: they are what the person must act on.
        self.table.setHorizontalHeaderLabels([tr("Row"), tr("Problems"),
                                              *(field_label(f) for f in fields)])
        self.table.setRowCount(len(p.rows))
        bad = 0
        for i, row in enumerate(p.rows):
            # In words, as the file will show them: a country by its name, not "HT".
            cells = [str(row.row), field_errors(row.errors),
                     *(value_words(f, row.values.get(f)) for f in fields)]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, j, item)
            bad += bool(row.errors)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col in range(self.table.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), WIDEST_COLUMN))
        if bad:
            self.say(fill(tr_n(bad, N_("%n of the first %1 rows has a problem; it will be "
                                       "refused and written to the rejects file."),
                               N_("%n of the first %1 rows have problems; they will be "
                                  "refused and written to the rejects file.")), len(p.rows)),
                     error=True)
        else:
            self.say(tr("The first rows read correctly."))
        self._previewed = True
        self.import_button.setEnabled(True)

    # -- import ------------------------------------------------------------------------------
    def start_import(self) -> None:
        path, mapping, rejects = self._paths()
        on_duplicate = self.on_duplicate.currentData()
        for w in (self.import_button, self.preview_button):
            w.setEnabled(False)
        self.stop_button.show()
        self.stop_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary = None
        self.say(tr("Importing..."))

        def work(report: Any, cancel: Any) -> ImportSummary:
            return run_import(self.ctx, path, mapping, on_duplicate, rejects_path=rejects,
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
            self.stop_button.setEnabled(False)
            self.say(tr("Stopping at the end of the current batch of rows..."))

    def _finish(self) -> None:
        self.op = None
        self.stop_button.hide()
        self.progress.hide()
        self.preview_button.setEnabled(True)
        # A stopped import resumes where it stopped when started again.
        self.import_button.setEnabled(self._previewed)
        if self.stop_question is not None:
            self.stop_question.close()
            self.stop_question = None

    def _done(self, s: ImportSummary) -> None:
        self._finish()
        self.summary = s
        words = fill(tr("Imported %1 (of which %2 flagged as probable duplicates), skipped "
                        "%3, refused %4, already imported before %5."),
                     s.imported, s.flagged, s.skipped, s.rejected, s.already_imported)
        if s.cancelled:
            words = tr("Stopped: the rows imported so far are kept; import the same file "
                       "again to finish.") + " " + words
        if s.imported_meanwhile:
            words += " " + fill(tr("Another import of this file ran at the same time and "
                                   "imported %1 of its rows; they are counted as already "
                                   "imported, none was imported twice."),
                                s.imported_meanwhile)
        if s.rejects_path:
            words += " " + fill(tr("The refused rows, with the reason for each, are in %1 "
                                   "(not encrypted: delete it once they are fixed)."),
                                s.rejects_path)
        self.say(words)
        self.imported.emit(s)
        self._close_if_asked()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.say(describe(exc), error=True)
        self._close_if_asked()

    # -- closing -----------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc, Close and the window's close button: while an import runs, ask whether to
        stop it; the dialog then closes once the import has stopped at the end of its batch
        (the rows written so far are whole batches, kept)."""
        if self.op is None:
            super().reject()
            return
        if self._close_when_stopped or self.stop_question is not None:
            return  # already asked
        box = QMessageBox(QMessageBox.Icon.Question, tr("Import a caseload file"),
                          tr("An import is running. Stop it and close? The rows imported so "
                             "far are kept; importing the same file again finishes it."),
                          QMessageBox.StandardButton.NoButton, self)
        self.stop_yes = box.addButton(tr("Stop the import and close"),
                                      QMessageBox.ButtonRole.AcceptRole)
        self.stop_no = box.addButton(tr("Keep importing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.stop_no)
        box.buttonClicked.connect(self._answered)
        self.stop_question = box
        box.open()

    def _answered(self, button: QAbstractButton) -> None:
        self.stop_question = None
        if button == self.stop_yes and self.op is not None:
            self._close_when_stopped = True
            self._stop()
            self.say(tr("Stopping at the end of the current batch of rows; the window closes "
                        "then."))

    def _close_if_asked(self) -> None:
        if self._close_when_stopped:
            self._close_when_stopped = False
            super().reject()
