"""Referrals and their status machine, case notes, documents kept inside the store."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import IllegalTransition, NotFound, ValidationError
from app.services import dashboard
from app.services.context import ServiceContext
from app.services.documents import (
    MAX_BYTES,
    attach_document,
    list_documents,
    read_document,
    remove_document,
)
from app.services.history import participant_history
from app.services.notes import add_note, edit_note, list_notes, remove_note
from app.services.participants import create_participant
from app.services.referrals import list_referrals, make_referral, move_referral, update_referral
from tests.conftest import FixedClock

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%synthetic test document\n%%EOF\n"


@pytest.fixture
def pid(ctx: ServiceContext) -> str:
    return create_participant(ctx, {"family_name": "Uwimana", "given_names": "Claudine"})


def test_referral_through_to_completed(ctx: ServiceContext, pid: str,
                                       clock: FixedClock) -> None:
    rid = make_referral(ctx, pid, {"type": "housing", "provider": "Community Housing",
                                   "follow_up_on": "2026-03-09"})
    assert list_referrals(ctx, pid)[0].status == "proposed"
    for target in ("made", "accepted", "in_progress"):
        move_referral(ctx, rid, target)
    clock.advance(days=10)
    assert [r.record_id for r in dashboard.referrals_past_follow_up(ctx)] == [rid]
    move_referral(ctx, rid, "completed", outcome="Housed in a shared apartment")
    done = list_referrals(ctx, pid)[0]
    assert (done.status, done.outcome, done.follow_up_on) == (
        "completed", "Housed in a shared apartment", None)
    assert dashboard.referrals_past_follow_up(ctx) == ()
    with pytest.raises(IllegalTransition):
        move_referral(ctx, rid, "in_progress")


@pytest.mark.parametrize("current, target", [("proposed", "completed"),
                                             ("proposed", "accepted"),
                                             ("made", "in_progress")])
def test_illegal_referral_moves(ctx: ServiceContext, pid: str, current: str,
                                target: str) -> None:
    rid = make_referral(ctx, pid, {"type": "employment", "provider": "Job Centre",
                                   "status": current})
    with pytest.raises(IllegalTransition):
        move_referral(ctx, rid, target)
    assert list_referrals(ctx, pid)[0].status == current


def test_referral_input_errors(ctx: ServiceContext, pid: str) -> None:
    with pytest.raises(ValidationError) as err:
        make_referral(ctx, pid, {"type": "spa", "provider": ""})
    assert set(err.value.errors) == {"type", "provider"}
    with pytest.raises(ValidationError):
        make_referral(ctx, pid, {"type": "legal", "provider": "Legal Aid",
                                 "referred_on": "2026-03-01", "follow_up_on": "2026-02-01"})
    with pytest.raises(ValidationError):
        make_referral(ctx, pid, {"type": "legal", "provider": "X", "status": "completed"})
    rid = make_referral(ctx, pid, {"type": "legal", "provider": "Legal Aid"})
    with pytest.raises(ValidationError):
        update_referral(ctx, rid, {"status": "made"})
    update_referral(ctx, rid, {"follow_up_on": date(2026, 3, 20), "notes": "Call Tuesday"})
    assert list_referrals(ctx, pid)[0].follow_up_on == date(2026, 3, 20)
    with pytest.raises(NotFound):
        move_referral(ctx, "missing", "made")


def test_notes(ctx: ServiceContext, pid: str, clock: FixedClock) -> None:
    first = add_note(ctx, pid, "Intake done with an interpreter (Kinyarwanda).")
    clock.advance(minutes=1)
    second = add_note(ctx, pid, "Follow up about the work permit.\nBring ID.")
    edit_note(ctx, first, "Intake done with an interpreter.")
    assert [n.body for n in list_notes(ctx, pid)] == [
        "Follow up about the work permit.\nBring ID.", "Intake done with an interpreter."]
    assert list_notes(ctx, pid)[0].author_name == "Test Worker"
    remove_note(ctx, second)
    assert [n.id for n in list_notes(ctx, pid)] == [first]
    with pytest.raises(ValidationError):
        add_note(ctx, pid, "   ")
    with pytest.raises(NotFound):
        edit_note(ctx, second, "again")


def test_documents_inside_the_store(ctx: ServiceContext, pid: str) -> None:
    doc = attach_document(ctx, pid, "C:\\scans\\agreement.pdf", PDF, "Signed agreement")
    image = attach_document(ctx, pid, "id-card.png", PNG)
    listed = {d.id: d for d in list_documents(ctx, pid)}
    assert listed[doc].filename == "agreement.pdf" and listed[doc].mime_type == \
        "application/pdf"
    assert listed[image].mime_type == "image/png" and listed[image].size == len(PNG)
    view, content = read_document(ctx, doc)
    assert content == PDF and view.sha256 == __import__("hashlib").sha256(PDF).hexdigest()
    assert participant_history(ctx, pid)[0].action == "view"
    remove_document(ctx, image)
    assert [d.id for d in list_documents(ctx, pid)] == [doc]
    with pytest.raises(NotFound):
        read_document(ctx, image)


@pytest.mark.parametrize("name, content, field", [
    ("a.exe", b"MZ\x90\x00", "content"),
    ("empty.pdf", b"", "content"),
    ("big.pdf", b"%PDF-" + b"0" * MAX_BYTES, "content"),
    ("", PDF, "filename"),
])
def test_documents_refused(ctx: ServiceContext, pid: str, name: str, content: bytes,
                           field: str) -> None:
    with pytest.raises(ValidationError) as err:
        attach_document(ctx, pid, name, content)
    assert err.value.field == field
    assert list_documents(ctx, pid) == []


def test_counts_and_workload(ctx: ServiceContext, pid: str, clock: FixedClock) -> None:
    create_participant(ctx, {"family_name": "Second"})
    counts = dashboard.counts_by_status(ctx)
    assert counts["referred"] == 2 and counts["active"] == 0
    load = dashboard.workload(ctx)
    assert [(w.caseworker_name, w.open_files) for w in load] == [("Test Worker", 2)]
    months = dashboard.compliance_over_time(ctx, months=3)
    assert [m.month for m in months] == ["2026-01", "2026-02", "2026-03"]
