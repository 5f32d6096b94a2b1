"""The main window: first run or unlock, then the workspace (dashboard, participants,
conflicts), the sync indicator, shortcuts, auto-lock after idle time."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from app.config import StorePaths
from app.services.context import ServiceContext
from app.services.participants import update_household_member
from app.services.views import HouseholdMemberView
from app.store.envelope import DEFAULT_KDF, KdfParams
from app.store.secrets import mark_notice_shown, pending_notice
from app.sync.runner import SyncSummary
from app.ui.background import run_in_background
from app.ui.conflicts_page import ConflictsPage
from app.ui.dashboard_page import DashboardPage
from app.ui.duplicates_page import DuplicatesPage
from app.ui.enrol_dialog import EnrolDialog
from app.ui.error_words import describe
from app.ui.i18n import LANGUAGES, fill, install_language, tr
from app.ui.import_dialog import ImportDialog
from app.ui.intake import IntakeDialog, member_names
from app.ui.participant_file import ParticipantFile
from app.ui.participants_page import ParticipantsPage
from app.ui.settings import Settings
from app.ui.statistics_dialog import StatisticsDialog
from app.ui.sync_widget import SyncStatusWidget, sync_result_words
from app.ui.unlock_screen import FirstRunScreen, UnlockScreen

ACTIVITY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                   QEvent.Type.MouseMove}


class Workspace(QWidget):
    """Everything shown while unlocked. It survives a lock, so half-filled forms stay."""

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        from PySide6.QtWidgets import QVBoxLayout

        self.ctx = ctx
        self.tabs = QTabWidget()
        self.dashboard = DashboardPage(ctx)
        self.participants = ParticipantsPage(ctx)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.participants)
        self.conflicts = ConflictsPage(ctx)
        self.duplicates = DuplicatesPage(ctx)
        self.tabs.addTab(self.dashboard, tr("Dashboard"))
        self.tabs.addTab(self.list_stack, tr("Participants"))
        self.tabs.addTab(self.duplicates, tr("Duplicates"))
        self.tabs.addTab(self.conflicts, tr("Conflicts"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.file: ParticipantFile | None = None
        self.dashboard.open_participant.connect(self.open_participant)
        self.dashboard.show_caseworker.connect(self._show_caseworker)
        self.participants.open_participant.connect(self.open_participant)
        self.participants.new_intake.connect(self.intake)
        self.duplicates.open_participant.connect(self.open_participant)
        self.conflicts.open_participant.connect(self.open_participant)
        self.conflicts.counted.connect(self._count_conflicts)
        self.duplicates.files_changed.connect(self.participants.model.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)

    def start(self) -> None:
        self.dashboard.refresh()
        self.participants.start()
        self.conflicts.refresh()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.dashboard:
            self.dashboard.refresh()
        elif self.tabs.widget(index) is self.conflicts:
            self.conflicts.refresh()
        elif self.tabs.widget(index) is self.duplicates:
            self.duplicates.refresh()

    def _count_conflicts(self, n: int) -> None:
        index = self.tabs.indexOf(self.conflicts)
        self.tabs.setTabText(index, fill(tr("Conflicts (%1)"), n) if n else tr("Conflicts"))

    def open_participant(self, pid: str, tab: str | None = None) -> None:
        """Open the file of `pid`, at its tab named `tab` ("checkins", "referrals"...)."""
        if self.file is not None:
            self.list_stack.removeWidget(self.file)
            self.file.deleteLater()
        self.file = ParticipantFile(self.ctx, pid)
        if tab is not None:
            self.file.show_tab(tab)
        self.file.closed.connect(self.close_file)
        self.file.open_other.connect(self.open_participant)
        self.file.intake_for_member.connect(self.intake_for_member)
        self.file.changed.connect(lambda _: self.participants.model.refresh())
        self.list_stack.addWidget(self.file)
        self.list_stack.setCurrentWidget(self.file)
        self.tabs.setCurrentWidget(self.list_stack)

    def _show_caseworker(self, caseworker_id: str, name: str) -> None:
        self.participants.show_caseworker(caseworker_id, name)
        self.close_file()
        self.tabs.setCurrentWidget(self.list_stack)

    def close_file(self) -> None:
        self.list_stack.setCurrentWidget(self.participants)

    def intake(self) -> None:
        dialog = IntakeDialog(self.ctx, self)
        dialog.created.connect(self._created)
        dialog.open_existing.connect(self.open_participant)
        self.intake_dialog = dialog
        dialog.open()

    def intake_for_member(self, member: HouseholdMemberView, family_name: str) -> None:
        """An intake started from a household member: whichever file it ends on (the new
        one, or the existing one the caseworker recognised), the member is linked to it."""
        dialog = IntakeDialog(self.ctx, self)
        dialog.form.set_values({**member_names(member.name, family_name),
                                "date_of_birth": member.date_of_birth})
        ctx, member_id = self.ctx, member.id

        def link(pid: str) -> None:
            def linked(_: object) -> None:
                self.participants.model.refresh()
                self.open_participant(pid)

            def failed(exc: BaseException) -> None:
                QMessageBox.warning(self, tr("Household"), describe(exc, "household_member"))
                self.open_participant(pid)

            run_in_background(lambda: update_household_member(
                ctx, member_id, {"linked_participant_id": pid}), linked, failed)

        dialog.created.connect(link)
        dialog.open_existing.connect(link)
        self.intake_dialog = dialog
        dialog.open()

    def _imported(self) -> None:
        self.participants.model.refresh()
        self.duplicates.refresh()

    def import_file(self) -> None:
        dialog = ImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _: self._imported())
        self.import_dialog = dialog
        dialog.open()

    def statistics(self) -> None:
        dialog = StatisticsDialog(self.ctx, self)
        dialog.accepted.connect(lambda: QMessageBox.information(
            self, tr("Monthly statistics"),
            fill(tr("%1 figures of %2 written to %3."), len(dialog.result_value.figures),
                 dialog.result_value.month, dialog.path.text().strip())))
        self.statistics_dialog = dialog
        dialog.open()

    def _created(self, pid: str) -> None:
        self.participants.model.refresh()
        self.open_participant(pid)

    def search(self) -> None:
        self.tabs.setCurrentWidget(self.list_stack)
        self.list_stack.setCurrentWidget(self.participants)
        self.participants.focus_search()


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, settings: Settings | None = None,
                 kdf: KdfParams = DEFAULT_KDF) -> None:
        super().__init__()
        self.data_dir, self.settings = Path(data_dir), settings or Settings()
        self.setWindowTitle(tr("CCMS Desktop"))
        self.resize(1200, 800)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.first_run = FirstRunScreen(self.data_dir, kdf)
        self.unlock_screen = UnlockScreen(self.data_dir)
        self.stack.addWidget(self.first_run)
        self.stack.addWidget(self.unlock_screen)
        self.first_run.created.connect(self._opened)
        self.unlock_screen.unlocked.connect(self._opened)
        self.ctx: ServiceContext | None = None
        self.workspace: Workspace | None = None
        self.sync_widget: SyncStatusWidget | None = None
        self._build_actions()
        self.last_activity = time.monotonic()
        self._hidden_by_lock: list[QWidget] = []
        self.idle_timer = QTimer(self, interval=15_000)
        self.idle_timer.timeout.connect(self._check_idle)
        app = QApplication.instance()
        if app is not None:  # the idle lock watches every input event of the application
            app.installEventFilter(self)
        self.show_start_screen()

    # -- screens -----------------------------------------------------------------------------
    def show_start_screen(self) -> None:
        exists = StorePaths(self.data_dir).exists()
        self.stack.setCurrentWidget(self.unlock_screen if exists else self.first_run)
        (self.unlock_screen.passphrase if exists else self.first_run.office).setFocus()

    def _opened(self, store: Any, ctx: ServiceContext) -> None:
        if self.workspace is not None and self.ctx is not None:
            # Unlocked again: same store object, same workspace, forms as they were left.
            self.stack.setCurrentWidget(self.workspace)
            if self.sync_widget is not None:
                self.sync_widget.start_timers()
            self._after_unlock()
            for window in self._hidden_by_lock:  # the dialogs left open, as they were
                window.show()
            self._hidden_by_lock = []
            return
        self.ctx = ctx
        self.workspace = Workspace(ctx)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.sync_widget = SyncStatusWidget(ctx)
        self.statusBar().addPermanentWidget(self.sync_widget)
        self.sync_widget.synced.connect(self._after_sync)
        self.workspace.start()
        self.sync_widget.start_timers()
        self._after_unlock()
        if self.first_run.enrol_note.text():
            self.statusBar().showMessage(self.first_run.enrol_note.text(), 30_000)
        notice = pending_notice(ctx.store)
        if notice:
            self.statusBar().showMessage(tr("This computer has no system keyring: device "
                                            "secrets are kept inside the encrypted store."),
                                         15_000)
            mark_notice_shown(ctx.store)

    def _after_unlock(self) -> None:
        self.last_activity = time.monotonic()
        self.idle_timer.start()
        for action in self.workspace_actions:
            action.setEnabled(True)

    def _after_sync(self, summary: SyncSummary) -> None:
        """The sync's result in one line; conflicts and refusals stay longer, and the
        Conflicts tab's title counts what is open."""
        needs_person = bool(summary.conflicts or summary.rejected)
        self.statusBar().showMessage(sync_result_words(summary),
                                     120_000 if needs_person else 15_000)
        if self.workspace is not None and not summary.wiped:
            self.workspace.start()

    # -- locking -----------------------------------------------------------------------------
    def lock(self) -> None:
        if self.ctx is None or not self.ctx.store.is_unlocked:
            return
        if self.sync_widget is not None:
            self.sync_widget.stop()
        self.ctx.store.lock()
        self.idle_timer.stop()
        for action in self.workspace_actions:
            action.setEnabled(False)
        self.unlock_screen.passphrase.clear()
        self.unlock_screen.existing_store = self.ctx.store
        # Open dialogs (a form, a document shown) hold personal data: hidden while locked,
        # kept with what was typed in them, and shown again on unlock.
        self._hidden_by_lock = [w for w in QApplication.topLevelWidgets()
                                if w is not self and w.isVisible()]
        for window in self._hidden_by_lock:
            window.hide()
        self.stack.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.passphrase.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self.last_activity = time.monotonic()
        return False

    def _check_idle(self) -> None:
        if time.monotonic() - self.last_activity > self.settings.idle_minutes * 60:
            self.lock()

    # -- menus -------------------------------------------------------------------------------
    def _in_workspace(self, act: Callable[[Workspace], None]) -> Callable[[], None]:
        """A menu action that needs the unlocked workspace (disabled while locked)."""
        def run() -> None:
            if self.workspace is not None:
                act(self.workspace)
        return run

    def _sync_now(self) -> None:
        if self.sync_widget is not None:
            self.sync_widget.sync_now()

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(tr("&File"))
        self.intake_action = QAction(tr("New intake"), self, shortcut=QKeySequence("Ctrl+N"))
        self.search_action = QAction(tr("Search participants"), self,
                                     shortcut=QKeySequence("Ctrl+F"))
        self.import_action = QAction(tr("Import a caseload file..."), self)
        self.statistics_action = QAction(tr("Monthly statistics..."), self)
        self.lock_action = QAction(tr("Lock"), self, shortcut=QKeySequence("Ctrl+L"))
        self.sync_action = QAction(tr("Sync now"), self, shortcut=QKeySequence("Ctrl+S"))
        quit_action = QAction(tr("Quit"), self, shortcut=QKeySequence("Ctrl+Q"))
        self.workspace_actions = [self.intake_action, self.search_action, self.import_action,
                                  self.statistics_action, self.lock_action, self.sync_action]
        for action in (*self.workspace_actions, quit_action):
            menu.addAction(action)
            action.setEnabled(action is quit_action)
        self.intake_action.triggered.connect(self._in_workspace(Workspace.intake))
        self.search_action.triggered.connect(self._in_workspace(Workspace.search))
        self.import_action.triggered.connect(self._in_workspace(Workspace.import_file))
        self.statistics_action.triggered.connect(self._in_workspace(Workspace.statistics))
        self.lock_action.triggered.connect(self.lock)
        self.sync_action.triggered.connect(self._sync_now)
        quit_action.triggered.connect(self.close)
        settings_menu = self.menuBar().addMenu(tr("&Settings"))
        idle_action = QAction(tr("Lock after idle time..."), self)
        idle_action.triggered.connect(self.ask_idle_minutes)
        settings_menu.addAction(idle_action)
        self.enrol_action = QAction(tr("Connect to the office server..."), self)
        self.enrol_action.setEnabled(False)
        self.enrol_action.triggered.connect(self.enrol)
        self.workspace_actions.append(self.enrol_action)
        settings_menu.addAction(self.enrol_action)
        language = self.menuBar().addMenu(tr("&Language"))
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.settings.language)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            language.addAction(action)

    def enrol(self) -> None:
        """Enrol this device (again) with the office's server, then show the new state."""
        if self.ctx is None or self.sync_widget is None:
            return
        widget = self.sync_widget
        dialog = EnrolDialog(self.ctx, widget.server_url, self)
        dialog.accepted.connect(widget.refresh_state)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            tr("This device is enrolled: it syncs whenever a connection exists."), 30_000))
        self.enrol_dialog = dialog
        dialog.open()

    def ask_idle_minutes(self) -> None:
        minutes, ok = QInputDialog.getInt(self, tr("Lock after idle time"),
                                          tr("Minutes without use before the app locks:"),
                                          self.settings.idle_minutes, 1, 120)
        if ok:
            self.settings.idle_minutes = minutes

    def set_language(self, code: str) -> None:
        self.settings.language = code
        install_language(code)
        QMessageBox.information(self, tr("Language"),
                                tr("The new language applies to screens opened from now "
                                   "on, and everywhere after a restart."))

    def closeEvent(self, event: Any) -> None:
        if self.sync_widget is not None:
            self.sync_widget.stop()
        if self.ctx is not None and self.ctx.store.is_unlocked:
            self.ctx.store.lock()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().closeEvent(event)

