"""Countries of citizenship, kept as ISO 3166-1 alpha-2 codes ("HT"), with their names in
English and French from CLDR (resources/translations/countries.json, made by
scripts/update_countries.py).

A value that names no country (free text from an old system: "unknown", a former country)
is kept as it is: nothing a caseworker wrote is rewritten behind their back."""

from __future__ import annotations

import functools
import json
import unicodedata

from app.config import resources_dir

# ICAO Doc 9303's code for a stateless person (no ISO 3166 code says it): common among
# the people this program serves.
STATELESS = "XXA"


@functools.cache
def country_table() -> dict[str, dict[str, str]]:
    """Code -> {"en": name, "fr": name}."""
    path = resources_dir() / "translations" / "countries.json"
    table: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    return table


def _key(text: str) -> str:
    """Case, accents, spacing and dashes do not matter to find a name ("cote d'ivoire")."""
    folded = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    letters = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(letters.replace("-", " ").split())


@functools.cache
def _by_key() -> dict[str, str]:
    """Every name, in both languages, and every code, to its code."""
    found: dict[str, str] = {}
    for code, names in country_table().items():
        found[_key(code)] = code
        for name in names.values():
            found.setdefault(_key(name), code)
    for word in ("stateless", "apatride", STATELESS.lower()):
        found[word] = STATELESS
    return found


def country_code(text: str) -> str | None:
    """The code a name (in English or French) or a code stands for; None when the text
    names no country of the list."""
    return _by_key().get(_key(text))
