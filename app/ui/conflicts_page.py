"""The conflicts view: each change that could not go through as it was. Either the same
field changed here and on another device (both values side by side, the person chooses), or
the server refused a change (its reason in words; the person dismisses it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import CCMSError
from app.services.caseworkers import list_caseworkers
from app.services.conflicts import (
    ConflictView,
    conflict_files,
    list_conflicts,
    resolve_conflict,
)
from app.services.context import ServiceContext
from app.ui.background import run_in_background
from app.ui.error_words import describe
from app.ui.field_labels import entity_word, field_label
from app.ui.i18n import fill, tr
from app.ui.value_words import value_words

REFUSED = "*"  # the field of a conflict row that stands for a change the server refused
# Bookkeeping fields every change carries: not worth naming in a summary.
_BOOKKEEPING = {"updated_at", "version", "created_at", "office_id", "id"}
# Fields that hold a caseworker's id: shown by the caseworker's name where it is known.
CASEWORKER_FIELDS = {"caseworker_id", "author_id", "recorded_by", "actor_id"}


def server_reason_words() -> dict[str, str]:
    """The server's reasons for refusing a change (server/merge.py, in the server's own
    English), in words for a caseworker."""
    return {
        "the record does not exist on the server": tr("the server does not have this record"),
        "the file it is merged into does not exist on the server":
            tr("the file it was merged into is not on the server"),
        "the file it is merged into was deleted": tr("the file it was merged into was deleted"),
        "merged_into_id is set only by a merge": tr("only a merge can link a file to another"),
        "a merge names the file it goes into (merged_into_id)":
            tr("a merge must name the file it goes into"),
        "id cannot change": tr("a record's identifier cannot change"),
        "office_id cannot change": tr("a record cannot move to another office"),
        "the files it is merged into form too long a chain":
            tr("the file it was merged into was itself merged too many times over"),
    }


def refusal_reason(reason: Any) -> str:
    """The server's reason in the shown language; a reason not known here is shown as it
    is (the server may be newer than this app)."""
    if reason in (None, ""):
        return tr("no reason given")
    text = str(reason)
    return server_reason_words().get(text, text)


def refused_summary(changes: Any, entity: str | None = None) -> str:
    """What the refused change to a record of kind `entity` was, in words: the fields it
    changed, not the raw change."""
    if not isinstance(changes, dict):
        return "" if changes is None else str(changes)

    def new(field: str) -> Any:
        change = changes.get(field)
        return change.get("new") if isinstance(change, dict) else change

    if new("merged_into_id"):
        return tr("Merging this file into another file")
    if "id" in changes and isinstance(changes["id"], dict) and changes["id"].get("old") is None:
        return tr("Creating this record")
    if new("deleted") is True:
        return tr("Deleting this record")
    fields = [field_label(f, entity) for f in changes
              if f not in _BOOKKEEPING and f != "deleted"]
    if not fields:
        return tr("A change to this record")
    return fill(tr("Changes to: %1"), ", ".join(fields))


@dataclass(frozen=True)
class ConflictRow:
    """A conflict with the person it is about (the live file after merges, and its name),
    and the names of the caseworkers its values may name, by id."""

    conflict: ConflictView
    participant_id: str | None
    person: str | None
    caseworkers: Mapping[str, str] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return self.conflict.field == REFUSED


def load_conflict_rows(ctx: ServiceContext) -> list[ConflictRow]:
    """Runs off the GUI thread: the open conflicts, each with its person's live file (and
    the caseworkers' names, when a conflict is about who the caseworker is)."""
    conflicts = list_conflicts(ctx)
    try:
        people = conflict_files(ctx, {c.participant_id for c in conflicts if c.participant_id})
    except CCMSError:  # files locked offline: the rows still show, without names
        people = {}
    caseworkers: dict[str, str] = {}
    if any(c.field in CASEWORKER_FIELDS for c in conflicts):
        caseworkers = {w.id: w.name for w in list_caseworkers(ctx)}
    rows = []
    for c in conflicts:
        live, person = people.get(c.participant_id or "", (None, None))
        rows.append(ConflictRow(c, live, person, caseworkers))
    return rows


