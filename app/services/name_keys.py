"""Name tokens and the blocking keys the duplicate matcher looks up.

Keys are made of consonant skeletons (`consonants.skeleton`), which the transliterations
of one name share: Mohammed, Muhammad, Mohamad and Mohamed are all "mhmd". They are
device-local derived data (never synced):

- "f:<skeletons of every token, sorted>" for each name of a person (their name and each
  alias): the namesake block, and the count of namesakes that weighs a name match; a name in
  Somali orthography also has the key of its reading (`read_key`: Maxamed is Mohamed);
- "t<birth year>:<skeleton>" for each name token (and a compound family name run together),
  with "----" for no known year: a typo in one name still leaves another token's block.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from app.models.base import table_of
from app.models.name_key import ParticipantNameKey
from app.services.consonants import skeleton
from app.services.latin import east_asian_name, to_latin
from app.services.name_forms import other_forms
from app.services.text import expand_prefixes, fold

NO_YEAR = "----"
KEY_LENGTH = 80
Name = tuple[str | None, str | None]  # (family_name, given_names)


def tokens(text: str | None) -> list[str]:
    """Folded name words in Latin letters: any run of letters ('O'Brien' -> ['o',
    'brien']), a word of another script as `latin.to_latin` reads it ('Шевченко' ->
    ['shevchenko'], 'الحسن' -> ['al', 'hsn']), so one name meets itself across scripts;
    G/ and W/ written out ('G/Medhin' -> ['gebremedhin'], `text.expand_prefixes`)."""
    out: list[str] = []
    word: list[str] = []
    for ch in expand_prefixes(fold(text or "")) + " ":
        if ch.isalpha() or (word and unicodedata.category(ch)[0] == "M"):
            word.append(ch)
        elif word:
            out.extend(to_latin("".join(word)).split())
            word = []
    return out


def name_parts(name: Name) -> tuple[list[str], list[str]]:
    """The words of a name's family and given names. A family name written in Chinese
    characters or Korean syllables is read as such a name (`latin.east_asian_name`): the
    family name its first syllable (曾 is Zeng, 김 Kim), and when the given names are empty,
    the rest of the word is the given name (王小明 is Wang Xiaoming)."""
    family, given = tokens(name[0]), tokens(name[1])
    words = fold(name[0] or "").split()
    east = east_asian_name(words[0]) if len(words) == 1 else None
    if east is not None:
        surname, rest = east
        if not given and rest:
            family, given = [surname], [rest]
        else:
            family = [surname + rest]
    return family, given


def name_tokens(name: Name) -> list[str]:
    family, given = name_parts(name)
    return family + given


def full_key(name: Name) -> str:
    """Skeletons of every word of a name (initials left out), sorted: order-free."""
    return words_key(name_tokens(name))


def words_key(words: Sequence[str]) -> str:
    """The full-name key of a name's words (`full_key`)."""
    return " ".join(sorted(skeleton(t) for t in words if len(t) > 1))


# Somali orthography writes ħ as x (Xasan, Maxamed), the ain as c (Cali, Cabdi, Jaamac) and
# long vowels twice (Faarax, Ismaaciil), where English and Arabic spellings write Hassan,
# Mohamed, Ali, Abdi, Jama, Farah, Ismail. Read so only in a name that shows the
# orthography: otherwise Celia would meet Elia and Xu meet Hu.
_SOMALI_LONG = ("aa", "ii", "uu")
_NOT_SOMALI_C = ("ch", "ck", "cc", "sc")


def looks_somali(words: Sequence[str]) -> bool:
    """A Somali x in a word of four letters or more (`_somali_x`), a long vowel written
    twice, or a word ending in ac (Jaamac; not the c of Ngoc, Quoc or Kılıç)."""
    return any(
        (len(w) >= 4 and _somali_x(w))
        or (len(w) >= 5 and any(v in w for v in _SOMALI_LONG))
        or (w.endswith("ac") and len(w) > 3)
        for w in words)


