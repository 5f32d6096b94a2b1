"""Read-only looks at an import file: a preview of its first rows as they would be imported
(for the GUI's import dialog) and, for every row, its probable duplicates in the store
(`ccms duplicates --file`). Neither writes anything."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.services.context import ServiceContext
from app.services.import_csv import RawRow, read_table
from app.services.import_mapping import ColumnPlan, resolve
from app.services.import_refs import REF_TAKEN, RefHolders
from app.services.import_rows import PreparedRow, caseworker_index, prepare_row
from app.services.importing import MappingArg, mapping_from
from app.services.matching import find_duplicates_in
from app.services.views import DuplicateCandidate


@dataclass(frozen=True)
class PreviewRow:
    row: int
    line: int
    values: dict[str, Any]  # field -> value as it would be imported
    errors: dict[str, str] = field(default_factory=dict)  # field -> what is wrong


@dataclass(frozen=True)
class ImportPreview:
    headers: tuple[str, ...]
    fields: tuple[str, ...]  # the fields the mapping fills, in mapping order
    encoding: str
    delimiter: str
    rows: tuple[PreviewRow, ...]


@dataclass(frozen=True)
class RowDuplicates:
    row: int
    line: int
    candidates: tuple[DuplicateCandidate, ...]
    errors: dict[str, str] = field(default_factory=dict)


def preview(path: Path, mapping: MappingArg = None, limit: int = 20,
            ctx: ServiceContext | None = None) -> ImportPreview:
    """The first `limit` data rows as they would be imported. Without `ctx` (no store open)
    the caseworker column is shown as written but not checked against the caseworkers, nor
    the reference against the files already in the store."""
    table = read_table(path)
    plan = resolve(mapping_from(mapping), table.headers)
    caseworkers = None
    if ctx is not None:
        with ctx.store.session() as session:
            caseworkers = caseworker_index(session)
    prepared: list[PreparedRow] = []
    for raw in table.rows():
        if len(prepared) >= limit:
            break
        prepared.append(prepare_row(raw, plan, caseworkers))
    if not prepared:
        raise table.no_rows()  # as the import itself would
    taken = _refs_taken(ctx, prepared) if ctx is not None else set()
    rows = tuple(PreviewRow(p.number, p.line, p.values,
                            {"external_ref": REF_TAKEN} if p.number in taken else p.errors)
                 for p in prepared)
    return ImportPreview(table.headers, plan.fields, table.encoding, table.delimiter, rows)


def _refs_taken(ctx: ServiceContext, rows: list[PreparedRow]) -> set[int]:
    """The rows the import would refuse for a reference that belongs to another file."""
    with_ref = [(p, p.content_sha256()) for p in rows if p.ok and p.profile.get("external_ref")]
    with ctx.store.session() as session:
        holders = RefHolders(session, ((p.profile["external_ref"], d) for p, d in with_ref))
    return {p.number for p, d in with_ref if holders.is_held(p.profile["external_ref"])
            and holders.same_row(p.profile["external_ref"], d, p.profile) is None}


def duplicates_in_file(ctx: ServiceContext, path: Path, mapping: MappingArg = None,
                       top: int = 5,
                       progress: Callable[[int, int], None] | None = None
                       ) -> Iterator[RowDuplicates]:
    """For each data row, its best `top` candidates in the store (best first). A row that
    fails validation comes with its errors and no candidates. The file and the mapping are
    checked before the first row is yielded."""
    table = read_table(path)
    plan = resolve(mapping_from(mapping), table.headers)
    total = table.count()
    return _check(ctx, table.rows(), plan, top, total, progress)


def _check(ctx: ServiceContext, rows: Iterator[RawRow], plan: ColumnPlan, top: int, total: int,
           progress: Callable[[int, int], None] | None) -> Iterator[RowDuplicates]:
    with ctx.store.session() as session:
        caseworkers = caseworker_index(session)
        for raw in rows:
            p = prepare_row(raw, plan, caseworkers)
            if p.ok:
                found = tuple(find_duplicates_in(session, p.profile, top))
                yield RowDuplicates(p.number, p.line, found)
            else:
                yield RowDuplicates(p.number, p.line, (), p.errors)
            if progress and (p.number % 100 == 0 or p.number == total):
                progress(p.number, total)
