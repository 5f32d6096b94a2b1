"""Every visible string goes through Qt's translation system (context "ccms")."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.config import resources_dir

CONTEXT = "ccms"
LANGUAGES = {"en": "English", "fr": "Français"}
_installed: list[QTranslator] = []


def N_(text: str) -> str:
    """Marks a string for extraction; it is translated where it is shown, with tr()."""
    return text


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def fill(text: str, *args: object) -> str:
    """`text` with %1, %2... replaced by `args` in one pass (so an argument that itself holds
    "%2", such as a file name, is never replaced again)."""
    def arg(m: re.Match[str]) -> str:
        i = int(m.group(1))
        return str(args[i - 1]) if 1 <= i <= len(args) else m.group(0)

    return re.sub(r"%(\d)", arg, text)


def join_clauses(words: list[str]) -> str:
    """`words` joined by the shown language's "; " (French puts a space before it: "a ; b"),
    through the translated "%1; %2"; empty for none."""
    return functools.reduce(lambda a, b: fill(tr("%1; %2"), a, b), words) if words else ""


def tr_n(n: int, one: str, other: str) -> str:
    """A sentence about `n` things in the plural form the shown language wants: English
    takes the singular for 1 only, French for 0 and 1. `%n` becomes the number written the
    locale's way. Both forms are marked with N_() where they are written. (Qt's numerus
    entries would need plural forms in the catalogue, which fr.json does not hold.)"""
    locale = QLocale()
    singular = n in (0, 1) if locale.language() == QLocale.Language.French else n == 1
    return tr(one if singular else other).replace("%n", locale.toString(n))


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_language(language: str) -> bool:
    """Switch the application's language; 'en' removes every translator."""
    app = QCoreApplication.instance()
    if app is None:
        return False  # no application yet: nothing to translate
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
