"""Reading a mapping file (JSON) so that whatever it holds ends in one clear refusal, never a
traceback: a file too large to be a mapping, JSON nested thousands of levels deep (json's
parser recurses once per level and would stop with RecursionError), an integer of thousands
of digits (Python refuses to convert it, with ValueError), a key given twice. What the file
holds is put into messages only through `shown`: a lone surrogate ("\\ud800", valid JSON)
cannot be written to a terminal or a file, and a megabyte-long key would be a megabyte-long
message."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from app.errors import CCMSError, ValidationError

MAX_BYTES = 1 << 20  # a mapping is a few hundred bytes; the template is about 700
MAX_DEPTH = 16  # a mapping needs 2 (the object, a date field's {"column", "format"})
SHOWN_CHARS = 60
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}:]', re.DOTALL)
_UNWRITABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


def shown(value: str) -> str:
    """A value from the mapping as a message can hold it: control characters and lone
    surrogates escaped (\\n, \\ud800), and cut after SHOWN_CHARS characters."""
    text = _UNWRITABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                           value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def has_unwritable(value: str) -> bool:
    """A control character or a lone surrogate: what no date or column name holds."""
    return _UNWRITABLE.search(value) is not None


def load_mapping(path: Path) -> dict[str, Any]:
    path = Path(path)
    if path.is_dir():
        raise CCMSError(f"the mapping file is a folder: {path}")
    if not path.is_file():
        if path.exists():  # a FIFO, a device such as /dev/null, a socket
            raise CCMSError(f"the mapping file {path} is not a regular file; give the "
                            "JSON file")
        raise CCMSError(f"the mapping file does not exist: {path}")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError("mapping", f"is larger than {MAX_BYTES // 1024} KB, far "
                                  "more than a mapping holds; give the mapping's JSON file")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("mapping", "is not UTF-8 text") from None
    except OSError as exc:
        raise CCMSError(f"cannot read the mapping file {path}: {exc.strerror}") from None
    _check_depth(text)
    try:
        # No number is a valid mapping value: reading them as floats keeps a number of
        # thousands of digits from stopping json; the field then says it wants text.
        raw = json.loads(text, object_pairs_hook=_once_each, parse_int=float)
    except json.JSONDecodeError as exc:
        raise ValidationError("mapping", f"is not valid JSON (line {exc.lineno})") from None
    except RecursionError:  # _check_depth bounds the depth; kept in case a parser differs
        raise ValidationError("mapping", _too_deep_message()) from None
    if not isinstance(raw, dict):
        raise ValidationError("mapping", "must be a JSON object with one key per field")
    return raw


def _check_depth(text: str) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH, naming the top-level key whose value does,
    without recursing (a loop over the brackets outside strings)."""
    depth, key, last = 0, None, None
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token.startswith('"'):
            last = token
        elif token == ":":
            if depth == 1 and last is not None:
                key = _decoded(last)
        elif token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                field = "mapping" if key is None else f"mapping.{shown(key)}"
                raise ValidationError(field, _too_deep_message())
        else:
            depth -= 1
            if depth == 0:
                key = None


def _too_deep_message() -> str:
    return (f"is nested more than {MAX_DEPTH} levels deep; a field's value is a column "
            'name, null, or {"column": ..., "format": ...}')


def _decoded(token: str) -> str:
    try:
        value = json.loads(token)
    except ValueError:
        return token.strip('"')
    return value if isinstance(value, str) else token


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different (json keeps the last of a repeated key
    without a word, and a field read from the wrong column imports wrong data)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValidationError("mapping", f"names '{shown(key)}' twice; keep one")
        out[key] = value
    return out
