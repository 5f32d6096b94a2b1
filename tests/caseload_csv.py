"""Synthetic caseload files in an old system's layout, for import tests and trying it out.

    python -m tests.caseload_csv --rows 10000 --out people.csv --mapping-out mapping.json \
        --corrupted-out copies.csv --corrupted 500 --seed 7

`people.csv` has headers unlike our field keys ("Surname", "First names", "DOB" as
dd/mm/yyyy, "Client no", "Old ID" as the old system's reference...); `mapping.json` maps them.
`copies.csv` (same layout, "Old ID" left empty) holds corrupted copies of some people (a typo in the
name, names swapped, a digit of the date of birth changed, the given name dropped), the
kind of duplicates an old system accumulates; its "Copy of" column names the original's
Old ID so a test can check what the matcher finds. Every name is synthetic
(app/services/synthetic_names); the same seed gives the same files.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path
from typing import Any

from app.services.synthetic_names import COUNTRIES, FAMILY_NAMES, GIVEN_NAMES, SCRIPT_ALIASES

HEADERS = ("Old ID", "Surname", "First names", "Other names", "DOB", "Sex", "Country",
           "Client no", "Phone", "Email", "Address", "City", "Prov", "Postal code",
           "Referred", "File status")
COPY_HEADERS = (*HEADERS, "Copy of")
MAPPING: dict[str, Any] = {
    "external_ref": "Old ID", "family_name": "Surname", "given_names": "First names",
    "aliases": "Other names", "date_of_birth": {"column": "DOB", "format": "%d/%m/%Y"},
    "sex": "Sex", "citizenship": "Country", "client_id": "Client no", "phone": "Phone",
    "email": "Email", "address_line": "Address", "city": "City", "province": "Prov",
    "postal_code": "Postal code",
    "referral_date": {"column": "Referred", "format": "%d/%m/%Y"}, "status": "File status",
}
CITIES = (("Vancouver", "BC", "V5K"), ("Surrey", "BC", "V3T"), ("Toronto", "ON", "M4C"),
          ("Montréal", "QC", "H2X"), ("Calgary", "AB", "T2E"), ("Winnipeg", "MB", "R3B"))


def person(rng: random.Random, n: int) -> dict[str, str]:
    family = rng.choice(FAMILY_NAMES)
    if rng.random() < 0.1:
        family = f"{family}-{rng.choice(FAMILY_NAMES)}"
    given = "" if rng.random() < 0.05 else rng.choice(GIVEN_NAMES)
    if rng.random() < 0.02:  # a name in another script, one name only
        family, given = rng.choice(SCRIPT_ALIASES)[0], ""
    year, month, day = rng.randint(1950, 2006), rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    dob = (f"{year}" if roll < 0.03 else f"{month:02d}/{year}" if roll < 0.06
           else f"{day:02d}/{month:02d}/{year}")
    cid = str(rng.randrange(10**7, 10**8))
    city, prov, fsa = rng.choice(CITIES)
    return {
        "Old ID": f"OLD{n:07d}", "Surname": family, "First names": given,
        "Other names": (f"{rng.choice(FAMILY_NAMES)}, {rng.choice(GIVEN_NAMES)}"
                        if rng.random() < 0.1 else ""),
        "DOB": dob, "Sex": rng.choice(("F", "M", "X")), "Country": rng.choice(COUNTRIES),
        "Client no": (f"{cid[:4]}-{cid[4:]}" if rng.random() < 0.5 else cid)
        if rng.random() < 0.9 else "",
        "Phone": (f"+1 604 555 {rng.randrange(10000):04d}" if rng.random() < 0.3
                  else f"604-555-{rng.randrange(10000):04d}") if rng.random() < 0.8 else "",
        "Email": f"person{n}@example.org" if rng.random() < 0.3 else "",
        "Address": f"{rng.randint(1, 9999)} Example Street" if rng.random() < 0.7 else "",
        "City": city, "Prov": prov,
        "Postal code": f"{fsa} {rng.randint(1, 9)}{rng.choice('ABCEGHJ')}{rng.randint(1, 9)}",
        "Referred": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2025)}",
        "File status": "referred" if rng.random() < 0.5 else "",
    }


def people(rows: int, seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [person(rng, n) for n in range(1, rows + 1)]


def _typo(rng: random.Random, name: str) -> str:
    if len(name) < 4:
        return name + name[-1:]
    i = rng.randrange(1, len(name) - 1)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap":
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    if kind == "drop":
        return name[:i] + name[i + 1:]
    return name[:i] + name[i] + name[i:]


def corrupt(rng: random.Random, original: dict[str, str]) -> dict[str, str]:
    """A copy with one or two old-system mistakes and usually without the identifiers."""
    copy = {**original, "Old ID": "", "Copy of": original["Old ID"]}
    mistakes = rng.sample(("typo", "swap", "dob", "drop_given"), rng.choice((1, 1, 2)))
    for mistake in mistakes:
        if mistake == "typo":
            copy["Surname"] = _typo(rng, copy["Surname"])
        elif mistake == "swap" and copy["First names"]:
            copy["Surname"], copy["First names"] = copy["First names"], copy["Surname"]
        elif mistake == "dob" and len(copy["DOB"]) == 10:
            i = rng.choice((0, 1, 3, 4, 8, 9))
            digit = str((int(copy["DOB"][i]) + rng.randint(1, 8)) % 10)
            candidate = copy["DOB"][:i] + digit + copy["DOB"][i + 1:]
            day, month = int(candidate[:2]), int(candidate[3:5])
            if 1 <= day <= 28 and 1 <= month <= 12:
                copy["DOB"] = candidate
        elif mistake == "drop_given" and " " in copy["First names"]:
            copy["First names"] = copy["First names"].split(" ")[0]
        elif mistake == "drop_given":
            copy["First names"] = ""
    if rng.random() < 0.7:
        copy["Client no"] = ""
    if rng.random() < 0.5:
        copy["Phone"] = ""
    copy["Email"] = ""
    return copy


def corrupted_copies(originals: list[dict[str, str]], count: int,
                     seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed * 7919 + 1)
    chosen = rng.sample(originals, min(count, len(originals)))
    return [corrupt(rng, o) for o in chosen]


def write_csv(path: Path, rows: list[dict[str, str]], headers: tuple[str, ...]) -> None:
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(headers))
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.caseload_csv",
                                     description="synthetic caseload CSV in an old layout")
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--mapping-out", type=Path)
    parser.add_argument("--corrupted-out", type=Path)
    parser.add_argument("--corrupted", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    originals = people(args.rows, args.seed)
    write_csv(args.out, originals, HEADERS)
    if args.mapping_out:
        args.mapping_out.write_text(json.dumps(MAPPING, indent=2) + "\n", encoding="utf-8")
    if args.corrupted_out:
        copies = corrupted_copies(originals, args.corrupted, args.seed)
        write_csv(args.corrupted_out, copies, COPY_HEADERS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
