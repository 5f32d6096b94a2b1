"""The FTS5 trigram index behind participant search, kept in step by triggers.

A migration that rebuilds the participant table (batch mode) drops these triggers: it must
call `drop_sql()` before and `create_sql()` + `REBUILD_SQL` after."""

from __future__ import annotations

FTS_TABLE = "participant_fts"

CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(search_text, "
    "content='participant', content_rowid='rowid', tokenize='trigram remove_diacritics 1')",
    f"""CREATE TRIGGER IF NOT EXISTS participant_fts_ai AFTER INSERT ON participant BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.rowid, new.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS participant_fts_ad AFTER DELETE ON participant BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
        VALUES ('delete', old.rowid, old.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS participant_fts_au AFTER UPDATE OF search_text
        ON participant BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
        VALUES ('delete', old.rowid, old.search_text);
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.rowid, new.search_text);
    END""",
)
DROP_STATEMENTS = (
    "DROP TRIGGER IF EXISTS participant_fts_ai",
    "DROP TRIGGER IF EXISTS participant_fts_ad",
    "DROP TRIGGER IF EXISTS participant_fts_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)
REBUILD_SQL = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"


def is_fts_object(name: str | None) -> bool:
    return bool(name) and str(name).startswith(FTS_TABLE)
