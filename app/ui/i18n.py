"""Every visible string goes through Qt's translation system (context "ccms")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "ccms"
LANGUAGES = {"en": "English", "fr": "Français"}
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
_installed: list[QTranslator] = []


def N_(text: str) -> str:
    """Marks a string for extraction; it is translated where it is shown, with tr()."""
    return text


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def translations_dir() -> Path:
    import sys

    frozen = getattr(sys, "_MEIPASS", None)  # the installed (PyInstaller) build
    return Path(frozen) / "resources" / "translations" if frozen else TRANSLATIONS


def install_language(language: str) -> bool:
    """Switch the application's language; 'en' removes every translator."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Canada))
        return True
    translator = QTranslator()
    if not translator.load(str(translations_dir() / f"ccms_{language}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    return True
