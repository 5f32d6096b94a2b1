"""Names written in other scripts, in Latin letters, for search and the duplicate matcher:
'Шевченко' meets 'Shevchenko', 'محمد' meets 'Mohammed', 'Γιώργος' meets 'Giorgos'.

Scripts that write their vowels (Cyrillic, Greek, Armenian, Georgian, Ge'ez, the Indic
scripts, Hangul; Chinese by its pinyin) go through anyascii. The Arabic script (Arabic,
Persian, Urdu, Pashto) leaves short vowels unwritten, and anyascii renders its long vowels
and glottal letters as Latin spellings of names never do ("'hmd" for Ahmed), so it has a
table of its own, made for the consonant skeletons of `name_keys`: an alef or ain is a
vowel, waw and yeh are consonants only at the start of a word or after an alef, and an 'a'
goes before an h that follows a consonant (the skeleton keeps an h only after a vowel, as
in 'Mohammed'). The article al- is a word of its own, as in 'Al-Hassan'.

Input is a folded word (`text.fold`: case and marks removed); the output is lower-case
ASCII letters and spaces, or the word unchanged when nothing in it can be read."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from anyascii import anyascii

_ARABIC: dict[str, str] = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i",
    "ع": "a", "ى": "a", "ة": "a", "ۃ": "a",
    "ب": "b", "پ": "p", "ت": "t", "ٹ": "t", "ث": "s", "ج": "j", "چ": "ch", "ح": "h",
    "خ": "kh", "د": "d", "ڈ": "d", "ذ": "z", "ر": "r", "ڑ": "r", "ز": "z", "ژ": "zh",
    "س": "s", "ش": "sh", "ص": "s", "ض": "z", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ک": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n", "ں": "n",
    "ه": "h", "ہ": "h", "ھ": "h", "ۀ": "h", "ے": "e", "ـ": "",
}
_WAW = "و"
_YEH = frozenset("يیۍېی")
_ALEFS = frozenset("اأإآٱ")
_VOWELS = frozenset("aeiou")


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"


def _arabic(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        return "al " + _arabic(word[2:])
    out: list[str] = []
    prev = ""
    for i, ch in enumerate(word):
        start = i == 0 or prev in _ALEFS
        if ch == _WAW:
            piece = "w" if start else "u"
        elif ch in _YEH:
            piece = "y" if start else "i"
        else:
            piece = _ARABIC.get(ch, "")
        if piece == "h" and out and out[-1][-1] not in _VOWELS:
            piece = "ah"
        if piece:
            out.append(piece)
        prev = ch
    return "".join(out)


# Letters only Ukrainian has among the Cyrillic alphabets: with one of them, г is an h
# (Serhiy, Olha, Yevhen), as in Ukraine's own transliteration, not Russian's g.
_UKRAINIAN = frozenset("іїєґ")
_MARKS = frozenset("'`\"")  # soft and hard signs, hamza, ain as anyascii writes them


def _is_indic(ch: str) -> bool:
    return "\u0900" <= ch <= "\u0dff"


@lru_cache(maxsize=1 << 14)
def to_latin(word: str) -> str:
    """A folded word in lower-case Latin letters (see the module's doc)."""
    if word.isascii():
        return word
    if any(_is_arabic(ch) for ch in word):
        text = "".join(_arabic(run) if _is_arabic(run[0]) else _other(run)
                       for run in _script_runs(word))
    else:
        text = _other(word)
    letters = "".join("" if ch in _MARKS else ch if ch.isalpha() else " "
                      for ch in text.lower())
    latin = " ".join(letters.split())
    return latin if latin else word


def _other(word: str) -> str:
    if not _UKRAINIAN.isdisjoint(word):
        word = word.replace("г", "h")
    # Letters and their marks only: anyascii also spells out symbols ("grinning").
    text = anyascii("".join(ch if unicodedata.category(ch)[0] in "LM" else " "
                            for ch in word)).lower()
    if any(_is_indic(ch) for ch in word):
        # The nasal sign before k or g is the n of Singh, not an m.
        text = text.replace("mg", "ng").replace("mk", "nk")
    return text


def _script_runs(word: str) -> list[str]:
    """The word cut where it passes into or out of the Arabic script."""
    runs: list[str] = []
    for ch in word:
        if runs and _is_arabic(ch) == _is_arabic(runs[-1][-1]):
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs
