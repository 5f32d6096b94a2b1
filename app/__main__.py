"""`python -m app` / `ccms-desktop`: starts the GUI. Also `--version` and `--self-test`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import traceback
from pathlib import Path

from app import __version__
from app.config import default_data_dir

log = logging.getLogger("ccms")


def self_test() -> int:
    """Offscreen: a throw-away store, unlock, migrations, a write and read through the
    services, the main window opened and closed. 0 when all of it works."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.name_keys import tokens
    from app.services.participants import create_participant, get_participant
    from app.services.setup import initialise_store, open_store
    from app.store import migrate
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="ccms-self-test-") as tmp:
        data = Path(tmp) / "store"
        store, ctx = initialise_store(data, "self-test passphrase", "Self Test", "Tester")
        pid = create_participant(ctx, {"family_name": "Selftest", "given_names": "Ada",
                                       "citizenship": "Haïti"})
        store.lock()
        store, ctx = open_store(data, "self-test passphrase")
        person = get_participant(ctx, pid)
        if person.family_name != "Selftest":
            print("self-test: the record read back differs", file=sys.stderr)
            return 1
        # The country list is a resource file; a bundle without it would keep "Haïti".
        if person.citizenship != "HT":
            print("self-test: the country list is not read", file=sys.stderr)
            return 1
        # anyascii reads its tables from package data; a bundle without them would read
        # every name in another script as nothing.
        if tokens("Шевченко Тарас") != ["shevchenko", "taras"]:
            print("self-test: names in other scripts are not read", file=sys.stderr)
            return 1
        with store.engine.connect() as conn:
            if migrate.current_revision(conn) != migrate.head_revision():
                print("self-test: the store is not at the newest schema", file=sys.stderr)
                return 1
            conn.rollback()
        window = MainWindow(data)
        window._opened(store, ctx)
        window.show()
        app.processEvents()
        window.close()
        app.processEvents()
        if store.is_unlocked:
            store.lock()
    print(f"self-test passed (CCMS Desktop {__version__})")
    return 0


def _excepthook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
    # A log line without personal data (the type and where), and words in a dialog.
    frames = traceback.extract_tb(tb)  # type: ignore[arg-type]
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    log.error("unexpected error %s at %s", kind.__name__, where)
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.ui.error_words import describe

    if QApplication.instance() is not None:
        QMessageBox.critical(None, "CCMS Desktop", describe(exc))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ccms-desktop")
    parser.add_argument("--version", action="store_true")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--language", choices=("en", "fr"), default=None)
    args = parser.parse_args(argv)
    if args.version:
        print(f"CCMS Desktop {__version__}")
        return 0
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.self_test:
        try:
            return self_test()
        except Exception as exc:  # the reason, without personal data
            print(f"self-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow
    from app.ui.responsiveness import GuiThreadCollector, tune_garbage_collector
    from app.ui.settings import Settings
    from app.ui.style import STYLESHEET

    app = QApplication(sys.argv[:1])
    app.setApplicationName("CCMS Desktop")
    tune_garbage_collector()
    collector = GuiThreadCollector(app)  # noqa: F841 (lives as long as the app)
    app.setStyleSheet(STYLESHEET)
    settings = Settings()
    if args.language:
        settings.language = args.language
    install_language(settings.language)
    sys.excepthook = _excepthook
    window = MainWindow(args.data_dir or default_data_dir(), settings)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
