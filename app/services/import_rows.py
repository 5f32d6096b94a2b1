"""One CSV row -> what intake would write, through intake's own validation.

Cells become field values (dates parsed with the mapping's format, the aliases column split,
the caseworker's name or email resolved to an id), then go through `validate_profile` and
`validate_alias`, exactly as a form typed at intake does. Every problem of the row is
collected as {field: message}; messages name what is wrong, never the value.

Spreadsheet formulas: a cell that starts with =, +, - or @ is refused for its field,
because the value would run as a formula when the file (or a later export of it) is opened
in a spreadsheet. The one exception is a leading + in `phone` ("+1 604 555 0101", the
international form), which is then held to the phone validator (digits, spaces, ( ) - only),
so "+HYPERLINK(...)" still fails. No field's real values begin with -: dates are parsed by
their format and identifiers are digits. The ' that an export or a rejects file puts before
such a cell is taken off first, so a fixed rejects file imports as its rows would have.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import Caseworker
from app.models.enums import ParticipantStatus
from app.services.import_csv import RawRow
from app.services.import_mapping import ColumnPlan, FieldSource
from app.services.output_files import FORMULA_STARTS as WRITTEN_FORMULA_STARTS
from app.services.participants import validate_alias, validate_profile
from app.services.text import fold

FORMULA_STARTS = ("=", "+", "-", "@")
PLUS_ALLOWED = frozenset({"phone"})
# An office moving its caseload brings people at every stage: the old system's status is
# taken as it is (an imported file has no history here to walk through the status machine);
# later changes are transitions made in the app. No status column: "referred".
IMPORT_STATUSES = frozenset(s.value for s in ParticipantStatus)
CaseworkerIndex = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class PreparedRow:
    number: int
    line: int
    values: dict[str, Any]  # field -> clean value, as it would be imported
    profile: dict[str, Any] = field(default_factory=dict)  # for create_participant_in
    aliases: tuple[dict[str, Any], ...] = ()
    errors: dict[str, str] = field(default_factory=dict)
    status: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def content_sha256(self) -> str:
        """A hash of what the row imports (not of its cells: spaces and a date's format do
        not count), by which an edited copy of the file knows its unchanged rows."""
        content = {"profile": self.profile, "aliases": self.aliases, "status": self.status}
        text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def caseworker_index(session: Session) -> dict[str, tuple[str, ...]]:
    """Folded name and email -> ids of live caseworkers (a name may belong to several)."""
    index: dict[str, list[str]] = {}
    for cw in session.scalars(select(Caseworker).where(Caseworker.deleted.is_(False))):
        for key in {fold(cw.name or ""), fold(cw.email or "")} - {""}:
            index.setdefault(key, []).append(cw.id)
    return {k: tuple(v) for k, v in index.items()}


def prepare_row(raw: RawRow, plan: ColumnPlan,
                caseworkers: CaseworkerIndex | None) -> PreparedRow:
    """`caseworkers` None (a preview without a store) leaves the caseworker unresolved."""
    width = len(plan.headers)
    if len(raw.cells) < width:
        return PreparedRow(raw.number, raw.line, {}, errors={
            "row": f"has {len(raw.cells)} columns, the header has {width}"})
    if any(c.strip() for c in raw.cells[width:]):
        return PreparedRow(raw.number, raw.line, {}, errors={
            "row": f"has {len(raw.cells)} columns, the header has {width}"})
    errors: dict[str, str] = {}
    data: dict[str, Any] = {}
    for source in plan.sources:
        try:
            value = _cell(source, raw.cells[source.index])
        except ValidationError as exc:
            errors.update(exc.errors)
            continue
        if value is not None:
            data[source.field] = value
    aliases_raw = data.pop("aliases", None)
    caseworker = data.pop("caseworker", None)
    status = data.pop("status", None)
    if status is not None:
        status = status.casefold()
        if status not in IMPORT_STATUSES:
            errors["status"] = f"must be one of: {', '.join(s.value for s in ParticipantStatus)}"
    if caseworker is not None and caseworkers is not None:
        try:
            data["caseworker_id"] = _caseworker(caseworker, caseworkers)
        except ValidationError as exc:
            errors.update(exc.errors)
    profile: dict[str, Any] = {}
    try:
        profile = validate_profile(data)
    except ValidationError as exc:
        errors.update({k: m for k, m in exc.errors.items() if k not in errors})
    aliases: list[dict[str, Any]] = []
    for i, (family, given) in enumerate(_split_aliases(aliases_raw), start=1):
        try:
            aliases.append(validate_alias({"family_name": family, "given_names": given}))
        except ValidationError as exc:
            detail = "; ".join(f"{k.removeprefix('alias.')} {m}" for k, m in exc.errors.items())
            errors.setdefault("aliases", f"alias {i}: {detail}")
    values = dict(profile) if profile else dict(data)  # a preview shows what was read
    if caseworker is not None:
        values["caseworker"] = caseworker
    if status is not None:
        values["status"] = status
    if aliases:
        values["aliases"] = "; ".join(
            f"{a['family_name']}, {a['given_names']}" if a["given_names"] else a["family_name"]
            for a in aliases)
    if errors:
        return PreparedRow(raw.number, raw.line, values, errors=errors)
    return PreparedRow(raw.number, raw.line, values, profile, tuple(aliases), status=status)


def _cell(source: FieldSource, cell: str) -> str | None:
    value = cell.strip()
    if value[:1] == "'" and value[1:2] in WRITTEN_FORMULA_STARTS:
        # The ' that an export or a rejects file puts before such a cell, so a spreadsheet
        # shows it as text: taken off, and the value is then judged like any other.
        value = value[1:].strip()
    if not value:
        return None
    if value.startswith(FORMULA_STARTS) and not (
            value.startswith("+") and source.field in PLUS_ALLOWED):
        raise ValidationError(source.field, "looks like a spreadsheet formula "
                              "(starts with =, +, - or @); refused")
    if source.date_format is not None:
        return source.date_format.parse(source.field, value)
    return value


def _caseworker(value: str, index: CaseworkerIndex) -> str:
    ids = index.get(fold(value), ())
    if not ids:
        raise ValidationError("caseworker", "is not a known caseworker (name or email)")
    if len(ids) > 1:
        raise ValidationError("caseworker", "names several caseworkers; use the email")
    return ids[0]


def _split_aliases(value: str | None) -> list[tuple[str, str | None]]:
    """"Family, Given; Family2" -> [("Family", "Given"), ("Family2", None)]."""
    out: list[tuple[str, str | None]] = []
    for part in (value or "").split(";"):
        if not part.strip():
            continue
        family, _, given = part.partition(",")
        out.append((family.strip(), given.strip() or None))
    return out
