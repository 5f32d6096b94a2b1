"""SQLite's own query plan for statements a test captured: which of them scan a table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine


def table_scans(engine: Engine, statements: list[tuple[str, Any]], *,
                index_walks_allowed: bool = False) -> list[tuple[str, list[str]]]:
    """(statement, its SCAN steps) for every SELECT whose plan reads a whole table; with
    `index_walks_allowed`, walking an index in order does not count."""
    out = []
    with engine.connect() as conn:
        for statement, parameters in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            scans = [str(row[-1]) for row in plan if str(row[-1]).startswith("SCAN")
                     and not (index_walks_allowed and "INDEX" in str(row[-1]))]
            if scans:
                out.append((statement, scans))
    return out
