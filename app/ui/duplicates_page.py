"""Probable duplicates: the pairs an import flagged or a caseload scan found, the two files
side by side, and a merge in which the person chooses each value that differs. The last
merge can be undone until it syncs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.context import ServiceContext
from app.services.duplicate_review import (
    FileComparison,
    ReviewPair,
    compare_files,
    dismiss_pair,
    open_pairs,
    scan_caseload,
)
from app.services.participant_merge import (
    MergeResult,
    UndoableMerge,
    merge_participants,
    undo_merge,
    undoable_merges,
)
from app.ui.background import BackgroundOp, run_in_background
from app.ui.error_words import describe
from app.ui.field_labels import field_label
from app.ui.i18n import tr
from app.ui.intake import reason_words
from app.ui.participant_model import status_word


def _shown(field: str, value: Any) -> str:
    if value in (None, "", [], {}):
        return ""
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if field == "status":
        return status_word(str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


class DuplicatesPage(QWidget):
    files_changed = Signal()
    open_participant = Signal(str)

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.pair_rows: list[ReviewPair] = []
        self.comparison: FileComparison | None = None
        self.last_merge: UndoableMerge | None = None
        self.scan_op: BackgroundOp | None = None

        self.scan_button = QPushButton(tr("Find probable duplicates"))
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.progress.setAccessibleName(tr("Search for duplicates in progress"))
        top = QHBoxLayout()
        top.addWidget(self.scan_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.stop_button)

        self.pairs = QTableWidget(0, 4)
        self.pairs.setAccessibleName(tr("Probable duplicates"))
        self.pairs.setHorizontalHeaderLabels([tr("Score"), tr("File A"), tr("File B"),
                                              tr("Why")])
        self.pairs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs.verticalHeader().hide()
        header = self.pairs.horizontalHeader()
        for col in (0, 1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.compare = QTableWidget(0, 4)
        self.compare.setAccessibleName(tr("The two files side by side"))
        self.compare.setHorizontalHeaderLabels([tr("Field"), tr("File A"), tr("File B"),
                                                tr("Value to keep")])
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.verticalHeader().hide()
        self.compare.setWordWrap(True)
        for col in (1, 2):
            self.compare.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.Stretch)
        self.compare.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.ResizeToContents)
        self.keep_a = QRadioButton(tr("Keep file A (file B is merged into it)"))
        self.keep_b = QRadioButton(tr("Keep file B (file A is merged into it)"))
        self.keep_a.setChecked(True)
        self.merge_button = QPushButton(tr("Merge the two files"))
        self.dismiss_button = QPushButton(tr("Not the same person"))
        self.undo_button = QPushButton(tr("Undo the last merge"))
        self.undo_button.setEnabled(False)
        for b in (self.merge_button, self.dismiss_button):
            b.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Message"))

        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.compare)
        keep = QHBoxLayout()
        keep.addWidget(self.keep_a)
        keep.addWidget(self.keep_b)
        rbox.addLayout(keep)
        actions = QHBoxLayout()
        for b in (self.merge_button, self.dismiss_button, self.undo_button):
            actions.addWidget(b)
        rbox.addLayout(actions)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.pairs)
        split.addWidget(right)
        split.setSizes([450, 650])
        box = QVBoxLayout(self)
        box.addWidget(QLabel(tr("Files that may belong to one person. Compare them, then "
                                "merge them or say they are different people.")))
        box.addLayout(top)
        box.addWidget(split, 1)
        box.addWidget(self.message)

        self.scan_button.clicked.connect(self.scan)
        self.stop_button.clicked.connect(self._stop)
        self.pairs.itemSelectionChanged.connect(self._pair_chosen)
        self.merge_button.clicked.connect(self.merge)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.undo_button.clicked.connect(self.undo)
        self.pairs.doubleClicked.connect(lambda index: self._open(index.column()))

    # -- the list of pairs -------------------------------------------------------------------
    def refresh(self) -> None:
        def load() -> tuple[list[ReviewPair], list[UndoableMerge]]:
            return open_pairs(self.ctx), undoable_merges(self.ctx)

        run_in_background(load, self._show_pairs, self._failed)

    def _show_pairs(self, result: tuple[list[ReviewPair], list[UndoableMerge]]) -> None:
        pairs, merges = result
        self.pair_rows = pairs
        self.last_merge = merges[0] if merges else None
        self.undo_button.setEnabled(self.last_merge is not None)
        self.pairs.setRowCount(len(pairs))
        for i, p in enumerate(pairs):
            why = ", ".join(reason_words(r) for r in p.reasons)
            if p.source == "import":
                why = f"{tr('flagged at import')}: {why}"
            cells = (f"{p.score:.2f}", f"{p.a_name} ({p.a_date_of_birth or '?'})",
                     f"{p.b_name} ({p.b_date_of_birth or '?'})", why)
            for j, text in enumerate(cells):
                self.pairs.setItem(i, j, QTableWidgetItem(text))
        self.compare.setRowCount(0)
        self.comparison = None
        self.merge_button.setEnabled(False)
        self.dismiss_button.setEnabled(False)
        if not pairs:
            self.message.setText(tr("No probable duplicates to review."))

    def _current_pair(self) -> ReviewPair | None:
        row = self.pairs.currentRow()
        return self.pair_rows[row] if 0 <= row < len(self.pair_rows) else None

    def _open(self, column: int) -> None:
        pair = self._current_pair()
        if pair is not None and column in (1, 2):
            self.open_participant.emit(pair.a_id if column == 1 else pair.b_id)

    # -- scanning ----------------------------------------------------------------------------
    def scan(self) -> None:
        self.scan_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stop_button.show()
        self.message.setText(tr("Looking for probable duplicates..."))

        def work(report: Any, cancel: Any) -> int:
            return scan_caseload(self.ctx, progress=lambda d, t: report("scan", d, t),
                                 cancel=cancel)

        self.scan_op = BackgroundOp(work, success=self._scanned, failure=self._failed,
                                    progress=self._progress, with_progress=True).start()

    def _progress(self, _: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _stop(self) -> None:
        if self.scan_op is not None:
            self.scan_op.cancel.set()

    def _scan_over(self) -> None:
        self.scan_op = None
        self.scan_button.setEnabled(True)
        self.progress.hide()
        self.stop_button.hide()

    def _scanned(self, added: int) -> None:
        self._scan_over()
        self.refresh()
        self.message.setText(tr("%n new pair(s) to review.").replace("%n", str(added)))

    def _failed(self, exc: BaseException) -> None:
        if self.scan_op is not None:
            self._scan_over()
        self.message.setText(describe(exc))

    # -- comparing and deciding --------------------------------------------------------------
    def _pair_chosen(self) -> None:
        pair = self._current_pair()
        if pair is None:
            return
        run_in_background(lambda: compare_files(self.ctx, pair.a_id, pair.b_id),
                          self._show_comparison, self._failed)

    def _show_comparison(self, comparison: FileComparison) -> None:
        self.comparison = comparison
        self.compare.setRowCount(0)
        self.compare.setRowCount(len(comparison.fields))
        for i, f in enumerate(comparison.fields):
            label = QTableWidgetItem(field_label(f.field))
            label.setData(Qt.ItemDataRole.UserRole, f.field)
            self.compare.setItem(i, 0, label)
            self.compare.setItem(i, 1, QTableWidgetItem(_shown(f.field, f.a_value)))
            self.compare.setItem(i, 2, QTableWidgetItem(_shown(f.field, f.b_value)))
            if f.to_choose:
                choice = QComboBox()
                choice.addItems([tr("File A's"), tr("File B's")])
                choice.setAccessibleName(f"{tr('Value to keep')}: {field_label(f.field)}")
                self.compare.setCellWidget(i, 3, choice)  # rows were cleared above
        self.compare.resizeRowsToContents()
        self.merge_button.setEnabled(True)
        self.dismiss_button.setEnabled(True)
        self.message.setText("")

    def choices(self) -> dict[str, str]:
        """Each differing field: 'kept' or 'absorbed', from the side chosen in its row."""
        keep_a = self.keep_a.isChecked()
        out: dict[str, str] = {}
        for i in range(self.compare.rowCount()):
            widget = self.compare.cellWidget(i, 3)
            if isinstance(widget, QComboBox):
                field = self.compare.item(i, 0).data(Qt.ItemDataRole.UserRole)
                from_a = widget.currentIndex() == 0
                out[field] = "kept" if from_a == keep_a else "absorbed"
        return out

    def merge(self) -> None:
        if self.comparison is None:
            return
        c = self.comparison
        kept, absorbed = (c.a_id, c.b_id) if self.keep_a.isChecked() else (c.b_id, c.a_id)
        choices = self.choices()
        self.merge_button.setEnabled(False)
        run_in_background(lambda: merge_participants(self.ctx, kept, absorbed, choices),
                          self._merged, self._failed)

    def _merged(self, result: MergeResult) -> None:
        self.files_changed.emit()
        self.refresh()
        words = tr("The two files are now one. You can undo this until the next sync.")
        if result.two_current_agreements:
            words += " " + tr("Both files had a current supervision agreement: the kept file "
                              "now has both; end the one that no longer applies.")
        self.message.setText(words)

    def dismiss(self) -> None:
        pair = self._current_pair()
        if pair is None:
            return
        run_in_background(lambda: dismiss_pair(self.ctx, pair.review_id),
                          lambda _: self.refresh(), self._failed)

    def undo(self) -> None:
        merge = self.last_merge
        if merge is None:
            return

        def done(_: Any) -> None:
            self.files_changed.emit()
            self.refresh()
            self.message.setText(tr("The merge was undone: both files are back."))

        run_in_background(lambda: undo_merge(self.ctx, merge.merge_id), done, self._failed)
