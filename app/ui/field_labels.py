"""The words for each participant field, wherever fields are listed by key (the file's
profile, the duplicate review, the import preview, error messages)."""

from __future__ import annotations

from app.ui.i18n import tr


def profile_fields() -> list[tuple[str, str]]:
    return [("family_name", tr("Family name")), ("given_names", tr("Given names")),
            ("date_of_birth", tr("Date of birth")), ("client_id", tr("Client ID (UCI)")),
            ("external_ref", tr("Reference in the old system")),
            ("citizenship", tr("Country of citizenship")), ("phone", tr("Phone")),
            ("email", tr("Email")), ("address_line", tr("Address")), ("city", tr("City")),
            ("province", tr("Province")), ("postal_code", tr("Postal code")),
            ("detention_facility", tr("Detention facility"))]


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


def error_field_label(key: str) -> str:
    """The name of what an error is about, from the key a service gives it: a participant
    field, or a part of an import ("mapping.family_name" is that field's line in the
    mapping, "row" the row as a whole, "rejects" the file of refused rows)."""
    if key.startswith("mapping."):
        return tr("%1 (column mapping)").replace("%1", field_label(key.removeprefix("mapping.")))
    others = {"row": tr("Row"), "rejects": tr("Refused rows file"),
              "mapping": tr("Mapping file"),
              "on_duplicate": tr("When a row looks like a file already here"),
              "kept_id": tr("Kept file"), "absorbed_id": tr("File merged into it")}
    return others.get(key, field_label(key))
