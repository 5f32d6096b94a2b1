"""The sync protocol's wire schema (/v1): shared by the app and the reference server.

This module is the whole contract: the server imports nothing else from `app`. Field lists
per entity are declared here (a test checks they match the app's models)."""

from __future__ import annotations

import binascii
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

API_PREFIX = "/v1"
MAX_BATCH = 500
DEFAULT_BATCH = 200
MAX_PULL_PAGE = 1000
DEFAULT_PULL_PAGE = 500
MAX_BODY_BYTES = 48 * 1024 * 1024  # a batch may carry documents (20 MB each at most)

# Every field of every entity with the type of value it holds on the wire, as the app's
# models declare the column (tests/sync/test_server_input.py derives this table from them
# and fails when they drift). The server checks every pushed value against it: a value a
# device's store refuses (a number for a date, null in a NOT NULL column) would otherwise be
# stored and break every other device's pull, for good.
#   str:N  text of at most N characters     text   text of any length
#   int    whole number (32-bit)            bool   true or false
#   date   "YYYY-MM-DD"                     pdate  "YYYY", "YYYY-MM" or "YYYY-MM-DD"
#   datetime  ISO 8601 with its offset (the app writes UTC: "2026-03-02T09:00:00Z")
#   list   list of text                     dict   object
#   bytes  base64                           enum:NAME  one of ENUMS[NAME]
# Suffix "?": may be null. No suffix: never null (a create may leave it out: the device's
# default fills it). "!": never null, and a create must carry it (no default exists).
_COMMON_TYPES = {"id": "str:36", "office_id": "str:36!", "created_at": "datetime",
                 "deleted": "bool"}
