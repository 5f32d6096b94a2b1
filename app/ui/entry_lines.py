"""One line of text for an entry of the participant file (a check-in, a referral, an
agreement, a household member, a history event): what a caseworker needs to see without
opening it (when, how, what came of it, what is still to do)."""

from __future__ import annotations

from app.services.agreements import AgreementView
from app.services.checkins import CheckInView
from app.services.history import HistoryEntry
from app.services.referrals import ReferralView
from app.services.views import HouseholdLinkView, HouseholdMemberView
from app.ui.bidi import isolate
from app.ui.field_labels import entity_word, field_label
from app.ui.i18n import fill, tr
from app.ui.record_dialogs import referral_status_words, referral_type_words

SHORT = 80  # characters of a free-text answer shown in the line; the rest is in the record
CORRECTED_RESOLUTION = "check-in corrected"  # written by checkins.correct_checkin


def _short(text: str) -> str:
    """The first line, cut at SHORT characters; "…" says there is more."""
    whole = text.strip()
    first = whole.splitlines()[0] if whole else ""
    if len(first) > SHORT:
        first = first[:SHORT] + "…"
    elif first != whole:
        first += "…"
    return isolate(first)


def checkin_line(c: CheckInView, outcomes: dict[str, str], modes: dict[str, str]) -> str:
    when = c.scheduled_at or c.actual_at
    parts = [f"{when.astimezone():%Y-%m-%d %H:%M}" if when else "—",
             outcomes.get(c.outcome, c.outcome), modes.get(c.mode, c.mode)]
    line = " — ".join(parts) + (f" ({tr('corrected')})" if c.corrected else "")
    fu = c.follow_up
    if fu is None or (c.outcome != "missed" and fu.status != "open"):
        return line
    if fu.status == "open":
        return f"{line} — {tr('follow-up open until')} {fu.due_at.astimezone():%Y-%m-%d}"
    if fu.status == "escalated":
        return f"{line} — {tr('not followed up in time: reported to CBSA')}"
    said = (tr("the entry was corrected") if fu.resolution == CORRECTED_RESOLUTION
            else _short(fu.resolution or ""))
    return f"{line} — {tr('followed up')}: {said}"


def referral_line(r: ReferralView) -> str:
    types, statuses = referral_type_words(), referral_status_words()
    line = (f"{r.referred_on:%Y-%m-%d} — {types.get(r.type, r.type)} — {isolate(r.provider)}"
            f" — {statuses.get(r.status, r.status)}")
    if r.follow_up_on:
        line += f" — {tr('follow up on')} {r.follow_up_on:%Y-%m-%d}"
    if r.outcome:
        line += f" — {_short(r.outcome)}"
    return line


def household_line(m: HouseholdMemberView) -> str:
    """Who the member is to the participant, born when, whether a dependant, and the name
    on their own file when they have one."""
    line = f"{isolate(m.name)} ({isolate(m.relationship)})"
    if m.date_of_birth:
        line += f" — {tr('born')} {m.date_of_birth}"
    if m.dependant:
        line += f" — {tr('dependant')}"
    if m.linked_participant_id:
        line += (f" — {tr('own file')}: {isolate(m.linked_name)}" if m.linked_name
                 else f" — {tr('own file not on this computer')}")
    return line


def named_in_line(link: HouseholdLinkView) -> str:
    """Another file's household names this person: whose, and as what."""
    return fill(tr("In the household of %1 (as %2)"), isolate(link.name),
                isolate(link.relationship))


def agreement_line(a: AgreementView, freq_words: dict[str, str],
                   mode_words: dict[str, str]) -> str:
    """A version of the agreement: how and when the participant reports, from when; then
    the review and end dates, the residence and the curfew when the version has them."""
    frequency = a.reporting_frequency
    if frequency == "custom" and a.custom_interval_days:
        how_often = fill(tr("every %1 days"), a.custom_interval_days)
    else:
        how_often = freq_words.get(frequency, frequency)
    reporting = (f"{how_often}, {mode_words.get(a.reporting_mode, a.reporting_mode)} "
                 f"{a.reporting_time}, {tr('from')} {a.effective_on:%Y-%m-%d}")
    parts = [fill(tr("%1: %2"), f"{tr('Version')} {a.version_no}", reporting)]
    if a.review_on:
        parts.append(f"{tr('review on')} {a.review_on:%Y-%m-%d}")
    if a.end_on:
        parts.append(f"{tr('ends on')} {a.end_on:%Y-%m-%d}")
    if a.residency_address:
        parts.append(fill(tr("%1: %2"), tr("residence"), _short(a.residency_address)))
    if a.curfew:
        parts.append(fill(tr("%1: %2"), tr("curfew"), isolate(a.curfew)))
    return " — ".join(parts) + ("" if a.current else f" ({tr('superseded')})")


def action_words() -> dict[str, str]:
    """What an audit event's action did, as the history says it."""
    return {"create": tr("added"), "update": tr("changed"), "delete": tr("removed"),
            "view": tr("opened"), "status": tr("changed the status of"),
            "amend": tr("amended"), "export": tr("exported"), "import": tr("imported"),
            "merge": tr("merged"), "merge_undone": tr("undid the merge of"),
            "not_duplicate": tr("marked as not the same person"),
            "not_duplicate_undone": tr("took back 'not the same person' for"),
            "resolve": tr("resolved a conflict on"),
            "purge": tr("removed from this device")}


def history_line(h: HistoryEntry) -> str:
    """Who did what to which record, and which fields a change touched (never values)."""
    what = fill(tr("%1: %2"), action_words().get(h.action, h.action), entity_word(h.entity))
    fields = h.details.get("fields") if isinstance(h.details, dict) else None
    if isinstance(fields, list) and fields and h.action != "create":  # a creation has all
        what += f" ({', '.join(field_label(str(f), h.entity) for f in fields)})"
    who = isolate(h.actor_name) if h.actor_name else tr("someone on another device")
    return f"{h.at.astimezone():%Y-%m-%d %H:%M} — {who} — {what}"
