"""The office's monthly statistics, for the supervisor to send on: aggregates only.

Every figure is a count of rows the store holds, for the office of the context, never a
guess: no participant's name, id or any other personal value appears in them (the only
names are the office's and its caseworkers', for the workload). Deleted rows are not
counted, nor a file merged into another (`Participant.merged_into_id`): the check-ins,
slots and compliance reports it had keep its id but belong to the kept file, so they count
once, as that file's; rows of a file deleted without a merge do not count.

Month boundaries: timestamps are stored in UTC, and one counts in the month when it falls
from the month's first day 00:00 UTC (included) to the next month's first day 00:00 UTC
(excluded); dates (`closed_on`, `referred_on`) count by their calendar month. Figures whose
key ends in "(at export)" are not about the month: they are the counts at `made_at`.

Sections and keys (enum values as stored, e.g. "status_granted", "mental_health"):
- files: "intakes" (files created in the month), "refused" (refused in the month),
  "closed <reason>" for each closure reason and "closed (reason not listed)" for a closure
  whose reason is none of them, "<status> (at export)" for each open status.
- check-ins: one per outcome of the current entries (a corrected entry counts once, with
  its correction's outcome) scheduled in the month (an unscheduled one by when it took
  place), and "not recorded": slots due in the month, before the export, with no entry.
- follow-ups: "opened", "resolved", "reported to CBSA".
- referrals: "<type> made" for each type (referral date in the month), and
  "<status> (at export)" for each status of those referrals now.
- workload: open files per caseworker now, keyed by the caseworker's name ("no caseworker"
  for files without one).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from app.errors import ValidationError
from app.models import (
    Caseworker,
    CheckIn,
    ComplianceReport,
    FollowUp,
    Office,
    Participant,
    Referral,
    ScheduledCheckIn,
    StoreMeta,
    SupervisionAgreement,
)
from app.models.enums import (
    OPEN_PARTICIPANT_STATUSES,
    CheckInOutcome,
    ClosureReason,
    ParticipantStatus,
    ReferralStatus,
    ReferralType,
)
from app.services.checkin_schedule import slot_is_due
from app.services.context import ServiceContext
from app.services.dashboard import REPORTING
from app.services.output_files import AtomicFile, check_output, spreadsheet_safe
from app.services.recorder import recording

FORMATS = ("csv", "json")
AT_EXPORT = "(at export)"
NO_CASEWORKER = "no caseworker"
# A file's caseworker whose record has not reached this device yet (sync brings it).
UNKNOWN_CASEWORKER = "caseworker not on this device"
OTHER_CLOSURE = "closed (reason not listed)"
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_MONTH_ERROR = "must be a month as YYYY-MM"
Column = ColumnElement[Any] | InstrumentedAttribute[Any]


@dataclass(frozen=True)
class Figure:
    section: str  # "files", "check-ins", "follow-ups", "referrals", "workload"
    key: str      # what is counted; a caseworker's name in "workload"
    value: int


@dataclass(frozen=True)
class MonthlyStatistics:
    office: str          # the office's name
    month: str           # "YYYY-MM"
    made_at: datetime    # ctx.now() when computed
    figures: tuple[Figure, ...]


def parse_month(text: str, today: date | None = None) -> date:
    """"YYYY-MM" -> the month's first day. Refuses anything else, and a month after the
    one of `today` (default: today in UTC), naming the field "month"."""
    match = _MONTH.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValidationError("month", _MONTH_ERROR)
    try:
        first = date(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise ValidationError("month", _MONTH_ERROR) from None
    _refuse_future(first, today or datetime.now(UTC).date())
    return first


def previous_month(today: date) -> date:
    """The first day of the calendar month before `today`'s."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def _refuse_future(first: date, today: date) -> None:
    if first > today.replace(day=1):
        raise ValidationError("month", "is in the future")


def _next_month(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1)


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


class _Month:
    """The month's bounds as UTC datetimes and as dates (end excluded)."""

    def __init__(self, first: date) -> None:
        self.first, self.next = first, _next_month(first)
        self.start, self.end = _utc(self.first), _utc(self.next)

    def holds(self, column: Column) -> ColumnElement[bool]:
        return (column >= self.start) & (column < self.end)

    def holds_day(self, column: Column) -> ColumnElement[bool]:
        return (column >= self.first) & (column < self.next)


