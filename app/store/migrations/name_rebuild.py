"""Rebuilding the derived name data (search text, matcher keys) of the files whose names
are read differently by newer code; shared by the migrations that change that reading."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa

from app.services.lookup import MAX_MERGE_HOPS
from app.services.name_keys import Name, key_rows
from app.services.text import build_search_text, file_numbers

_BATCH = 5_000


def rebuild_names(conn: sa.Connection, also: Callable[[list[Name]], bool]) -> None:
    """Rewrites search text and keys of the files whose search text comes out different,
    or whose names (their own and aliases) `also` says were keyed differently. The FTS
    tables follow their triggers on participant.search_text."""
    aliases: dict[str, list[Name]] = {}
    for pid, family, given in conn.execute(sa.text(
            "SELECT participant_id, family_name, given_names FROM alias WHERE deleted = 0")):
        aliases.setdefault(pid, []).append((family, given))
    changed: list[dict[str, str]] = []
    keys: list[dict[str, str]] = []
    rows = conn.execute(sa.text(
        "SELECT id, family_name, given_names, date_of_birth, client_id, phone, "
        "external_ref, search_text, merged_into_id FROM participant")).all()
    merged = _merged_numbers(rows)
    for pid, family, given, dob, client_id, phone, ref, old, _ in rows:
        own = aliases.get(pid, [])
        names: list[Name] = [(family, given), *own]
        text = build_search_text(family, given, [f"{a} {b or ''}" for a, b in own], client_id,
                                 phone, ref, merged.get(pid, []))
        if text != old or also(names):
            changed.append({"pid": pid, "text": text})
            keys.extend(key_rows(pid, names, dob))
    for i in range(0, len(changed), _BATCH):
        batch = changed[i:i + _BATCH]
        conn.execute(sa.text("UPDATE participant SET search_text = :text WHERE id = :pid"),
                     batch)
        conn.execute(sa.text("DELETE FROM participant_name_key WHERE participant_id = :pid"),
                     [{"pid": row["pid"]} for row in batch])
    for i in range(0, len(keys), _BATCH):
        conn.execute(sa.text("INSERT INTO participant_name_key (key, participant_id) "
                             "VALUES (:key, :participant_id)"), keys[i:i + _BATCH])


def _merged_numbers(rows: Sequence[Any]) -> dict[str, list[str]]:
    """For each file, the numbers of the files merged into it (through chains), in the
    order `participants._merged_numbers` gives them (by id), as its search text holds them."""
    into = {r[0]: r[8] for r in rows if r[8]}
    numbers = {r[0]: file_numbers(r[4], r[5], r[6]) for r in rows if r[8]}
    out: dict[str, list[str]] = {}
    for pid in sorted(into):
        end = into[pid]
        for _ in range(MAX_MERGE_HOPS):
            if end not in into:
                break
            end = into[end]
        out.setdefault(end, []).extend(numbers[pid])
    return out
