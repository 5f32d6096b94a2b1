"""search and matcher keys: a family name in Chinese characters or Korean syllables is read
as family and given names (王小明 is Wang Xiaoming, 曾 Zeng, 김 Kim), a name in Somali
orthography is also keyed as other spellings write it (Maxamed Cali is Mohamed Ali), a name
in the Arabic script is also searchable by its consonants (Ahmed finds أحمد), and Ethiopian
G/ and W/ are written out (G/Medhin is Gebremedhin), so the files written either way find
each other; derived columns are rebuilt for those files

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

from app.services.name_keys import looks_somali, name_tokens
from app.store.migrations.name_rebuild import rebuild_names

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The search text of East Asian, Arabic-script and G/ or W/ names changes (it gains
    the reading apart, the consonants, the name written out); a name in Somali orthography
    keeps its text and gains keys."""
    rebuild_names(op.get_bind(),
                  lambda names: any(looks_somali(name_tokens(n)) for n in names))


def downgrade() -> None:
    """Nothing to undo: the added text and keys are harmless to the code before."""
