"""The sync protocol's wire schema (/v1): shared by the app and the reference server.

This module is the whole contract: the server imports nothing else from `app`. Field lists
per entity are declared here (a test checks they match the app's models)."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

API_PREFIX = "/v1"
MAX_BATCH = 500
DEFAULT_BATCH = 200
MAX_PULL_PAGE = 1000
DEFAULT_PULL_PAGE = 500
MAX_BODY_BYTES = 48 * 1024 * 1024  # a batch may carry documents (20 MB each at most)

_COMMON = ("id", "office_id", "created_at", "deleted")
ENTITY_FIELDS: dict[str, tuple[str, ...]] = {
    "office": ("name", "time_zone", "retention_days", "max_offline_days"),
    "caseworker": ("name", "email", "role", "active"),
    "participant": (
        "client_id", "external_ref", "family_name", "given_names", "date_of_birth", "sex",
        "gender", "citizenship", "languages", "interpreter_needed", "phone", "email",
        "address_line", "city", "province", "postal_code", "caseworker_id",
        "referral_source", "referral_office", "referral_date", "detention_facility", "status",
        "status_reason", "status_changed_at", "closed_on", "needs", "risk_flags",
        "vulnerability_flags", "consent_to_share", "consent_recorded_on", "merged_into_id"),
    "alias": ("participant_id", "family_name", "given_names"),
    "household_member": ("participant_id", "name", "relationship", "date_of_birth",
                         "dependant", "linked_participant_id"),
    "supervision_agreement": (
        "participant_id", "version_no", "supersedes_id", "superseded_on", "amendment_reason",
        "effective_on", "review_on", "end_on", "reporting_frequency", "custom_interval_days",
        "reporting_mode", "reporting_time", "residency_address", "curfew", "programming",
        "conditions", "compliance_window_days", "signed_by_participant_on",
        "signed_by_caseworker_on", "cbsa_officer"),
    "scheduled_checkin": ("participant_id", "agreement_id", "due_at", "mode"),
    "checkin": ("participant_id", "agreement_id", "slot_id", "scheduled_at", "actual_at",
                "mode", "outcome", "wellbeing", "needs_update", "notes", "corrects_id",
                "recorded_by"),
    "follow_up": ("participant_id", "checkin_id", "due_at", "status", "resolution",
                  "resolved_at"),
    "compliance_report": ("participant_id", "follow_up_id", "checkin_id", "reason", "details",
                          "reported_at"),
    "referral": ("participant_id", "type", "provider", "referred_on", "status",
                 "follow_up_on", "outcome", "notes"),
    "case_note": ("participant_id", "author_id", "body"),
    "document": ("participant_id", "filename", "mime_type", "size", "sha256", "description",
                 "content"),
    "audit_event": ("device_id", "device_seq", "at", "actor_id", "action", "entity",
                    "record_id", "participant_id", "details", "prev_hash", "hash"),
}
ENTITY_FIELDS = {k: (*v, *_COMMON) for k, v in ENTITY_FIELDS.items()}
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
    model_config = ConfigDict(extra="forbid")


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

    @field_validator("op_id", "record_id")
    @classmethod
    def _ids(cls, value: str) -> str:
        return _uuid(value)

    @field_validator("changes")
    @classmethod
    def _known_fields(cls, value: dict[str, FieldChange], info: Any) -> dict[str, FieldChange]:
        entity = info.data.get("entity")
        if entity is not None:
            unknown = sorted(set(value) - set(ENTITY_FIELDS[entity]))
            if unknown:
                raise ValueError(f"unknown fields for {entity}: {', '.join(unknown)}")
        return value


class PushRequest(Strict):
    operations: list[Operation] = Field(min_length=1, max_length=MAX_BATCH)

    @field_validator("operations")
    @classmethod
    def _distinct_ops(cls, value: list[Operation]) -> list[Operation]:
        if len({op.op_id for op in value}) != len(value):
            raise ValueError("an op_id appears twice in the batch")
        return value


OpStatus = Literal["applied", "merged", "conflict", "rejected"]


class OpResult(Strict):
    op_id: str
    status: OpStatus
    version: int | None = None
    conflicts: dict[str, Any] = Field(default_factory=dict)  # field -> the server's value
    reason: str | None = None
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
