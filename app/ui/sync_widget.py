"""The sync indicator in the status bar, and a sync's result in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from app.services.context import ServiceContext
from app.sync import state
from app.sync.push import pending_changes
from app.sync.runner import SyncSummary, client_for, run_sync
from app.ui.background import BackgroundOp, run_in_background
from app.ui.error_words import describe
from app.ui.i18n import N_, fill, tr, tr_n

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
        self.server_url: str | None = None  # as last read (None: not enrolled, or not read yet)
        self.timer = QTimer(self, interval=AUTO_SYNC_MS)
        self.timer.timeout.connect(self.sync_now)
        self.probe = QTimer(self, interval=PROBE_MS)
        self.probe.timeout.connect(self._probe)
        self.refresh_state()

    def start_timers(self) -> None:
        self.timer.start()
        self.probe.start()
        self._probe()  # at once (off the GUI thread), not a minute from now

    def stop(self) -> None:
        self.timer.stop()
        self.probe.stop()
        if self.op is not None:
            self.op.cancel.set()

    def refresh_state(self) -> None:
        ctx = self.ctx

        def read() -> tuple[int, str | None, str | None, str | None]:
            return (pending_changes(ctx), state.read(ctx.store, state.LAST_SYNC),
                    state.read(ctx.store, state.LAST_ERROR),
                    state.read(ctx.store, state.SERVER_URL))

        run_in_background(read, self._show_state)

    def _show_state(self, values: tuple[int, str | None, str | None, str | None]) -> None:
        pending, last, error, url = values
        self.server_url = url
        if not url:
            where = tr("not enrolled")
        elif self.online is None:  # before the first connectivity probe has answered
            where = tr("connection not checked yet")
        else:
            where = tr("online") if self.online else tr("offline")
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


def sync_result_words(summary: SyncSummary) -> str:
    """One line for the status bar: what a sync sent and received, and above all the
    changes that need a person (conflicts, refusals), pointing to the Conflicts tab."""
    if summary.wiped:
        return tr("This device was revoked by your office; its local data was removed.")
    if summary.complete:
        parts = [fill(tr("Sync complete. Changes sent: %1, received: %2."),
                      summary.records_sent, summary.records_received)]
    else:
        parts = [tr("Sync did not complete: the server could not be reached or refused. "
                    "Your changes are kept and will be sent later.")]
    if summary.conflicts:
        parts.append(tr_n(summary.conflicts,
                          N_("%n change conflicts with another device's."),
                          N_("%n changes conflict with another device's.")))
    if summary.rejected:
        parts.append(tr_n(summary.rejected, N_("%n change was refused by the server."),
                          N_("%n changes were refused by the server.")))
    if summary.withdrawn:
        # Its moves came back with it: nothing of the merge stayed on the server. Said
        # even without a refusal: the same files merged the other way elsewhere first.
        parts.append(tr("A merge made on this device was not applied by the server: the "
                        "files are as the server has them."))
    if summary.conflicts or summary.rejected:
        parts.append(tr("See the Conflicts tab."))
    return " ".join(parts)