def _file_counts(participant_id: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """The row's file was not deleted without a merge (a merged file's rows count, as the
    kept file's)."""
    gone = aliased(Participant)
    return ~exists().where(gone.id == participant_id, gone.deleted.is_(True),
                           gone.merged_into_id.is_(None))


def _live_files(ctx: ServiceContext) -> list[ColumnElement[bool]]:
    return [Participant.office_id == ctx.office_id, Participant.deleted.is_(False),
            Participant.merged_into_id.is_(None)]


def _count(session: Session, *where: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).where(*where)) or 0)


def _files(session: Session, ctx: ServiceContext, m: _Month) -> list[Figure]:
    live = _live_files(ctx)
    out = [Figure("files", "intakes", _count(
        session, *live, m.holds(Participant.created_at))),
        Figure("files", "refused", _count(
            session, *live, Participant.status == ParticipantStatus.REFUSED.value,
            m.holds(Participant.status_changed_at)))]
    closed = Counter(dict(session.execute(
        select(Participant.status_reason, func.count()).where(
            *live, Participant.status == ParticipantStatus.CLOSED.value,
            m.holds_day(Participant.closed_on)).group_by(Participant.status_reason)).all()))
    out += [Figure("files", f"closed {r.value}", closed.pop(r.value, 0)) for r in ClosureReason]
    out.append(Figure("files", OTHER_CLOSURE, sum(closed.values())))
    now = dict(session.execute(select(Participant.status, func.count()).where(
        *live, Participant.status.in_([s.value for s in OPEN_PARTICIPANT_STATUSES]))
        .group_by(Participant.status)).all())
    out += [Figure("files", f"{s.value} {AT_EXPORT}", now.get(s.value, 0))
            for s in OPEN_PARTICIPANT_STATUSES]
    return out


def _checkins(session: Session, ctx: ServiceContext, m: _Month) -> list[Figure]:
    later = aliased(CheckIn)
    when = func.coalesce(CheckIn.scheduled_at, CheckIn.actual_at)
    outcomes = dict(session.execute(
        select(CheckIn.outcome, func.count()).where(
            CheckIn.office_id == ctx.office_id, CheckIn.deleted.is_(False), m.holds(when),
            ~exists().where(later.corrects_id == CheckIn.id),
            _file_counts(CheckIn.participant_id))
        .group_by(CheckIn.outcome)).all())
    out = [Figure("check-ins", o.value, outcomes.get(o.value, 0)) for o in CheckInOutcome]
    # "Not recorded" follows the dashboard's overdue check-ins (dashboard._unrecorded_slots):
    # slots still due under their agreement version (slot_is_due), of files that report now
    # (accepted or active: slots generated ahead for a file since closed or suspended are not
    # owed), reached through the agreement (a merge moves it to the kept file), with no
    # entry; and only those already due when the statistics are made.
    until = min(m.end, ctx.now())
    recorded = exists().where(CheckIn.slot_id == ScheduledCheckIn.id)
    missing = session.scalar(
        select(func.count())
        .select_from(ScheduledCheckIn)
        .join(SupervisionAgreement, SupervisionAgreement.id == ScheduledCheckIn.agreement_id)
        .join(Participant, Participant.id == SupervisionAgreement.participant_id)
        .where(ScheduledCheckIn.due_at >= m.start, ScheduledCheckIn.due_at < until,
               ScheduledCheckIn.office_id == ctx.office_id,
               ScheduledCheckIn.deleted.is_(False),
               Participant.status.in_(REPORTING), Participant.deleted.is_(False),
               slot_is_due(), ~recorded))
    out.append(Figure("check-ins", "not recorded", int(missing or 0)))
    return out


def _follow_ups(session: Session, ctx: ServiceContext, m: _Month) -> list[Figure]:
    def follow_ups(*where: ColumnElement[bool]) -> int:
        return _count(session, FollowUp.office_id == ctx.office_id,
                      FollowUp.deleted.is_(False), _file_counts(FollowUp.participant_id),
                      *where)

    reported = _count(session, ComplianceReport.office_id == ctx.office_id,
                      ComplianceReport.deleted.is_(False),
                      _file_counts(ComplianceReport.participant_id),
                      m.holds(ComplianceReport.reported_at))
    return [Figure("follow-ups", "opened", follow_ups(m.holds(FollowUp.created_at))),
            Figure("follow-ups", "resolved", follow_ups(m.holds(FollowUp.resolved_at))),
            Figure("follow-ups", "reported to CBSA", reported)]


