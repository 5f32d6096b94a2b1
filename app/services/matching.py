"""Probable duplicates: one matcher for intake, import and the caseload scan.

Candidates come from indexes only: client ID (and IDs a digit away), external reference,
phone digits, the exact date of birth, and the device-local name keys (a consonant skeleton
of each name word within the birth year, and the whole name; `name_keys`). Each candidate is
scored as the odds that it is the same person (`match_scoring`): the prior odds of one file
in the store, times the likelihood ratio of each field. A name match counts for less the
more files share that name, so "Nguyen Minh" with a near birth date among thousands of
files stays below the threshold while the same in a small office, or with a phone, does not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.models import Participant, ParticipantNameKey
from app.services import match_candidates as mc
from app.services import match_scoring as ms
from app.services.context import ServiceContext
from app.services.name_keys import KEY_LENGTH, NO_YEAR, Name, birth_year
from app.services.views import DuplicateCandidate, DuplicatePair, display_name

THRESHOLD = 0.7
# How sure a candidate must be to be listed depends on what the query gives. A phone or an ID
# can settle it, so only likely files are listed. A whole name and a full date of birth
# without them list a file more likely than not the person (DATE_ONLY_THRESHOLD: on
# calibration, docs/performance.md, new people's files scoring 0.5 to 0.7 on such queries
# were none, re-entries 4 in 129). A name with at most a birth year never can settle it
# (namesakes share both, and the score stays low however alike the names): the files that
# fit are listed from a low score and marked "few details to compare", since for such an
# intake that list is the caseworker's only check. A birth year adds little to a name
# (namesakes of a common name share it), so it lists from the same score as a name alone:
# on calibration (seed 777, 220,000 files) that found 49 of 53 re-entries giving a name and
# a year where 0.15 found 36, with 15 of 94 new people giving the same seeing a list, not 8.
# The shares of new people who see a list are in docs/performance.md (run 13).
DATE_ONLY_THRESHOLD = 0.5
ONE_WORD_THRESHOLD = 0.15  # one name word and a full date ("Santos", 1960-06-12)
NAME_ONLY_THRESHOLD = 0.03  # a name, with at most a birth year
PRIOR = 0.1  # odds that an intake is someone already in this store, spread over its files
# A small store knows little of how common a name is: its count of namesakes is blended
# with a prior worth 200 files of evidence. A name no other file has is still not unique:
# by Good-Turing, a name seen once in a caseload recurs about 0.15 (5,000 files) to 0.3
# (220,000 files) times per caseload of the same size (synthetic_name_pool; real name
# lists are as skewed), so it counts as 0.3 namesakes.
NAME_PSEUDO_FILES = 200
NAME_PSEUDO_COUNT = 0.3
ID_FLOOR = 0.95  # the same client ID or external reference is always worth a look

REASONS = {
    "same_client_id": "same client ID",
    "similar_client_id": "client ID nearly the same",
    "same_external_ref": "same reference in the old system",
    "same_phone": "same phone number",
    "same_name": "same name",
    "similar_name": "name spelled differently",
    "transliteration": "same name written in another spelling",
    "initials": "initials match the name",
    "short_form": "a short form of the name (Paco, Francisco)",
    "names_swapped": "family and given names swapped",
    "partial_name": "part of the name is the same",
    "alias_match": "matches an alias",
    "same_dob": "same date of birth",
    "similar_dob": "date of birth nearly the same",
    "same_birth_year": "same year of birth",
    "same_citizenship": "same country of citizenship",
    "few_details": "few details to compare: check carefully",
}

Progress = Callable[[int, int], None]


def find_duplicates(ctx: ServiceContext, data: dict[str, Any], top: int = 5,
                    exclude_id: str | None = None) -> list[DuplicateCandidate]:
    with ctx.store.session() as session:
        return find_duplicates_in(session, data, top, exclude_id=exclude_id)


def find_duplicates_in(session: Session, data: dict[str, Any], top: int = 5,
                       exclude_id: str | None = None) -> list[DuplicateCandidate]:
    """The files most probably the same person as `data`, best first (never `exclude_id`,
    never a deleted file; a file merged into another is reported as the one it went to)."""
    query = mc.MatchQuery.of(data)
    return top_of(score_candidates(session, query, exclude_id), top, threshold_for(query))


def threshold_for(q: mc.MatchQuery) -> float:
    """The score a candidate needs to be listed for this query (see THRESHOLD)."""
    if q.phones or q.client_id or q.external_ref:
        return THRESHOLD
    if not q.dob or len(q.dob) == 4:
        return NAME_ONLY_THRESHOLD
    # A name of one word ("Santos", the given names not written or not had) with a full
    # date is thinner than a whole name: one word is shared by many.
    if any(len(form.words) > 1 for form in q.names):
        return DATE_ONLY_THRESHOLD
    return ONE_WORD_THRESHOLD


def top_of(scored: dict[str, DuplicateCandidate], top: int,
           threshold: float = THRESHOLD) -> list[DuplicateCandidate]:
    """The `top` best files scoring at least `threshold`. Below a name and a full date, the
    ones a name alone lifted there are marked "few details"."""
    out = [c for c in scored.values() if c.score >= threshold]
    out.sort(key=lambda c: (-c.score, c.display_name, c.participant_id))
    few = threshold <= ONE_WORD_THRESHOLD
    return [replace(c, reasons=(*c.reasons, "few_details")) if few and c.score < THRESHOLD
            else c for c in out[:top]]


def scan_pairs(session: Session, progress: Progress | None = None, batch: int = 500,
               cancel: Callable[[], bool] | None = None) -> Iterator[DuplicatePair]:
    """Every probable duplicate pair in the store once (a_id < b_id): the same pairs as the
    per-file check of every live file, with lookups in bulk (`match_scan`)."""
    from app.services.match_scan import scan  # match_scan builds on this module

    return scan(session, progress, batch, cancel)


def score_candidates(session: Session, q: mc.MatchQuery, exclude_id: str | None,
                     every: bool = False) -> dict[str, DuplicateCandidate]:
    """The candidates' scores. Those whose dates, IDs and phone keep them under the query's
    threshold whatever their names say are left out before their names are compared (most
    candidates at 220,000 files share only a name word and the birth year), unless `every`
    (the benchmark's ranked figure, tests of a score under the threshold)."""
    ids = mc.candidate_ids(session, q)
    if exclude_id is not None:
        ids.discard(exclude_id)
    if not ids:
        return {}
    files = file_count(session)
    least = None if every else least_ratio(q, files)
    rows = mc.fetch(session, sorted(ids))
    targets = mc.resolve_merges(session, rows)
    kept = {rid: f for rid, row in rows.items() if targets.get(rid) is not None
            and not (f := _fields(q, row)).hopeless(least)}
    aliases = mc.aliases_of(session, list(kept))  # only of the files whose names matter
    scored = {rid: _with_names(q, rows[rid], aliases.get(rid, []), f)
              for rid, f in kept.items()}
    counts = namesakes(session, {e.name.namesake_key for e in scored.values()
                                 if e.name is not None and e.name.full})
    words = word_counts(session, {k for e in scored.values() if (k := e.word_key)})
    return pick(scored, targets, exclude_id, files, counts, words)


def file_count(session: Session) -> int:
    """How many files: the largest rowid, read from the end of the table (a count would
    read every row)."""
    return session.scalar(select(func.max(text("rowid"))).select_from(Participant)) or 0


def pick(scored: dict[str, _Evidence], targets: dict[str, mc.Row | None],
         exclude_id: str | None, files: int, counts: dict[str, int],
         words: WordCounts | None = None) -> dict[str, DuplicateCandidate]:
    """Each live file the candidates stand for, with the best score of any of them."""
    best: dict[str, DuplicateCandidate] = {}
    for rid, ev in scored.items():
        target = targets[rid]
        assert target is not None
        if target.id == exclude_id:
            continue
        score = ev.score(files, counts, words or {})
        previous = best.get(target.id)
        if previous is None or score > previous.score:
            best[target.id] = DuplicateCandidate(
                participant_id=target.id,
                display_name=display_name(target.family_name, target.given_names),
                date_of_birth=target.date_of_birth, client_id=target.client_id,
                external_ref=target.external_ref, score=score, reasons=ev.reasons)
    return best


WordKey = tuple[str, str]  # (birth year, skeleton of a name word)
WordCounts = dict[WordKey, tuple[int, int]]


def word_counts(session: Session, keys: set[WordKey]) -> WordCounts:
    """(year, word) -> (files born that year with the word in a name, files born that
    year): both from indexes (the name keys, the date of birth's)."""
    if not keys:
        return {}
    wanted = sorted({f"t{y}:{w}"[:KEY_LENGTH] for y, w in keys})
    held: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        held.update((key, n) for key, n in session.execute(
            select(ParticipantNameKey.key, func.count()).where(
                ParticipantNameKey.key.in_(wanted[i:i + 500])).group_by(ParticipantNameKey.key)))
    dob = Participant.date_of_birth
    born = {y: session.scalar(select(func.count()).select_from(Participant).where(
        dob >= y, dob < y + "\U0010ffff")) or 0 for y in {y for y, _ in keys}}
    return {(y, w): (held.get(f"t{y}:{w}"[:KEY_LENGTH], 0), born[y]) for y, w in keys}


def namesakes(session: Session, keys: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    wanted = sorted(f"f:{k}" for k in keys)
    for i in range(0, len(wanted), 500):
        rows = session.execute(select(ParticipantNameKey.key, func.count()).where(
            ParticipantNameKey.key.in_(wanted[i:i + 500])).group_by(ParticipantNameKey.key))
        out.update((k[2:], n) for k, n in rows)
    return out


@dataclass(frozen=True)
class _Evidence:
    name: ms.NameMatch | None
    ratio: float  # likelihood ratio of everything but the name
    id_match: bool
    reasons: tuple[str, ...]
    own_key: bool = False  # the candidate itself is one of the namesakes counted
    year: str | None = None  # the candidate's birth year

    @property
    def word_key(self) -> WordKey | None:
        """For a name agreeing in one word (`NameMatch.one_word`): the word's block."""
        if self.name is None or not self.name.one_word or self.year is None:
            return None
        return self.year, self.name.namesake_key

    def score(self, files: int, namesakes: dict[str, int],
              words: WordCounts | None = None) -> float:
        n = max(files, 1)
        key = self.word_key
        if self.name is None:
            name_odds = ms.NO_NAME_M / n
        elif self.name.full:
            # How common the name is among other people: the candidate's own file is left
            # out, or a name spelled right would count for less than the same name mistyped.
            others = namesakes.get(self.name.namesake_key, 0) - self.own_key
            u = (max(others, 0) + NAME_PSEUDO_COUNT) / (n + NAME_PSEUDO_FILES)
            name_odds = self.name.m / (n * u)
        elif key is not None and words and key in words:
            # One word agreeing: how many others born that year have it (not the file).
            held, born = words[key]
            u = (max(held - 1, 0) + NAME_PSEUDO_COUNT) / (born + NAME_PSEUDO_FILES)
            name_odds = self.name.m / (n * min(u, ms.PART_NAME_U))
        else:
            name_odds = self.name.m / (n * ms.PART_NAME_U)
        odds = PRIOR * name_odds * self.ratio
        score = odds / (1.0 + odds)
        if self.id_match:
            score = max(score, ID_FLOOR)
        return round(min(score, 1.0), 3)


@lru_cache(maxsize=16)
def _name_odds_bound(files: int) -> float:
    """The most a name can add to the odds (every word the same, and no namesake)."""
    n = max(files, 1)
    full = (n + NAME_PSEUDO_FILES) / (n * NAME_PSEUDO_COUNT)
    return max(full, 1.0 / (n * ms.PART_NAME_U), ms.NO_NAME_M / n)


def least_ratio(q: mc.MatchQuery, files: int) -> float:
    """The likelihood ratio of the fields other than the name under which no name can lift a
    file to the query's threshold (odds 5 % under it round to a score under it, with room to
    spare): once per query, for `_evidence(..., least=...)`."""
    threshold = threshold_for(q)
    return 0.95 * threshold / (1.0 - threshold) / (PRIOR * _name_odds_bound(files))


@dataclass(frozen=True)
class _Fields:
    """What the fields other than the names say: their likelihood ratio, whether an ID is
    the same, and their reasons (the IDs' before the name's, the date's and phone's after)."""
    ratio: float
    id_match: bool
    head: tuple[str, ...]
    tail: tuple[str, ...]

    def hopeless(self, least: float | None) -> bool:
        """Below the query's threshold whatever the names say (`least_ratio`)."""
        return least is not None and not self.id_match and self.ratio < least


def _fields(q: mc.MatchQuery, row: mc.Row) -> _Fields:
    reasons: list[str] = []
    ratio = 1.0
    id_match = False
    if q.client_id and row.client_id:
        if q.client_id == row.client_id:
            reasons.append("same_client_id")
            id_match = True
        elif ms.near_client_id(q.client_id, row.client_id):
            reasons.append("similar_client_id")
            ratio *= ms.CLIENT_ID_NEAR
        else:
            ratio *= ms.CLIENT_ID_DIFFERENT
    if q.external_ref and row.external_ref:
        if q.external_ref == row.external_ref:
            reasons.append("same_external_ref")
            id_match = True
        else:
            ratio *= ms.EXTERNAL_REF_DIFFERENT
    tail: list[str] = []
    dob_ratio, dob_reason = ms.compare_dob(q.dob, row.date_of_birth)
    ratio *= dob_ratio
    if dob_reason:
        tail.append(dob_reason)
    if q.phones and row.phone_digits:
        if row.phone_digits in q.phones:
            tail.append("same_phone")
            ratio *= ms.PHONE_SAME
        else:
            ratio *= ms.PHONE_DIFFERENT
    theirs = mc.citizenship_code(row.citizenship) if q.citizenship else None
    if theirs is not None:
        if theirs == q.citizenship:
            tail.append("same_citizenship")  # a reason only (`ms.CITIZENSHIP_DIFFERENT`)
        else:
            ratio *= ms.CITIZENSHIP_DIFFERENT
    return _Fields(ratio, id_match, tuple(reasons), tuple(tail))


def _evidence(q: mc.MatchQuery, row: mc.Row, aliases: list[Name],
              least: float | None = None) -> _Evidence | None:
    """What the file shows of the query's person. With `least` (`least_ratio`): None when
    its other fields leave it below the threshold whatever the names say (the names are
    then not compared)."""
    fields = _fields(q, row)
    return None if fields.hopeless(least) else _with_names(q, row, aliases, fields)


def _with_names(q: mc.MatchQuery, row: mc.Row, aliases: list[Name],
                fields: _Fields) -> _Evidence:
    ratio, id_match, reasons = fields.ratio, fields.id_match, list(fields.head)
    name = _best_name(q, row, aliases)
    if name is not None:
        reasons.extend(name[1].reasons)
        if name[0]:
            reasons.append("alias_match")
    reasons.extend(fields.tail)
    own = name is not None and name[1].namesake_key in {
        ms.NameForm.of((row.family_name, row.given_names)).key,
        *(ms.NameForm.of(a).key for a in aliases)}
    year = birth_year(row.date_of_birth)
    return _Evidence(name[1] if name else None, ratio, id_match, tuple(reasons), own,
                     None if year == NO_YEAR else year)


def _best_name(q: mc.MatchQuery, row: mc.Row,
               aliases: list[Name]) -> tuple[bool, ms.NameMatch] | None:
    """(through an alias?, the best agreement) of any query name with any of the file's."""
    theirs = [(False, ms.NameForm.of((row.family_name, row.given_names)))]
    theirs += [(True, ms.NameForm.of(a)) for a in aliases]
    best: tuple[bool, ms.NameMatch] | None = None
    for i, mine in enumerate(q.names):
        for is_alias, form in theirs:
            found = ms.compare_names(mine, form)
            if found is not None and (best is None or _rank(found) > _rank(best[1])):
                best = (is_alias or i > 0, found)
    return best


def _rank(match: ms.NameMatch) -> tuple[bool, float]:
    return match.full, match.m