# Pinyin's x (Xiao, Xuan, Xue, Xun), and the x after e, i or o of Latin names (Alexander,
# Felix, Roxana; Haitian Exantus, Exilus), are not Somali's.
_PINYIN_X = ("i", "ua", "ue", "un")


def _somali_x(word: str) -> bool:
    """An x at the start of the word or after a or u (Xasan, Xuseen, Maxamed, Faarax)."""
    return any(ch == "x" and (i == 0 or word[i - 1] in "au")
               and not word.startswith(_PINYIN_X, i + 1) for i, ch in enumerate(word))


def somali_reading(token: str) -> str:
    """A folded word with an x or a c as other spellings write it: x as h, c dropped (but
    not in ch, ck, cc, sc, which Somali never writes), a long vowel once. Any other word
    as it is (a vowel typed twice alone is a slip, as the matcher already takes it)."""
    if "x" not in token and "c" not in token:
        return token
    reading = token.replace("x", "h")
    if not any(pair in token for pair in _NOT_SOMALI_C):
        reading = reading.replace("c", "")
    for vowel in "aiu":
        reading = reading.replace(vowel * 2, vowel)
    return reading if len(reading) > 1 else token


def somali_readings(words: Sequence[str]) -> tuple[str, ...]:
    """Each word's Somali reading for a name that shows the orthography; else ()."""
    return tuple(somali_reading(w) for w in words) if looks_somali(words) else ()


def reading_keys(name: Name) -> set[str]:
    """The skeletons of a name's words read as Somali orthography where that differs:
    kept and looked up beside the name's own keys, so a file written either way is found
    by the other."""
    words = name_tokens(name)
    return {skeleton(r) for w, r in zip(words, somali_readings(words), strict=False)
            if r != w and len(r) > 1}


def read_key(name: Name) -> str:
    """The full-name key of a name in Somali orthography as other spellings write it (""
    for any other name): the key its namesakes are counted under, whichever way they were
    written."""
    return words_key(somali_readings(name_tokens(name)))


def form_keys(name: Name) -> set[str]:
    """The skeletons of the other forms of a name's words (`name_forms.other_forms`: Yi for
    Lee, Francisco for Paco, Oluwaseun for Seun): looked up, never kept, since a pair of
    forms is found from either side."""
    return {skeleton(f) for w in name_tokens(name) for f in other_forms(w) if len(f) > 1}


def token_keys(name: Name) -> set[str]:
    family, given = name_parts(name)
    keys = {skeleton(t) for t in family + given if len(t) > 1}
    if len(family) > 1:  # De la Cruz ~ Delacruz, Martínez-López ~ MartinezLopez
        keys.add(skeleton("".join(family)))
    return keys


def birth_year(dob: str | None) -> str:
    return dob[:4] if dob and len(dob) >= 4 and dob[:4].isdigit() else NO_YEAR


def participant_keys(names: Iterable[Name], dob: str | None) -> set[str]:
    year = birth_year(dob)
    keys: set[str] = set()
    for name in names:
        keys.update(f"f:{k}" for k in (full_key(name), read_key(name)) if k)
        keys.update(f"t{year}:{k}" for k in token_keys(name) | reading_keys(name))
    return keys


def key_rows(participant_id: str, names: Sequence[Name],
             dob: str | None) -> list[dict[str, str]]:
    return [{"key": k, "participant_id": participant_id}
            for k in sorted({k[:KEY_LENGTH] for k in participant_keys(names, dob)})]


def write_keys(session: Session, participant_id: str, names: Sequence[Name],
               dob: str | None) -> None:
    """Replace one participant's keys (local derived data: no outbox, no audit). Core
    statements: the ORM's bulk path cost more than the rest of writing a file."""
    table = table_of(ParticipantNameKey)
    session.execute(delete(table).where(table.c.participant_id == participant_id))
    rows = key_rows(participant_id, names, dob)
    if rows:
        session.execute(insert(table), rows)
