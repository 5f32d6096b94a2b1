"""How alike two records are, field by field, as likelihood ratios (Fellegi-Sunter style).

Each comparison returns `m/u`: how much more often this agreement is seen between two records
of the same person (m) than between two different people (u), with the reason codes it
earns. The matcher multiplies them with the prior odds, so a common name with a near birth
date among thousands of files stays below the threshold while the same evidence in a small
office, or with a phone or an ID, is enough."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz.distance import OSA

from app.services.consonants import skeleton
from app.services.name_forms import same_name_transliterated, short_form
from app.services.name_keys import Name, name_parts, somali_readings, words_key

_VOWELS = frozenset("aeiouy")

# Agreement of one word of a name, by kind (1.0 = same word).
TRANSLITERATION = 0.8  # Mohammed / Muhammad: the same consonant skeleton
TYPO = 0.6  # one or two letters wrong
INITIAL = 0.4  # J. / José
EXTRA_WORD = 0.5  # a dropped middle name or part of a compound family name
OTHER_WORD = 0.03  # a word with nothing in common (another given name)
NO_NAME_M = 0.01  # nothing in the names agrees
PART_NAME_U = 0.02  # share of people who share one word of a name with someone


@dataclass(frozen=True)
class NameForm:
    family: tuple[str, ...]
    given: tuple[str, ...]
    words: tuple[str, ...]
    skeletons: tuple[str, ...]
    # The full-name key its namesakes are counted under: of its reading, for a name in
    # Somali orthography (`name_keys.read_key`), so both spellings count.
    key: str
    readings: tuple[str, ...] = ()  # the words as other spellings write them (Somali)

    @classmethod
    def of(cls, name: Name) -> NameForm:
        return _form(name)


# A caseload scan compares each file's name with a hundred others, most of them again and
# again: folding and skeletons were most of its time. Forms are immutable; the cache is bounded.
@lru_cache(maxsize=1 << 16)
def _form(name: Name) -> NameForm:
    parts = name_parts(name)
    family, given = tuple(parts[0]), tuple(parts[1])
    words = family + given
    readings = somali_readings(words)
    return NameForm(family, given, words, tuple(skeleton(w) for w in words),
                    words_key(readings or words), readings)


@dataclass(frozen=True)
class NameMatch:
    m: float  # probability of this agreement for the same person
    full: bool  # every word of the shorter name agrees (the namesake count applies)
    namesake_key: str  # the full-name key of the file's words that agreed
    reasons: tuple[str, ...]
    # One side's whole name is one word, and the other has it among more ("Santos" /
    # "Santos Luis"): how common that word is among people born the same year tells how
    # much the agreement says (`matching.word_counts`).
    one_word: bool = False


# Words written short in names (Haitian and Québécois St-Fleur, Ste-Marie).
_SHORT_FOR = {"st": "saint", "ste": "sainte", "sta": "santa", "sto": "santo"}
# Given names abbreviated in some countries' records: Ma. for María, Fco. for Francisco,
# Gpe. for Guadalupe (Mexico, Central America); Md., Mohd. for Mohammed (Bangladesh,
# Malaysia). Any spelling of the name agrees (Md. / Muhammad).
_ABBREVIATION = {"ma": "maria", "fco": "francisco", "gpe": "guadalupe", "md": "mohammed",
                 "mohd": "mohammed", "muhd": "mohammed"}
# A c before e, i or y is an s in French, Spanish and English spellings, which other clerks
# write so: Yacine / Yassine, Lahcen / Lahsen, Mouhcine / Mohsine, Patricia / Patrisia. Not
# in the skeleton: keyed so, Louis and Lucía would share "ls", Pérez and Pierce "prs".
_SOFT_C = re.compile("c(?=[eiy])")


def _word(a: str, sa: str, b: str, sb: str) -> tuple[float, str | None]:
    if a == b or _SHORT_FOR.get(a) == b or _SHORT_FOR.get(b) == a:
        return 1.0, None
    if (a in _ABBREVIATION) != (b in _ABBREVIATION):
        long_, other = (_ABBREVIATION[a], b) if a in _ABBREVIATION else (_ABBREVIATION[b], a)
        if long_[0] == other[0] and skeleton(long_) == skeleton(other):
            return TRANSLITERATION, "initials"
    if len(a) == 1 or len(b) == 1:
        return (INITIAL, "initials") if a[0] == b[0] else (0.0, None)
    if same_name_transliterated(a, b):  # Oleksandr / Aleksandr, Lee / Yi, Park / Pak
        return TRANSLITERATION, "transliteration"
    if short_form(a, b):  # Paco / Francisco, Seun / Oluwaseun
        return TRANSLITERATION, "short_form"
    oa, ob = _open_end(a), _open_end(b)
    if (oa, ob) != (a, b) and _same_start(a, b):
        so = skeleton(oa)
        if len(so) >= 3 and so == skeleton(ob):  # Fatemeh / Fatima, Zohreh / Zohra
            return TRANSLITERATION, "transliteration"
    if ("c" in a or "c" in b) and _same_start(a, b) and min(len(a), len(b)) >= 5:
        sc, sd = _SOFT_C.sub("s", a), _SOFT_C.sub("s", b)  # Yacine / Yassine
        if (sc, sd) != (a, b) and OSA.distance(sc, sd, score_cutoff=1) <= 1:
            return TRANSLITERATION, "transliteration"
    # A short skeleton is too coarse alone: José / Jesús are both "js", Singh / Zhang "sng";
    # the words must also start alike (Olena / Elena: both with a vowel).
    if sa == sb and len(sa) >= 2 and (len(sa) >= 4 or (
            (len(sa) == 3 or min(len(a), len(b)) >= 5) and _same_start(a, b))):
        return TRANSLITERATION, "transliteration"
    # Slips: one edit (a neighbour swap counts as one) in a short word, two in a long one.
    # In a three-letter word a changed letter makes another name (Lin, Liu; Bao, Cao):
    # only a letter added or dropped counts as a slip there.
    shortest = min(len(a), len(b))
    if shortest == 2 and _doubled(a, b):  # Wu / Wuu, Lê / Lêê: a key held down
        return TYPO, "similar_name"
    if shortest == 3 and len(a) == len(b):
        return 0.0, None
    if shortest >= 3 and OSA.distance(a, b, score_cutoff=2) <= (1 if shortest < 7 else 2):
        return TYPO, "similar_name"
    return 0.0, None


def _open_end(word: str) -> str:
    """A word without the h some spellings write after a final vowel (Persian Fatemeh,
    Zohreh; Abdallah), which others leave out."""
    if len(word) > 3 and word[-1] == "h" and word[-2] in _VOWELS:
        return word[:-1]
    return word


def _read(q: NameForm, i: int, c: NameForm, j: int) -> tuple[float, str | None]:
    """Word i of q and word j of c compared as read (`NameForm.readings`): one of them in
    Somali orthography (Maxamed / Mohamed, Cali / Ali, Jaamac / Jama) is a respelling."""
    a = q.readings[i] if q.readings else q.words[i]
    b = c.readings[j] if c.readings else c.words[j]
    if a == q.words[i] and b == c.words[j]:
        return 0.0, None
    weight, _ = _word(a, skeleton(a), b, skeleton(b))
    if weight >= TYPO:
        return min(weight, TRANSLITERATION), (
            "transliteration" if weight >= TRANSLITERATION else "similar_name")
    return 0.0, None


def _doubled(a: str, b: str) -> bool:
    """One of the words is the other with one letter typed twice."""
    long_, short = (a, b) if len(a) > len(b) else (b, a)
    return len(long_) == len(short) + 1 and any(
        long_[i] == long_[i - 1] and long_[:i] + long_[i + 1:] == short
        for i in range(1, len(long_)))


def _same_start(a: str, b: str) -> bool:
    return a[0] == b[0] or (a[0] in _VOWELS and b[0] in _VOWELS)


def compare_names(q: NameForm, c: NameForm) -> NameMatch | None:
    """Order, accents and case ignored; transliterations, typos, initials, compound names."""
    found = _compare(q, c)
    for part in ("family", "given"):
        if not _runs_together(q, c, part):
            continue
        # A family name of several words may be written run together at the other intake
        # while something else differs too (Zamado Loranza Juan / ZAMADOLORANZA J.; Al-Salami
        # Tariq / Tariq AlsSalami), and so may given names (Abdel Rahman / Abdulrahman):
        # compared as one word, it can agree with any word.
        joined = _compare(_one_word(q, part), _one_word(c, part))
        if joined is not None and "same_name" in joined.reasons:  # as De la Cruz / Delacruz
            joined = replace(joined, m=min(joined.m, 0.9), reasons=tuple(sorted(
                {*joined.reasons, "similar_name"} - {"same_name"})))
        if joined is not None and (found is None or (joined.full, joined.m) > (found.full,
                                                                             found.m)):
            found = replace(joined, namesake_key=_unjoined(joined.namesake_key, c, part))
    return found


def _runs_together(q: NameForm, c: NameForm, part: str) -> bool:
    """A family name of several words, run together, is a word of the other name as it is
    or respelled (never a slip: "alrashan" is two letters from "alrashadi", yet Al-Rashan and
    Al-Rashadi are other families), of about its length (run together, "Hoang Hai" has the
    skeleton of "Hoang"); given names likewise, where the other name has fewer."""
    for several, other in ((q, c), (c, q)):
        words = getattr(several, part)
        if len(words) > 1 and (part == "family" or len(other.given) < len(words)):
            run = "".join(words)
            ours = _one_word(other, part)
            if any(abs(len(run) - len(w)) <= 1
                   and _word(run, skeleton(run), w, sk)[0] >= TRANSLITERATION
                   for w, sk in zip(ours.words, ours.skeletons, strict=True)):
                return True
    return False


def _one_word(form: NameForm, part: str) -> NameForm:
    """The form with its family (or given) names of several words run together as one."""
    family, given = form.family, form.given
    if part == "family" and len(family) > 1:
        family = ("".join(family),)
        skeletons = (skeleton(family[0]), *form.skeletons[len(form.family):])
    elif part == "given" and len(given) > 1:
        given = ("".join(given),)
        skeletons = (*form.skeletons[:len(family)], skeleton(given[0]))
    else:
        return form
    return NameForm(family, given, family + given, skeletons, form.key)


def _unjoined(agreed: str, c: NameForm, part: str) -> str:
    """The namesake key with the file's family (or given) names as its keys hold them, word
    by word."""
    family = part == "family"
    words_of = c.family if family else c.given
    if len(words_of) < 2:
        return agreed
    words = agreed.split()
    joined = skeleton("".join(words_of))
    if joined not in words:
        return agreed
    words.remove(joined)
    skeletons = c.skeletons[:len(c.family)] if family else c.skeletons[len(c.family):]
    words += [sk for w, sk in zip(words_of, skeletons, strict=True) if len(w) > 1]
    return " ".join(sorted(words))


def _compare(q: NameForm, c: NameForm) -> NameMatch | None:
    if not q.words or not c.words:
        return None
    # Namesakes are counted for the file's words that agreed, never the query's spelling:
    # a typo in a common name must not make it look rare.
    shorter = q if len(q.words) < len(c.words) else c
    if sorted(q.words) == sorted(c.words):
        swapped = q.family != c.family and bool(q.given or c.given)
        return NameMatch(1.0, True, c.key,
                         ("same_name", "names_swapped") if swapped else ("same_name",))
    same_family_run = bool(q.family) and "".join(q.family) == "".join(c.family)
    if "".join(q.words) == "".join(c.words) or (  # De la Cruz / Delacruz
            same_family_run and sorted(q.given) == sorted(c.given)):
        return NameMatch(0.9, True, c.key, ("similar_name",))
    pairs = []
    for i, (a, sa) in enumerate(zip(q.words, q.skeletons, strict=True)):
        for j, (b, sb) in enumerate(zip(c.words, c.skeletons, strict=True)):
            weight, why = _word(a, sa, b, sb)
            if weight < TRANSLITERATION and (q.readings or c.readings):
                weight, why = max((weight, why), _read(q, i, c, j), key=lambda p: p[0])
            if weight:
                pairs.append((weight, i, j, why))
    pairs.sort(key=lambda p: -p[0])
    used_q: set[int] = set()
    used_c: set[int] = set()
    m = 1.0
    reasons: set[str] = set()
    for weight, i, j, why in pairs:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        m *= weight
        if why:
            reasons.add(why)
    matched = len(used_q)
    if not matched:
        return None
    left_q, left_c = len(q.words) - matched, len(c.words) - matched
    other = min(left_q, left_c)
    m *= OTHER_WORD ** other * EXTRA_WORD ** (max(left_q, left_c) - other)
    if max(left_q, left_c):
        reasons.add("partial_name")
    # The namesake count fits only when every word of the shorter name agrees, and that
    # name has two words or more (one word alone, "Abdi", is shared by too many).
    full = (other == 0 and len(shorter.words) >= 2) or len(q.words) == len(c.words) == 1
    if _swapped(q, c):
        reasons.add("names_swapped")
    if not reasons & {"similar_name", "transliteration", "initials", "short_form"}:
        reasons.add("similar_name")
    # Counted as the file's words read (`NameForm.key`), whichever way they were written.
    agreed = " ".join(sorted(skeleton(c.readings[j]) if c.readings else c.skeletons[j]
                             for j in used_c if len(c.words[j]) > 1))
    one_word = not full and other == 0 and len(shorter.words) == 1 and " " not in agreed \
        and bool(agreed)
    return NameMatch(m, full, agreed, tuple(sorted(reasons)), one_word)


def _swapped(q: NameForm, c: NameForm) -> bool:
    """The family name of one is among the given names of the other (by skeleton)."""
    if not (q.family and q.given and c.family and c.given):
        return False
    qf = set(q.skeletons[:len(q.family)])
    cf, cg = set(c.skeletons[:len(c.family)]), set(c.skeletons[len(c.family):])
    return qf.isdisjoint(cf) and not qf.isdisjoint(cg)


# Dates of birth. u comes from ~20,000 possible full dates and ~60 birth years in a caseload;
# m is how often each agreement is seen between a person's two records, measured on the
# labelled re-entries of `synthetic_duplicates` (seed 777, not the benchmark's): where the
# file has a full date, the re-entry gives the same date 58 % of the time, a date a digit
# away 18 %, day and month exchanged 7 % and only the year 17 %. Only a year (or month) on
# both sides: one person's records tend to lack the same things, and the year agrees nine
# times in ten.
DOB_SAME = 0.6 * 20_000
DOB_SAME_YEAR_ONLY = 0.9 * 60
DOB_SAME_MONTH_ONLY = 0.9 * 720
DOB_YEAR_FITS = 0.17 * 60  # one side gives only the year, and it is the same
DOB_MONTH_FITS = 0.17 * 720
DOB_SWAPPED = 0.07 * 20_000  # day and month exchanged
DOB_ONE_OFF = 0.18 * 20_000 / 35  # one of ~35 dates a digit away
DOB_CONFLICT = 0.01  # a wholly different date: rarely the same person


def _one_digit_off(a: str, b: str) -> bool:
    diff: list[int] = []
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x != y:
            if len(diff) == 2:  # a third difference: most pairs of IDs end here, early
                return False
            diff.append(i)
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                              and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])


def compare_dob(a: str | None, b: str | None) -> tuple[float, str | None]:
    if not a or not b:
        return 1.0, None
    if a == b:
        if len(a) == 10:
            return DOB_SAME, "same_dob"
        return (DOB_SAME_MONTH_ONLY if len(a) == 7 else DOB_SAME_YEAR_ONLY), "same_dob"
    short, long_ = sorted((a, b), key=len)
    if len(short) < len(long_) and long_.startswith(short):
        return (DOB_YEAR_FITS if len(short) == 4 else DOB_MONTH_FITS), "same_birth_year"
    if len(a) == len(b) == 10:
        if a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]:
            return DOB_SWAPPED, "similar_dob"
        if _one_digit_off(a, b):
            return DOB_ONE_OFF, "similar_dob"
    return DOB_CONFLICT, None


# Identifiers.
PHONE_SAME = 20_000.0
PHONE_DIFFERENT = 0.5
CLIENT_ID_NEAR = 2_000.0  # one digit wrong or two swapped
CLIENT_ID_DIFFERENT = 0.02
EXTERNAL_REF_DIFFERENT = 0.1

# Country of citizenship, when both files hold one as a code (free text an old system gave
# is no evidence, nor is stateless: another record may name the country of birth). Namesakes
# mostly share a country (a name is common in its region; in Somalia, Haiti, Viet Nam nearly
# all its bearers share one), so the same country adds nothing to agreeing names and is only
# shown as a reason: a ratio of 2, as run 4 had it, raised the false alarms more than the
# recall at 220,000 (run 12, docs/performance.md). Another country is evidence against, but
# one person's records can differ (dual citizenship, a clerk's slip), so it is not decisive.
CITIZENSHIP_DIFFERENT = 0.25


def client_id_variants(cid: str) -> set[str]:
    """Every ID one digit away or with two neighbouring digits swapped."""
    out: set[str] = set()
    for i, ch in enumerate(cid):
        out.update(cid[:i] + d + cid[i + 1:] for d in "0123456789" if d != ch)
        if i + 1 < len(cid) and cid[i + 1] != ch:
            out.add(cid[:i] + cid[i + 1] + ch + cid[i + 2:])
    return out


def near_client_id(a: str, b: str) -> bool:
    return len(a) == len(b) and _one_digit_off(a, b)


def phone_forms(phone_digits: str | None) -> set[str]:
    """A number with and without the leading country code 1."""
    d = phone_digits or ""
    if len(d) == 11 and d.startswith("1"):
        d = d[1:]
    return {d, "1" + d} if len(d) == 10 else ({d} if len(d) >= 7 else set())
