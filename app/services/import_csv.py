"""Reading an import file: a CSV in UTF-8 (with or without BOM) or Windows-1252, with any
delimiter csv.Sniffer finds among comma, semicolon, tab and pipe, and quoted fields that
may hold line breaks. Each data row keeps its 1-based number (blank lines are not rows)
and the file line where it starts, so a reject points at the place in the file to fix.

A file that is not text (a NUL byte, bytes neither UTF-8 nor Windows-1252 can decode, or
a run of control characters), UTF-16 text, or UTF-8 with a stray byte of another encoding
is refused whole before anything is written. Errors name the file and the line, never a
cell's content."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import CCMSError

DELIMITERS = ",;\t|"
SNIFF_CHARS = 64 * 1024
# Control characters (other than tab and line breaks) per character of the sample above
# which the file is taken for binary data rather than text with a stray character.
BINARY_CONTROL_RATIO = 0.005
_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r") | {"\x7f"}


@dataclass(frozen=True)
class RawRow:
    number: int  # 1-based data row (the header and blank lines are not counted)
    line: int  # file line where the row starts
    cells: tuple[str, ...]


@dataclass(frozen=True)
class CsvTable:
    path: Path
    sha256: str
    encoding: str  # "utf-8" or "cp1252"
    delimiter: str
    headers: tuple[str, ...]
    text: str = field(repr=False)

    def rows(self) -> Iterator[RawRow]:
        """The data rows in file order. Raises CCMSError on text csv cannot parse."""
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter,
                            quotechar='"', doublequote=True, strict=False)
        prev_line, number, header_seen = 0, 0, False
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise CCMSError(f"{self.path.name}: line {reader.line_num} cannot be read as "
                                f"CSV ({_csv_reason(exc)}); nothing was imported") from None
            start, prev_line = prev_line + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue  # a blank line, or a line of empty cells
            if not header_seen:
                header_seen = True
                continue
            if reader.line_num > start:
                self._check_quote(cells, start, reader.line_num)
            number += 1
            yield RawRow(number, start, tuple(cells))

    def _check_quote(self, cells: list[str], start: int, end: int) -> None:
        """A row over several lines is fine when a quoted cell holds a line break (an
        address, a note), but when two lines or more inside the cell read as whole rows of
        the file (as many cells as the header, no quote), a quote was left open and the rows
        after it were swallowed into one cell: importing it would drop them without a word,
        so the file is refused. One such line may be a note that lists things."""
        width = len(self.headers)
        if width < 3:
            return  # in a file of two columns a comma in a note would look like a row
        for cell in cells:
            inner = cell.splitlines()[1:]
            rows = sum(1 for line in inner if '"' not in line
                       and len(line.split(self.delimiter)) == width)
            if rows >= 2:
                raise CCMSError(
                    f"{self.path.name}: line {start}: a quote (\") opened in this row is "
                    f"closed only on line {end}, so the lines in between, which look like "
                    "rows of their own, were read as one cell; correct the quote and import "
                    "again; nothing was imported")

    def count(self) -> int:
        """How many data rows; reads the whole file, so a malformed one fails here, and
        one with a header but no rows too."""
        n = sum(1 for _ in self.rows())
        if n == 0:
            raise self.no_rows()
        return n

    def no_rows(self) -> CCMSError:
        return CCMSError(f"{self.path.name} has a header line but no data rows; "
                         "nothing to import")


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    return "a field is too long" if "field limit" in text else "malformed quoting"


def read_table(path: Path) -> CsvTable:
    path = Path(path)
    if path.is_dir():
        raise CCMSError(f"the file to import is a folder: {path}")
    if not path.is_file():
        if path.exists():  # a FIFO, a device such as /dev/null, a socket
            raise CCMSError(f"{path} is not a regular file; give the CSV file")
        raise CCMSError(f"no such file: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CCMSError(f"cannot read {path}: {exc.strerror}") from None
    if not data.strip():
        raise CCMSError(f"{path.name} is empty")
    text, encoding = _decode(path, data)
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[:sample.rindex("\n")]  # whole lines only: a cut row misleads
    controls = sum(1 for ch in sample if ch in _CONTROLS)
    if controls > BINARY_CONTROL_RATIO * len(sample):
        raise CCMSError(_not_text(path))
    header_line = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = _delimiter(sample, header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next((row for row in reader if any(c.strip() for c in row)), [])
    except csv.Error:
        raise CCMSError(f"{path.name}: the header line cannot be read as CSV") from None
    if not any(h.strip() for h in headers):
        raise CCMSError(f"{path.name} has no header line (a first line naming the columns); "
                        "nothing was imported")
    table = CsvTable(path=path, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding,
                     delimiter=delimiter, headers=tuple(h.strip() for h in headers), text=text)
    return table


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The file's text and encoding. UTF-8 (the BOM is dropped) is tried strictly first,
    then Windows-1252; but a file that is evidently UTF-8 (it holds valid multi-byte UTF-8
    characters) with a byte that is not is refused: read as Windows-1252, every accented
    or non-Latin name in it would be stored garbled ("NguyÃ»n")."""
    if _is_utf16(data):
        raise CCMSError(f"{path.name} is UTF-16 text, which an import does not read; save it "
                        "again as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8\"); nothing was "
                        "imported")
    if (nul := data.find(b"\x00")) >= 0:
        line, _ = _where(data, nul)
        raise CCMSError(f"{path.name}: line {line} holds a NUL byte, which text never does "
                        "(a spreadsheet or another binary file? save it as CSV); nothing was "
                        "imported")
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start + (3 if bom else 0)
    if bom or _UTF8_MULTIBYTE.search(data):
        line, column = _where(data, bad)
        raise CCMSError(f"{path.name}: line {line}, column {column} holds a byte that is not "
                        "UTF-8, while the rest of the file is UTF-8: it mixes encodings, and "
                        "read either way some names would be stored garbled; correct that "
                        "character (or save the file again as CSV UTF-8) and import again; "
                        "nothing was imported")
    try:
        # Older systems and Excel on Windows write Windows-1252; five of its bytes are
        # undefined, so binary data usually fails here too.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        line, column = _where(data, exc.start)
        raise CCMSError(f"{path.name}: line {line}, column {column} holds a byte that is "
                        "neither UTF-8 nor Windows-1252 text; save the file as CSV UTF-8 and "
                        "import again; nothing was imported") from None


# A character of two bytes or more as UTF-8 writes it (no overlong forms, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")


def _is_utf16(data: bytes) -> bool:
    """A UTF-16 BOM, or text whose every other byte is NUL (UTF-16 without BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:4096]
    half = len(head) // 2
    if half < 2:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= 0.8 * half and min(even, odd) <= 0.1 * half


def _where(data: bytes, index: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of the byte at `index`."""
    start = data.rfind(b"\n", 0, index) + 1
    return data.count(b"\n", 0, index) + 1, len(data[start:index].decode(
        "utf-8", errors="replace")) + 1


def _not_text(path: Path) -> str:
    return (f"{path.name} is not a text CSV file (expected UTF-8 or Windows-1252 text; "
            "save it from the spreadsheet as CSV); nothing was imported")


def _delimiter(sample: str, header_line: str) -> str:
    """csv.Sniffer's choice, unless the header line does not even contain it (the sniffer
    can be misled by commas inside quoted values); then the commonest candidate there."""
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found and found in header_line:
        return found
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