def _value_text(row: ConflictRow, value: Any) -> str:
    c = row.conflict
    if c.field in CASEWORKER_FIELDS and isinstance(value, str) and value in row.caseworkers:
        return row.caseworkers[value]
    return value_words(c.field, value, c.entity) or tr("(empty)")


def row_texts(row: ConflictRow) -> tuple[str, str, str, str, str]:
    """Person, record, field, this device, server: as shown in the table."""
    c = row.conflict
    person = row.person or tr("(file not available)")
    if row.refused:
        return (person, entity_word(c.entity), tr("Refused by the server"),
                refused_summary(c.local_value, c.entity), refusal_reason(c.server_value))
    return (person, entity_word(c.entity), field_label(c.field, c.entity),
            _value_text(row, c.local_value), _value_text(row, c.server_value))


class ConflictsPage(QWidget):
    """Each conflict: whose file, what, this device's value and the server's, side by side;
    a refused change with the server's reason."""

    resolved = Signal()
    counted = Signal(int)  # how many open conflicts, after each refresh
    open_participant = Signal(str)

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[ConflictRow] = []
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(tr("Conflicts"))
        self.table.setHorizontalHeaderLabels([tr("Person"), tr("Record"), tr("Field"),
                                              tr("This device"), tr("Server")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.keep_local = QPushButton(tr("Keep this device's value"))
        self.keep_server = QPushButton(tr("Keep the server's value"))
        self.dismiss = QPushButton(tr("Dismiss"))
        self.dismiss.setToolTip(tr("The server will not take this change: dismiss it once "
                                   "you have read why. The file stays as the server has it."))
        self.dismiss.hide()
        self.open_file = QPushButton(tr("Open the file"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.keep_local, self.keep_server, self.dismiss):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.open_file)
        box = QVBoxLayout(self)
        intro = QLabel(tr("A change that could not go through as it was. Either the same "
                          "field was changed here and on another device (choose which value "
                          "to keep), or the server refused a change (read why, then dismiss "
                          "it). Double-click a row to open the person's file."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        box.addWidget(self.table)
        box.addLayout(row)
        box.addWidget(self.message)
        self.keep_local.clicked.connect(lambda: self._resolve("local"))
        self.keep_server.clicked.connect(lambda: self._resolve("server"))
        self.dismiss.clicked.connect(lambda: self._resolve("dismiss"))
        self.open_file.clicked.connect(lambda: self._open(self.table.currentRow()))
        self.table.cellDoubleClicked.connect(lambda r, _: self._open(r))
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def refresh(self) -> None:
        ctx = self.ctx
        run_in_background(lambda: load_conflict_rows(ctx), self._show,
                          lambda exc: self.message.setText(describe(exc)))

    def _show(self, rows: list[ConflictRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, text in enumerate(row_texts(r)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.conflict.id)
                if r.refused and j == 4:
                    item.setToolTip(text)
                self.table.setItem(i, j, item)
        self.message.setText(tr("No conflicts.") if not rows else "")
        if rows:
            self.table.setCurrentCell(0, 0)
        self._update_buttons()
        self.counted.emit(len(rows))

    def current(self) -> ConflictRow | None:
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _update_buttons(self) -> None:
        row = self.current()
        refused = row is not None and row.refused
        self.keep_local.setVisible(not refused)
        self.keep_server.setVisible(not refused)
        self.dismiss.setVisible(refused)
        for button in (self.keep_local, self.keep_server, self.dismiss):
            button.setEnabled(row is not None)
        self.open_file.setEnabled(row is not None and row.participant_id is not None)

    def _open(self, index: int) -> None:
        row = self.rows[index] if 0 <= index < len(self.rows) else None
        if row is None:
            return
        if row.participant_id is None:
            self.message.setText(tr("This row's file cannot be opened here."))
            return
        self.open_participant.emit(row.participant_id)

    def _resolve(self, choice: str) -> None:
        row = self.current()
        if row is None:
            self.message.setText(tr("Choose a conflict first."))
            return
        if row.refused and choice == "local":
            self.message.setText(tr("The server refused this change: it can only be "
                                    "dismissed."))
            return
        cid, ctx = row.conflict.id, self.ctx

        def done(_: Any) -> None:
            self.resolved.emit()
            self.refresh()

        run_in_background(lambda: resolve_conflict(ctx, cid, choice), done,
                          lambda exc: self.message.setText(describe(exc)))
