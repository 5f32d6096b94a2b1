"""The participant's status machine: referred -> assessed -> accepted / refused -> active
<-> suspended -> closed. Refusal and closure carry a reason."""

from __future__ import annotations

from datetime import date

from app.errors import IllegalTransition, ValidationError
from app.models.enums import ClosureReason, ParticipantStatus
from app.services import validation as v
from app.services.context import ServiceContext
from app.services.participants import load_participant
from app.services.recorder import recording

S = ParticipantStatus
TRANSITIONS: dict[ParticipantStatus, frozenset[ParticipantStatus]] = {
    S.REFERRED: frozenset({S.ASSESSED, S.REFUSED, S.CLOSED}),
    S.ASSESSED: frozenset({S.ACCEPTED, S.REFUSED, S.CLOSED}),
    S.ACCEPTED: frozenset({S.ACTIVE, S.CLOSED}),
    S.REFUSED: frozenset(),
    S.ACTIVE: frozenset({S.SUSPENDED, S.CLOSED}),
    S.SUSPENDED: frozenset({S.ACTIVE, S.CLOSED}),
    S.CLOSED: frozenset(),
}


def allowed_transitions(current: str) -> frozenset[ParticipantStatus]:
    return TRANSITIONS[ParticipantStatus(current)]


def change_status(ctx: ServiceContext, participant_id: str, target: str,
                  reason: str | None = None, on: date | None = None) -> None:
    """Move a participant to `target`. Refusing needs a reason (free text); closing needs one
    of the closure reasons. An illegal move raises IllegalTransition and changes nothing."""
    new = v.choice("status", target, ParticipantStatus, required=True)
    assert new is not None
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        current = ParticipantStatus(p.status)
        if new not in TRANSITIONS[current]:
            raise IllegalTransition("participant", current.value, new.value)
        changes: dict[str, object] = {"status": new.value, "status_changed_at": ctx.now(),
                                      "status_reason": None}
        if new is S.REFUSED:
            changes["status_reason"] = v.text("reason", reason, required=True, max_len=40)
        elif new is S.CLOSED:
            closure = v.choice("reason", reason, ClosureReason, required=True)
            assert closure is not None
            changes["status_reason"] = closure.value
            changes["closed_on"] = on or ctx.now().date()
        elif reason:
            changes["status_reason"] = v.text("reason", reason, max_len=40)
        if new is S.SUSPENDED and not reason:
            raise ValidationError("reason", "is required to suspend a participant")
        rec.update(p, changes, participant_id=p.id, action="status")
