"""search and matcher keys: names with letters Unicode does not decompose (Turkish ı,
Vietnamese đ, ø, ł, æ...) are folded to their base letters, and names in other scripts
(Cyrillic, Arabic, Greek, Ge'ez...) are also read in Latin letters; derived columns are
rebuilt for the files this changes

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.services.name_keys import key_rows
from app.services.text import build_search_text

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_BATCH = 5_000


def upgrade() -> None:
    """Only the files whose search text comes out different are rewritten: the text holds
    every name and alias folded, so it changes exactly when one of their keys does. The FTS
    tables follow their triggers on participant.search_text."""
    conn = op.get_bind()
    aliases: dict[str, list[tuple[str, str | None]]] = {}
    for pid, family, given in conn.execute(sa.text(
            "SELECT participant_id, family_name, given_names FROM alias WHERE deleted = 0")):
        aliases.setdefault(pid, []).append((family, given))
    changed: list[dict[str, str]] = []
    keys: list[dict[str, str]] = []
    for pid, family, given, dob, client_id, phone, ref, old in conn.execute(sa.text(
            "SELECT id, family_name, given_names, date_of_birth, client_id, phone, "
            "external_ref, search_text FROM participant")).all():
        own = aliases.get(pid, [])
        text = build_search_text(family, given, [f"{a} {b or ''}" for a, b in own], client_id,
                                 phone, ref)
        if text != old:
            changed.append({"pid": pid, "text": text})
            keys.extend(key_rows(pid, [(family, given), *own], dob))
    for i in range(0, len(changed), _BATCH):
        batch = changed[i:i + _BATCH]
        conn.execute(sa.text("UPDATE participant SET search_text = :text WHERE id = :pid"),
                     batch)
        conn.execute(sa.text("DELETE FROM participant_name_key WHERE participant_id = :pid"),
                     [{"pid": row["pid"]} for row in batch])
    for i in range(0, len(keys), _BATCH):
        conn.execute(sa.text("INSERT INTO participant_name_key (key, participant_id) "
                             "VALUES (:key, :participant_id)"), keys[i:i + _BATCH])


def downgrade() -> None:
    """Nothing to undo: the folded text and keys are as good for the code before."""
