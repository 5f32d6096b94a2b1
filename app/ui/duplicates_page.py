"""Probable duplicates: the pairs an import flagged or a caseload scan found, the two files
side by side, and a merge in which the person chooses each value that differs. The last
merge can be undone until it syncs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.context import ServiceContext
from app.services.duplicate_review import (
    ReviewPair,
    count_open_pairs,
    dismiss_pair,
    open_pairs,
    reopen_pair,
)
from app.services.participant_merge import (
    MergeResult,
    UndoableMerge,
    merge_participants,
    undo_merge,
    undoable_merges,
)
from app.ui.background import run_in_background
from app.ui.duplicate_comparison import (
    ComparisonTable,
    PairDetails,
    load_pair_details,
    weight_words,
)
from app.ui.duplicate_pair_view import DuplicatePairView
from app.ui.duplicate_scan_bar import DuplicateScanBar
from app.ui.error_words import describe
from app.ui.i18n import N_, fill, tr, tr_n

# The list shows the most probable pairs first and at most this many: a person works
# through them from the top, and each decision brings up the next.
LISTED = 500


class DuplicatesPage(QWidget):
    files_changed = Signal()
    open_participant = Signal(str)

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.details: PairDetails | None = None
        self.last_merge: UndoableMerge | None = None
        self.last_dismissed: ReviewPair | None = None  # "not the same person" can be undone
        self._generation = 0  # a list or count loaded for an older refresh is dropped

        self.scan_bar = DuplicateScanBar(ctx)
        self.scan_button = self.scan_bar.scan_button
        self.stop_button = self.scan_bar.stop_button
        self.pairs = DuplicatePairView()
        self.model = self.pairs.pair_model
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.count.setAccessibleName(tr("Pairs to review"))
        hint = QLabel(tr("Double-click a name, or press Enter, to open that file (with the "
                         "keyboard, Left and Right choose file A or B)."))
        hint.setWordWrap(True)

        self.compare = ComparisonTable()
        self.empty_note = QLabel(tr("Choose a pair to compare."))  # while nothing is compared
        self.empty_note.setWordWrap(True)
        self.files_note = QLabel()
        self.files_note.setWordWrap(True)
        self.files_note.setToolTip(tr("The file with more linked records (agreements, "
                                      "check-ins, referrals, notes, documents), or else the "
                                      "older one, is the one kept unless you choose otherwise."))
        self.keep_a = QRadioButton(tr("Keep file A (file B is merged into it)"))
        self.keep_b = QRadioButton(tr("Keep file B (file A is merged into it)"))
        self.keep_a.setChecked(True)
        self.merge_button = QPushButton(tr("Merge the two files"))
        self.dismiss_button = QPushButton(tr("Not the same person"))
        self.undo_button = QPushButton(tr("Undo the last merge"))
        self.undo_button.setEnabled(False)
        self.undo_dismiss_button = QPushButton(tr('Undo "not the same person"'))
        self.undo_dismiss_button.setEnabled(False)
        self._set_deciding(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Message"))

        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.count)
        lbox.addWidget(self.pairs, 1)
        lbox.addWidget(hint)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.empty_note)
        rbox.addWidget(self.compare, 1)
        rbox.addWidget(self.files_note)
        keep = QHBoxLayout()
        keep.addWidget(self.keep_a)
        keep.addWidget(self.keep_b)
        rbox.addLayout(keep)
        # Deciding on one row, taking a decision back on the next: French labels fit.
        for buttons in ((self.merge_button, self.dismiss_button),
                        (self.undo_button, self.undo_dismiss_button)):
            actions = QHBoxLayout()
            for b in buttons:
                actions.addWidget(b)
            actions.addStretch(1)
            rbox.addLayout(actions)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 600])  # half each: the list's reasons show without scrolling
        box = QVBoxLayout(self)
        intro = QLabel(tr("Files that may belong to one person. Compare them, then merge "
                          "them or say they are different people."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        box.addWidget(self.scan_bar)
        box.addWidget(split, 1)
        box.addWidget(self.message)

        self.scan_bar.started.connect(
            lambda: self.say(tr("Looking for probable duplicates...")))
        self.scan_bar.stopping.connect(lambda: self.say(
            tr("Stopping the search at the end of the current batch of files...")))
        self.scan_bar.scanned.connect(self._scanned)
        self.scan_bar.failed.connect(self._failed)
        self.pairs.selectionModel().selectionChanged.connect(self._pair_chosen)
        self.merge_button.clicked.connect(self.merge)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.undo_button.clicked.connect(self.undo)
        self.undo_dismiss_button.clicked.connect(self.undo_dismiss)
        self.keep_a.toggled.connect(lambda on: self.compare.default_values(on))
        self.pairs.open_file.connect(self.open_participant)

    @property
    def pair_rows(self) -> list[ReviewPair]:
        return self.model.pairs

    def say(self, text: str) -> None:
        """The outcome of the last action; each action replaces the one before."""
        self.message.setText(text)

    def _set_deciding(self, enabled: bool) -> None:
        for w in (self.merge_button, self.dismiss_button, self.keep_a, self.keep_b):
            w.setEnabled(enabled)

    # -- the list of pairs -------------------------------------------------------------------
    def refresh(self, follow: bool = False, files: frozenset[str] = frozenset()) -> None:
        """Reload the list. `follow` (after a merge or a dismissal): select the pair that now
        stands where the decided one stood, and show it. `files` (after an undo): select the
        pair of these two files. Otherwise keep the pair shown if it is still listed, or
        select none."""
        self._generation += 1
        generation = self._generation
        current = self.current_pair()
        row = self.pairs.currentIndex().row() if follow else -1
        keep_id = None if follow or current is None else current.review_id
        if files:
            keep_id = None

        def load() -> tuple[list[ReviewPair], int, list[UndoableMerge]]:
            pairs = open_pairs(self.ctx, LISTED)
            total = count_open_pairs(self.ctx) if len(pairs) == LISTED else len(pairs)
            return pairs, total, undoable_merges(self.ctx)

        if not self.model.pairs:
            self.count.setText(tr("Loading the pairs to review..."))
        run_in_background(load, lambda result: self._show_pairs(generation, result, row,
                                                                 keep_id, files), self._failed)

    def _show_pairs(self, generation: int,
                    result: tuple[list[ReviewPair], int, list[UndoableMerge]],
                    row: int, keep_id: str | None, files: frozenset[str]) -> None:
        if generation != self._generation:
            return
        pairs, total, merges = result
        self.model.set_pairs(pairs)  # clears the selection and the current row
        self.last_merge = merges[0] if merges else None
        self.undo_button.setEnabled(self.last_merge is not None)
        self._count_words(total)
        if files:
            keep_id = next((p.review_id for p in self.model.pairs
                            if {p.a_id, p.b_id} == files), None)
        if row >= 0 and self.model.rowCount() > 0:
            self.select_row(min(row, self.model.rowCount() - 1))
        elif keep_id is not None and self.model.row_of(keep_id) >= 0:
            self.select_row(self.model.row_of(keep_id))
        else:
            self._show_nothing()

    def _count_words(self, total: int) -> None:
        if total == 0:
            text = tr("No probable duplicates to review. Press Find probable duplicates to "
                      "look for them in the whole caseload.")
        elif total <= LISTED:
            text = tr_n(total, N_("%n pair to review, the most probable first."),
                        N_("%n pairs to review, the most probable first."))
        else:
            text = fill(tr("The %1 most probable pairs of %2 are listed; deciding on these "
                           "brings up the others."), LISTED, QLocale().toString(total))
        self.count.setText(text)

    def select_row(self, row: int) -> None:
        self.pairs.select_row(row)

    def current_pair(self) -> ReviewPair | None:
        return self.pairs.current_pair()

    # -- scanning ----------------------------------------------------------------------------
    def scan(self) -> None:
        self.scan_bar.scan()

    def _scanned(self, added: int, stopped: bool) -> None:
        self.refresh()
        if stopped:
            self.say(tr_n(added, N_("The search was stopped before the end: %n new pair found "
                                    "so far, listed to review. Find probable duplicates again "
                                    "to check the whole caseload."),
                          N_("The search was stopped before the end: %n new pairs found "
                             "so far, listed to review. Find probable duplicates again "
                             "to check the whole caseload.")))
        else:
            self.say(tr_n(added, N_("%n new pair to review."), N_("%n new pairs to review.")))

    def _failed(self, exc: BaseException) -> None:
        if self.details is not None:
            self._set_deciding(True)
        self.undo_button.setEnabled(self.last_merge is not None)
        self.say(describe(exc))

    # -- comparing and deciding --------------------------------------------------------------
    def _show_nothing(self) -> None:
        self.details = None
        self.empty_note.show()
        self.compare.clear_files()
        self.files_note.clear()
        self._set_deciding(False)

    def _pair_chosen(self, _: QItemSelection | None = None, __: Any = None) -> None:
        pair = self.current_pair()
        if pair is None:
            self._show_nothing()
            return
        shown = self.details.comparison if self.details is not None else None
        if shown is not None and (shown.a_id, shown.b_id) == (pair.a_id, pair.b_id):
            return  # the same pair, reselected after a refresh: keep the person's choices
        self._show_nothing()  # until the new pair arrives, nothing acts on the old one
        run_in_background(lambda: load_pair_details(self.ctx, pair.a_id, pair.b_id),
                          lambda details: self._show_details(pair, details), self._failed)

    def _show_details(self, pair: ReviewPair, details: PairDetails,
                      keep_a: bool | None = None, chosen: dict[str, int] | None = None) -> None:
        if self.current_pair() != pair:
            return  # another pair was chosen meanwhile
        self.details = details
        self.empty_note.hide()
        keep_a = details.keep_a_first if keep_a is None else keep_a
        (self.keep_a if keep_a else self.keep_b).setChecked(True)
        self.compare.show_files(details, keep_a, chosen)
        self.files_note.setText(fill(tr("File A: %1. File B: %2."), weight_words(details.a),
                                     weight_words(details.b)))
        self._set_deciding(True)

    def choices(self) -> dict[str, str]:
        return self.compare.choices(self.keep_a.isChecked())

    def merge(self) -> None:
        if self.details is None:
            return
        c = self.details.comparison
        kept, absorbed = (c.a_id, c.b_id) if self.keep_a.isChecked() else (c.b_id, c.a_id)
        choices = self.choices()
        self._set_deciding(False)
        self.say(tr("Merging the two files..."))
        run_in_background(lambda: merge_participants(self.ctx, kept, absorbed, choices),
                          self._merged, self._merge_failed)

    def _merge_failed(self, exc: BaseException) -> None:
        """Choices refused because the files changed since they were compared (a sync
        brought a value, another window edited one): a value the person never saw would
        have to be chosen, and the comparison did not show it. It is shown again as the
        files are now, with the file to keep and the values chosen so far."""
        pair = self.current_pair()
        if (not isinstance(exc, ValidationError) or pair is None
                or not set(exc.errors) - {"kept_id", "absorbed_id"}):
            self._failed(exc)
            return
        keep_a, chosen = self.keep_a.isChecked(), self.compare.chosen()

        def shown(details: PairDetails) -> None:
            self._show_details(pair, details, keep_a, chosen)
            self.say(tr("The two files changed since they were shown: check the values to "
                        "keep, then merge again."))

        run_in_background(lambda: load_pair_details(self.ctx, pair.a_id, pair.b_id), shown,
                          self._failed)

    def _merged(self, result: MergeResult) -> None:
        self.files_changed.emit()
        self.refresh(follow=True)
        words = tr("The two files are now one. You can undo this until the next sync.")
        if result.two_current_agreements:
            words += " " + tr("Both files had a current supervision agreement: the kept file "
                              "now has both; end the one that no longer applies.")
        self.say(words)

    def dismiss(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        self._set_deciding(False)

        def done(_: Any) -> None:
            self.last_dismissed = pair
            self.undo_dismiss_button.setEnabled(True)
            self.refresh(follow=True)
            self.say(tr("Noted: not the same person. This pair is not shown again."))

        run_in_background(lambda: dismiss_pair(self.ctx, pair.review_id), done, self._failed)

    def undo_dismiss(self) -> None:
        """The last "not the same person" taken back: the pair is listed and shown again."""
        pair = self.last_dismissed
        if pair is None:
            return
        self.undo_dismiss_button.setEnabled(False)

        def done(_: Any) -> None:
            self.last_dismissed = None
            self.refresh(files=frozenset((pair.a_id, pair.b_id)))
            self.say(tr("The pair is back in the list to review."))

        def failed(exc: BaseException) -> None:
            self.last_dismissed = None  # decided since (merged, or reopened elsewhere)
            self._failed(exc)

        run_in_background(lambda: reopen_pair(self.ctx, pair.review_id), done, failed)

    def undo(self) -> None:
        merge = self.last_merge
        if merge is None:
            return
        self.undo_button.setEnabled(False)
        self.say(tr("Undoing the merge..."))

        def done(_: Any) -> None:
            self.files_changed.emit()
            self.refresh(files=frozenset((merge.kept_id, merge.absorbed_id)))
            self.say(tr("The merge was undone: both files are back."))

        run_in_background(lambda: undo_merge(self.ctx, merge.merge_id), done, self._failed)
