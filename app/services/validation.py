"""Field validators: each returns the clean value or raises ValidationError naming the field.
Messages say what is wrong and never echo the value (it may be personal data)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from app.errors import ValidationError
from app.services.text import (
    ascii_digits,
    clean,
    clean_multiline,
    digits,
    has_control_chars,
    has_false_digits,
)

S = TypeVar("S", bound=StrEnum)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_POSTAL = re.compile(r"^[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]$")
NOT_A_DIGIT = ("holds a sign that looks like a digit but is not one (a superscript such as ², "
               "a circled digit...); write the digits 0-9")
PROVINCES = frozenset({"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK",
                       "YT"})


class Collector:
    """Gathers every field error of a form so the user sees them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def run(self, field: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(field, *args, **kwargs)
        except ValidationError as exc:
            self.errors.update(exc.errors)
            return None

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def text(field: str, value: Any, *, required: bool = False, max_len: int = 200,
         multiline: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, "is required")
        return None
    if not isinstance(value, str):
        raise ValidationError(field, "must be text")
    if has_control_chars(value.replace("\n", "").replace("\t", "") if multiline else value):
        raise ValidationError(field, "contains control characters")
    if not multiline and ("\n" in value or "\r" in value):
        raise ValidationError(field, "must be on one line")
    out = clean_multiline(value) if multiline else clean(value)
    if len(out) > max_len:
        raise ValidationError(field, f"is too long (at most {max_len} characters)")
    return out


def numeric_text(field: str, value: Any, *, max_len: int) -> str | None:
    """`text` for a value made of digits (a date, an ID, a phone): the decimal digits of
    every script are written 0-9, as they are compared and found (an ID typed with
    Arabic-Indic digits is the one typed with 0-9); a digit-like sign that is no digit is
    refused."""
    out = text(field, value, max_len=max_len)
    if out is None:
        return None
    if has_false_digits(out):
        raise ValidationError(field, NOT_A_DIGIT)
    return ascii_digits(out)


def name(field: str, value: Any, *, required: bool = False) -> str | None:
    out = text(field, value, required=required, max_len=200)
    if out is not None and not any(ch.isalpha() for ch in out):
        raise ValidationError(field, "must contain at least one letter")
    return out


def client_id(field: str, value: Any) -> str | None:
    """CBSA/IRCC unique client identifier: 8 or 10 digits (spaces and dashes allowed)."""
    out = numeric_text(field, value, max_len=20)
    if out is None:
        return None
    if re.fullmatch(r"[0-9\s-]+", out) is None:
        raise ValidationError(field, "must be 8 or 10 digits")
    only = digits(out)
    if len(only) not in (8, 10):
        raise ValidationError(field, "must be 8 or 10 digits")
    return only


def phone(field: str, value: Any) -> str | None:
    out = numeric_text(field, value, max_len=40)
    if out is None:
        return None
    if re.fullmatch(r"\+?[0-9\s().-]+(?:\s*(?:x|ext\.?)\s*[0-9]+)?", out, re.IGNORECASE) is None:
        raise ValidationError(field, "must be a phone number (digits, spaces, + ( ) -)")
    if not 7 <= len(digits(out.split("x")[0])) <= 15:
        raise ValidationError(field, "must have between 7 and 15 digits")
    return out


def email(field: str, value: Any) -> str | None:
    out = text(field, value, max_len=254)
    if out is not None and _EMAIL.match(out) is None:
        raise ValidationError(field, "must be an email address")
    return out


def partial_date(field: str, value: Any, *, today: date | None = None) -> str | None:
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': day or month may be unknown; never in the future."""
    if isinstance(value, date):
        value = value.isoformat()
    out = numeric_text(field, value, max_len=10)
    if out is None:
        return None
    m = _PARTIAL_DATE.match(out)
    if m is None:
        raise ValidationError(field, "must be a date as YYYY-MM-DD (or YYYY-MM, or YYYY)")
    year, month, day = int(m[1]), m[2], m[3]
    if year < 1900:
        raise ValidationError(field, "is before 1900")
    try:
        if month is not None and not 1 <= int(month) <= 12:
            raise ValueError
        if day is not None:
            date(year, int(month or 1), int(day))
    except ValueError:
        raise ValidationError(field, "is not a real date") from None
    today = today or date.today()
    if (year, int(month or 1), int(day or 1)) > (today.year, today.month, today.day):
        raise ValidationError(field, "is in the future")
    return out


def a_date(field: str, value: Any, *, required: bool = False) -> date | None:
    if value is None or value == "":
        if required:
            raise ValidationError(field, "is required")
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValidationError(field, "must be a date")
    if has_false_digits(value):
        raise ValidationError(field, NOT_A_DIGIT)
    try:
        return date.fromisoformat(ascii_digits(value.strip()))
    except ValueError:
        raise ValidationError(field, "must be a date as YYYY-MM-DD") from None


def choice(field: str, value: Any, enum: type[S], *, required: bool = False) -> S | None:
    if value is None or value == "":
        if required:
            raise ValidationError(field, "is required")
        return None
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise ValidationError(field, f"must be one of: {allowed}") from None


def text_list(field: str, value: Any, *, max_items: int = 30, max_len: int = 100) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, Iterable):
        raise ValidationError(field, "must be a list")
    out: list[str] = []
    for item in value:
        cleaned = text(field, item, max_len=max_len)
        if cleaned and cleaned not in out:
            out.append(cleaned)
    if len(out) > max_items:
        raise ValidationError(field, f"has too many entries (at most {max_items})")
    return out


def province(field: str, value: Any) -> str | None:
    out = text(field, value, max_len=2)
    if out is None:
        return None
    if out.upper() not in PROVINCES:
        raise ValidationError(field, "must be a Canadian province or territory code")
    return out.upper()


def postal_code(field: str, value: Any) -> str | None:
    out = text(field, value, max_len=7)
    if out is None:
        return None
    if _POSTAL.match(out) is None:
        raise ValidationError(field, "must be a Canadian postal code (A1A 1A1)")
    compact = out.replace(" ", "").upper()
    return f"{compact[:3]} {compact[3:]}"


def positive_int(field: str, value: Any, *, minimum: int = 1, maximum: int = 10_000) -> int:
    try:
        out = int(value)
    except (TypeError, ValueError):
        raise ValidationError(field, "must be a whole number") from None
    if isinstance(value, bool) or not minimum <= out <= maximum:
        raise ValidationError(field, f"must be between {minimum} and {maximum}")
    return out


def boolean(field: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"yes", "y", "true", "1", "oui"}:
        return True
    if value is None or (isinstance(value, str) and value.strip().lower() in
                         {"", "no", "n", "false", "0", "non"}):
        return False
    raise ValidationError(field, "must be yes or no")