FIELD_TYPES: dict[str, dict[str, str]] = {
    "office": {
        "name": "str:200!", "time_zone": "str:40", "retention_days": "int",
        "max_offline_days": "int?"},
    "caseworker": {"name": "str:200!", "email": "str:254?", "role": "enum:role",
                   "active": "bool"},
    "participant": {
        "client_id": "str:10?", "external_ref": "str:100?", "family_name": "str:200!",
        "given_names": "str:200?", "date_of_birth": "pdate?", "sex": "str:20?",
        "gender": "str:60?", "citizenship": "str:60?", "languages": "list",
        "interpreter_needed": "bool", "phone": "str:40?", "email": "str:254?",
        "address_line": "str:300?", "city": "str:120?", "province": "str:2?",
        "postal_code": "str:7?", "caseworker_id": "str:36?",
        "referral_source": "enum:referral_source?", "referral_office": "str:200?",
        "referral_date": "date?", "detention_facility": "str:200?",
        "status": "enum:participant_status", "status_reason": "str:40?",
        "status_changed_at": "datetime?", "closed_on": "date?", "needs": "dict",
        "risk_flags": "list", "vulnerability_flags": "list", "consent_to_share": "list",
        "consent_recorded_on": "date?", "merged_into_id": "str:36?"},
    "alias": {"participant_id": "str:36!", "family_name": "str:200!",
              "given_names": "str:200?"},
    "household_member": {
        "participant_id": "str:36!", "name": "str:300!", "relationship": "str:40!",
        "date_of_birth": "pdate?", "dependant": "bool", "linked_participant_id": "str:36?"},
    "supervision_agreement": {
        "participant_id": "str:36!", "version_no": "int", "supersedes_id": "str:36?",
        "superseded_on": "date?", "amendment_reason": "text?", "effective_on": "date!",
        "review_on": "date?", "end_on": "date?",
        "reporting_frequency": "enum:reporting_frequency!", "custom_interval_days": "int?",
        "reporting_mode": "enum:reporting_mode!", "reporting_time": "str:5",
        "residency_address": "str:300?", "curfew": "str:40?", "programming": "list",
        "conditions": "text?", "compliance_window_days": "int",
        "signed_by_participant_on": "date?", "signed_by_caseworker_on": "date?",
        "cbsa_officer": "str:200?"},
    "scheduled_checkin": {"participant_id": "str:36!", "agreement_id": "str:36!",
                          "due_at": "datetime!", "mode": "enum:reporting_mode!"},
    "checkin": {
        "participant_id": "str:36!", "agreement_id": "str:36?", "slot_id": "str:36?",
        "scheduled_at": "datetime?", "actual_at": "datetime?", "mode": "enum:reporting_mode!",
        "outcome": "enum:checkin_outcome!", "wellbeing": "text?", "needs_update": "text?",
        "notes": "text?", "corrects_id": "str:36?", "recorded_by": "str:36?"},
    "follow_up": {
        "participant_id": "str:36!", "checkin_id": "str:36!", "due_at": "datetime!",
        "status": "enum:follow_up_status", "resolution": "text?",
        "resolved_at": "datetime?"},
    "compliance_report": {
        "participant_id": "str:36!", "follow_up_id": "str:36?", "checkin_id": "str:36?",
        "reason": "str:40!", "details": "text?", "reported_at": "datetime!"},
    "referral": {
        "participant_id": "str:36!", "type": "enum:referral_type!", "provider": "str:200!",
        "referred_on": "date!", "status": "enum:referral_status", "follow_up_on": "date?",
        "outcome": "text?", "notes": "text?"},
    "case_note": {"participant_id": "str:36!", "author_id": "str:36?", "body": "text!"},
    "document": {
        "participant_id": "str:36!", "filename": "str:255!", "mime_type": "str:100!",
        "size": "int!", "sha256": "str:64!", "description": "text?", "content": "bytes?"},
    "audit_event": {
        "device_id": "str:36!", "device_seq": "int!", "at": "datetime!",
        "actor_id": "str:36?", "action": "str:20!", "entity": "str:40!",
        "record_id": "str:36?", "participant_id": "str:36?", "details": "dict",
        "prev_hash": "str:64!", "hash": "str:64!"},
}
FIELD_TYPES = {k: {**v, **_COMMON_TYPES} for k, v in FIELD_TYPES.items()}
ENTITY_FIELDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in FIELD_TYPES.items()}
# The closed vocabularies the app's services enforce (app.models.enums; the test checks).
ENUMS: dict[str, frozenset[str]] = {
    "role": frozenset({"caseworker", "supervisor"}),
    "participant_status": frozenset({"referred", "assessed", "accepted", "refused", "active",
                                     "suspended", "closed"}),
    "referral_source": frozenset({"cbsa", "irb"}),
    "reporting_frequency": frozenset({"weekly", "biweekly", "monthly", "custom"}),
    "reporting_mode": frozenset({"in_person", "telephone", "video", "home_visit"}),
    "checkin_outcome": frozenset({"attended", "late", "missed", "excused", "rescheduled"}),
    "follow_up_status": frozenset({"open", "resolved", "escalated"}),
    "referral_type": frozenset({"housing", "employment", "mental_health", "addiction",
                                "health", "family_and_child", "legal", "income",
                                "identity_documents", "work_permit"}),
    "referral_status": frozenset({"proposed", "made", "accepted", "in_progress", "completed",
                                  "declined", "no_show", "withdrawn"}),
}


# -- checking values against FIELD_TYPES -----------------------------------------------------
# One small function per field, made once at import: a push of 10,000 operations checks
# about 250,000 values, so each check is a type test and at most a regex or a C parser.
_INT32 = (-(2**31), 2**31 - 1)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII).fullmatch
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII).fullmatch


def _is_date(value: Any) -> bool:
    if type(value) is not str or _DATE(value) is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:  # a month 13, a February 30
        return False
    return True


def _is_partial_date(value: Any) -> bool:
    m = _PARTIAL_DATE(value) if type(value) is str else None
    if m is None:
        return False
    try:
        date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return False
    return True


