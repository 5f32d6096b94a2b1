"""The words for each field of a record, wherever fields are listed by key (the file's
profile, the duplicate review, the import preview, error messages, the Conflicts tab).

A field's words can depend on the kind of record it belongs to: `status` is a file's status
on a participant and the referral's status on a referral. Fields are named as the sync's
wire schema names them (app/sync/wire.py); a test checks every one has words here."""

from __future__ import annotations

from collections.abc import Callable

from app.ui.i18n import fill, tr


def profile_fields() -> list[tuple[str, str]]:
    return [("family_name", tr("Family name")), ("given_names", tr("Given names")),
            ("date_of_birth", tr("Date of birth")), ("client_id", tr("Client ID (UCI)")),
            ("external_ref", tr("Reference in the old system")),
            ("citizenship", tr("Country of citizenship")), ("phone", tr("Phone")),
            ("email", tr("Email")), ("address_line", tr("Address")), ("city", tr("City")),
            ("province", tr("Province")), ("postal_code", tr("Postal code")),
            ("detention_facility", tr("Detention facility"))]


def _common() -> dict[str, str]:
    """Fields every record carries, and fields that mean the same wherever they are."""
    return {"id": tr("Record identifier"), "office_id": tr("Office"),
            "created_at": tr("Created on"), "deleted": tr("Deleted"),
            "participant_id": tr("Participant file")}


def _participant() -> dict[str, str]:
    labels = dict(profile_fields())
    labels.update({"status": tr("Status"), "aliases": tr("Aliases"), "sex": tr("Sex"),
                   "gender": tr("Gender"), "languages": tr("Languages"),
                   "interpreter_needed": tr("Interpreter needed"),
                   "caseworker_id": tr("Caseworker"), "caseworker": tr("Caseworker"),
                   "referral_source": tr("Referral source"),
                   "referral_office": tr("Referral office"),
                   "referral_date": tr("Referral date"), "needs": tr("Needs"),
                   "risk_flags": tr("Risk flags"),
                   "vulnerability_flags": tr("Vulnerability flags"),
                   "consent_to_share": tr("Consent to share"),
                   "consent_recorded_on": tr("Consent recorded on"),
                   "status_reason": tr("Reason for the status"),
                   "status_changed_at": tr("Status changed on"),
                   "closed_on": tr("Closed on"), "merged_into_id": tr("Merged into"),
                   # Keys of the errors of a status change and of an alias.
                   "reason": tr("Reason for the status"),
                   "alias.family_name": tr("Alias family name"),
                   "alias.given_names": tr("Alias given names")})
    return labels


def _office() -> dict[str, str]:
    return {"name": tr("Office name"), "time_zone": tr("Time zone"),
            "retention_days": tr("Days a closed file is kept on a device"),
            "max_offline_days": tr("Days offline before files lock")}


def _caseworker() -> dict[str, str]:
    return {"name": tr("Caseworker's name"), "email": tr("Email"), "role": tr("Role"),
            "active": tr("Active")}


def _alias() -> dict[str, str]:
    return {"family_name": tr("Family name"), "given_names": tr("Given names")}


def _household_member() -> dict[str, str]:
    return {"name": tr("Name"), "relationship": tr("Relationship"),
            "date_of_birth": tr("Date of birth"), "dependant": tr("Dependant"),
            "linked_participant_id": tr("Own participant file")}


def _supervision_agreement() -> dict[str, str]:
    return {"version_no": tr("Version"), "supersedes_id": tr("Version it replaces"),
            "superseded_on": tr("Replaced on"),
            "amendment_reason": tr("Reason for the amendment"),
            "effective_on": tr("Effective date"), "review_on": tr("Review date"),
            "end_on": tr("End date"), "reporting_frequency": tr("Reporting frequency"),
            "custom_interval_days": tr("Days between check-ins (custom frequency)"),
            "reporting_mode": tr("Reporting mode"), "reporting_time": tr("Reporting time"),
            "residency_address": tr("Residence address"), "curfew": tr("Curfew"),
            "programming": tr("Programs to attend"), "conditions": tr("Conditions"),
            "compliance_window_days": tr("Days before a missed check-in is reported"),
            "signed_by_participant_on": tr("Signed by the participant on"),
            "signed_by_caseworker_on": tr("Signed by the caseworker on"),
            "cbsa_officer": tr("CBSA officer")}


def _scheduled_checkin() -> dict[str, str]:
    return {"agreement_id": tr("Agreement"), "due_at": tr("Due"),
            "mode": tr("Reporting mode")}


