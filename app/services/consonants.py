"""The consonant skeleton of a name word, spelling-neutral: Mohammed, Muhammad, Mohamad and
Mohamed are all "mhmd"; Yusuf and Youssef "ysf"; Nguyễn and Nguyen "ngn". The duplicate
matcher's keys (`name_keys`) and the search for names written in the Arabic script, which
writes only consonants (`text.build_search_text`), are made of it."""

from __future__ import annotations

from itertools import pairwise

_VOWELS = frozenset("aeiouy")
# Spellings of one sound, longest first (applied before vowels go).
_DIGRAPHS = (("tch", "x"), ("sch", "x"), ("sh", "x"), ("ch", "x"), ("ph", "f"), ("ck", "k"),
             ("dj", "j"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"))
_LETTERS = str.maketrans({"c": "k", "q": "k", "z": "s", "w": "v"})


def skeleton(token: str) -> str:
    """The consonant skeleton of one folded token; other scripts and short words as typed."""
    if not token.isascii() or len(token) <= 3:
        return token
    return consonants(token)


def consonants(token: str) -> str:
    """The skeleton of a folded word of Latin letters of any length."""
    if not token:
        return token
    s = token
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    s = s.translate(_LETTERS)
    first = "a" if s[0] in _VOWELS else s[0]  # Olena/Elena, Omar/Umar
    out = [first]
    for prev, ch in pairwise(s):
        if ch in _VOWELS or (ch == "h" and prev not in _VOWELS):
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)
