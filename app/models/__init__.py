"""ORM entities. No Qt, no HTTP: importable and testable on their own."""

from app.models.agreement import ScheduledCheckIn, SupervisionAgreement
from app.models.audit import AuditEvent
from app.models.base import Base, SyncedEntity, default_value, new_id, table_of, utcnow
from app.models.checkin import CheckIn, ComplianceReport, FollowUp
from app.models.integrity import DuplicateReview, ImportedRow, ImportFile, PendingMerge
from app.models.local import Conflict, DeviceSecret, OutboxEntry, StoreMeta, SyncState
from app.models.name_key import ParticipantNameKey
from app.models.notes import CaseNote, Document
from app.models.org import Caseworker, Office, office_id_for
from app.models.participant import Alias, HouseholdMember, Participant
from app.models.referral import Referral

# Wire name -> class, in an order where parents come before children.
ENTITIES: dict[str, type[SyncedEntity]] = {
    cls.__entity__: cls
    for cls in (
        Office, Caseworker, Participant, Alias, HouseholdMember, SupervisionAgreement,
        ScheduledCheckIn, CheckIn, FollowUp, ComplianceReport, Referral, CaseNote, Document,
        AuditEvent,
    )
}

__all__ = [
    "ENTITIES", "Alias", "AuditEvent", "Base", "CaseNote", "Caseworker", "CheckIn",
    "ComplianceReport", "Conflict", "DeviceSecret", "Document", "DuplicateReview", "FollowUp",
    "HouseholdMember", "ImportFile", "ImportedRow", "Office", "OutboxEntry", "Participant",
    "ParticipantNameKey", "PendingMerge",
    "Referral", "ScheduledCheckIn", "StoreMeta", "SupervisionAgreement", "SyncState",
    "SyncedEntity", "default_value", "new_id", "office_id_for", "table_of", "utcnow",
]
