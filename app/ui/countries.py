"""Countries of citizenship in the interface's language: the list a caseworker picks from,
and a stored value in words (a code's name; any other text as it is)."""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale

from app.services.countries import STATELESS, country_table
from app.ui.i18n import tr


def _language() -> str:
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def country_names() -> dict[str, str]:
    """Code -> name in the shown language, in that language's alphabetical order (stateless
    first: it is no country)."""
    language = _language()
    names = {code: names[language] for code, names in country_table().items()}
    collator = QCollator(QLocale())
    ordered = sorted(names, key=lambda code: collator.sortKey(names[code]))
    return {STATELESS: tr("Stateless"), **{code: names[code] for code in ordered}}


def country_word(value: str) -> str:
    """A stored value in words: a code's name, any other text as it is."""
    if value == STATELESS:
        return tr("Stateless")
    names = country_table().get(value)
    return names[_language()] if names else value
