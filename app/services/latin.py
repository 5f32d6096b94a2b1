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


def is_arabic(ch: str) -> bool:
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
    if any(is_arabic(ch) for ch in word):
        text = "".join(_arabic(run) if is_arabic(run[0]) else _other(run)
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
        if runs and is_arabic(ch) == is_arabic(runs[-1][-1]):
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs


# A Chinese or Korean name is written family name first, with no space, on the person's own
# documents: read as one word ("wangxiaoming"), it met neither "Wang Xiaoming" nor a file
# where the two were entered apart. The family name is the first character, or two for the
# compound names below; the rest is the given name, in one word as pinyin writes it.
_COMPOUND_FAMILY = frozenset({
    "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "夏侯", "皇甫",
    "尉迟", "尉遲", "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "令狐", "端木",
    "万俟", "萬俟", "轩辕", "軒轅", "澹台", "澹臺", "濮阳", "濮陽", "淳于", "单于", "單于",
    "闻人", "聞人", "呼延", "申屠", "独孤", "獨孤", "南宫", "南宮", "西门", "西門", "司空",
    "남궁", "황보", "제갈", "선우", "독고", "사공", "서문",
})
# Family names read otherwise than the character's common reading (曾 is Zeng as a name,
# not Ceng), and Korean family names as passports spell them (Kim, Lee, Park; a
# romanisation gives Gim, I, Bag).
_FAMILY_READING = {
    "曾": "zeng", "单": "shan", "單": "shan", "解": "xie", "区": "ou", "區": "ou", "仇": "qiu",
    "朴": "piao", "查": "zha", "盖": "ge", "蓋": "ge", "覃": "qin", "乐": "yue", "樂": "yue",
    "缪": "miao", "繆": "miao", "秘": "bi", "翟": "zhai", "员": "yun", "員": "yun",
    "尉迟": "yuchi", "尉遲": "yuchi", "万俟": "moqi", "萬俟": "moqi", "单于": "chanyu",
    "單于": "chanyu",
    "김": "kim", "이": "lee", "박": "park", "최": "choi", "정": "jung", "강": "kang", "조": "cho",
    "윤": "yoon", "장": "jang", "임": "lim", "한": "han", "오": "oh", "서": "seo", "신": "shin",
    "권": "kwon", "황": "hwang", "안": "ahn", "송": "song", "류": "ryu", "유": "yoo",
    "전": "jeon", "홍": "hong", "고": "ko", "문": "moon", "양": "yang", "손": "son", "배": "bae",
    "백": "baek", "허": "heo", "노": "noh", "남": "nam", "심": "shim", "곽": "kwak",
    "성": "sung", "차": "cha", "구": "koo", "우": "woo", "주": "joo", "민": "min", "진": "jin",
}


def _is_han(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
            or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f")


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def east_asian_name(word: str) -> tuple[str, str] | None:
    """A word written wholly in Chinese characters or Korean syllables as (family name,
    given name) in lower-case Latin letters, the given name "" when the word is only a
    family name: '王小明' -> ('wang', 'xiaoming'), '曾' -> ('zeng', ''), '김민수' -> ('kim',
    'minsu'). None for any other word."""
    word = unicodedata.normalize("NFC", word)  # folding took Hangul syllables apart
    if not word or not (all(map(_is_han, word)) or all(map(_is_hangul, word))):
        return None
    cut = 2 if word[:2] in _COMPOUND_FAMILY else 1
    family, given = word[:cut], word[cut:]
    reading = _FAMILY_READING.get(family) or "".join(_syllables(family))
    return reading, "".join(_syllables(given))


def _syllables(text: str) -> list[str]:
    return [anyascii(ch).lower() for ch in text]
