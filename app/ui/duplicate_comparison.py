"""Two files side by side, with which file to keep and, for each field both files fill
differently, which value to keep.

The defaults keep the established file: the one with more linked records (agreements,
check-ins, referrals, notes, documents), then the one created first. A pair flagged at
import puts the freshly imported copy as file A, and keeping it by default would keep its
misspellings and drop the real file's status. Each value to keep defaults to the kept
file's, unless the kept file has none and the other has one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from app.services import agreements, checkins, documents, notes, referrals
from app.services.context import ServiceContext
from app.services.duplicate_review import FileComparison, compare_files
from app.services.participant_merge import is_empty
from app.services.participants import get_participant
from app.ui.field_labels import field_label
from app.ui.i18n import N_, fill, tr, tr_n
from app.ui.value_words import value_words

CHOSEN = "chosen_by_person"  # set on a combo box the person changed: defaults leave it be


@dataclass(frozen=True)
class FileWeight:
    records: int  # agreements, check-ins, referrals, notes, documents
    created_at: datetime | None


@dataclass(frozen=True)
class PairDetails:
    comparison: FileComparison
    a: FileWeight
    b: FileWeight

    @property
    def keep_a_first(self) -> bool:
        """Whether file A is the one to keep by default (ties keep file A)."""
        if self.a.records != self.b.records:
            return self.a.records > self.b.records
        if self.a.created_at is not None and self.b.created_at is not None:
            return self.a.created_at <= self.b.created_at
        return True


def _weight(ctx: ServiceContext, pid: str) -> FileWeight:
    records = sum(len(listing(ctx, pid)) for listing in (
        agreements.list_agreements, checkins.list_checkins, referrals.list_referrals,
        notes.list_notes, documents.list_documents))
    created = get_participant(ctx, pid, record_view=False).fields.get("created_at")
    return FileWeight(records, created if isinstance(created, datetime) else None)


def load_pair_details(ctx: ServiceContext, a_id: str, b_id: str) -> PairDetails:
    """Run in the background: the comparison (audited as a view of both files) and what
    the default choice of file rests on."""
    return PairDetails(compare_files(ctx, a_id, b_id), _weight(ctx, a_id), _weight(ctx, b_id))


class ComparisonTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 4)
        self.setAccessibleName(tr("The two files side by side"))
        self.setHorizontalHeaderLabels([tr("Field"), tr("File A"), tr("File B"),
                                        tr("Value to keep")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab goes on to the next control
        self.verticalHeader().hide()
        self.setWordWrap(True)
        # A wrapped value (a long e-mail address) keeps its two lines as the pane narrows.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.details: PairDetails | None = None

    def clear_files(self) -> None:
        self.details = None
        self.setRowCount(0)

    def show_files(self, details: PairDetails, keep_a: bool,
                   chosen: dict[str, int] | None = None) -> None:
        """`chosen`: values the person chose before the files were shown again (`chosen()`),
        kept for the fields still to choose."""
        chosen = chosen or {}
        self.details = details
        self.setRowCount(0)
        fields = details.comparison.fields
        self.setRowCount(len(fields))
        for i, f in enumerate(fields):
            label = QTableWidgetItem(field_label(f.field))
            label.setData(Qt.ItemDataRole.UserRole, f.field)
            self.setItem(i, 0, label)
            for col, value in ((1, f.a_value), (2, f.b_value)):
                words = value_words(f.field, value)
                item = QTableWidgetItem(breakable(words))
                item.setToolTip(words)
                self.setItem(i, col, item)
            if f.to_choose:
                choice = QComboBox()
                choice.addItems([tr("File A's"), tr("File B's")])
                choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                choice.setAccessibleName(f"{tr('Value to keep')}: {field_label(f.field)}")
                choice.activated.connect(lambda _, c=choice: c.setProperty(CHOSEN, True))
                if f.field in chosen:
                    choice.setCurrentIndex(chosen[f.field])
                    choice.setProperty(CHOSEN, True)
                self.setCellWidget(i, 3, choice)  # rows were cleared above
            elif is_empty(f.a_value) != is_empty(f.b_value):
                # One file only has it: the merged file keeps that value, whichever is kept.
                kept = QTableWidgetItem(tr("File A's") if is_empty(f.b_value)
                                        else tr("File B's"))
                kept.setToolTip(value_words(f.field, f.a_value if is_empty(f.b_value)
                                            else f.b_value))
                self.setItem(i, 3, kept)
        self.default_values(keep_a)
        self.resizeColumnToContents(3)  # the longest choice (in French too) shows whole
        self.resizeRowsToContents()

    def default_values(self, keep_a: bool) -> None:
        """Each value the person has not chosen yet: the kept file's, unless it is empty
        and the other file's is not."""
        if self.details is None:
            return
        for i, f in enumerate(self.details.comparison.fields):
            choice = self.cellWidget(i, 3)
            if not isinstance(choice, QComboBox) or choice.property(CHOSEN):
                continue
            kept, other = (f.a_value, f.b_value) if keep_a else (f.b_value, f.a_value)
            from_a = keep_a if not (is_empty(kept) and not is_empty(other)) else not keep_a
            choice.setCurrentIndex(0 if from_a else 1)

    def _field(self, row: int) -> str:
        """The field a row compares (kept on its first cell)."""
        item = self.item(row, 0)
        return "" if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def chosen(self) -> dict[str, int]:
        """The values the person chose (not left to the defaults): field -> row index of the
        choice (0: file A's, 1: file B's)."""
        out: dict[str, int] = {}
        for i in range(self.rowCount()):
            widget = self.cellWidget(i, 3)
            if isinstance(widget, QComboBox) and widget.property(CHOSEN):
                out[self._field(i)] = widget.currentIndex()
        return out

    def choices(self, keep_a: bool) -> dict[str, str]:
        """Each differing field: 'kept' or 'absorbed', from the side chosen in its row."""
        out: dict[str, str] = {}
        for i in range(self.rowCount()):
            widget = self.cellWidget(i, 3)
            if isinstance(widget, QComboBox):
                field = self._field(i)
                from_a = widget.currentIndex() == 0
                out[field] = "kept" if from_a == keep_a else "absorbed"
        return out


def breakable(text: str) -> str:
    """A long value with no spaces (an e-mail address, a web address) with places to wrap
    after its @, dots and slashes, so a narrow column shows it whole on two lines instead of
    cutting it off. Only the shown text: the tooltip keeps the value as it is."""
    if " " in text or len(text) < 16:
        return text
    return re.sub(r"([@./])", "\\1\u200b", text)


def weight_words(weight: FileWeight) -> str:
    """What a file's default choice rests on, for the person to see: "3 linked records,
    created 2024-05-02"."""
    records = tr_n(weight.records, N_("%n linked record"), N_("%n linked records"))
    if weight.created_at is None:
        return records
    return fill(tr("%1, created %2"), records, f"{weight.created_at.astimezone():%Y-%m-%d}")
