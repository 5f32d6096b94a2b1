"""The caseload dashboard: today's, overdue and missed check-ins, referrals past follow-up,
agreements due for review, counts per status, and compliance over time (QtCharts)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import dashboard
from app.services.checkins import escalate_overdue_follow_ups
from app.services.context import ServiceContext
from app.services.views import DatedItem
from app.ui.background import run_in_background
from app.ui.bidi import isolate
from app.ui.error_words import describe
from app.ui.i18n import fill, tr
from app.ui.participant_model import status_word

LIMIT = 100


# The tab of the participant file each list's work is done in.
FILE_TAB = {"today": "checkins", "overdue": "checkins", "missed": "checkins",
            "referrals": "referrals", "review": "agreement"}


class DashboardPage(QWidget):
    open_participant = Signal(str, str)  # participant id, the file's tab to show
    show_caseworker = Signal(str, str)  # a caseworker's id and name: list their files

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.lists: dict[str, QListWidget] = {}
        grid = QGridLayout()
        titles = (("today", tr("Today's check-ins")), ("overdue", tr("Overdue check-ins")),
                  ("missed", tr("Missed, follow-up open")),
                  ("referrals", tr("Referrals past follow-up")),
                  ("review", tr("Agreements due for review")))
        for i, (key, title) in enumerate(titles):
            group = QGroupBox(title)
            lst = QListWidget()
            lst.setAccessibleName(title)
            lst.itemActivated.connect(lambda item, k=key: self._open(item, k))
            QVBoxLayout(group).addWidget(lst)
            self.lists[key] = lst
            grid.addWidget(group, i // 3, i % 3)
        self.workload = QListWidget()
        self.workload.setAccessibleName(tr("Open files per caseworker"))
        self.workload.itemActivated.connect(self._show_caseworker)
        group = QGroupBox(tr("Open files per caseworker"))
        QVBoxLayout(group).addWidget(self.workload)
        grid.addWidget(group, len(titles) // 3, len(titles) % 3)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.chart = QChart()
        self.chart.setTitle(tr("Compliance over the last 12 months"))
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.chart_view.setAccessibleName(tr("Compliance chart"))
        self.message = QLabel()
        box = QVBoxLayout(self)
        box.addWidget(self.counts)
        box.addLayout(grid, 3)
        box.addWidget(self.chart_view, 2)
        box.addWidget(self.message)

    def refresh(self) -> None:
        ctx = self.ctx

        def rest() -> dict[str, Any]:
            escalate_overdue_follow_ups(ctx)  # misses past their window become reports
            return {"overdue": dashboard.overdue_checkins(ctx, LIMIT),
                    "missed": dashboard.missed_with_open_follow_up(ctx, LIMIT),
                    "referrals": dashboard.referrals_past_follow_up(ctx, LIMIT),
                    "review": dashboard.agreements_due_for_review(ctx, limit=LIMIT),
                    "counts": dashboard.counts_by_status(ctx),
                    "workload": dashboard.workload(ctx)}

        failed = lambda exc: self.message.setText(describe(exc))  # noqa: E731
        # Today's work first, the other lists next, the chart (a year of check-ins) last:
        # each paints as soon as it is ready.
        run_in_background(lambda: dashboard.todays_checkins(ctx, LIMIT),
                          lambda items: self._fill(self.lists["today"], items), failed)
        run_in_background(rest, self._show, failed)
        run_in_background(lambda: dashboard.compliance_over_time(ctx, 12), self._chart,
                          failed)

    def _show(self, board: dict[str, Any]) -> None:
        for key in ("overdue", "missed", "referrals", "review"):
            self._fill(self.lists[key], board[key])
        self.counts.setText("  ·  ".join(f"{status_word(s)}: {n}"
                                         for s, n in board["counts"].items()))
        self.workload.clear()
        for load in board["workload"]:
            name = load.caseworker_name or tr("no caseworker")
            row = QListWidgetItem(fill(tr("%1: %2"), name, load.open_files))
            row.setData(Qt.ItemDataRole.UserRole, (load.caseworker_id, name))
            self.workload.addItem(row)
        if not board["workload"]:
            self.workload.addItem(QListWidgetItem(tr("Nothing here")))
        self.message.setText("")

    def _fill(self, lst: QListWidget, items: tuple[DatedItem, ...]) -> None:
        lst.clear()
        for item in items:
            # Times are stored in UTC and shown in this computer's time zone.
            when = item.when.astimezone().strftime("%Y-%m-%d %H:%M") \
                if isinstance(item.when, datetime) else str(item.when or "")
            row = QListWidgetItem(f"{when}  {isolate(item.participant_name)}")
            row.setData(Qt.ItemDataRole.UserRole, item.participant_id)
            lst.addItem(row)
        if not items:
            lst.addItem(QListWidgetItem(tr("Nothing here")))

    def _chart(self, months: list[Any]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QStackedBarSeries()
        for key, label in (("attended", tr("attended")), ("late", tr("late")),
                           ("missed", tr("missed")), ("excused", tr("excused"))):
            bar = QBarSet(label)
            bar.append([float(getattr(m, key)) for m in months])
            series.append(bar)
        self.chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([m.month for m in months])
        self.chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)

    def _show_caseworker(self, item: QListWidgetItem) -> None:
        worker = item.data(Qt.ItemDataRole.UserRole)
        if worker and worker[0]:  # files with no caseworker have no filter of their own
            self.show_caseworker.emit(*worker)

    def _open(self, item: QListWidgetItem, key: str) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if pid:
            self.open_participant.emit(pid, FILE_TAB[key])
