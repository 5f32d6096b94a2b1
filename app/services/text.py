"""Text normalisation shared by validation, search and duplicate matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from app.services.consonants import consonants
from app.services.latin import east_asian_name, is_arabic, to_latin

_SPACES = re.compile(r"\s+")
# Control characters other than tab and newline never belong in a field.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029\ufeff]")


def clean(value: str) -> str:
    """NFC, trimmed, runs of spaces collapsed (single-line fields)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def clean_multiline(value: str) -> str:
    return unicodedata.normalize("NFC", value).replace("\r\n", "\n").strip()


def has_control_chars(value: str) -> bool:
    return bool(_CONTROL.search(value))


# Latin letters that Unicode does not decompose into a base letter and a mark, so removing
# marks leaves them as they are: without this, "Yıldız" (Turkish dotless i) never met
# "YILDIZ" typed on another keyboard, nor "Đặng" (Vietnamese) "Dang". Keys are casefolded.
_UNDECOMPOSED = str.maketrans({
    "ı": "i", "đ": "d", "ð": "d", "ø": "o", "ł": "l", "ħ": "h", "ŧ": "t", "ƀ": "b",
    "ɨ": "i", "ə": "e", "ƒ": "f", "ĸ": "k", "æ": "ae", "œ": "oe", "þ": "th", "ŋ": "ng",
    "ß": "ss",
})


def fold(value: str) -> str:
    """Accent- and case-insensitive form: 'Nguyễn-Lê' -> 'nguyen-le', 'Đặng' -> 'dang',
    'Yıldız' -> 'yildiz'. Other scripts pass through (casefolded), so Arabic or Cyrillic
    names stay searchable as typed."""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().translate(_UNDECOMPOSED)).strip()


# Ethiopian and Eritrean records write the first part of a compound name short: G/Medhin for
# Gebremedhin, W/Mariam for Woldemariam (Gebre, Gebra, Gebru and Wolde, Welde, Walda share
# their consonants). H/ and T/ stay as written: Haile or Habte, Tekle or Tesfa.
_ABBREVIATED_PREFIX = re.compile(r"(?<![^\W\d_])([gw])\s*/\s*(?=[^\W\d_])")
_PREFIXES = {"g": "gebre", "w": "wolde"}


def expand_prefixes(folded: str) -> str:
    """A folded name with G/ and W/ written out: 'g/medhin' -> 'gebremedhin'."""
    if "/" not in folded:
        return folded
    return _ABBREVIATED_PREFIX.sub(lambda m: _PREFIXES[m.group(1)], folded)


def digits(value: str | None) -> str:
    """The decimal digits of a value, as ASCII (Arabic-Indic ٣ and full-width ３ are 3);
    digit-like signs that are no decimal digit (², ①) are not digits."""
    return "".join(str(d) for ch in value or "" if (d := unicodedata.decimal(ch, None)) is not None)


def ascii_digits(value: str) -> str:
    """The value with every decimal digit of any script written 0-9 ("١٩٨٠" -> "1980")."""
    if value.isascii():
        return value
    return "".join(str(d) if (d := unicodedata.decimal(ch, None)) is not None else ch
                   for ch in value)


def has_false_digits(value: str) -> bool:
    """A sign Python calls a digit that is no decimal digit: superscripts (²), circled
    digits (①)... int() and \\d refuse them, isdigit() does not."""
    return any(ch.isdigit() and unicodedata.decimal(ch, None) is None for ch in value)


def file_numbers(client_id: str | None, phone: str | None,
                 external_ref: str | None) -> list[str]:
    """A file's numbers as its search text holds them (a phone by its digits)."""
    return [n for n in (client_id, digits(phone), external_ref) if n]


def build_search_text(family_name: str, given_names: str | None, aliases: list[str],
                      client_id: str | None, phone: str | None,
                      external_ref: str | None = None, merged: Sequence[str] = ()) -> str:
    """Every name, alias and number folded; then the names written in another script in
    Latin letters too, so 'Shevchenko' finds 'Шевченко'. `merged`: the numbers of the files
    merged into this one (`file_numbers`), so a client ID or phone of either finds it."""
    parts = [family_name, given_names or "", *aliases, client_id or "", digits(phone),
             external_ref or "", *merged]
    folded = [fold(p) for p in parts if p]
    names = [fold(p) for p in (family_name, given_names or "", *aliases) if p]
    latin = [" ".join(w for w in map(to_latin, n.split()) if w.isascii())
             for n in names if not n.isascii()]
    # A Chinese or Korean name is also found as its family and given names read apart
    # ("Xiaoming" finds 王小明, "Zeng" 曾, "Kim" 김).
    east = [reading for n in names if not n.isascii() for w in n.split()
            if (reading := _east_asian_reading(w)) and reading != to_latin(w)]
    written_out = [x for n in names if (x := expand_prefixes(n)) != n]  # G/Medhin
    return " | ".join(folded + [t for t in latin + east + written_out if t]
                      + _consonant_words(names))


def _east_asian_reading(word: str) -> str:
    read = east_asian_name(word)
    return " ".join(filter(None, read)) if read else ""


# The Arabic script writes no short vowels: أحمد reads "ahmd", which no spelling typed in
# Latin letters holds. Its words are kept as consonant skeletons too, after a mark no typed
# term holds ("~ahmd"), and a term typed in Latin letters is also searched that way
# (`participant_search`), so "Ahmed" and "Mohammed" find أحمد and محمد.
CONSONANT_MARK = "~"


def _consonant_words(names: list[str]) -> list[str]:
    words = {CONSONANT_MARK + sk for n in names for raw in n.split()
             if any(map(is_arabic, raw)) for w in to_latin(raw).split()
             if len(sk := consonant_form(w)) >= 3}
    return [" ".join(sorted(words))] if words else []


def consonant_form(word: str) -> str:
    """A word of Latin letters as its consonant skeleton, whatever its length ("" for any
    other word)."""
    return consonants(word) if word.isascii() and word.isalpha() else ""