def _checkin() -> dict[str, str]:
    return {"agreement_id": tr("Agreement"), "slot_id": tr("Scheduled check-in"),
            "scheduled_at": tr("Scheduled for"), "actual_at": tr("Took place on"),
            "mode": tr("Mode"), "outcome": tr("Outcome"), "wellbeing": tr("Wellbeing"),
            "needs_update": tr("Change in needs"), "notes": tr("Notes"),
            "corrects_id": tr("Entry it corrects"), "recorded_by": tr("Recorded by")}


def _follow_up() -> dict[str, str]:
    return {"checkin_id": tr("Check-in"), "due_at": tr("Due"),
            "status": tr("Follow-up status"), "resolution": tr("What was done"),
            "resolved_at": tr("Resolved on")}


def _compliance_report() -> dict[str, str]:
    return {"follow_up_id": tr("Follow-up"), "checkin_id": tr("Check-in"),
            "reason": tr("Reason"), "details": tr("Details"),
            "reported_at": tr("Reported on")}


def _referral() -> dict[str, str]:
    return {"type": tr("Type of service"), "provider": tr("Service provider"),
            "referred_on": tr("Referred on"), "status": tr("Referral status"),
            "follow_up_on": tr("Follow-up date"), "outcome": tr("Outcome of the referral"),
            "notes": tr("Notes")}


def _case_note() -> dict[str, str]:
    return {"author_id": tr("Written by"), "body": tr("Note")}


def _document() -> dict[str, str]:
    return {"filename": tr("File name"), "mime_type": tr("File type"), "size": tr("Size"),
            "sha256": tr("Fingerprint of the contents"), "description": tr("Description"),
            "content": tr("Contents")}


def _audit_event() -> dict[str, str]:
    return {"device_id": tr("Device"), "device_seq": tr("Number on the device"),
            "at": tr("When"), "actor_id": tr("Done by"), "action": tr("Action"),
            "entity": tr("Kind of record"), "record_id": tr("Record"),
            "details": tr("Details"), "prev_hash": tr("Seal of the entry before"),
            "hash": tr("Seal of this entry")}


_BY_ENTITY: dict[str, Callable[[], dict[str, str]]] = {
    "office": _office, "caseworker": _caseworker, "participant": _participant,
    "alias": _alias, "household_member": _household_member,
    "supervision_agreement": _supervision_agreement, "scheduled_checkin": _scheduled_checkin,
    "checkin": _checkin, "follow_up": _follow_up, "compliance_report": _compliance_report,
    "referral": _referral, "case_note": _case_note, "document": _document,
    "audit_event": _audit_event}


def field_label(field: str, entity: str | None = None) -> str:
    """The words for `field` of a record of kind `entity` (a wire entity name such as
    "referral"); without an entity, a participant's field. A field with no words here (from
    a newer server, say) is shown by its name."""
    labels = _common()
    labels.update(_BY_ENTITY.get(entity or "participant", dict)())
    return labels.get(field, field.replace("_", " "))


def error_field_label(key: str, entity: str | None = None) -> str:
    """The name of what an error is about, from the key a service gives it: a field of a
    record of kind `entity` (a participant's without one), or a part of an import
    ("mapping.family_name" is that field's line in the mapping, "row" the row as a whole,
    "rejects" the file of refused rows)."""
    if key.startswith("mapping."):
        return tr("%1 (column mapping)").replace("%1", field_label(key.removeprefix("mapping.")))
    if key.startswith("household."):  # a member's field, in its form or at intake
        label = field_label(key.removeprefix("household."), "household_member")
        return (label if entity == "household_member"
                else fill(tr("%1, %2"), entity_word("household_member"), label))
    others = {"row": tr("Row"), "rejects": tr("Refused rows file"),
              "mapping": tr("Mapping file"), "columns": tr("Columns of the file"),
              "on_duplicate": tr("When a row looks like a file already here"),
              "kept_id": tr("Kept file"), "absorbed_id": tr("File merged into it"),
              "month": tr("Month"), "out": tr("File to write"), "format": tr("Format"),
              "server": tr("Server address"), "code": tr("Enrolment code")}
    return others.get(key, field_label(key, entity))


def entity_words() -> dict[str, str]:
    return {"office": tr("Office"), "caseworker": tr("Caseworker"),
            "participant": tr("Participant file"), "alias": tr("Alias"),
            "household_member": tr("Household member"),
            "supervision_agreement": tr("Supervision agreement"),
            "scheduled_checkin": tr("Scheduled check-in"), "checkin": tr("Check-in"),
            "follow_up": tr("Follow-up"), "compliance_report": tr("Compliance report"),
            "referral": tr("Referral"), "case_note": tr("Case note"),
            "document": tr("Document"), "audit_event": tr("Audit record")}


def entity_word(entity: str) -> str:
    return entity_words().get(entity, entity.replace("_", " "))
