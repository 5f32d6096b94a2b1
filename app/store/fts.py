"""The FTS5 indexes behind participant search, kept in step by triggers.

- `participant_fts` (trigram): any fragment of three characters or more, anywhere.
- `participant_words` (words, with prefix indexes of one and two characters): a term of one
  or two characters ("Vu", "Do", the initial in "Nguyen T") as the start of a word. Trigrams
  cannot hold such a term, and a LIKE on the text read every row: 0.5 s for "Vu" at
  220,000 files, the Vu files being near the end of the name order.

A migration that rebuilds the participant table (batch mode) drops these triggers: it must
run the DROP statements before and the CREATE statements and the REBUILD ones after."""

from __future__ import annotations

FTS_TABLE = "participant_fts"
WORDS_TABLE = "participant_words"


def _create(table: str, options: str) -> tuple[str, ...]:
    """The index over the participant's search text, and the triggers that keep it in step
    (named `<table>_ai`, `_ad`, `_au`)."""
    return (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(search_text, "
        f"content='participant', content_rowid='rowid', {options})",
        f"""CREATE TRIGGER IF NOT EXISTS {table}_ai AFTER INSERT ON participant BEGIN
        INSERT INTO {table}(rowid, search_text) VALUES (new.rowid, new.search_text);
    END""",
        f"""CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON participant BEGIN
        INSERT INTO {table}({table}, rowid, search_text)
        VALUES ('delete', old.rowid, old.search_text);
    END""",
        f"""CREATE TRIGGER IF NOT EXISTS {table}_au AFTER UPDATE OF search_text
        ON participant BEGIN
        INSERT INTO {table}({table}, rowid, search_text)
        VALUES ('delete', old.rowid, old.search_text);
        INSERT INTO {table}(rowid, search_text) VALUES (new.rowid, new.search_text);
    END""",
    )


def _drop(table: str) -> tuple[str, ...]:
    return (*(f"DROP TRIGGER IF EXISTS {table}_{t}" for t in ("ai", "ad", "au")),
            f"DROP TABLE IF EXISTS {table}")


def _rebuild(table: str) -> str:
    return f"INSERT INTO {table}({table}) VALUES ('rebuild')"


CREATE_STATEMENTS = _create(FTS_TABLE, "tokenize='trigram remove_diacritics 1'")
DROP_STATEMENTS = _drop(FTS_TABLE)
REBUILD_SQL = _rebuild(FTS_TABLE)
WORDS_CREATE_STATEMENTS = _create(
    WORDS_TABLE, "tokenize='unicode61 remove_diacritics 2', prefix='1 2'")
WORDS_DROP_STATEMENTS = _drop(WORDS_TABLE)
WORDS_REBUILD_SQL = _rebuild(WORDS_TABLE)


def is_fts_object(name: str | None) -> bool:
    return bool(name) and str(name).startswith((FTS_TABLE, WORDS_TABLE))
