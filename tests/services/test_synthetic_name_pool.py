"""The benchmark's synthetic name pool: large, seeded, and skewed like real names."""

from __future__ import annotations

import random
from collections import Counter

from app.services.synthetic_duplicates import carry_citizenship, new_person
from app.services.synthetic_name_pool import draw_name, pool_sizes
from app.services.synthetic_names import FAMILY_NAMES, GIVEN_NAMES, SEED_FAMILY_NAMES


def _names(seed: int, n: int) -> list[tuple[str, str | None]]:
    rng = random.Random(seed)
    return [(x.family_name, x.given_names) for x in (draw_name(rng) for _ in range(n))]


def test_pool_is_large_and_seeded() -> None:
    sizes = pool_sizes()
    assert sizes["family_names"] >= 2_000 and sizes["given_names"] >= 1_500
    assert _names(3, 500) == _names(3, 500)
    assert _names(3, 500) != _names(4, 500)


def test_frequencies_are_skewed_like_real_names() -> None:
    """A few names recur often (Nguyen, García), most are rare, and most full names are
    held by few people even in a large caseload."""
    names = _names(7, 20_000)
    family = Counter(f for f, _ in names)
    top = [f for f, _ in family.most_common(10)]
    assert "Nguyen" in top and "García" in top
    assert family.most_common(1)[0][1] > 100 * sorted(family.values())[len(family) // 2]
    full = Counter(names)
    assert sum(1 for n in names if full[n] <= 5) > len(names) / 2
    assert any(g is None for _, g in names)  # some people have one name only
    assert any(" " in f or "-" in f for f, _ in names)  # and two family names


def test_new_person_uses_the_pool_and_the_seed_tuples_stay() -> None:
    rng = random.Random(1)
    families = {new_person(rng)["family_name"] for _ in range(300)}
    assert len(families - set(FAMILY_NAMES)) > 100
    assert "Nguyễn" in FAMILY_NAMES and "Amina" in GIVEN_NAMES
    assert all(len(n.encode()) >= 6 for n in SEED_FAMILY_NAMES)


def test_reentries_carry_the_country_of_citizenship_as_other_intakes_write_it() -> None:
    """The benchmark's re-entries: the file's country mostly, sometimes none, rarely another
    of the region (Ethiopia and Eritrea share names); nothing else of the query changes."""
    rng = random.Random(11)
    query = {"family_name": "Haile", "date_of_birth": "1990"}
    kinds: Counter[str] = Counter()
    others: set[str] = set()
    for _ in range(4_000):
        out = carry_citizenship(query, "ET", rng)
        assert {k: v for k, v in out.items() if k != "citizenship"} == query
        said = out.get("citizenship")
        kinds["same" if said == "ET" else "none" if said is None else "other"] += 1
        if said not in (None, "ET"):
            others.add(said)
    assert 0.77 < kinds["same"] / 4_000 < 0.83
    assert 0.12 < kinds["none"] / 4_000 < 0.18
    assert 0.03 < kinds["other"] / 4_000 < 0.07 and others == {"ER"}
    # A region of one country: another country of the pool.
    assert any(carry_citizenship(query, "HT", rng).get("citizenship") not in (None, "HT")
               for _ in range(500))
    assert carry_citizenship(query, None, rng) == query
