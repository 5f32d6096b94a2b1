"""Synthetic re-entries of a person, as they reach intake again or come from an old
spreadsheet: typos, dropped and swapped names, other spellings, initials, digit errors in
dates and IDs, missing fields. With ground truth (which corruptions were applied), for the
matcher's tests and its quality benchmark. Every value is synthetic."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from typing import Any

from app.services.synthetic_name_pool import draw_name
from app.services.synthetic_name_tables import REGIONS

# Spellings of one name seen on documents from different countries and clerks.
TRANSLITERATIONS: tuple[tuple[str, ...], ...] = (
    ("Mohammed", "Muhammad", "Mohamad", "Mohamed", "Mohammad"),
    ("Yusuf", "Youssef", "Yousef", "Yusef"), ("Nguyen", "Nguyễn", "Nguyen"),
    ("Ahmed", "Ahmad"), ("Hosseini", "Husseini"), ("Fatima", "Fatma"),
    ("Mariam", "Maryam"), ("Olena", "Elena"), ("Hassan", "Hasan"), ("Tran", "Trần"),
    ("Abdullahi", "Abdulahi"), ("Ibrahim", "Ebrahim"), ("Omar", "Umar"),
    ("Aisha", "Aysha", "Aicha"), ("Khadija", "Khadidja"), ("Shevchenko", "Chevtchenko"),
    ("Ivanenko", "Iwanenko"), ("Dmytro", "Dmitro"), ("Andriy", "Andrii"),
    ("Garcia", "García"), ("Yılmaz", "Yilmaz"), ("Kovačević", "Kovacevic"),
    # Common names of the large pool (`synthetic_name_pool`), so respellings stay as frequent.
    ("Hussein", "Husein", "Hussain", "Husain"), ("Mahmoud", "Mahmud", "Mahmood"),
    ("Mustafa", "Mostafa", "Moustafa"), ("Khaled", "Khalid"), ("Zainab", "Zeinab"),
    ("Abdirahman", "Abdurahman", "Cabdirahman"), ("Osman", "Othman", "Usman"),
    ("Tesfaye", "Tesfaie"), ("Yohannes", "Johannes", "Yohanes"), ("Chowdhury", "Choudhury"),
    ("Hossain", "Hosain", "Hosen"), ("Mohammadi", "Muhammadi"), ("Rezaei", "Rezaie"),
    ("Serhiy", "Sergiy", "Serhii"), ("Oleksandr", "Olexandr", "Aleksandr"),
    ("Tetiana", "Tatiana", "Tetyana"), ("Iryna", "Irina"), ("Yulia", "Iuliia", "Yuliya"),
    ("Mykola", "Mikola"), ("Abdullah", "Abdallah"),
    ("Huynh", "Huỳnh"), ("Pham", "Phạm"), ("Le", "Lê"), ("Hoang", "Hoàng"),
    ("Haile", "Hayle"), ("Gebremedhin", "Gebremedin", "Ghebremedhin"),
)
_SPELLINGS = {unicodedata.normalize("NFC", n).casefold(): group
              for group in TRANSLITERATIONS for n in group}
_KEYBOARD = "qwertyuiopasdfghjklzxcvbnm"


def _typo(word: str, rng: random.Random) -> str:
    """One slip of the keyboard: a letter swapped with its neighbour, dropped, doubled or
    replaced."""
    if len(word) < 4:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(_KEYBOARD) + word[i + 1:]


def _typo_in(name: str, rng: random.Random) -> str:
    words = name.split(" ")
    k = max(range(len(words)), key=lambda j: len(words[j]))
    words[k] = _typo(words[k], rng)
    return " ".join(words)


def _strip_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _respell(name: str, rng: random.Random) -> str | None:
    words = name.split(" ")
    for k, word in enumerate(words):
        group = _SPELLINGS.get(unicodedata.normalize("NFC", word).casefold())
        if group:
            others = [g for g in group if g.casefold() != word.casefold()]
            if others:
                words[k] = rng.choice(others)
                return " ".join(words)
    return None


def _digit_error(value: str, rng: random.Random, positions: list[int]) -> str:
    i = rng.choice(positions)
    return value[:i] + rng.choice([d for d in "0123456789" if d != value[i]]) + value[i + 1:]


Corruption = Callable[[dict[str, Any], random.Random], bool]


def _c_typo_family(p: dict[str, Any], rng: random.Random) -> bool:
    p["family_name"] = _typo_in(p["family_name"], rng)
    return True


def _c_typo_given(p: dict[str, Any], rng: random.Random) -> bool:
    if not p.get("given_names"):
        return False
    p["given_names"] = _typo_in(p["given_names"], rng)
    return True


def _c_drop_given(p: dict[str, Any], rng: random.Random) -> bool:
    words = (p.get("given_names") or "").split()
    if len(words) < 2:
        return False  # dropping someone's only given name leaves a different name shape
    p["given_names"] = words[0]
    return True


def _c_swap_names(p: dict[str, Any], rng: random.Random) -> bool:
    if not p.get("given_names"):
        return False
    p["family_name"], p["given_names"] = p["given_names"], p["family_name"]
    return True


def _c_transliterate(p: dict[str, Any], rng: random.Random) -> bool:
    for field in ("family_name", "given_names"):
        new = _respell(p.get(field) or "", rng)
        if new:
            p[field] = new
            return True
    return False


def _c_initials(p: dict[str, Any], rng: random.Random) -> bool:
    if not p.get("given_names"):
        return False
    p["given_names"] = " ".join(f"{w[0]}." for w in p["given_names"].split())
    return True


def _c_accents(p: dict[str, Any], rng: random.Random) -> bool:
    old = (p["family_name"], p.get("given_names"))
    p["family_name"] = _strip_accents(p["family_name"]).upper()
    p["given_names"] = _strip_accents(p["given_names"]) if p.get("given_names") else None
    return old != (p["family_name"], p.get("given_names"))


def _c_compound(p: dict[str, Any], rng: random.Random) -> bool:
    family = p["family_name"]
    for sep in ("-", " "):
        if sep in family:
            parts = family.split(sep)
            p["family_name"] = "".join(parts) if rng.random() < 0.3 else rng.choice(parts)
            return True
    return False


def _c_dob_digit(p: dict[str, Any], rng: random.Random) -> bool:
    dob = p.get("date_of_birth")
    if not dob or len(dob) != 10:
        return False
    p["date_of_birth"] = _digit_error(dob, rng, [2, 3, 6, 9])
    return True


def _c_dob_swap(p: dict[str, Any], rng: random.Random) -> bool:
    dob = p.get("date_of_birth")
    if not dob or len(dob) != 10 or int(dob[8:10]) > 12 or dob[5:7] == dob[8:10]:
        return False
    p["date_of_birth"] = f"{dob[:4]}-{dob[8:10]}-{dob[5:7]}"
    return True


def _c_dob_year_only(p: dict[str, Any], rng: random.Random) -> bool:
    dob = p.get("date_of_birth")
    if not dob or len(dob) == 4:
        return False
    p["date_of_birth"] = dob[:4]
    return True


def _c_drop(field: str) -> Corruption:
    def drop(p: dict[str, Any], rng: random.Random) -> bool:
        if not p.get(field):
            return False
        p[field] = None
        return True
    return drop


def _c_client_id_digit(p: dict[str, Any], rng: random.Random) -> bool:
    cid = p.get("client_id")
    if not cid:
        return False
    p["client_id"] = _digit_error(cid, rng, list(range(len(cid))))
    return True


def _c_phone_format(p: dict[str, Any], rng: random.Random) -> bool:
    digits = "".join(ch for ch in p.get("phone") or "" if ch.isdigit())
    if len(digits) < 10:
        return False
    d = digits[-10:]
    p["phone"] = rng.choice([f"({d[:3]}) {d[3:6]}-{d[6:]}", d, f"1-{d[:3]}-{d[3:6]}-{d[6:]}"])
    return True


CORRUPTIONS: dict[str, Corruption] = {
    "typo_family": _c_typo_family, "typo_given": _c_typo_given,
    "drop_given": _c_drop_given, "swap_names": _c_swap_names,
    "transliterate": _c_transliterate, "initials": _c_initials, "accents": _c_accents,
    "compound": _c_compound, "dob_digit": _c_dob_digit, "dob_swap": _c_dob_swap,
    "dob_year_only": _c_dob_year_only, "drop_dob": _c_drop("date_of_birth"),
    "drop_client_id": _c_drop("client_id"), "client_id_digit": _c_client_id_digit,
    "drop_phone": _c_drop("phone"), "phone_format": _c_phone_format,
}
# One corruption per field at most, so each one applied is visible in the result.
_FIELD_OF = {"dob_digit": "dob", "dob_swap": "dob", "dob_year_only": "dob", "drop_dob": "dob",
             "drop_client_id": "cid", "client_id_digit": "cid", "drop_phone": "phone",
             "phone_format": "phone"}
QUERY_FIELDS = ("family_name", "given_names", "date_of_birth", "client_id", "external_ref",
                "phone", "aliases")


def corrupt(profile: dict[str, Any], rng: random.Random,
            count: int | None = None) -> tuple[dict[str, Any], list[str]]:
    """A re-entry of `profile` with `count` (default 1 to 3) corruptions that apply to it;
    returns it and the names of the corruptions applied."""
    data = {k: profile.get(k) for k in QUERY_FIELDS if profile.get(k) is not None}
    wanted = count if count is not None else rng.choice((1, 2, 2, 3))
    applied: list[str] = []
    names = list(CORRUPTIONS)
    rng.shuffle(names)
    touched: set[str] = set()
    for name in names:
        if len(applied) >= wanted:
            break
        field = _FIELD_OF.get(name, name)
        if field not in touched and CORRUPTIONS[name](data, rng):
            applied.append(name)
            touched.add(field)
    return {k: v for k, v in data.items() if v is not None}, applied


def carry_citizenship(query: dict[str, Any], citizenship: str | None,
                      rng: random.Random) -> dict[str, Any]:
    """The re-entry `query` with a country of citizenship as another intake writes it: the
    file's 80 % of the time, another country of its region 5 % (dual citizenship, a slip;
    any other country of the pool where the region has one), none 15 % (an export without
    it). Drawn with its own `rng`, so adding it moves no other field of the queries."""
    draw = rng.random()
    if citizenship is None or draw >= 0.85:
        return query
    if draw < 0.80:
        return {**query, "citizenship": citizenship}
    region = next((r.countries for r in REGIONS.values() if citizenship in r.countries), ())
    others = [c for c in region if c != citizenship] or sorted(
        {c for r in REGIONS.values() for c in r.countries} - {citizenship})
    return {**query, "citizenship": rng.choice(others)}


def new_person(rng: random.Random) -> dict[str, Any]:
    """Someone who is not in any store: a name from the same pool and frequencies as the
    benchmark stores' people, a date of birth, a phone outside the seeded ranges and no
    client ID yet (as at a first intake)."""
    name = draw_name(rng)
    year = rng.randint(1950, 2006)
    dob = (f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
           if rng.random() < 0.85 else str(year))
    person: dict[str, Any] = {"family_name": name.family_name,
                              "given_names": name.given_names, "date_of_birth": dob,
                              "citizenship": name.citizenship}
    if rng.random() < 0.8:
        person["phone"] = (f"+1 {rng.choice(['236', '647', '438', '587'])} "
                           f"{rng.randrange(200, 999)} {rng.randrange(10_000):04d}")
    return person
