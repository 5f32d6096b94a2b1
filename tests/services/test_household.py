"""A household member edited, and linked to the member's own participant file: the link
names a live file other than the owner's (a merged file's id is written as the file it went
into), the file shows the linked file's name, and an edit sends only what changed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import NotFound, ValidationError
from app.models import OutboxEntry
from app.services.context import ServiceContext
from app.services.participant_merge import merge_participants
from app.services.participants import (
    add_household_member,
    create_participant,
    get_participant,
    remove_household_member,
    update_household_member,
)


def _last_outbox_fields(ctx: ServiceContext) -> set[str]:
    with ctx.store.session() as s:
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.entity == "household_member")
                          .order_by(OutboxEntry.seq.desc())).first()
        assert entry is not None
        return set(entry.changes)


def test_an_edit_changes_only_what_was_given(ctx: ServiceContext) -> None:
    pid = create_participant(ctx, {"family_name": "Haile", "given_names": "Selam"})
    mid = add_household_member(ctx, pid, {"name": "Dawit Haile", "relationship": "son",
                                          "dependant": True})

    diff = update_household_member(ctx, mid, {"date_of_birth": "2019-04",
                                              "name": "Dawit  Haile"})
    assert diff == {"date_of_birth": {"old": None, "new": "2019-04"}}  # the name, once
    # cleaned, is the same
    assert _last_outbox_fields(ctx) == {"date_of_birth"}
    member = get_participant(ctx, pid, record_view=False).household[0]
    assert (member.name, member.relationship, member.date_of_birth, member.dependant) == (
        "Dawit Haile", "son", "2019-04", True)
    assert update_household_member(ctx, mid, {"dependant": True}) == {}


def test_an_edit_is_checked_like_an_addition(ctx: ServiceContext) -> None:
    pid = create_participant(ctx, {"family_name": "Haile"})
    mid = add_household_member(ctx, pid, {"name": "Dawit Haile", "relationship": "son"})
    with pytest.raises(ValidationError) as err:
        update_household_member(ctx, mid, {"name": " ", "date_of_birth": "2019-13-01",
                                           "colour": "blue"})
    assert err.value.errors == {"household.colour": "is not a household member field"}
    with pytest.raises(ValidationError) as err:
        update_household_member(ctx, mid, {"name": " ", "date_of_birth": "2019-13-01"})
    assert set(err.value.errors) == {"household.name", "household.date_of_birth"}
    assert get_participant(ctx, pid, record_view=False).household[0].name == "Dawit Haile"
    remove_household_member(ctx, mid)
    with pytest.raises(NotFound):
        update_household_member(ctx, mid, {"relationship": "child"})


def test_a_member_is_linked_to_their_own_file_and_unlinked(ctx: ServiceContext) -> None:
    mother = create_participant(ctx, {"family_name": "Haile", "given_names": "Selam"})
    son = create_participant(ctx, {"family_name": "Haile", "given_names": "Dawit"})
    mid = add_household_member(ctx, mother, {"name": "Dawit Haile", "relationship": "son"})

    assert update_household_member(ctx, mid, {"linked_participant_id": son}) == {
        "linked_participant_id": {"old": None, "new": son}}
    member = get_participant(ctx, mother, record_view=False).household[0]
    assert (member.linked_participant_id, member.linked_name) == (son, "Haile, Dawit")

    update_household_member(ctx, mid, {"linked_participant_id": None})
    member = get_participant(ctx, mother, record_view=False).household[0]
    assert (member.linked_participant_id, member.linked_name) == (None, None)


def test_a_link_must_name_another_live_file(ctx: ServiceContext) -> None:
    mother = create_participant(ctx, {"family_name": "Haile"})
    mid = add_household_member(ctx, mother, {"name": "Dawit Haile", "relationship": "son"})
    for target, problem in ((mother, "is this participant's own file"),
                            ("no-such-file", "is not a participant file on this computer")):
        with pytest.raises(ValidationError) as err:
            update_household_member(ctx, mid, {"linked_participant_id": target})
        assert err.value.errors == {"household.linked_participant_id": problem}
        with pytest.raises(ValidationError):
            add_household_member(ctx, mother, {"name": "X", "relationship": "son",
                                               "linked_participant_id": target})
    with pytest.raises(ValidationError) as err:  # at intake too
        create_participant(ctx, {"family_name": "Other", "household": [
            {"name": "X", "relationship": "son", "linked_participant_id": "no-such-file"}]})
    assert set(err.value.errors) == {"household.linked_participant_id"}
    assert len(get_participant(ctx, mother, record_view=False).household) == 1


def test_a_link_to_a_merged_file_names_the_file_it_went_into(ctx: ServiceContext) -> None:
    mother = create_participant(ctx, {"family_name": "Haile"})
    son = create_participant(ctx, {"family_name": "Haile", "given_names": "Dawit"})
    son_again = create_participant(ctx, {"family_name": "Haile", "given_names": "Dawit"})
    early = add_household_member(ctx, mother, {"name": "Dawit", "relationship": "son",
                                               "linked_participant_id": son_again})
    merge_participants(ctx, son, son_again, {})

    # A link made before the merge still finds the person's one file...
    member = next(m for m in get_participant(ctx, mother, record_view=False).household
                  if m.id == early)
    assert member.linked_name == "Haile, Dawit"
    # ... and one made after it is written with that file's id.
    late = add_household_member(ctx, mother, {"name": "Dawit", "relationship": "son",
                                              "linked_participant_id": son_again})
    member = next(m for m in get_participant(ctx, mother, record_view=False).household
                  if m.id == late)
    assert member.linked_participant_id == son


def test_a_file_lists_the_households_that_name_its_person(ctx: ServiceContext) -> None:
    mother = create_participant(ctx, {"family_name": "Haile", "given_names": "Selam"})
    father = create_participant(ctx, {"family_name": "Tesfaye", "given_names": "Amanuel"})
    son = create_participant(ctx, {"family_name": "Haile", "given_names": "Dawit"})
    son_again = create_participant(ctx, {"family_name": "Haile", "given_names": "Dawit"})
    from_mother = add_household_member(ctx, mother, {"name": "Dawit", "relationship": "son",
                                                     "linked_participant_id": son})
    add_household_member(ctx, father, {"name": "Dawit", "relationship": "stepson",
                                       "linked_participant_id": son_again})
    add_household_member(ctx, mother, {"name": "Ruth", "relationship": "daughter"})
    merge_participants(ctx, son, son_again, {})

    named_in = get_participant(ctx, son, record_view=False).named_in
    assert [(n.participant_id, n.name, n.relationship) for n in named_in] == [
        (mother, "Haile, Selam", "son"),  # by the name on the file
        (father, "Tesfaye, Amanuel", "stepson")]  # linked to the file merged into it
    assert get_participant(ctx, mother, record_view=False).named_in == ()

    remove_household_member(ctx, from_mother)
    assert [n.participant_id for n in get_participant(ctx, son, record_view=False).named_in
            ] == [father]