def _referrals(session: Session, ctx: ServiceContext, m: _Month) -> list[Figure]:
    rows = session.execute(
        select(Referral.type, Referral.status, func.count()).where(
            Referral.office_id == ctx.office_id, Referral.deleted.is_(False),
            _file_counts(Referral.participant_id), m.holds_day(Referral.referred_on))
        .group_by(Referral.type, Referral.status)).all()
    by_type: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for kind, status, n in rows:
        by_type[kind] += n
        by_status[status] += n
    return ([Figure("referrals", f"{t.value} made", by_type[t.value]) for t in ReferralType]
            + [Figure("referrals", f"{s.value} {AT_EXPORT}", by_status[s.value])
               for s in ReferralStatus])


def _workload(session: Session, ctx: ServiceContext) -> list[Figure]:
    """As dashboard.workload: open files per caseworker; two caseworkers of one name get
    "Name (2)" so no key hides another."""
    rows = session.execute(
        select(Participant.caseworker_id, Caseworker.name, func.count())
        .outerjoin(Caseworker, Caseworker.id == Participant.caseworker_id)
        .where(*_live_files(ctx),
               Participant.status.in_([s.value for s in OPEN_PARTICIPANT_STATUSES]))
        .group_by(Participant.caseworker_id, Caseworker.name)).all()
    named = [((NO_CASEWORKER if cid is None else name or UNKNOWN_CASEWORKER), int(n))
             for cid, name, n in rows]
    seen: Counter[str] = Counter()
    out = []
    for name, n in sorted(named, key=lambda r: (-r[1], r[0].casefold(), r[0])):
        seen[name] += 1
        out.append(Figure("workload", name if seen[name] == 1 else f"{name} ({seen[name]})",
                          n))
    return out


def _office_name(session: Session, ctx: ServiceContext) -> str:
    office = session.get(Office, ctx.office_id)
    if office is not None:
        return office.name
    return session.scalar(select(StoreMeta.value).where(StoreMeta.key == "office_name")) or ""


def monthly_statistics(ctx: ServiceContext, month: date) -> MonthlyStatistics:
    """The office's figures for the calendar month of `month` (any day of it)."""
    made_at = ctx.now()
    first = month.replace(day=1)
    _refuse_future(first, made_at.date())
    m = _Month(first)
    with ctx.store.session() as session:
        figures = (*_files(session, ctx, m), *_checkins(session, ctx, m),
                   *_follow_ups(session, ctx, m), *_referrals(session, ctx, m),
                   *_workload(session, ctx))
        office = _office_name(session, ctx)
    return MonthlyStatistics(office, first.strftime("%Y-%m"), made_at, figures)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValidationError("format", "must be csv or json")


def write_statistics(stats: MonthlyStatistics, path: Path, fmt: str, *,
                     data_dir: Path | None = None) -> None:
    """Write `stats` to `path` (owner-only, atomically: a reader never sees half a file).

    json: {"office", "month", "made_at" (ISO 8601), "figures": [{"section", "key",
    "value"}, ...]}. csv: a header `section,key,value`, then two rows of section "about"
    whose value column holds text (`about,office,<name>` and `about,month,YYYY-MM`), then
    one row per figure; a cell that a spreadsheet would run as a formula starts with '.
    `data_dir`: the store's folder, which the file must not be in."""
    _check_format(fmt)
    check_output(Path(path), "out", data_dir=data_dir)
    with AtomicFile(Path(path), newline="") as fh:
        if fmt == "json":
            json.dump({"office": stats.office, "month": stats.month,
                       "made_at": stats.made_at.isoformat(),
                       "figures": [{"section": f.section, "key": f.key, "value": f.value}
                                   for f in stats.figures]},
                      fh, ensure_ascii=False, indent=2)
            fh.write("\n")
            return
        writer = csv.writer(fh)
        writer.writerow(["section", "key", "value"])
        writer.writerow(["about", "office", spreadsheet_safe(stats.office)])
        writer.writerow(["about", "month", stats.month])
        for f in stats.figures:
            writer.writerow([f.section, spreadsheet_safe(f.key), f.value])


def export_statistics(ctx: ServiceContext, month: date, path: Path,
                      fmt: str) -> MonthlyStatistics:
    """Compute the month's figures, write them, and record the export in the audit trail
    (the month, the format and how many figures: nothing else)."""
    _check_format(fmt)
    data_dir = ctx.store.paths.data_dir
    check_output(Path(path), "out", data_dir=data_dir)  # before any work
    stats = monthly_statistics(ctx, month)
    write_statistics(stats, path, fmt, data_dir=data_dir)
    with recording(ctx) as rec:
        rec.audit("export", "statistics", None, None,
                  {"month": stats.month, "format": fmt, "figures": len(stats.figures)})
    return stats
