"""GUI tests: real widgets, offscreen, over a fresh encrypted store."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.services.context import ServiceContext
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.conftest import FAST_KDF


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_the_gui_thread() -> Iterator[None]:
    """Python's cycle collector runs in whichever thread allocates: left for later, the
    wrappers of a test's dead widgets can be collected in a server or worker thread of the
    next test, and a QObject destroyed off its thread crashes the process. Collect them here,
    on the GUI thread, before the next test starts any thread."""
    yield
    QApplication.processEvents()
    gc.collect()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, store_dir: Path, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    install_language("en")
    w = MainWindow(store_dir, settings, kdf=FAST_KDF)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


@pytest.fixture
def unlocked(qtbot, ctx: ServiceContext, store_dir: Path,  # type: ignore[no-untyped-def]
             settings: Settings) -> Iterator[MainWindow]:
    """A window already past the unlock screen, on the `ctx` fixture's store."""
    install_language("en")
    w = MainWindow(store_dir, settings, kdf=FAST_KDF)
    qtbot.addWidget(w)
    w.show()
    w._opened(ctx.store, ctx)
    yield w
    w.close()
