"""Regenerates resources/translations/ccms_fr.ts and .qm from the UI sources.

Every string passed to tr("...") or marked N_("...") in app/ui is extracted; its French
comes from resources/translations/fr.json (English -> French). A string with no French is
listed and the script exits 1, so a missing translation is caught by the tests."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "app" / "ui"
OUT = ROOT / "resources" / "translations"
CONTEXT = "ccms"


def ui_strings() -> list[str]:
    found: dict[str, None] = {}
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("tr", "N_") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = None
    return list(found)


def catalogue() -> dict[str, str]:
    return json.loads((OUT / "fr.json").read_text(encoding="utf-8"))


def write_ts(strings: list[str], french: dict[str, str]) -> Path:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="fr_CA" sourcelanguage="en">', "<context>",
             f"    <name>{CONTEXT}</name>"]
    for text in strings:
        lines += ["    <message>", f"        <source>{escape(text)}</source>",
                  f"        <translation>{escape(french[text])}</translation>",
                  "    </message>"]
    lines += ["</context>", "</TS>", ""]
    ts = OUT / "ccms_fr.ts"
    ts.write_text("\n".join(lines), encoding="utf-8")
    return ts


def main() -> int:
    strings, french = ui_strings(), catalogue()
    missing = [s for s in strings if s not in french]
    if missing:
        print("no French for:\n" + "\n".join(missing), file=sys.stderr)
        return 1
    ts = write_ts(strings, french)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(OUT / "ccms_fr.qm")],
                   check=True)
    print(f"{len(strings)} strings translated into {OUT / 'ccms_fr.qm'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
