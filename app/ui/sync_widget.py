"""The sync indicator in the status bar and the conflicts view (both values side by side)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.context import ServiceContext
from app.sync import state
from app.sync.push import pending_count
from app.sync.runner import SyncSummary, client_for, run_sync
from app.ui.background import BackgroundOp, run_in_background
from app.ui.error_words import describe
from app.ui.i18n import tr

AUTO_SYNC_MS = 10 * 60 * 1000
# Smaller batches and pages than the CLI's: each JSON parse and validation holds the GIL,
# so shorter ones keep the window's event loop ticking during a sync.
UI_BATCH, UI_PAGE = 100, 200
PROBE_MS = 60 * 1000


class SyncStatusWidget(QWidget):
    synced = Signal(object)  # SyncSummary

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.state = QLabel()
        self.state.setAccessibleName(tr("Sync state"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(tr("Sync progress"))
        self.progress.hide()
        self.button = QPushButton(tr("Sync now"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state)
        row.addWidget(self.progress)
        row.addWidget(self.button)
        self.button.clicked.connect(self.sync_now)
        self.op: BackgroundOp | None = None
        self.online: bool | None = None
        self.timer = QTimer(self, interval=AUTO_SYNC_MS)
        self.timer.timeout.connect(self.sync_now)
        self.probe = QTimer(self, interval=PROBE_MS)
        self.probe.timeout.connect(self._probe)
        self.refresh_state()

    def start_timers(self) -> None:
        self.timer.start()
        self.probe.start()

    def stop(self) -> None:
        self.timer.stop()
        self.probe.stop()
        if self.op is not None:
            self.op.cancel.set()

    def refresh_state(self) -> None:
        ctx = self.ctx

        def read() -> tuple[int, str | None, str | None, str | None]:
            return (pending_count(ctx), state.read(ctx.store, state.LAST_SYNC),
                    state.read(ctx.store, state.LAST_ERROR),
                    state.read(ctx.store, state.SERVER_URL))

        run_in_background(read, self._show_state)

    def _show_state(self, values: tuple[int, str | None, str | None, str | None]) -> None:
        pending, last, error, url = values
        where = (tr("online") if self.online else tr("offline")) if url else \
            tr("not enrolled")
        text = f"{where} · {tr('pending changes')}: {pending} · {tr('last sync')}: " \
               f"{last[:16].replace('T', ' ') if last else tr('never')}"
        if error:
            text += f" · {tr('last sync did not complete')}"
        self.state.setText(text)
        self.button.setEnabled(bool(url) and self.op is None)

    def _probe(self) -> None:
        """Sync on its own when a connection appears."""
        def check() -> bool:
            client = client_for(self.ctx, retries=0)
            try:
                return client.health()
            finally:
                client.close()

        def seen(up: bool) -> None:
            was = self.online
            self.online = up
            if up and was is False:
                self.sync_now()
            self.refresh_state()

        run_in_background(check, seen, lambda exc: seen(False))

    def sync_now(self) -> None:
        if self.op is not None or state.read(self.ctx.store, state.SERVER_URL) is None:
            return
        ctx = self.ctx
        self.progress.setRange(0, 0)
        self.progress.show()
        self.button.setEnabled(False)

        def work(report: Any, cancel: Any) -> SyncSummary:
            return run_sync(ctx, client_for(ctx, cancel=cancel), progress=report,
                            batch_size=UI_BATCH, page_size=UI_PAGE)

        self.op = BackgroundOp(work, success=self._finished, failure=self._failed,
                               progress=self._progress, with_progress=True).start()

    def _progress(self, phase: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{tr('sending') if phase == 'push' else tr('receiving')} "
                                f"%v/%m")

    def _finished(self, summary: SyncSummary) -> None:
        self.op = None
        self.progress.hide()
        self.online = summary.complete or self.online
        self.refresh_state()
        if not summary.complete and summary.error:
            self.state.setToolTip(summary.error)
        self.synced.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self.op = None
        self.progress.hide()
        self.state.setText(describe(exc))
        self.button.setEnabled(True)


class ConflictsPage(QWidget):
    """Each conflict: the field, this device's value and the server's, side by side."""

    resolved = Signal()

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(tr("Conflicts"))
        self.table.setHorizontalHeaderLabels([tr("Record"), tr("Field"), tr("This device"),
                                              tr("Server")])
        self.keep_local = QPushButton(tr("Keep this device's value"))
        self.keep_server = QPushButton(tr("Keep the server's value"))
        self.message = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.keep_local)
        row.addWidget(self.keep_server)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(tr("The same field was changed here and on another device. "
                                "Choose which value to keep.")))
        box.addWidget(self.table)
        box.addLayout(row)
        box.addWidget(self.message)
        self.keep_local.clicked.connect(lambda: self._resolve("local"))
        self.keep_server.clicked.connect(lambda: self._resolve("server"))

    def refresh(self) -> None:
        run_in_background(lambda: list_conflicts(self.ctx), self._show,
                          lambda exc: self.message.setText(describe(exc)))

    def _show(self, conflicts: list[Any]) -> None:
        self.table.setRowCount(len(conflicts))
        for i, c in enumerate(conflicts):
            for j, value in enumerate((c.entity, c.field, c.local_value, c.server_value)):
                item = QTableWidgetItem("" if value is None else str(value))
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.table.setItem(i, j, item)
        self.message.setText(tr("No conflicts.") if not conflicts else "")

    def _resolve(self, choice: str) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            self.message.setText(tr("Choose a conflict first."))
            return
        cid = item.data(Qt.ItemDataRole.UserRole)

        def done(_: Any) -> None:
            self.resolved.emit()
            self.refresh()

        run_in_background(lambda: resolve_conflict(self.ctx, cid, choice), done,
                          lambda exc: self.message.setText(describe(exc)))
