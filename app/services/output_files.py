"""Files written for the user (an export, an import's rejects, a list of duplicates): checked
before any work starts, then written owner-only and atomically.

They hold personal data in plain text, so a file is never written over an input of the same
command (a rejects file named like its CSV would replace the rows it came from) nor inside the
store's folder (it would replace the store), and never through a device, pipe or socket: the
final rename replaces whatever the name points at, so `/dev/stdout` would become a file. A
name that is a link to a regular file is written through the link."""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import TextIO

from app.errors import CCMSError, ValidationError

# A spreadsheet runs a cell that starts with one of these as a formula (tab and carriage
# return too, in some); a written cell that does is prefixed with ' , which the spreadsheet
# shows as text and hides, and which an import takes off again (`import_rows`).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Never through a link planted at the temporary name (POSIX only: Windows has no such flag).
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def spreadsheet_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def check_output(path: Path, field: str, *, inputs: Iterable[Path | None] = (),
                 data_dir: Path | None = None) -> Path:
    """The file `path` names once links are followed; raises ValidationError(field, why)
    when it cannot or must not be written. An existing regular file is replaced."""
    path = Path(path)
    if path.is_dir():
        raise ValidationError(field, "is a folder; give a file name")
    if (path.exists() and not path.is_file()) or _system_path(path):
        raise ValidationError(field, "is a device, a pipe or a system file, not a regular file; "
                                     "give a file name")
    target = path.resolve()
    if not target.parent.is_dir():
        raise ValidationError(field, f"its folder does not exist: {path.parent}")
    for source in inputs:
        if source is not None and _same_file(target, Path(source)):
            raise ValidationError(field, f"is {Path(source).name}, which this command reads; "
                                         "give another file name")
    if data_dir is not None and target.is_relative_to(Path(data_dir).resolve()):
        raise ValidationError(field, "is inside the store's folder; give a file outside it")
    if not os.access(target.parent, os.W_OK):
        raise ValidationError(field, f"its folder is not writable: {path.parent}")
    return target


def _system_path(path: Path) -> bool:
    """/dev/stdout and /proc/self/fd/N: the final rename would replace the link (or the
    file a shell redirected to) instead of writing to the stream."""
    return any(str(p).startswith(("/dev/", "/proc/")) and not str(p).startswith("/dev/shm/")
               for p in (path.absolute(), path.resolve()))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a == b.resolve()


class AtomicFile:
    """A text file written under a temporary name beside its target (owner-only) and moved
    into place by `commit()`, so a reader never sees half of it and a failure leaves the
    previous file as it was. As a context manager: commits on success, discards on error.
    An OSError on the way becomes a CCMSError naming the file."""

    def __init__(self, path: Path, *, encoding: str = "utf-8", newline: str | None = None):
        self.path = Path(path)
        self.target = self.path.resolve()
        self.tmp = self.target.with_name(f".{self.target.name}.partial")
        self._encoding, self._newline = encoding, newline
        self.fh: TextIO | None = None

    def open(self) -> TextIO:
        try:
            fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NO_FOLLOW, 0o600)
        except OSError as exc:
            raise self.error(exc) from None
        self.fh = os.fdopen(fd, "w", encoding=self._encoding, newline=self._newline)
        return self.fh

    def commit(self) -> Path:
        assert self.fh is not None, "commit() of a file never opened"
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            self.fh = None
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.discard()
            raise self.error(exc) from None
        return self.path

    def discard(self) -> None:
        if self.fh is not None:
            with suppress(OSError):  # a failed flush of what is thrown away anyway
                self.fh.close()
            self.fh = None
        self.tmp.unlink(missing_ok=True)

    def error(self, exc: OSError) -> CCMSError:
        return CCMSError(f"cannot write {self.path}: {exc.strerror or exc}")

    def __enter__(self) -> TextIO:
        return self.open()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
            return
        self.discard()
        if isinstance(exc, OSError):
            raise self.error(exc) from None
