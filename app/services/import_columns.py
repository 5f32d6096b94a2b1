"""A file imported without a mapping: every column must be named by a field key. A column
that is not (a typo such as "date_of_brith", a column of notes) would be left out with its
data without a word, so the file is refused before anything is read past its header, naming
each such column and, when one is close, the field key it was probably meant to be.
Headers are not personal data (cells are), so they can be named."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

# fuzz.ratio (0-100) from which a header is taken for a misspelt field key: "date_of_brith"
# scores 92 against date_of_birth, "postcode" 84 against postal_code; "Surname" scores 44
# against family_name and gets no suggestion rather than a wrong one.
SUGGEST_FROM = 80
_SEPARATORS = re.compile(r"[\s\-.]+")


def unknown_columns(headers: tuple[str, ...], fields: tuple[str, ...],
                    own: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """The headers that are no field key, each with the nearest key not already in the file
    (or None). `own`: columns a file may start with that are not data (a rejects file's);
    a column without a header names no field and holds nothing to lose but spaces."""
    start = len(own) if headers[:len(own)] == own else 0
    present = {h.strip().casefold() for h in headers}
    free = [f for f in fields if f not in present]
    out: list[tuple[str, str | None]] = []
    for header in headers[start:]:
        if not header.strip() or header.strip().casefold() in fields:
            continue
        out.append((header, nearest_field(header, free)))
    return out


def nearest_field(header: str, fields: list[str]) -> str | None:
    """The field key a header was probably meant to be: "Date of birth" and "FAMILY-NAME"
    are keys written another way, "date_of_brith" a typo of one."""
    key = _SEPARATORS.sub("_", header.strip().casefold())
    if key in fields:
        return key
    found = process.extractOne(key, fields, scorer=fuzz.ratio, score_cutoff=SUGGEST_FROM)
    return found[0] if found else None


def unknown_columns_message(unknown: list[tuple[str, str | None]]) -> str:
    named = ", ".join(f"'{h}' (did you mean {f}?)" if f else f"'{h}'" for h, f in unknown)
    return (f"not field names, so their data would be left out: {named}; rename each to a "
            "field name (ccms import --print-mapping-template lists them) or give a mapping "
            "file (--mapping) naming the columns to import; nothing was imported")
