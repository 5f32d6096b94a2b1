"""Plain, immutable views handed to callers (and across threads): never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


def display_name(family_name: str, given_names: str | None) -> str:
    """How a person's name is shown in lists: "Family, Given" (or the one name)."""
    return f"{family_name}, {given_names}" if given_names else family_name


@dataclass(frozen=True)
class ParticipantSummary:
    id: str
    family_name: str
    given_names: str | None
    client_id: str | None
    date_of_birth: str | None
    phone: str | None
    status: str
    caseworker_id: str | None
    risk_flags: tuple[str, ...] = ()
    caseworker_name: str | None = None  # None: no caseworker, or one not on this device

    @property
    def display_name(self) -> str:
        return display_name(self.family_name, self.given_names)


@dataclass(frozen=True)
class AliasView:
    id: str
    family_name: str
    given_names: str | None


@dataclass(frozen=True)
class HouseholdMemberView:
    id: str
    name: str
    relationship: str
    date_of_birth: str | None
    dependant: bool
    linked_participant_id: str | None
    linked_name: str | None = None  # the name on the linked file, when this device has it


@dataclass(frozen=True)
class HouseholdLinkView:
    """Another file's household names this file's person as a member."""

    member_id: str
    participant_id: str  # the file whose household it is
    name: str  # the name on that file
    relationship: str  # what the person is to them, as that file says


@dataclass(frozen=True)
class ParticipantDetail:
    id: str
    version: int
    fields: dict[str, Any]
    aliases: tuple[AliasView, ...] = ()
    household: tuple[HouseholdMemberView, ...] = ()
    merged_into_id: str | None = None
    named_in: tuple[HouseholdLinkView, ...] = ()  # the households of other files

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["fields"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class DuplicateCandidate:
    participant_id: str
    display_name: str
    date_of_birth: str | None
    client_id: str | None
    external_ref: str | None
    score: float
    reasons: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class DuplicatePair:
    """Two files of the store that are probably the same person (a_id < b_id)."""

    a_id: str
    b_id: str
    score: float
    reasons: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Page:
    rows: tuple[Any, ...]
    total: int


@dataclass(frozen=True)
class DatedItem:
    """A dashboard line: what, for whom, when."""

    kind: str
    record_id: str
    participant_id: str
    participant_name: str
    when: date | datetime | None
    detail: str = ""
