"""The caseload scan for probable duplicates as a bar: the button that starts it, its
progress, and Stop. The scan runs off the GUI thread; the bar says how it ended."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from app.services.context import ServiceContext
from app.services.duplicate_review import scan_caseload
from app.ui.background import BackgroundOp
from app.ui.i18n import tr


class DuplicateScanBar(QWidget):
    started = Signal()
    stopping = Signal()
    # New pairs found, and whether the scan was stopped before the end of the caseload.
    scanned = Signal(int, bool)
    failed = Signal(object)

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.op: BackgroundOp | None = None
        self._reached: tuple[int, int] | None = None  # the last progress: done, of

        self.scan_button = QPushButton(tr("Find probable duplicates"))
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.progress.setAccessibleName(tr("Search for duplicates in progress"))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.scan_button)
        box.addWidget(self.progress, 1)
        box.addWidget(self.stop_button)
        # The button at its own width while idle; the progress bar takes the row while it runs.
        box.addStretch(0)
        self.scan_button.clicked.connect(self.scan)
        self.stop_button.clicked.connect(self.stop)

    def scan(self) -> None:
        self.scan_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stop_button.show()
        self.stop_button.setEnabled(True)
        self._reached = None
        self.started.emit()

        def work(report: Any, cancel: Any) -> int:
            return scan_caseload(self.ctx, progress=lambda d, t: report("scan", d, t),
                                 cancel=cancel)

        self.op = BackgroundOp(work, success=self._scanned, failure=self._failed,
                               progress=self._progress, with_progress=True).start()

    def stop(self) -> None:
        if self.op is not None:
            self.op.cancel.set()
            self.stop_button.setEnabled(False)
            self.stopping.emit()

    def _progress(self, _: str, done: int, total: int) -> None:
        self._reached = (done, total)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _over(self) -> None:
        self.op = None
        self.scan_button.setEnabled(True)
        self.progress.hide()
        self.stop_button.hide()

    def _scanned(self, added: int) -> None:
        # Stopped before the last batch: the pairs found so far are kept, the rest of the
        # caseload was not looked at.
        reached = self._reached
        stopped = (self.op is not None and self.op.cancel.is_set()
                   and (reached is None or reached[0] < reached[1]))
        self._over()
        self.scanned.emit(added, stopped)

    def _failed(self, exc: BaseException) -> None:
        self._over()
        self.failed.emit(exc)
