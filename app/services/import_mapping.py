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

import re
from dataclasses import dataclass
from typing import Any

from app.errors import ValidationError
from app.services.import_columns import unknown_columns, unknown_columns_message
from app.services.import_mapping_file import has_unwritable, shown
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

_DIRECTIVE = re.compile(r"%(.)", re.DOTALL)
MAX_FORMAT_CHARS = 40  # "%d/%m/%Y" is 8; a date's own text is shorter still
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
        for token in re.split(r"(%.)", variant, flags=re.DOTALL):
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
    tokens = [t for t in re.split(r"(%.)", pattern, flags=re.DOTALL) if t]
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


def resolve(mapping: dict[str, Any] | None, headers: tuple[str, ...]) -> ColumnPlan:
    """Check a mapping against a file's header (all problems at once) and resolve it."""
    spec = _auto(headers) if mapping is None else mapping
    errors: dict[str, str] = {}
    where: dict[str, list[int]] = {}
    for i, header in enumerate(headers):
        where.setdefault(header.strip(), []).append(i)
    sources: list[FieldSource] = []
    for field, value in spec.items():
        key = f"mapping.{shown(field)}"
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
            errors[key] = f"column '{shown(column)}' is not in the file"
        elif len(found) > 1:
            errors[key] = f"column '{shown(column)}' appears more than once in the file"
        elif (other := next((s for s in sources if s.index == found[0]), None)) is not None:
            errors[key] = f"column '{shown(column)}' is already read as {other.field}"
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
            raise ValueError(f"has unknown keys: {', '.join(shown(k) for k in sorted(extra))}")
        if "column" not in value:  # the format alone would leave the field out silently
            raise ValueError('names no column: write {"column": "...", "format": "..."}, '
                             "or null when the file lacks the field")
        column, fmt = value["column"], value.get("format")
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
    return column, _date_format(field, ISO_FORMAT if fmt is None else fmt)


def _date_format(field: str, fmt: Any) -> DateFormat:
    """Every format problem is found here, before a row is read: an unusable format would
    otherwise refuse every row (a lone % at the end) or reach the rejects file's reasons
    (a lone surrogate, which no file can be written with)."""
    if not isinstance(fmt, str):
        raise ValueError("format must be text such as %d/%m/%Y")
    if not fmt.strip():
        raise ValueError("format is empty; give one such as %d/%m/%Y, or leave it out for "
                         "YYYY-MM-DD")
    if len(fmt) > MAX_FORMAT_CHARS:
        raise ValueError(f"format is too long (at most {MAX_FORMAT_CHARS} characters)")
    if has_unwritable(fmt):
        raise ValueError("format holds a control character or a lone surrogate (such as "
                         "\\ud800), which no date holds")
    if "%" in _DIRECTIVE.sub("", fmt):  # what is left of "%d/%m/%Y%" once pairs are read
        raise ValueError("format ends with a lone %; write %% for a percent sign")
    directives = _DIRECTIVE.findall(fmt)
    if any(d not in ("Y", "m", "d", "%") for d in directives):
        raise ValueError("format may use only %Y, %m and %d (four-digit years, month numbers)")
    for d in ("Y", "m", "d"):
        if directives.count(d) != 1:
            raise ValueError(f"format must contain %{d} exactly once")
    return DateFormat(fmt, partial=field == "date_of_birth")
