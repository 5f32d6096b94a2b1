"""Stored codes of a participant file in words: referral sources, consent, flags, needs,
languages (ISO 639-1) and countries (ISO 3166-1 alpha-2). A code with no words here is
shown as Qt names it (in English), or as it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from app.ui.i18n import fill, tr
from app.ui.participant_model import status_word
from app.ui.record_dialogs import referral_type_words


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


def country_words() -> dict[str, str]:
    return {"MX": tr("Mexico"), "HT": tr("Haiti"), "NG": tr("Nigeria"), "IN": tr("India"),
            "VN": tr("Vietnam"), "IR": tr("Iran"), "SO": tr("Somalia"), "ER": tr("Eritrea"),
            "CO": tr("Colombia"), "UA": tr("Ukraine"), "CN": tr("China"),
            "PK": tr("Pakistan"), "SY": tr("Syria"), "ET": tr("Ethiopia"),
            "CD": tr("Democratic Republic of the Congo"), "GT": tr("Guatemala"),
            "SV": tr("El Salvador"), "HN": tr("Honduras"), "AF": tr("Afghanistan"),
            "BD": tr("Bangladesh"), "CA": tr("Canada"), "US": tr("United States")}


def _language(code: str) -> str:
    words = language_words()
    if code in words:
        return words[code]
    language = QLocale.codeToLanguage(code)
    return code if language == QLocale.Language.AnyLanguage else \
        QLocale.languageToString(language)


def _country(code: str) -> str:
    words = country_words()
    if code.upper() in words:
        return words[code.upper()]
    territory = QLocale.codeToTerritory(code)
    return code if territory == QLocale.Territory.AnyTerritory else \
        QLocale.territoryToString(territory)


def _each(words: dict[str, str]) -> Any:
    return lambda code: words.get(code, code.replace("_", " "))


def value_words(field: str, value: Any) -> str:
    """How a stored value of `field` is shown; empty for no value."""
    if value in (None, "", [], {}):
        return ""
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    one = {"status": status_word, "languages": _language, "citizenship": _country,
           "referral_source": _each(referral_source_words()),
           "consent_to_share": _each(consent_words()),
           "risk_flags": _each(flag_words()), "vulnerability_flags": _each(flag_words()),
           "sex": _each(sex_words())}.get(field, str)
    if isinstance(value, dict):  # needs: each need with its note
        needs = referral_type_words()
        return "; ".join(fill(tr("%1: %2"), needs.get(k, k.replace("_", " ")), v) if v else
                         needs.get(k, k.replace("_", " ")) for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(one(str(v)) for v in value)
    return one(str(value))
