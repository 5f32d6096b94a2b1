"""Which CSV column holds which participant field, and how its dates are written.

A mapping is a JSON object with one key per field. A value is the column's header, or an
object `{"column": "DOB", "format": "%d/%m/%Y"}` for the two date fields, or null (the field
is not in the file). Without a mapping, a column whose header equals a field's key (case and
surrounding spaces ignored) holds that field, and dates are ISO 8601 (YYYY-MM-DD; a date of
birth may also be YYYY-MM or YYYY); a column whose header is no field key refuses the file
(`import_columns`: its data would be lost). Every problem with a mapping is found before anything is
written, and named: the field and the column (headers are not personal data; cells are).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import CCMSError, ValidationError
from app.services.import_columns import unknown_columns, unknown_columns_message
from app.services.import_rejects import OWN_COLUMNS
from app.services.text import ascii_digits, has_false_digits
from app.services.validation import NOT_A_DIGIT

# The fields an import can fill, in the order the template lists them. "aliases" is one
# column ("Family, Given; Family2"); "caseworker" is a caseworker's name or email.
FIELDS: tuple[str, ...] = (
    "family_name", "given_names", "aliases", "date_of_birth", "sex", "citizenship",
    "client_id", "phone", "email", "address_line", "city", "province", "postal_code",
    "caseworker", "status", "referral_date", "external_ref",
)
DATE_FIELDS = frozenset({"date_of_birth", "referral_date"})
ISO_FORMAT = "%Y-%m-%d"

_DIRECTIVE = re.compile(r"%(.)")
# A day or month the old system did not know: 0, 00, ?, ??, x, xx, UN, UNK.
_UNKNOWN = r"[0-9]{1,2}|[?xX]{1,2}|(?i:unk?)"


@dataclass(frozen=True)
class DateFormat:
    """A strptime-like format limited to %Y, %m and %d (two-digit years are ambiguous for
    birth dates, month names vary by language). `partial` also accepts the format with the
    day left out, then with the month left out, so "04/1980" and "1980" are valid dates of
    birth under "%d/%m/%Y"; a day or month written as 00, ?? or UNK counts as unknown."""

    pattern: str
    partial: bool

    def parse(self, field: str, value: str) -> str:
        """The value as ISO text (YYYY-MM-DD, or YYYY-MM / YYYY when partial), in the digits
        0-9 whatever digits it was written in (١٩٨٠ is 1980)."""
        if has_false_digits(value):
            raise ValidationError(field, NOT_A_DIGIT)
        value = ascii_digits(value)
        for regex in _compile(self.pattern, self.partial):
            m = regex.fullmatch(value)
            if m is None:
                continue
            year = m.group("Y")
            month = _known(m.groupdict().get("m"))
            day = _known(m.groupdict().get("d"))
            if month is None:
                if not self.partial:
                    break
                return year
            if day is None:
                if not self.partial:
                    break
                return f"{year}-{month:02d}"
            return f"{year}-{month:02d}-{day:02d}"
        raise ValidationError(field, f"does not match the date format {self.pattern}")


def _known(part: str | None) -> int | None:
    if part is None or not part.isdigit() or int(part) == 0:
        return None
    return int(part)


def _compile(pattern: str, partial: bool) -> list[re.Pattern[str]]:
    variants = [pattern]
    if partial:
        for directive in ("%d", "%m"):
            variants.append(_drop(variants[-1], directive))
    out = []
    for variant in variants:
        regex = ""
        for token in re.split(r"(%.)", variant):
            if token == "%Y":
                regex += r"(?P<Y>[0-9]{4})"
            elif token in ("%m", "%d"):
                regex += f"(?P<{token[1]}>{_UNKNOWN})"
            elif token == "%%":
                regex += "%"
            else:
                regex += re.escape(token)
        out.append(re.compile(regex))
    return out


def _drop(pattern: str, directive: str) -> str:
    """The format without one directive and the separator beside it: %d/%m/%Y -> %m/%Y."""
    tokens = [t for t in re.split(r"(%.)", pattern) if t]
    if directive not in tokens:
        return pattern
    i = tokens.index(directive)
    if i + 1 < len(tokens) and not tokens[i + 1].startswith("%"):
        del tokens[i:i + 2]
    elif i > 0 and not tokens[i - 1].startswith("%"):
        del tokens[i - 1:i + 1]
    else:
        del tokens[i]
    return "".join(tokens)


@dataclass(frozen=True)
class FieldSource:
    field: str
    column: str
    index: int
    date_format: DateFormat | None = None


@dataclass(frozen=True)
class ColumnPlan:
    """The resolved mapping for one file's header."""

    headers: tuple[str, ...]
    sources: tuple[FieldSource, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(s.field for s in self.sources)


def mapping_template() -> dict[str, Any]:
    """Every field, mapped to a column of the same name; dates with their format. Replace each
    column name with your file's header, or set a field to null when the file lacks it."""
    return {f: {"column": f, "format": ISO_FORMAT} if f in DATE_FIELDS else f for f in FIELDS}


def load_mapping(path: Path) -> dict[str, Any]:
    path = Path(path)
    if path.is_dir():
        raise CCMSError(f"the mapping file is a folder: {path}")
    if not path.is_file():
        raise CCMSError(f"the mapping file does not exist: {path}")
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"), object_pairs_hook=_once_each)
    except UnicodeDecodeError:
        raise ValidationError("mapping", "is not UTF-8 text") from None
    except OSError as exc:
        raise CCMSError(f"cannot read the mapping file {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise ValidationError("mapping", f"is not valid JSON (line {exc.lineno})") from None
    if not isinstance(raw, dict):
        raise ValidationError("mapping", "must be a JSON object with one key per field")
    return raw


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different (json keeps the last of a repeated key
    without a word, and a field read from the wrong column imports wrong data)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValidationError("mapping", f"names '{key}' twice; keep one")
        out[key] = value
    return out


def resolve(mapping: dict[str, Any] | None, headers: tuple[str, ...]) -> ColumnPlan:
    """Check a mapping against a file's header (all problems at once) and resolve it."""
    spec = _auto(headers) if mapping is None else mapping
    errors: dict[str, str] = {}
    where: dict[str, list[int]] = {}
    for i, header in enumerate(headers):
        where.setdefault(header.strip(), []).append(i)
    sources: list[FieldSource] = []
    for field, value in spec.items():
        key = f"mapping.{field}"
        if field not in FIELDS:
            errors[key] = f"is not a field that can be imported (fields: {', '.join(FIELDS)})"
            continue
        try:
            column, fmt = _column_and_format(field, value)
        except ValueError as exc:
            errors[key] = str(exc)
            continue
        if column is None:
            continue
        found = where.get(column.strip(), [])
        if not found:
            errors[key] = f"column '{column}' is not in the file"
        elif len(found) > 1:
            errors[key] = f"column '{column}' appears more than once in the file"
        elif (other := next((s for s in sources if s.index == found[0]), None)) is not None:
            errors[key] = f"column '{column}' is already read as {other.field}"
        else:
            sources.append(FieldSource(field, column, found[0], fmt))
    if "mapping.family_name" not in errors and not any(s.field == "family_name" for s in sources):
        errors["mapping.family_name"] = ("is required: name the column holding the family "
                                         "name (or give the file a family_name column)")
    if mapping is None and (unknown := unknown_columns(headers, FIELDS, OWN_COLUMNS)):
        errors["columns"] = unknown_columns_message(unknown)
    if errors:
        raise ValidationError(errors)
    return ColumnPlan(headers=headers, sources=tuple(sources))


def _auto(headers: tuple[str, ...]) -> dict[str, Any]:
    by_key = {h.strip().casefold(): h for h in headers}
    return {f: by_key[f] for f in FIELDS if f in by_key}


def _column_and_format(field: str, value: Any) -> tuple[str | None, DateFormat | None]:
    fmt: Any = None
    if isinstance(value, dict):
        extra = set(value) - {"column", "format"}
        if extra:
            raise ValueError(f"has unknown keys: {', '.join(sorted(extra))}")
        column, fmt = value.get("column"), value.get("format")
    else:
        column = value
    if column is None or column == "":
        return None, None
    if not isinstance(column, str):
        raise ValueError("must name a column (text), or be null")
    if fmt is not None and field not in DATE_FIELDS:
        raise ValueError("takes no format (only date_of_birth and referral_date do)")
    if field not in DATE_FIELDS:
        return column, None
    return column, _date_format(field, fmt or ISO_FORMAT)


def _date_format(field: str, fmt: Any) -> DateFormat:
    if not isinstance(fmt, str):
        raise ValueError("format must be text such as %d/%m/%Y")
    directives = _DIRECTIVE.findall(fmt)
    if any(d not in ("Y", "m", "d", "%") for d in directives):
        raise ValueError("format may use only %Y, %m and %d (four-digit years, month numbers)")
    for d in ("Y", "m", "d"):
        if directives.count(d) != 1:
            raise ValueError(f"format must contain %{d} exactly once")
    return DateFormat(fmt, partial=field == "date_of_birth")
