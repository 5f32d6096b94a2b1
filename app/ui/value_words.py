"""Stored values of a record in words: a participant file's codes (referral sources,
consent, flags, needs, languages (ISO 639-1) and countries (ISO 3166-1 alpha-2)), the codes
of every closed vocabulary (app.models.enums), dates and times, yes or no, and identifiers
of other records. A code with no words here is shown as Qt names it (in English), or as it
is."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale

from app.sync.wire import FIELD_TYPES
from app.ui.countries import country_word
from app.ui.i18n import fill, join_clauses, tr
from app.ui.participant_model import STATUS_WORDS, status_word
from app.ui.record_dialogs import (
    frequency_words,
    mode_words,
    outcome_words,
    referral_status_words,
    referral_type_words,
)


def referral_source_words() -> dict[str, str]:
    return {"cbsa": tr("CBSA (Canada Border Services Agency)"),
            "irb": tr("IRB (Immigration and Refugee Board)")}


def consent_words() -> dict[str, str]:
    return {"cbsa": tr("CBSA"), "irb": tr("IRB"), "service_providers": tr("service providers")}


def flag_words() -> dict[str, str]:
    return {"mental_health": tr("mental health"),
            "family_with_children": tr("family with children"), "medical": tr("medical"),
            "survivor_of_violence": tr("survivor of violence"),
            "absconding_history": tr("history of absconding")}


def sex_words() -> dict[str, str]:
    return {"F": tr("female"), "M": tr("male"), "X": tr("X (another gender)")}


def language_words() -> dict[str, str]:
    return {"en": tr("English"), "fr": tr("French"), "es": tr("Spanish"), "ar": tr("Arabic"),
            "vi": tr("Vietnamese"), "fa": tr("Persian"), "so": tr("Somali"),
            "ti": tr("Tigrinya"), "uk": tr("Ukrainian"), "zh": tr("Chinese"),
            "pa": tr("Punjabi"), "ht": tr("Haitian Creole"), "sw": tr("Swahili"),
            "am": tr("Amharic"), "ps": tr("Pashto"), "bn": tr("Bangla"),
            "ru": tr("Russian"), "pt": tr("Portuguese"), "hi": tr("Hindi"),
            "ur": tr("Urdu"), "tr": tr("Turkish")}


def role_words() -> dict[str, str]:
    return {"caseworker": tr("caseworker"), "supervisor": tr("supervisor")}


def follow_up_status_words() -> dict[str, str]:
    return {"open": tr("open"), "resolved": tr("resolved"),
            "escalated": tr("reported to CBSA")}


def closure_reason_words() -> dict[str, str]:
    """A closed file's reason (app.models.enums.ClosureReason); other statuses' reasons are
    free text."""
    return {"removed": tr("removed from Canada"), "status_granted": tr("status granted"),
            "transferred": tr("transferred"), "withdrawn_by_cbsa": tr("withdrawn by CBSA"),
            "absconded": tr("absconded"), "re_detained": tr("detained again"),
            "voluntary_departure": tr("left Canada voluntarily"),
            "deceased": tr("deceased")}


def compliance_reason_words() -> dict[str, str]:
    return {"missed_checkin_unresolved": tr("missed check-in not resolved in time")}


def enum_words(name: str) -> dict[str, str]:
    """The words for each code of the closed vocabulary `name` (app.sync.wire.ENUMS)."""
    tables: dict[str, Callable[[], dict[str, str]]] = {
        "role": role_words,
        "participant_status": lambda: {s: status_word(s) for s in STATUS_WORDS},
        "referral_source": referral_source_words, "reporting_frequency": frequency_words,
        "reporting_mode": mode_words, "checkin_outcome": outcome_words,
        "follow_up_status": follow_up_status_words, "referral_type": referral_type_words,
        "referral_status": referral_status_words}
    return tables[name]() if name in tables else {}


def _language(code: str) -> str:
    words = language_words()
    if code in words:
        return words[code]
    language = QLocale.codeToLanguage(code)
    return code if language == QLocale.Language.AnyLanguage else \
        QLocale.languageToString(language)


def _each(words: dict[str, str]) -> Any:
    return lambda code: words.get(code, code.replace("_", " "))


def _when(value: str) -> str:
    """A stored time (ISO 8601, UTC) in this computer's time, as the app shows times."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _shown_as(kind: str) -> Callable[[str], str] | None:
    """How one value of a wire type (FIELD_TYPES, suffix dropped) is shown, where the type
    alone says it."""
    if kind.startswith("enum:"):
        return _each(enum_words(kind.removeprefix("enum:")))
    if kind == "datetime":
        return _when
    if kind == "str:36":  # the identifier of another record: no words for a raw id
        return lambda v: tr("(another record)") if _is_uuid(v) else v
    if kind == "bytes":
        return lambda _: tr("(file contents)")
    return None


def _as_is(words: dict[str, str]) -> Callable[[str], str]:
    """Codes in words, any other value (free text) as it is."""
    return lambda value: words.get(value, value)


def _size(value: str) -> str:
    try:
        return QLocale().formattedDataSize(
            int(value), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
    except ValueError:
        return value


# Fields whose values need more than their wire type says, by (entity, field): each gives
# how one value (or one item of a list) is shown.
_OWN_WORDS: dict[tuple[str, str], Callable[[], Callable[[str], str]]] = {
    ("participant", "languages"): lambda: _language,
    ("participant", "citizenship"): lambda: country_word,
    ("participant", "consent_to_share"): lambda: _each(consent_words()),
    ("participant", "risk_flags"): lambda: _each(flag_words()),
    ("participant", "vulnerability_flags"): lambda: _each(flag_words()),
    ("participant", "sex"): lambda: _each(sex_words()),
    ("participant", "status_reason"): lambda: _as_is(closure_reason_words()),
    ("compliance_report", "reason"): lambda: _as_is(compliance_reason_words()),
    ("document", "size"): lambda: _size,
}


def _one(field: str, entity: str) -> Callable[[str], str]:
    """How one value (or one item of a list) of `field` of an `entity` record is shown."""
    own = _OWN_WORDS.get((entity, field))
    if own is not None:
        return own()
    kind = FIELD_TYPES.get(entity, {}).get(field, "").rstrip("?!")
    return _shown_as(kind) or str


def value_words(field: str, value: Any, entity: str | None = None) -> str:
    """How a stored value of `field` of a record of kind `entity` (a wire entity name; a
    participant's field without one) is shown; empty for no value. Values are as the wire
    carries them: dates as "YYYY-MM-DD" (shown so), times as UTC ISO 8601 (shown in this
    computer's time)."""
    if value in (None, "", [], {}):
        return ""
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    one = _one(field, entity or "participant")
    if field == "needs" and isinstance(value, dict):  # each need with its note
        # Joined as French wants it ("a ; b"), as the colon inside each need is.
        needs = referral_type_words()
        return join_clauses([fill(tr("%1: %2"), needs.get(k, k.replace("_", " ")), v) if v
                             else needs.get(k, k.replace("_", " ")) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return ", ".join(one(str(v)) for v in value)
    return one(str(value))
