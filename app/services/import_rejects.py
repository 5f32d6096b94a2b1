"""The rejects file of an import: one line per refused row with its data row number, its
file line and the reason per field, followed by the row's original cells so the user can
fix them and import the corrected rows. It is the user's own data going back to them (the
import file held it already), so it is written owner-only (0600), and cells that a
spreadsheet would run as formulas are prefixed with ' (as the export does)."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any, TextIO

from app.errors import CCMSError, ValidationError
from app.services.import_csv import RawRow

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def default_rejects_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}.rejects.csv")


def reasons_text(errors: dict[str, str]) -> str:
    return "; ".join(f"{field}: {message}" for field, message in errors.items())


class RejectsFile:
    """Opened on the first reject, written to a temporary name and moved into place by
    `finish()`, so a reader never sees half a file; `discard()` removes the temporary."""

    def __init__(self, path: Path, headers: tuple[str, ...]) -> None:
        self.path = Path(path)
        self.headers = headers
        self.count = 0
        self._tmp = self.path.with_name(f".{self.path.name}.partial")
        self._fh: TextIO | None = None
        self._writer: Any = None  # csv's writer type is private

    def check(self) -> None:
        """Before the import writes anything: the rejects can be written where asked."""
        folder = self.path.parent
        if self.path.is_dir():
            raise ValidationError("rejects", "is a folder; give a file name")
        if not folder.is_dir():
            raise ValidationError("rejects", f"its folder does not exist: {folder}")
        if not os.access(folder, os.W_OK):
            raise ValidationError("rejects", f"its folder is not writable: {folder}")

    def add(self, row: RawRow, errors: dict[str, str]) -> None:
        try:
            if self._writer is None:
                fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                # utf-8-sig: spreadsheets on Windows then read accents correctly.
                self._fh = os.fdopen(fd, "w", encoding="utf-8-sig", newline="")
                self._writer = csv.writer(self._fh)
                self._writer.writerow(["row", "line", "reasons", *self.headers])
            self._writer.writerow([row.number, row.line, reasons_text(errors),
                                   *(_neutralise(c) for c in row.cells)])
        except OSError as exc:
            raise CCMSError(f"cannot write the rejects file {self.path}: {exc.strerror}; "
                            "the rows committed so far are kept, run the import again "
                            "once it can be written") from None
        self.count += 1

    def finish(self) -> Path | None:
        """Close and publish the file; None when no row was rejected."""
        if self._fh is None:
            return None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        self._fh = None
        os.replace(self._tmp, self.path)
        return self.path

    def discard(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self._tmp.unlink(missing_ok=True)


def _neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
