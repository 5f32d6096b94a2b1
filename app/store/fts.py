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
    return bool(name) and str(name).startswith((FTS_TABLE, WORDS_TABLE))


WORDS_TABLE = "participant_words"
WORDS_CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {WORDS_TABLE} USING fts5(search_text, "
    "content='participant', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', "
    "prefix='1 2')",
    f"""CREATE TRIGGER IF NOT EXISTS participant_words_ai AFTER INSERT ON participant BEGIN
        INSERT INTO {WORDS_TABLE}(rowid, search_text) VALUES (new.rowid, new.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS participant_words_ad AFTER DELETE ON participant BEGIN
        INSERT INTO {WORDS_TABLE}({WORDS_TABLE}, rowid, search_text)
        VALUES ('delete', old.rowid, old.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS participant_words_au AFTER UPDATE OF search_text
        ON participant BEGIN
        INSERT INTO {WORDS_TABLE}({WORDS_TABLE}, rowid, search_text)
        VALUES ('delete', old.rowid, old.search_text);
        INSERT INTO {WORDS_TABLE}(rowid, search_text) VALUES (new.rowid, new.search_text);
    END""",
)
WORDS_DROP_STATEMENTS = (
    "DROP TRIGGER IF EXISTS participant_words_ai",
    "DROP TRIGGER IF EXISTS participant_words_ad",
    "DROP TRIGGER IF EXISTS participant_words_au",
    f"DROP TABLE IF EXISTS {WORDS_TABLE}",
)
WORDS_REBUILD_SQL = f"INSERT INTO {WORDS_TABLE}({WORDS_TABLE}) VALUES ('rebuild')"
