"""First run (create the store) and unlock, each a screen of the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.context import ServiceContext
from app.services.setup import initialise_store, open_store
from app.store.envelope import DEFAULT_KDF, KdfParams
from app.store.store import Store
from app.sync.enrolment import enrol_device
from app.ui.background import run_in_background
from app.ui.error_words import describe, enrolment_words
from app.ui.i18n import tr

MIN_PASSPHRASE = 12


def passphrase_strength(text: str) -> int:
    """0-100: length counts most; variety of character kinds a little."""
    kinds = sum(any(f(c) for c in text) for f in (str.islower, str.isupper, str.isdigit,
                                                  lambda c: not c.isalnum()))
    return min(100, len(text) * 4 + kinds * 5 + (10 if " " in text.strip() else 0))


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("screenTitle")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class FirstRunScreen(QWidget):
    created = Signal(object, object)  # Store, ServiceContext

    def __init__(self, data_dir: Path, kdf: KdfParams = DEFAULT_KDF) -> None:
        super().__init__()
        self.data_dir, self.kdf = data_dir, kdf
        self.title = _title(tr("Welcome to CCMS Desktop"))
        self.intro = QLabel(tr("Create the encrypted store on this computer. Choose a long "
                               "passphrase: it protects everyone in your caseload."))
        self.intro.setWordWrap(True)
        self.office = QLineEdit()
        self.office.setAccessibleName(tr("Office"))
        self.worker = QLineEdit()
        self.worker.setAccessibleName(tr("Your name"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(tr("Passphrase"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(tr("Passphrase again"))
        self.strength = QProgressBar()
        self.strength.setRange(0, 100)
        self.strength.setTextVisible(False)
        self.strength.setAccessibleName(tr("Passphrase strength"))
        self.strength_text = QLabel()
        self.server = QLineEdit()
        self.server.setAccessibleName(tr("Server address (optional)"))
        self.server.setPlaceholderText("https://")
        self.code = QLineEdit()
        self.code.setAccessibleName(tr("Enrolment code (optional)"))
        self.enrol_note = QLabel()
        self.enrol_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.create_button = QPushButton(tr("Create the store"))
        self.create_button.setDefault(True)
        form = QFormLayout()
        form.addRow(tr("Office"), self.office)
        form.addRow(tr("Your name"), self.worker)
        form.addRow(tr("Passphrase"), self.passphrase)
        form.addRow(tr("Passphrase again"), self.again)
        form.addRow(tr("Strength"), self.strength)
        form.addRow("", self.strength_text)
        form.addRow(tr("Server address (optional)"), self.server)
        form.addRow(tr("Enrolment code (optional)"), self.code)
        box = QVBoxLayout(self)
        box.addStretch()
        for w in (self.title, self.intro):
            box.addWidget(w)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.create_button)
        box.addStretch()
        self.passphrase.textChanged.connect(self._strength)
        self.create_button.clicked.connect(self.create_store)
        self._strength("")

    def _strength(self, text: str) -> None:
        score = passphrase_strength(text)
        self.strength.setValue(score)
        self.strength_text.setText(tr("Too short") if len(text) < MIN_PASSPHRASE
                                   else tr("Strong") if score >= 80 else tr("Fair"))

    def create_store(self) -> None:
        passphrase = self.passphrase.text()
        if not self.office.text().strip():
            self.error.setText(tr("Enter your office."))
            return
        if len(passphrase) < MIN_PASSPHRASE:
            self.error.setText(tr("The passphrase must have at least 12 characters."))
            return
        if passphrase != self.again.text():
            self.error.setText(tr("The two passphrases differ."))
            return
        self.create_button.setEnabled(False)
        self.error.setText(tr("Creating the encrypted store..."))
        office, worker = self.office.text(), self.worker.text() or "Caseworker"
        server, code = self.server.text().strip(), self.code.text().strip()

        def work() -> tuple[Store, ServiceContext, BaseException | None]:
            store, ctx = initialise_store(self.data_dir, passphrase, office, worker,
                                          kdf=self.kdf)
            if not (server and code):
                return store, ctx, None
            try:
                enrol_device(ctx, server, code)
            except Exception as exc:  # the store stands; enrolment can be done later
                return store, ctx, exc
            return store, ctx, None

        def done(result: tuple) -> None:
            store, ctx, enrol_error = result
            self.passphrase.clear()
            self.again.clear()
            self.enrol_note.setText(
                f"{tr('The device could not be enrolled:')} {enrolment_words(enrol_error)}"
                if enrol_error else "")
            self.created.emit(store, ctx)

        def failed(exc: BaseException) -> None:
            self.create_button.setEnabled(True)
            self.error.setText(describe(exc))

        run_in_background(work, done, failed)


class UnlockScreen(QWidget):
    unlocked = Signal(object, object)  # Store, ServiceContext

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.failures = 0
        # After a lock: the store the open workspace uses, unlocked again in place.
        self.existing_store: Store | None = None
        self.title = _title(tr("CCMS Desktop is locked"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(tr("Passphrase"))
        self.passphrase.setPlaceholderText(tr("Passphrase"))
        self.unlock_button = QPushButton(tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addStretch()
        box.addWidget(self.title)
        box.addWidget(self.passphrase)
        box.addWidget(self.unlock_button)
        box.addWidget(self.error)
        box.addStretch()
        self.unlock_button.clicked.connect(self.unlock)
        self.passphrase.returnPressed.connect(self.unlock)

    def delay_after_failures(self) -> int:
        """Seconds to wait before the next try: grows with each failure."""
        return 0 if self.failures == 0 else min(60, 2 ** (self.failures - 1))

    def unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        self.unlock_button.setEnabled(False)
        self.error.setText(tr("Unlocking..."))

        def done(result: tuple) -> None:
            self.failures = 0
            self.passphrase.clear()
            self.error.clear()
            self.unlock_button.setEnabled(True)
            self.unlocked.emit(*result)

        def failed(exc: BaseException) -> None:
            self.failures += 1
            wait = self.delay_after_failures()
            self.error.setText(f"{describe(exc)} {tr('Try again in')} {wait} s")
            self.passphrase.selectAll()
            QTimer.singleShot(wait * 1000, lambda: self.unlock_button.setEnabled(True))

        store = self.existing_store

        def work() -> tuple[Store, ServiceContext | None]:
            if store is not None:
                store.unlock(passphrase)
                return store, None
            return open_store(self.data_dir, passphrase)

        run_in_background(work, done, failed)
