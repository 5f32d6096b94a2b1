"""Regenerates resources/translations/countries.json: every country (ISO 3166-1 alpha-2
code) with its name in English and in French, as Canada writes them (CLDR, through Babel).

The app needs two languages of one table, so it carries this small file, not Babel and its
whole CLDR (36 MB). Run it after upgrading Babel (`pip install babel`, not a dependency of
the app): `python scripts/update_countries.py`."""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "resources" / "translations" / "countries.json"
# CLDR's regions that are not countries a person holds citizenship of (continents, unions,
# the euro zone, "unknown region") and its codes outside ISO 3166-1 for islands and
# enclaves that belong to a country listed anyway. Kosovo (XK, user-assigned) is kept.
NOT_COUNTRIES = {"AC", "CP", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "ZZ"}


def table() -> dict[str, dict[str, str]]:
    english, french = Locale.parse("en_CA").territories, Locale.parse("fr_CA").territories
    codes = sorted(c for c in english
                   if len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES)
    return {c: {"en": english[c], "fr": french[c]} for c in codes}


def main() -> None:
    countries = table()
    lines = [f"{json.dumps(code)}: {json.dumps(names, ensure_ascii=False)}"
             for code, names in countries.items()]  # a country a line: diffs stay readable
    OUT.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(countries)} countries written to {OUT}")


if __name__ == "__main__":
    main()
