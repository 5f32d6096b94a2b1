"""`ccms import` (participants from a CSV file) and `ccms duplicates` (probable duplicates of
a file's rows in the store, or, with --scan, inside the store)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from app.cli.common import add_parser, opened
from app.cli.progress import TerminalProgress
from app.services.context import ServiceContext
from app.services.duplicate_review import file_references, find_pairs, keep_for_review
from app.services.import_check import RowDuplicates, duplicates_in_file
from app.services.import_mapping import mapping_template
from app.services.import_mapping_file import load_mapping
from app.services.import_rejects import default_rejects_path
from app.services.importing import ON_DUPLICATE, ImportSummary, run_import
from app.services.output_files import AtomicFile, check_output

MAX_TOP = 50
DEFAULT_TOP = 5
SOME_ROWS_REFUSED = 4  # exit status: imported, but rows went to the rejects file


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(sub, common, "import", "import participants from a CSV file (exit "
                   f"status {SOME_ROWS_REFUSED} when some rows were refused)")
    p.add_argument("--file", type=Path, metavar="F.csv",
                   help="the CSV file (UTF-8 or Windows-1252, any usual delimiter)")
    p.add_argument("--mapping", type=Path, metavar="M.json",
                   help="which column holds which field (default: headers equal field keys)")
    p.add_argument("--on-duplicate", choices=ON_DUPLICATE, default="flag",
                   help="a row that is probably someone already in the store: import it "
                   "and flag the pair for review (default); skip it when the match is "
                   "confident (others are still imported and flagged); or import it "
                   "without a flag")
    p.add_argument("--rejects", type=Path, metavar="R.csv",
                   help="where refused rows go (default: F.rejects.csv beside the file); "
                   "an existing file there is replaced")
    p.add_argument("--print-mapping-template", action="store_true",
                   help="print a mapping file to edit, and exit")
    p.set_defaults(func=cmd_import)

    p = add_parser(sub, common, "duplicates", "list probable duplicates (writes JSON lines)")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", type=Path, metavar="F.csv",
                        help="check each row of this file against the store (nothing imported)")
    source.add_argument("--scan", action="store_true",
                        help="list probable duplicate pairs inside the store")
    p.add_argument("--mapping", type=Path, metavar="M.json",
                   help="with --file: which column holds which field (as for import)")
    p.add_argument("--top", type=int, metavar="K",
                   help=f"with --file: candidates per row, 1 to {MAX_TOP} (default "
                   f"{DEFAULT_TOP})")
    p.add_argument("--out", type=Path, required=True, metavar="OUT.jsonl",
                   help="where the JSON lines go (owner-only; an existing file is replaced)")
    p.set_defaults(func=cmd_duplicates)


def _fail(message: str) -> int:
    print(f"ccms: {message}", file=sys.stderr)
    return 2


class _Progress:
    """A bar on a terminal; otherwise one line per step ("importing 500/3000"), so a
    supervising program (or a test) can follow the import without a tty."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: TerminalProgress | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = TerminalProgress(self.label, total)
        self.bar.update(done)
        if not self.bar.tty:
            print(f"{self.label} {done}/{total}", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.done()


def cmd_import(args: argparse.Namespace) -> int:
    if args.print_mapping_template:
        if args.file or args.mapping or args.rejects:
            return _fail("--print-mapping-template takes no --file, --mapping or --rejects")
        print(json.dumps(mapping_template(), indent=2, ensure_ascii=False))
        return 0
    if args.file is None:
        return _fail("import needs --file F.csv (or --print-mapping-template)")
    if problem := _not_a_file(args.file):
        return _fail(problem)
    # Checked before the store is opened (and before any write): one line naming it. The
    # service sees the mapping as a dict, so the rejects' place is checked against it here.
    if args.rejects is not None:
        check_output(args.rejects, "rejects", inputs=(args.file, args.mapping),
                     data_dir=args.data_dir)
    mapping = load_mapping(args.mapping) if args.mapping else None
    with opened(args) as ctx:
        progress = _Progress("importing")
        try:
            summary = run_import(ctx, args.file, mapping, args.on_duplicate, args.rejects,
                                 progress=progress)
        except KeyboardInterrupt:
            progress.finish()
            print("ccms: interrupted; the rows already committed are kept (whole rows "
                  "only): run the same command again to finish the import", file=sys.stderr)
            return 130
        progress.finish()
    print(summary_line(summary))
    if summary.imported_meanwhile:
        print(f"ccms: another import of this file ran at the same time and imported "
              f"{summary.imported_meanwhile} of its rows; they are counted as already "
              "imported, none was imported twice", file=sys.stderr)
    if summary.stale_rejects_removed:
        print(f"ccms: no row was refused this time; the rejects file an earlier run left "
              f"({_default_or(args.rejects, args.file)}) was removed", file=sys.stderr)
    if summary.rejects_path:
        print(f"ccms: {summary.rejects_path} holds the refused rows as they were in your "
              "file (personal data, not encrypted): delete it once they are fixed",
              file=sys.stderr)
    # A script can tell an import that left rows out from a whole one.
    return SOME_ROWS_REFUSED if summary.rejected else 0


def summary_line(s: ImportSummary) -> str:
    line = (f"imported {s.imported}, flagged {s.flagged}, skipped {s.skipped}, "
            f"rejected {s.rejected}, already imported {s.already_imported}")
    return line + (f" (rejects written to {s.rejects_path})" if s.rejects_path else "")


def cmd_duplicates(args: argparse.Namespace) -> int:
    if args.scan and (args.mapping or args.top is not None):
        return _fail("--mapping and --top go with --file")
    top = DEFAULT_TOP if args.top is None else args.top
    if not 1 <= top <= MAX_TOP:
        return _fail(f"--top must be between 1 and {MAX_TOP}")
    if args.file is not None and (problem := _not_a_file(args.file)):
        return _fail(problem)
    # Before the store is opened and any work is done: the output can be written, and
    # never over the file or mapping being read, nor in the store's folder.
    check_output(args.out, "out", inputs=(args.file, args.mapping), data_dir=args.data_dir)
    mapping = load_mapping(args.mapping) if args.mapping else None
    with opened(args) as ctx:
        if args.scan:
            return scan_store_for_duplicates(ctx, args)
        progress = _Progress("checking")
        rows = duplicates_in_file(ctx, args.file, mapping, top, progress=progress)
        n = _write_jsonl(args.out, (_row_json(r) for r in rows))
        progress.finish()
    print(f"checked {n} rows; wrote {args.out}")
    return 0


def scan_store_for_duplicates(ctx: ServiceContext, args: argparse.Namespace) -> int:
    """`ccms duplicates --scan --out PAIRS.jsonl`: one line per probable duplicate pair inside
    the store, most probable first; the pairs are also kept for the app's review screen."""
    progress = _Progress("scanning")
    pairs = sorted(find_pairs(ctx, progress=progress), key=lambda p: -p.score)
    progress.finish()
    ids = {i for p in pairs for i in (p.a_id, p.b_id)}
    refs = file_references(ctx, ids)
    n = _write_jsonl(args.out, ({"a": refs[p.a_id], "b": refs[p.b_id], "score": p.score,
                                 "reasons": list(p.reasons)} for p in pairs))
    new = keep_for_review(ctx, pairs)  # once the file is written: a failure keeps nothing
    print(f"found {n} probable duplicate pairs ({new} new for review); wrote {args.out}")
    return 0


def _row_json(r: RowDuplicates) -> dict[str, Any]:
    out: dict[str, Any] = {"row": r.row, "candidates": [
        {"participant_id": c.participant_id, "external_ref": c.external_ref,
         "client_id": c.client_id, "score": c.score, "reasons": list(c.reasons)}
        for c in r.candidates]}
    if r.errors:
        out["error"] = r.errors
    return out


def _write_jsonl(path: Path, lines: Iterable[dict[str, Any]]) -> int:
    """Owner-only and atomic: the output names people (client IDs, old-system references)."""
    n = 0
    with AtomicFile(path) as fh:
        for obj in lines:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return n


def _not_a_file(path: Path) -> str | None:
    if path.is_dir():
        return f"{path} is a folder; give the CSV file"
    if path.is_file():
        return None
    if path.exists():  # a FIFO, a device such as /dev/null, a socket
        return f"{path} is not a regular file; give the CSV file"
    return f"no such file: {path}"


def _default_or(chosen: Path | None, source: Path) -> Path:
    return chosen if chosen is not None else default_rejects_path(source)
