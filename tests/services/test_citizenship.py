"""Country of citizenship: a country's name (English or French, any case or accents) or
code is kept as its ISO 3166-1 code, at intake, in the profile and at import; text that
names no country is kept as written. The table of names covers both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.services.context import ServiceContext
from app.services.countries import STATELESS, country_code, country_table
from app.services.importing import run_import
from app.services.participant_search import ParticipantQuery, search_participants
from app.services.participants import create_participant, get_participant, update_participant
from app.services.synthetic_names import COUNTRIES


def test_the_table_names_every_country_in_both_languages() -> None:
    table = country_table()
    assert len(table) > 240
    for code, names in table.items():
        assert re.fullmatch(r"[A-Z]{2}", code), code
        assert set(names) == {"en", "fr"} and all(n.strip() for n in names.values()), code
    assert set(COUNTRIES) <= set(table)  # every country the synthetic caseloads use
    assert (table["HT"], table["CD"]["fr"]) == ({"en": "Haiti", "fr": "Haïti"},
                                                "Congo-Kinshasa")


@pytest.mark.parametrize(("typed", "code"), [
    ("Haiti", "HT"), ("Haïti", "HT"), ("  haiti ", "HT"), ("ht", "HT"), ("Mexique", "MX"),
    ("Cote d'Ivoire", "CI"), ("Côte d’Ivoire", "CI"), ("ÉTATS-UNIS", "US"),
    ("etats unis", "US"), ("Stateless", STATELESS), ("apatride", STATELESS),
    ("Yugoslavia", None), ("unknown", None), ("", None)])
def test_a_name_or_code_is_known_whatever_its_spelling(typed: str, code: str | None) -> None:
    assert country_code(typed) == code


def test_intake_and_profile_keep_the_code_and_other_text_as_written(
        ctx: ServiceContext) -> None:
    pid = create_participant(ctx, {"family_name": "Joseph", "citizenship": "Haïti"})
    assert get_participant(ctx, pid, record_view=False).citizenship == "HT"
    update_participant(ctx, pid, {"citizenship": "Former Yugoslavia"})
    assert get_participant(ctx, pid, record_view=False).citizenship == "Former Yugoslavia"
    update_participant(ctx, pid, {"citizenship": "apatride"})
    assert get_participant(ctx, pid, record_view=False).citizenship == STATELESS


def test_an_imported_country_name_is_kept_as_its_code(ctx: ServiceContext,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "caseload.csv"
    path.write_text("family_name,citizenship\nJoseph,Haiti\nOkafor,Nigéria\nPetrov,USSR\n",
                    encoding="utf-8")
    summary = run_import(ctx, path, None, on_duplicate="create")
    assert (summary.imported, summary.rejected) == (3, 0)
    rows = search_participants(ctx, ParticipantQuery()).rows
    stored = {r.family_name: get_participant(ctx, r.id, record_view=False).citizenship
              for r in rows}
    assert stored == {"Joseph": "HT", "Okafor": "NG", "Petrov": "USSR"}
