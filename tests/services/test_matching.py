"""Intake's probable-duplicate check: ids, names spelled differently, dates of birth."""

from __future__ import annotations

import pytest

from app.services.context import ServiceContext
from app.services.matching import find_duplicates
from app.services.participants import add_alias, create_participant


@pytest.fixture
def people(ctx: ServiceContext) -> dict[str, str]:
    return {
        "nguyen": create_participant(ctx, {"family_name": "Nguyễn", "given_names": "Thi Lan",
                                           "date_of_birth": "1988-04-12",
                                           "client_id": "12345678"}),
        "mohammed": create_participant(ctx, {"family_name": "Mohammed",
                                             "given_names": "Yusuf Ali",
                                             "date_of_birth": "1990-07-03",
                                             "phone": "604 555 0101"}),
        "other": create_participant(ctx, {"family_name": "Tremblay", "given_names": "Marc",
                                          "date_of_birth": "1975-01-20"}),
    }


@pytest.mark.parametrize("data, who, reason", [
    ({"family_name": "Smith", "client_id": "1234-5678"}, "nguyen", "same_client_id"),
    ({"family_name": "Nguyen", "given_names": "Thi Lan", "date_of_birth": "1988-04-12"},
     "nguyen", "same_dob"),
    ({"family_name": "Thi Lan", "given_names": "Nguyen"}, "nguyen", "same_name"),
    ({"family_name": "Muhammad", "given_names": "Yusuf Ali", "date_of_birth": "1990-03-07"},
     "mohammed", "similar_dob"),
    ({"family_name": "Mohamed", "given_names": "Yusuf", "phone": "(604) 555-0101"},
     "mohammed", "same_phone"),
    ({"family_name": "Nguyen", "given_names": "Thi Lan", "date_of_birth": "1988"},
     "nguyen", "same_birth_year"),
])
def test_probable_duplicates(ctx: ServiceContext, people: dict[str, str], data: dict,
                             who: str, reason: str) -> None:
    found = find_duplicates(ctx, data)
    assert found and found[0].participant_id == people[who]
    assert reason in found[0].reasons


def test_aliases_and_strangers(ctx: ServiceContext, people: dict[str, str]) -> None:
    add_alias(ctx, people["other"], {"family_name": "Kowalski", "given_names": "Marek"})
    found = find_duplicates(ctx, {"family_name": "Kowalsky", "given_names": "Marek"})
    assert found[0].participant_id == people["other"]
    assert "alias_match" in found[0].reasons
    assert find_duplicates(ctx, {"family_name": "Okonkwo", "given_names": "Ifeoma",
                                 "date_of_birth": "2001-09-09"}) == []
