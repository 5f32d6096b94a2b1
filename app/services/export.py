"""Plaintext export of every record (JSON Lines or CSV). Audited; written atomically with
owner-only permissions; the caller warns the user that the file is not encrypted."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import ColumnElement, select

from app.errors import ValidationError
from app.models import ENTITIES, Document, Participant, SyncedEntity
from app.models.wire import encode, wire_fields
from app.services.context import ServiceContext
from app.services.output_files import AtomicFile, check_output, spreadsheet_safe
from app.services.recorder import recording

FORMATS = ("jsonl", "csv")
PLAINTEXT_WARNING = ("warning: the export is NOT encrypted and holds personal data of "
                     "people at risk; keep it on an encrypted disk and delete it when done")
# What leaves the store: every entity but the audit trail's own rows and document bytes.
EXPORTED = tuple(name for name in ENTITIES if name != "audit_event")


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    counts: dict[str, int]


def _fields(cls: type[SyncedEntity]) -> list[str]:
    return [f for f in wire_fields(cls) if not (cls is Document and f == "content")]


def _rows(ctx: ServiceContext, name: str) -> Iterator[dict[str, Any]]:
    cls = ENTITIES[name]
    fields = _fields(cls)
    columns = [getattr(cls, f) for f in fields]
    live: ColumnElement[bool] = cls.deleted.is_(False)
    if cls is Participant:
        # A merged file too: its check-ins and slots keep its id, which names, through
        # its merged_into_id, the file it went into.
        live = live | Participant.merged_into_id.is_not(None)
    with ctx.store.session() as session:
        for row in session.execute(select(*columns).where(live)
                                   .execution_options(yield_per=2000)):
            yield {f: encode(v) for f, v in zip(fields, row, strict=True)}


def export_all(ctx: ServiceContext, fmt: str, out: Path,
               progress: Callable[[str, int], None] | None = None) -> ExportSummary:
    if fmt not in FORMATS:
        raise ValidationError("format", "must be jsonl or csv")
    out = Path(out)
    check_output(out, "out", data_dir=ctx.store.paths.data_dir)
    counts: dict[str, int] = {}
    with AtomicFile(out, newline="") as fh:
        for name in EXPORTED:
            counts[name] = (_write_jsonl if fmt == "jsonl" else _write_csv)(
                fh, name, _rows(ctx, name))
            if progress:
                progress(name, counts[name])
    with recording(ctx) as rec:
        rec.audit("export", "store", None, None, {"format": fmt, "counts": counts})
    return ExportSummary(out, counts)


def _write_jsonl(fh: TextIO, name: str, rows: Iterator[dict[str, Any]]) -> int:
    n = 0
    for row in rows:
        fh.write(json.dumps({"entity": name, **row}, ensure_ascii=False) + "\n")
        n += 1
    return n


def _neutralise(value: Any) -> Any:
    if isinstance(value, str):
        return spreadsheet_safe(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_csv(fh: TextIO, name: str, rows: Iterator[dict[str, Any]]) -> int:
    """One section per entity: a line with the entity name, then a header and its rows."""
    fields = _fields(ENTITIES[name])
    writer = csv.writer(fh)
    writer.writerow([f"# {name}"])
    writer.writerow(["entity", *fields])
    n = 0
    for row in rows:
        writer.writerow([name, *(_neutralise(row[f]) for f in fields)])
        n += 1
    writer.writerow([])
    return n
