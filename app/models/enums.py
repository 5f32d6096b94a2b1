"""The closed vocabularies of the program, as string enums stored by value."""

from __future__ import annotations

from enum import StrEnum


class ParticipantStatus(StrEnum):
    REFERRED = "referred"
    ASSESSED = "assessed"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class ClosureReason(StrEnum):
    REMOVED = "removed"
    STATUS_GRANTED = "status_granted"
    TRANSFERRED = "transferred"
    WITHDRAWN_BY_CBSA = "withdrawn_by_cbsa"
    ABSCONDED = "absconded"
    RE_DETAINED = "re_detained"
    VOLUNTARY_DEPARTURE = "voluntary_departure"
    DECEASED = "deceased"


class ReferralSource(StrEnum):
    CBSA = "cbsa"
    IRB = "irb"


class ReportingFrequency(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    CUSTOM = "custom"


class ReportingMode(StrEnum):
    IN_PERSON = "in_person"
    TELEPHONE = "telephone"
    VIDEO = "video"
    HOME_VISIT = "home_visit"


class CheckInOutcome(StrEnum):
    ATTENDED = "attended"
    LATE = "late"
    MISSED = "missed"
    EXCUSED = "excused"
    RESCHEDULED = "rescheduled"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    ESCALATED = "escalated"


class ReferralType(StrEnum):
    HOUSING = "housing"
    EMPLOYMENT = "employment"
    MENTAL_HEALTH = "mental_health"
    ADDICTION = "addiction"
    HEALTH = "health"
    FAMILY_AND_CHILD = "family_and_child"
    LEGAL = "legal"
    INCOME = "income"
    IDENTITY_DOCUMENTS = "identity_documents"
    WORK_PERMIT = "work_permit"


class ReferralStatus(StrEnum):
    PROPOSED = "proposed"
    MADE = "made"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DECLINED = "declined"
    NO_SHOW = "no_show"
    WITHDRAWN = "withdrawn"


class Role(StrEnum):
    CASEWORKER = "caseworker"
    SUPERVISOR = "supervisor"


OPEN_REFERRAL_STATUSES = (
    ReferralStatus.PROPOSED, ReferralStatus.MADE, ReferralStatus.ACCEPTED,
    ReferralStatus.IN_PROGRESS,
)
OPEN_PARTICIPANT_STATUSES = (
    ParticipantStatus.REFERRED, ParticipantStatus.ASSESSED, ParticipantStatus.ACCEPTED,
    ParticipantStatus.ACTIVE, ParticipantStatus.SUSPENDED,
)
