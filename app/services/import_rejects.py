"""The rejects file of an import: one line per refused row with its data row number, its
file line and the reason per field, followed by the row's original cells so the user can
fix them and import the corrected rows (the file itself can be imported: its own row, line
and reasons columns are then left out of the next rejects file). It is the user's own data
going back to them (the import file held it already), so it is written owner-only (0600),
and cells that a spreadsheet would run as formulas are prefixed with ' (as the export does).

It always tells of the last whole run: a run that refuses no row removes the rejects file an
earlier run left at the same place, once it is sure the file is one (its header); a stopped
run leaves it as it was (`importing`)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.services.import_csv import RawRow
from app.services.output_files import AtomicFile, check_output, spreadsheet_safe

OWN_COLUMNS = ("row", "line", "reasons")
ENCODING = "utf-8-sig"  # spreadsheets on Windows then read accents correctly
REJECTS_SUFFIX = ".rejects.csv"


def default_rejects_path(source: Path) -> Path:
    return source.with_name(source.stem + REJECTS_SUFFIX)


def reasons_text(errors: dict[str, str]) -> str:
    return "; ".join(f"{field}: {message}" for field, message in errors.items())


class RejectsFile:
    """Opened on the first reject and published by `finish()`; `discard()` drops it."""

    def __init__(self, path: Path, headers: tuple[str, ...]) -> None:
        self.path = Path(path)
        # A rejects file imported again: its own columns are not the user's data.
        self._skip = len(OWN_COLUMNS) if headers[:len(OWN_COLUMNS)] == OWN_COLUMNS else 0
        self.headers = headers[self._skip:]
        self.count = 0
        self.removed_stale = False
        self._file = AtomicFile(self.path, encoding=ENCODING, newline="")
        self._writer: Any = None  # csv's writer type is private

    def check(self, *, inputs: tuple[Path | None, ...] = (), data_dir: Path | None = None,
              chosen: bool = True) -> None:
        """Before the import writes anything: the rejects can be written where asked (never
        over the file being imported or its mapping, never in the store's folder)."""
        try:
            check_output(self.path, "rejects", inputs=inputs, data_dir=data_dir)
        except ValidationError as exc:
            if chosen:
                raise
            raise ValidationError("rejects", f"they go beside the file by default "
                                  f"({self.path.name}), but {exc.errors['rejects']}; "
                                  "choose another place for them") from None

    def add(self, row: RawRow, errors: dict[str, str]) -> None:
        if self._writer is None:
            self._writer = csv.writer(self._file.open())
            self._write([*OWN_COLUMNS, *self.headers])
        self._write([str(row.number), str(row.line), reasons_text(errors),
                     *(spreadsheet_safe(c) for c in row.cells[self._skip:])])
        self.count += 1

    def _write(self, cells: list[str]) -> None:
        try:
            self._writer.writerow(cells)
        except OSError as exc:
            raise self._file.error(exc) from None

    def finish(self) -> Path | None:
        """Publish the file; None when no row was rejected."""
        if self._writer is None:
            self.removed_stale = _remove_if_rejects(self.path)
            return None
        self._writer = None
        return self._file.commit()

    def discard(self) -> None:
        self._writer = None
        self._file.discard()


def _remove_if_rejects(path: Path) -> bool:
    try:
        with path.open(encoding=ENCODING, newline="") as fh:
            header = next(csv.reader(fh), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    if tuple(header[:len(OWN_COLUMNS)]) != OWN_COLUMNS:
        return False
    path.unlink(missing_ok=True)
    return True
