"""Whether an import row whose old-system reference (external_ref) is already in the store is
that same row, imported before, or a different one that carries a reference already taken.

Two old-system exports made at different times (or by different offices) can reuse the
same reference numbers for different people. Taking every row with a known reference for
"already imported" would drop those people without a word; creating them would give two
files one reference. So a row is the one already in the store only when:
- an import recorded a row with the same values (`PreparedRow.content_sha256`) for the file
  that holds the reference (from any file, before or earlier in this run), or
- every value the row imports equals the holder's (a file entered at intake, received by
  sync, or imported before its rows were hashed).
Any other row with a held reference is refused, with the reason on its external_ref field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ImportedRow, Participant
from app.services.participants import PROFILE_FIELDS

# Names no value; "another file" is a participant's file, as the app calls it.
REF_TAKEN = "already belongs to another file in the store, with other details; not imported"


class RefHolders:
    """The files holding the references of one batch of rows, read in the batch's
    transaction (one query each, not one per row); rows created in the batch are added."""

    def __init__(self, session: Session, rows: Iterable[tuple[str, str]]) -> None:
        """`rows`: (external_ref, content digest) of the batch's rows that have one."""
        pairs = list(rows)
        refs = {ref for ref, _ in pairs}
        self._holders: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        # (participant id, digest of a row of it); both columns may be null, never here.
        self._made: set[tuple[str | None, str | None]] = set()
        if not refs:
            return
        # Any file with the reference counts, even a merged or purged one.
        for p in session.scalars(select(Participant).where(Participant.external_ref.in_(refs))):
            values = {f: getattr(p, f) for f in PROFILE_FIELDS}
            self._holders.setdefault(p.external_ref or "", []).append((p.id, values))
        ids = [pid for held in self._holders.values() for pid, _ in held]
        if ids:
            self._made = {(pid, digest) for pid, digest in session.execute(
                select(ImportedRow.participant_id, ImportedRow.row_sha256).where(
                    ImportedRow.participant_id.in_(ids),
                    ImportedRow.row_sha256.in_({d for _, d in pairs})))}

    def is_held(self, ref: str) -> bool:
        return ref in self._holders

    def same_row(self, ref: str, digest: str, profile: dict[str, Any]) -> str | None:
        """The id of the file this row already is, or None when the reference belongs to
        files of other details."""
        for pid, values in self._holders.get(ref, ()):
            if (pid, digest) in self._made or all(
                    values.get(f) == v for f, v in profile.items()):
                return pid
        return None

    def add(self, ref: str, pid: str, digest: str, profile: dict[str, Any]) -> None:
        """A file created from a row of this batch: a later row with its reference is
        measured against it."""
        self._holders.setdefault(ref, []).append((pid, dict(profile)))
        self._made.add((pid, digest))
