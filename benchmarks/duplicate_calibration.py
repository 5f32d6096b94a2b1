"""`python -m benchmarks.duplicate_calibration --participants 5000|220000 [--seed 777]`: the
bars a thin query's candidates must pass to be listed, tried on queries of another seed
than the benchmark's, so that they are chosen on data the benchmark does not score.

Every query's five best files are scored once (`score_candidates`, every candidate), then
each combination of bars is applied to the kept scores: recall at 5 of the re-entries, the
share of new people who see a list, and of new people with no date of birth. The bar of a
name with no date stays the shipped one (it alone decides the no-date alarms), as do the
bars of queries with a phone or an ID and of one name word with a date. Prints one JSON
object: the shipped bars' figures and every combination within 1 % of false alarms, best
recall first. Every value is synthetic."""

from __future__ import annotations

import itertools
import random
import sys
from dataclasses import dataclass
from typing import Any

from app.services import matching
from app.services.context import ServiceContext
from app.services.match_candidates import MatchQuery
from benchmarks.duplicate_quality import draw_queries, run_main
from benchmarks.scale_data import _people

SEED = 777  # never the benchmark's (duplicate_quality.SEED)
DATE_BARS = (0.2, 0.3, 0.4, 0.5)
YEAR_BARS = (0.02, 0.03, 0.05, 0.08, 0.1, 0.15)
FALSE_ALARMS = 0.01  # the benchmark's target


@dataclass(frozen=True)
class Scored:
    """One query's five best files and scores, with what decides its bar."""
    kind: str  # "date": a whole name and a full date; "year": a name and only a year
    truth: str | None  # the re-entry's file; None for a new person
    top: list[tuple[str, float]]
    shipped_bar: float


def _kind(q: MatchQuery, bar: float) -> str:
    if bar == matching.DATE_ONLY_THRESHOLD:
        return "date"
    if bar == matching.NAME_ONLY_THRESHOLD and q.dob:
        return "year"
    return "other"


def _score(ctx: ServiceContext, data: dict[str, Any], truth: str | None) -> Scored:
    q = MatchQuery.of(data)
    with ctx.store.session() as session:
        scored = matching.score_candidates(session, q, None, every=True)
    top = matching.top_of(scored, 5, 0.0)
    bar = matching.threshold_for(q)
    return Scored(_kind(q, bar), truth, [(c.participant_id, c.score) for c in top], bar)


def rates(queries: dict[str, list[Scored]], date_bar: float,
          year_bar: float) -> dict[str, float]:
    def bar(s: Scored) -> float:
        return {"date": date_bar, "year": year_bar}.get(s.kind, s.shipped_bar)

    def listed(s: Scored) -> bool:
        return bool(s.top) and s.top[0][1] >= bar(s)

    found = sum(any(pid == s.truth and score >= bar(s) for pid, score in s.top)
                for s in queries["reentries"])
    return {"recall_at_5": round(found / len(queries["reentries"]), 4),
            "false_alarms": round(sum(map(listed, queries["new"])) / len(queries["new"]), 4),
            "false_alarms_no_dob": round(sum(map(listed, queries["new_no_dob"]))
                                         / len(queries["new_no_dob"]), 4)}


def figures(ctx: ServiceContext, people: list[dict[str, Any]], seed: int,
            queries: int) -> dict[str, Any]:
    drawn = draw_queries(people, random.Random(seed), seed, queries)
    scored = {"reentries": [_score(ctx, data, person["id"])
                            for person, data, _ in drawn.reentries],
              "new": [_score(ctx, data, None) for data in drawn.new],
              "new_no_dob": [_score(ctx, data, None) for data in drawn.new_no_dob]}
    tried = [{"date_bar": d, "year_bar": y, **rates(scored, d, y)}
             for d, y in itertools.product(DATE_BARS, YEAR_BARS)]
    within = [t for t in tried if t["false_alarms"] <= FALSE_ALARMS]
    within.sort(key=lambda t: (-t["recall_at_5"], t["false_alarms"], -t["date_bar"],
                               -t["year_bar"]))
    return {"seed": seed, "queries": queries,
            "shipped": {"date_bar": matching.DATE_ONLY_THRESHOLD,
                        "year_bar": matching.NAME_ONLY_THRESHOLD,
                        **rates(scored, matching.DATE_ONLY_THRESHOLD,
                                matching.NAME_ONLY_THRESHOLD)},
            "within_target": within}


def main(argv: list[str] | None = None) -> int:
    return run_main(
        "python -m benchmarks.duplicate_calibration", argv,
        lambda ctx, scale, args: figures(ctx, list(_people(scale)), args.seed, args.queries),
        lambda parser: parser.add_argument("--seed", type=int, default=SEED))


if __name__ == "__main__":
    sys.exit(main())
