"""Figures of the window (offscreen Qt): first paint of the list and the dashboard, the
longest stall of the event loop while a full sync and a bulk intake run, resident memory."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from app.services.context import ServiceContext

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def app() -> QApplication:
    return QApplication.instance() or QApplication([])  # type: ignore[return-value]


def wait_for(condition: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    qapp = app()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        qapp.processEvents()
        time.sleep(0.001)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def first_paints(ctx: ServiceContext) -> dict[str, Any]:
    from app.ui.dashboard_page import DashboardPage
    from app.ui.participants_page import ParticipantsPage

    app()
    page = ParticipantsPage(ctx)
    page.resize(1200, 800)
    page.show()
    started = time.perf_counter()
    page.start()
    wait_for(lambda: page.model.rowCount() > 0)
    page.table.viewport().repaint()
    list_ms = (time.perf_counter() - started) * 1000
    board = DashboardPage(ctx)
    board.resize(1200, 800)
    board.show()
    started = time.perf_counter()
    board.refresh()
    wait_for(lambda: board.lists["today"].count() > 0)
    board.repaint()
    dashboard_ms = (time.perf_counter() - started) * 1000
    memory = rss_mb()
    page.close()
    board.close()
    return {"list_first_paint_ms": round(list_ms, 1),
            "dashboard_first_paint_ms": round(dashboard_ms, 1), "rss_mb": round(memory, 1)}


def settle(timeout: float = 60.0) -> None:
    """Waits until the window's own loads (dashboard, list) have reported and painted: their
    time is the first-paint figures', not a stall during the work measured after."""
    from app.ui.background import background_work_running

    deadline = time.monotonic() + timeout
    while True:  # a painted page may ask for more (the list fetches rows as it shows them)
        wait_for(lambda: not background_work_running(), max(0.0, deadline - time.monotonic()))
        quiet = time.monotonic() + 0.3
        while time.monotonic() < quiet:
            app().processEvents()
            time.sleep(0.005)
        if not background_work_running():
            return


def max_stall_during(work: list[Any]) -> dict[str, Any]:
    """Runs `work` (functions) in BackgroundOps with a 10 ms timer ticking on the GUI
    thread; returns the longest gap between ticks beyond its interval."""
    from app.ui.background import BackgroundOp
    from app.ui.responsiveness import GuiThreadCollector

    qapp = app()
    collector = GuiThreadCollector(qapp)  # as the app does (busy: the BackgroundOps below)
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    timer.start()
    done: list[Any] = []
    errors: list[BaseException] = []
    for fn in work:
        BackgroundOp(fn, success=done.append, failure=errors.append).start()
    while len(done) + len(errors) < len(work):
        qapp.processEvents()
        time.sleep(0.001)
    timer.stop()
    collector.stop()
    if errors:
        raise errors[0]
    worst = max(gaps) if gaps else 0
    return {"gui_max_stall_ms": max(0, worst - 10),
            "gui_stall": {"ticks": len(gaps), "worst_gap_ms": worst,
                          "p99_gap_ms": sorted(gaps)[int(len(gaps) * 0.99)] if gaps else 0}}
