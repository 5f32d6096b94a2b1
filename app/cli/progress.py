"""A plain progress bar on stderr (only when stderr is a terminal)."""

from __future__ import annotations

import sys
import time

from app.cli import interrupts


class TerminalProgress:
    def __init__(self, label: str, total: int) -> None:
        self.label, self.total = label, max(total, 1)
        self.tty = sys.stderr.isatty()
        self.started = time.monotonic()
        self._last = 0.0

    def update(self, done: int) -> None:
        interrupts.check()  # a Ctrl+C or kill swallowed on the way stops the work here
        now = time.monotonic()
        if not self.tty or (now - self._last < 0.1 and done < self.total):
            return
        self._last = now
        width = 30
        filled = int(width * done / self.total)
        rate = done / max(now - self.started, 1e-6)
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] "
                         f"{done}/{self.total} ({rate:,.0f}/s)")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
            sys.stderr.flush()
