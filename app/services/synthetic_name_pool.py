"""A large synthetic name pool with realistic frequencies, for benchmark stores and the
matcher's synthetic re-entries (`synthetic_duplicates.new_person`).

Names come from per-region morpheme tables (`synthetic_name_tables`): a head of common
names, then stems x endings for a long tail, drawn with a Zipf-like rank frequency so that
"Mohammed" or "Nguyen" recur as in a real caseload while most names are rare. A small pool
drawn uniformly (as `synthetic_names` is) makes every name common, which no real office
sees, and would mislead any weighting by name frequency. Every value is synthetic."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from app.services.synthetic_name_tables import REGIONS, Region

GIVEN_ZIPF = 1.0
ZIPF_OFFSET = 1.5  # flattens the very top a little (a Zipf-Mandelbrot curve)
ONE_NAME_ONLY = 0.02  # people recorded with a family name and no given name
_SEED = 1789  # fixes the order of each tail, hence which generated names are common


@dataclass(frozen=True)
class Ranked:
    names: tuple[str, ...]
    cum_weights: tuple[float, ...]

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.names, cum_weights=self.cum_weights)[0]


def _ranked(head: tuple[str, ...], stems: tuple[str, ...], endings: tuple[str, ...],
            joiner: str, exponent: float, salt: str) -> Ranked:
    seen = set(head)
    tail = sorted({f"{s}{joiner}{e}" for s in stems for e in endings} - seen)
    random.Random(f"{_SEED}:{salt}").shuffle(tail)
    names = tuple(dict.fromkeys(head)) + tuple(tail)
    weights = [1.0 / (rank + ZIPF_OFFSET) ** exponent for rank in range(len(names))]
    return Ranked(names, tuple(accumulate(weights)))


@cache
def given_pool(region: str) -> Ranked:
    r = REGIONS[region]
    return _ranked(r.given_head, r.given_stems, r.given_endings, r.joiner, GIVEN_ZIPF,
                   f"{region}:given")


@cache
def family_pool(region: str) -> Ranked:
    r = REGIONS[region]
    if r.patronymic:  # a father's given name: the same names, the same frequencies
        return given_pool(region)
    return _ranked(r.family_head, r.family_stems, r.family_endings, "", r.family_zipf,
                   f"{region}:family")


_REGION_NAMES = tuple(REGIONS)
_REGION_CUM = tuple(accumulate(REGIONS[r].share for r in _REGION_NAMES))


@dataclass(frozen=True)
class SyntheticName:
    family_name: str
    given_names: str | None
    region: str
    citizenship: str


def _two(pool: Ranked, rng: random.Random, sep: str) -> str:
    first = pool.draw(rng)
    for _ in range(5):  # "García García" happens, but rarely
        second = pool.draw(rng)
        if second != first:
            return f"{first}{sep}{second}"
    return first


def draw_name(rng: random.Random) -> SyntheticName:
    """One person's name: the region by its share of the caseload, then family and given
    names by their frequency there."""
    region = rng.choices(_REGION_NAMES, cum_weights=_REGION_CUM)[0]
    r: Region = REGIONS[region]
    family_pool_ = family_pool(region)
    family = (_two(family_pool_, rng, rng.choice((" ", "-")))
              if rng.random() < r.two_family else family_pool_.draw(rng))
    given: str | None
    if rng.random() < ONE_NAME_ONLY:
        given = None
    elif rng.random() < r.two_given:
        given = _two(given_pool(region), rng, " ")
    else:
        given = given_pool(region).draw(rng)
    return SyntheticName(family, given, region, rng.choice(r.countries))


def pool_sizes() -> dict[str, int]:
    """How many distinct family and given names the pool can produce (for the docs)."""
    family = {n for r in REGIONS for n in family_pool(r).names}
    given = {n for r in REGIONS for n in given_pool(r).names}
    return {"family_names": len(family), "given_names": len(given)}
