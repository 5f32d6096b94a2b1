"""Reading an import file: a CSV in UTF-8 (with or without BOM) or Windows-1252, with any
delimiter csv.Sniffer finds among comma, semicolon, tab and pipe, and quoted fields that
may hold line breaks. Each data row keeps its 1-based number (blank lines are not rows)
and the file line where it starts, so a reject points at the place in the file to fix.

A file that is not text (a NUL byte, bytes neither UTF-8 nor Windows-1252 can decode, or
a run of control characters) is refused whole before anything is written. Errors name the
file and the line, never a cell's content."""

from __future__ import annotations

import csv
import hashlib
import io
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
    if b"\x00" in data:
        raise CCMSError(_not_text(path))
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            raise CCMSError(_not_text(path)) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Older systems and Excel on Windows write Windows-1252; five of its bytes are
        # undefined, so binary data usually fails here too.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise CCMSError(_not_text(path)) from None


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
