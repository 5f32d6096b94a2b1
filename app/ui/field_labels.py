"""The words for each participant field, wherever fields are listed by key (the duplicate
review, the import preview)."""

from __future__ import annotations

from app.ui.i18n import tr
from app.ui.participant_file import profile_fields


def field_label(field: str) -> str:
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
                   "consent_recorded_on": tr("Consent recorded on")})
    return labels.get(field, field.replace("_", " "))
