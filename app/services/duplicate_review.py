"""Pairs of files to review as one person: those an import flagged and those a caseload scan
found, with what a person needs to decide (names, dates of birth, reasons), the two files
side by side, and "not the same person" so a pair is not shown again."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.errors import NotFound
from app.models import Caseworker, DuplicateReview, Participant
from app.models.wire import encode
from app.services.context import ServiceContext
from app.services.matching import scan_pairs
from app.services.participant_merge import is_empty, plan_merge
from app.services.participants import PROFILE_FIELDS, get_participant
from app.services.recorder import recording
from app.services.views import DuplicatePair, display_name

Progress = Callable[[int, int], None]
NOT_DUPLICATE = "not_duplicate"


@dataclass(frozen=True)
class ReviewPair:
    review_id: str
    a_id: str
    a_name: str
    a_date_of_birth: str | None
    b_id: str
    b_name: str
    b_date_of_birth: str | None
    score: float
    reasons: tuple[str, ...]
    source: str  # import | scan


@dataclass(frozen=True)
class ComparedField:
    field: str
    a_value: Any
    b_value: Any
    to_choose: bool  # both files hold a different value: the person merging chooses


@dataclass(frozen=True)
class FileComparison:
    a_id: str
    b_id: str
    fields: tuple[ComparedField, ...]


def _existing(session: Session, a: str, b: str) -> DuplicateReview | None:
    return session.scalar(select(DuplicateReview).where(or_(
        (DuplicateReview.participant_id == a) & (DuplicateReview.candidate_id == b),
        (DuplicateReview.participant_id == b) & (DuplicateReview.candidate_id == a))).limit(1))


def find_pairs(ctx: ServiceContext, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> list[DuplicatePair]:
    """Every probable duplicate pair inside the store (the matcher's indexed scan)."""
    found: list[DuplicatePair] = []
    with ctx.store.session() as session:
        # Stopped between batches; a stopped scan keeps the pairs found so far.
        found.extend(scan_pairs(session, progress=progress,
                                cancel=cancel.is_set if cancel is not None else None))
    return found


def scan_caseload(ctx: ServiceContext, progress: Progress | None = None,
                  cancel: threading.Event | None = None) -> int:
    """Run the matcher over the caseload and keep each new pair for review; returns how many
    pairs are new."""
    return keep_for_review(ctx, find_pairs(ctx, progress, cancel))


def keep_for_review(ctx: ServiceContext, found: list[DuplicatePair]) -> int:
    """Keep each pair not seen before for review (a pair already decided on is not brought
    back); returns how many are new."""
    added = 0
    with ctx.store.write_session() as session, session.begin():
        for pair in found:
            if _existing(session, pair.a_id, pair.b_id) is None:
                session.add(DuplicateReview(
                    participant_id=pair.a_id, candidate_id=pair.b_id, score=pair.score,
                    reasons=list(pair.reasons), source="scan", created_at=ctx.now()))
                added += 1
    return added


def file_references(ctx: ServiceContext, ids: set[str]) -> dict[str, dict[str, Any]]:
    """How a pair names its files in `ccms duplicates --scan`: ids, never names."""
    out: dict[str, dict[str, Any]] = {}
    with ctx.store.session() as session:
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):
            for pid, ref, cid in session.execute(select(
                    Participant.id, Participant.external_ref, Participant.client_id).where(
                    Participant.id.in_(id_list[start:start + 500]))):
                out[pid] = {"participant_id": pid, "external_ref": ref, "client_id": cid}
    return out


_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


def _open(query: _Query, a: Any, b: Any) -> _Query:
    """Undecided pairs whose two files both still exist (`a`, `b`: aliases of Participant
    for the two files)."""
    live = [p.deleted.is_(False) & p.merged_into_id.is_(None) for p in (a, b)]
    return (query.join(a, a.id == DuplicateReview.participant_id)
            .join(b, b.id == DuplicateReview.candidate_id)
            .where(DuplicateReview.decision.is_(None), *live))


def open_pairs(ctx: ServiceContext, limit: int = 500) -> list[ReviewPair]:
    """Undecided pairs whose two files both still exist, most probable first."""
    a, b = aliased(Participant), aliased(Participant)
    with ctx.store.session() as session:
        rows = session.execute(
            _open(select(DuplicateReview, a, b), a, b)
            .order_by(DuplicateReview.score.desc()).limit(limit)).all()
        return [ReviewPair(r.id, pa.id, display_name(pa.family_name, pa.given_names),
                           pa.date_of_birth, pb.id, display_name(pb.family_name, pb.given_names),
                           pb.date_of_birth, r.score, tuple(r.reasons or ()), r.source)
                for r, pa, pb in rows]


def count_open_pairs(ctx: ServiceContext) -> int:
    """How many pairs `open_pairs` would list without a limit (counted in SQL)."""
    with ctx.store.session() as session:
        return session.scalar(_open(select(func.count(DuplicateReview.id)),
                                    aliased(Participant), aliased(Participant))) or 0


def dismiss_pair(ctx: ServiceContext, review_id: str) -> None:
    """Two different people: the pair is not shown again (and the decision is audited)."""
    with recording(ctx) as rec:
        review = rec.session.get(DuplicateReview, review_id)
        if review is None:
            raise NotFound("duplicate review", review_id)
        review.decision = NOT_DUPLICATE
        review.decided_at = ctx.now()
        rec.audit("not_duplicate", "participant", review.participant_id,
                  review.participant_id, {"other_id": review.candidate_id})


def reopen_pair(ctx: ServiceContext, review_id: str) -> None:
    """Undo "not the same person": the pair is listed for review again (and the change of
    mind is audited). Only a dismissed pair can be reopened; a merged one is undone by
    undoing the merge."""
    with recording(ctx) as rec:
        review = rec.session.get(DuplicateReview, review_id)
        if review is None or review.decision != NOT_DUPLICATE:
            raise NotFound("dismissed duplicate review", review_id)
        review.decision = None
        review.decided_at = None
        rec.audit("not_duplicate_undone", "participant", review.participant_id,
                  review.participant_id, {"other_id": review.candidate_id})


def compare_files(ctx: ServiceContext, a_id: str, b_id: str) -> FileComparison:
    """Both files side by side (opening them is audited like any view of a file)."""
    a = get_participant(ctx, a_id)
    b = get_participant(ctx, b_id)
    to_choose = {d.field for d in plan_merge(ctx, a.id, b.id).differences}
    with ctx.store.session() as session:
        names = {cid: name for cid, name in session.execute(select(Caseworker.id, Caseworker.name))}
    rows = []
    for field in ("family_name", "given_names", *[f for f in PROFILE_FIELDS
                                                  if f not in ("family_name", "given_names")],
                  "status"):
        av, bv = encode(a.fields.get(field)), encode(b.fields.get(field))
        if field == "caseworker_id":
            av, bv = names.get(av, av), names.get(bv, bv)
        if is_empty(av) and is_empty(bv):
            continue
        rows.append(ComparedField(field, av, bv, field in to_choose))
    aliases = ("aliases", "; ".join(f"{x.family_name} {x.given_names or ''}".strip()
                                    for x in a.aliases),
               "; ".join(f"{x.family_name} {x.given_names or ''}".strip() for x in b.aliases))
    if aliases[1] or aliases[2]:
        rows.append(ComparedField(*aliases, False))
    return FileComparison(a.id, b.id, tuple(rows))