def _is_datetime(value: Any) -> bool:
    # What the device's decoder reads (fromisoformat), and with an offset: a naive time
    # would be taken as the reading computer's local time.
    if type(value) is not str or len(value) > 40:
        return False
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def _is_base64(value: Any) -> bool:
    if type(value) is not str:
        return False
    try:
        binascii.a2b_base64(value, strict_mode=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _checker(spec: str) -> tuple[Callable[[Any], bool], str]:
    """(check, what it expects in words) for one FIELD_TYPES spec without its suffix."""
    kind, _, arg = spec.partition(":")
    if kind == "str":
        most = int(arg)
        return (lambda v: type(v) is str and len(v) <= most), f"text of at most {most} characters"
    if kind == "enum":
        allowed = ENUMS[arg]
        return (lambda v: type(v) is str and v in allowed), "one of " + ", ".join(sorted(allowed))
    simple: dict[str, tuple[Callable[[Any], bool], str]] = {
        "text": (lambda v: type(v) is str, "text"),
        "int": (lambda v: type(v) is int and _INT32[0] <= v <= _INT32[1],
                "a whole number (32-bit)"),
        "bool": (lambda v: v is True or v is False, "true or false"),
        "date": (_is_date, "a date as YYYY-MM-DD"),
        "pdate": (_is_partial_date, "a date as YYYY-MM-DD, YYYY-MM or YYYY"),
        "datetime": (_is_datetime, "an ISO 8601 date and time with its UTC offset"),
        "list": (lambda v: type(v) is list and all(type(x) is str for x in v),
                 "a list of text"),
        "dict": (lambda v: type(v) is dict, "an object"),
        "bytes": (_is_base64, "base64 text"),
    }
    return simple[kind]


@dataclass(frozen=True, slots=True)
class FieldCheck:
    check: Callable[[Any], bool]
    expected: str
    nullable: bool


def _field_checks() -> tuple[dict[str, dict[str, FieldCheck]], dict[str, frozenset[str]]]:
    checks: dict[str, dict[str, FieldCheck]] = {}
    required: dict[str, frozenset[str]] = {}
    for entity, fields in FIELD_TYPES.items():
        checks[entity] = {}
        for name, spec in fields.items():
            check, expected = _checker(spec.rstrip("?!"))
            checks[entity][name] = FieldCheck(check, expected, spec.endswith("?"))
        required[entity] = frozenset(f for f, s in fields.items() if s.endswith("!"))
    return checks, required


FIELD_CHECKS, CREATE_REQUIRES = _field_checks()


def value_problem(entity: str, field: str, value: Any) -> str | None:
    """Why `value` cannot be `entity.field`'s value, in words that never repeat it (it may
    be personal data); None when it can."""
    rule = FIELD_CHECKS[entity][field]
    if value is None:
        return None if rule.nullable else "must not be null"
    return None if rule.check(value) else f"must be {rule.expected}"


def _check_changes(entity: str, kind: str | None,
                   changes: dict[str, FieldChange]) -> dict[str, FieldChange]:
    fields = FIELD_CHECKS[entity]
    unknown = sorted(set(changes) - fields.keys())
    if unknown:
        raise ValueError(f"unknown fields for {entity}: {', '.join(unknown)}")
    for name, change in changes.items():
        rule = fields[name]
        new, old = change.get("new"), change.get("old")
        if new is None:
            if not rule.nullable:
                raise _bad_value(name, "new", "must not be null")
        elif not rule.check(new):
            raise _bad_value(name, "new", f"must be {rule.expected}")
        if old is not None and not rule.check(old):  # null: the field had no value
            raise _bad_value(name, "old", f"must be {rule.expected}")
    if kind == "create":
        missing = sorted(CREATE_REQUIRES[entity] - changes.keys())
        if missing:
            raise PydanticCustomError(
                "missing_field", "a create of a {entity} must carry {fields}",
                {"entity": entity, "fields": ", ".join(missing)})
    return changes


def _bad_value(field: str, side: str, problem: str) -> PydanticCustomError:
    # Names the field and the type, never the value: it may be personal data.
    return PydanticCustomError("wire_value", "{field} ({side}) {problem}",
                               {"field": field, "side": side, "problem": problem})


# Rows that never change once written: they never conflict (a second create is a no-op).
APPEND_ONLY = frozenset({"scheduled_checkin", "checkin", "compliance_report", "audit_event"})
EntityName = Literal[
    "office", "caseworker", "participant", "alias", "household_member",
    "supervision_agreement", "scheduled_checkin", "checkin", "follow_up", "compliance_report",
    "referral", "case_note", "document", "audit_event"]

_OFFICE_NAMESPACE = uuid.UUID("6f1d5f0e-3c55-4c1e-9f55-5a4b1c0d2e77")


def office_id_for(name: str) -> str:
    """Offices are named, not minted: the same rule as app.models.org.office_id_for."""
    return str(uuid.uuid5(_OFFICE_NAMESPACE, " ".join(name.split()).casefold()))


class Strict(BaseModel):
    # strict: a "1" where a number belongs is refused, not coerced (every sender writes
    # the right JSON type; a coerced value would hide a sender's bug).
    model_config = ConfigDict(extra="forbid", strict=True)


def _uuid(value: str) -> str:
    uuid.UUID(value)
    return value


# One field's change: {"old": ..., "new": ...}, either left out meaning None. A plain dict,
# not a model: a batch of 200 carries about 5,000 of them, and validating it took 23 ms
# with a model object apiece, 7 ms with dicts (whose keys are still checked).
FieldChange = dict[Literal["old", "new"], Any]


class Operation(Strict):
    op_id: str = Field(min_length=36, max_length=36)
    entity: EntityName
    record_id: str = Field(min_length=36, max_length=36)
    # "merge": a participant absorbed into another (merged_into_id set, tombstoned); the
    # server applies it field by field like an update.
    kind: Literal["create", "update", "delete", "merge"]
    base_version: int = Field(ge=0)
    changes: dict[str, FieldChange] = Field(max_length=80)
    # The op_id of the merge this operation is part of (sent before it, in this batch or an
    # earlier one): applied only if that merge took effect, otherwise "withdrawn". A merge's
    # moves of records are never left behind on the server when the merge itself is not.
    part_of: str | None = Field(default=None, min_length=36, max_length=36)

    @field_validator("op_id", "record_id", "part_of")
    @classmethod
    def _ids(cls, value: str | None) -> str | None:
        return None if value is None else _uuid(value)

    @field_validator("changes")
    @classmethod
    def _known_fields(cls, value: dict[str, FieldChange], info: Any) -> dict[str, FieldChange]:
        entity = info.data.get("entity")
        if entity is None:  # the entity itself was refused: that is the error to name
            return value
        return _check_changes(entity, info.data.get("kind"), value)


class PushRequest(Strict):
    operations: list[Operation] = Field(min_length=1, max_length=MAX_BATCH)

    @field_validator("operations")
    @classmethod
    def _distinct_ops(cls, value: list[Operation]) -> list[Operation]:
        if len({op.op_id for op in value}) != len(value):
            raise ValueError("an op_id appears twice in the batch")
        return value


# "withdrawn": part of a merge that did not take effect; nothing of it was applied, and the
# device takes the record back as the server has it (`values`), or drops a record the
# operation created (the server has none). Also a merge's alias or note that the kept file
# has already (the same merge made on another device first): `duplicate_of` names the
# server's copy, which the device pulls; its own goes.
OpStatus = Literal["applied", "merged", "conflict", "rejected", "withdrawn"]


class OpResult(Strict):
    op_id: str
    status: OpStatus
    version: int | None = None
    conflicts: dict[str, Any] = Field(default_factory=dict)  # field -> the server's value
    reason: str | None = None
    duplicate_of: str | None = None
    # The record's whole state when the device had not seen every earlier change (merged,
    # conflict): the device applies it, since its own pulls skip records it changed last.
    values: dict[str, Any] | None = None


class PushResponse(Strict):
    results: list[OpResult]


class Change(Strict):
    seq: int
    entity: EntityName
    record_id: str
    version: int
    values: dict[str, Any]


class PullResponse(Strict):
    changes: list[Change]
    next_cursor: int
    more: bool


class EnrolRequest(Strict):
    code: str = Field(min_length=8, max_length=64)
    label: str = Field(default="device", min_length=1, max_length=100)


class EnrolResponse(Strict):
    device_id: str
    token: str
    office_name: str
    office_id: str


class ErrorBody(Strict):
    error: str
    detail: str
    wipe: bool = False


class Health(Strict):
    status: Literal["ok"]
    api: str
