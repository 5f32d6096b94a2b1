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
from app.services.import_rows import caseworker_index, prepare_row
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
    the caseworker column is shown as written but not checked against the caseworkers."""
    table = read_table(path)
    plan = resolve(mapping_from(mapping), table.headers)
    caseworkers = None
    if ctx is not None:
        with ctx.store.session() as session:
            caseworkers = caseworker_index(session)
    rows: list[PreviewRow] = []
    for raw in table.rows():
        if len(rows) >= limit:
            break
        p = prepare_row(raw, plan, caseworkers)
        rows.append(PreviewRow(p.number, p.line, p.values, p.errors))
    if not rows:
        raise table.no_rows()  # as the import itself would
    return ImportPreview(table.headers, plan.fields, table.encoding, table.delimiter,
                         tuple(rows))


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
