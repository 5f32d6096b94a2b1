"""GUI tests: real widgets, offscreen, over a fresh encrypted store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.services.context import ServiceContext
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.conftest import FAST_KDF


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
