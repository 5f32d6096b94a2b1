"""Merging two files of one person: everything moves, nothing is lost, the absorbed file is
a tombstone that resolves to the kept one, and undo (while unsynced) restores both."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import MergeNotUndoable, ValidationError
from app.models import Alias, CaseNote, CheckIn, OutboxEntry, Participant, PendingMerge
from app.services import participants as ps
from app.services.agreements import create_agreement, list_agreements
from app.services.checkins import list_checkins, record_checkin
from app.services.context import ServiceContext
from app.services.dashboard import open_slots_of
from app.services.history import participant_history
from app.services.notes import add_note, list_notes
from app.services.participant_merge import (
    merge_participants,
    plan_merge,
    undo_merge,
    undoable_merges,
)
from app.services.participant_search import ParticipantQuery, search_participants
from app.services.participant_status import change_status
from app.services.referrals import list_referrals, make_referral
from tests.services.test_agreements_checkins import WEEKLY


def _two_files(ctx: ServiceContext) -> tuple[str, str]:
    kept = ps.create_participant(ctx, {
        "family_name": "Mohammed", "given_names": "Yusuf", "date_of_birth": "1990-04-12",
        "phone": "604 555 0101", "languages": ["Arabic"], "risk_flags": ["flight risk"]})
    absorbed = ps.create_participant(ctx, {
        "family_name": "Muhammad", "given_names": "Youssef", "date_of_birth": "1990-04-12",
        "client_id": "12345678", "phone": "604 555 0199", "city": "Burnaby",
        "languages": ["Arabic", "French"], "aliases": [{"family_name": "Al-Masri"}]})
    return kept, absorbed


def _with_records(ctx: ServiceContext, pid: str) -> None:
    for status in ("assessed", "accepted", "active"):
        change_status(ctx, pid, status)
    create_agreement(ctx, pid, WEEKLY)
    record_checkin(ctx, pid, {"outcome": "attended", "mode": "telephone"})
    make_referral(ctx, pid, {"type": "housing", "provider": "Shelter A"})
    add_note(ctx, pid, "Prefers morning appointments.")


def _outbox(ctx: ServiceContext) -> int:
    with ctx.store.session() as s:
        return s.scalar(select(func.count(OutboxEntry.seq))) or 0


def test_plan_names_fields_to_choose_and_fills_empty_ones(ctx: ServiceContext) -> None:
    kept, absorbed = _two_files(ctx)
    plan = plan_merge(ctx, kept, absorbed)
    assert {d.field for d in plan.differences} == {"family_name", "given_names", "phone"}
    assert set(plan.filled_from_absorbed) == {"client_id", "city"}
    assert plan.moved == {"alias": 1}


def test_merge_refuses_until_every_difference_is_chosen(ctx: ServiceContext) -> None:
    kept, absorbed = _two_files(ctx)
    before = _outbox(ctx)
    with pytest.raises(ValidationError) as err:
        merge_participants(ctx, kept, absorbed, {"family_name": "kept"})
    assert set(err.value.errors) == {"given_names", "phone"}
    with pytest.raises(ValidationError) as err:
        merge_participants(ctx, kept, absorbed, {"family_name": "both", "given_names": "kept",
                                                 "phone": "kept", "email": "kept"})
    assert set(err.value.errors) == {"family_name", "email"}
    with pytest.raises(ValidationError):
        merge_participants(ctx, kept, kept, {})
    assert _outbox(ctx) == before  # nothing half-written


def test_merge_moves_everything_and_loses_no_value(ctx: ServiceContext) -> None:
    kept, absorbed = _two_files(ctx)
    _with_records(ctx, absorbed)
    [absorbed_checkin] = list_checkins(ctx, absorbed)
    result = merge_participants(ctx, kept, absorbed, {
        "family_name": "kept", "given_names": "kept", "phone": "absorbed", "status": "absorbed"})
    assert result.moved["supervision_agreement"] == 1

    detail = ps.get_participant(ctx, kept, record_view=False)
    assert (detail.family_name, detail.phone, detail.client_id, detail.city, detail.status) == (
        "Mohammed", "604 555 0199", "12345678", "Burnaby", "active")
    assert detail.languages == ["Arabic", "French"] and detail.risk_flags == ["flight risk"]
    # The absorbed spelling and its aliases are now aliases of the kept file.
    assert {(a.family_name, a.given_names) for a in detail.aliases} == {
        ("Al-Masri", None), ("Muhammad", "Youssef")}
    assert len(list_agreements(ctx, kept)) == 1
    assert [c.id for c in list_checkins(ctx, kept)] == [absorbed_checkin.id]
    assert len(list_referrals(ctx, kept)) == 1
    # The absorbed file's note moved; the value not chosen is kept in a note of its own.
    notes = [n.body for n in list_notes(ctx, kept)]
    assert "Prefers morning appointments." in notes
    assert any("phone: 604 555 0101" in n for n in notes)
    assert open_slots_of(ctx, kept)  # the moved agreement's schedule is the kept file's
    assert any(h.action == "merge" for h in participant_history(ctx, kept))

    # The absorbed id resolves to the kept file; search shows one file under both names.
    assert ps.get_participant(ctx, absorbed, record_view=False).id == kept
    for term in ("muhammad", "mohammed", "12345678"):
        page = search_participants(ctx, ParticipantQuery(term))
        assert [r.id for r in page.rows] == [kept], term
    with ctx.store.session() as s:
        tomb = s.get(Participant, absorbed)
        assert tomb is not None and tomb.deleted and tomb.merged_into_id == kept
        assert tomb.phone == "604 555 0199" and tomb.family_name == "Muhammad"
        kinds = set(s.scalars(select(OutboxEntry.kind).where(OutboxEntry.record_id == absorbed)))
        assert "merge" in kinds


def test_two_current_agreements_are_both_kept_and_said(ctx: ServiceContext) -> None:
    kept, absorbed = _two_files(ctx)
    _with_records(ctx, kept)
    _with_records(ctx, absorbed)
    plan = plan_merge(ctx, kept, absorbed)
    assert plan.two_current_agreements
    result = merge_participants(ctx, kept, absorbed, {d.field: "kept" for d in plan.differences})
    assert result.two_current_agreements and len(list_agreements(ctx, kept)) == 2
    other, _ = _two_files(ctx)
    assert not plan_merge(ctx, other, kept).two_current_agreements


def test_recording_a_checkin_on_a_moved_schedule(ctx: ServiceContext) -> None:
    kept, absorbed = _two_files(ctx)
    _with_records(ctx, absorbed)
    merge_participants(ctx, kept, absorbed, {"family_name": "kept", "given_names": "kept",
                                             "phone": "kept", "status": "absorbed"})
    slot_id, _ = open_slots_of(ctx, kept)[0]
    record_checkin(ctx, kept, {"outcome": "attended"}, slot_id=slot_id)
    assert any(c.slot_id == slot_id for c in list_checkins(ctx, kept))


def test_undo_restores_both_files(ctx: ServiceContext) -> None:
    kept, absorbed = _two_files(ctx)
    _with_records(ctx, absorbed)
    before_kept = ps.get_participant(ctx, kept, record_view=False)
    before_absorbed = ps.get_participant(ctx, absorbed, record_view=False)
    result = merge_participants(ctx, kept, absorbed, {
        "family_name": "absorbed", "given_names": "kept", "phone": "absorbed",
        "status": "absorbed"})
    [pending] = undoable_merges(ctx)
    assert pending.merge_id == result.merge_id
    undo_merge(ctx, result.merge_id)

    after_kept = ps.get_participant(ctx, kept, record_view=False)
    after_absorbed = ps.get_participant(ctx, absorbed, record_view=False)
    assert after_kept.fields == before_kept.fields
    assert after_absorbed.fields == before_absorbed.fields
    assert after_kept.aliases == () and len(after_absorbed.aliases) == 1
    assert len(list_agreements(ctx, absorbed)) == 1 and list_agreements(ctx, kept) == []
    assert len(list_referrals(ctx, absorbed)) == 1
    assert list_notes(ctx, kept) == [] and len(list_notes(ctx, absorbed)) == 1
    assert len(search_participants(ctx, ParticipantQuery("604 555")).rows) == 2
    assert undoable_merges(ctx) == []
    with pytest.raises(MergeNotUndoable):
        undo_merge(ctx, result.merge_id)


def _queued(ctx: ServiceContext) -> list[tuple[str, str, str]]:
    with ctx.store.session() as s:
        return [(e.entity, e.kind, e.record_id) for e in s.scalars(
            select(OutboxEntry).order_by(OutboxEntry.seq))]


def _alias_rows(ctx: ServiceContext, pid: str) -> list[Alias]:
    with ctx.store.session() as s:
        return list(s.scalars(select(Alias).where(Alias.participant_id == pid)))


def test_a_merge_never_sent_is_undone_by_taking_it_out_of_the_outbox(
        ctx: ServiceContext) -> None:
    """Nothing of it ever reaches the server (sent with reversals, the merge would take
    with it there the records another device had added to the absorbed file); its audit
    events stay, and the alias it made is gone, not tombstoned."""
    kept, absorbed = _two_files(ctx)
    _with_records(ctx, absorbed)
    queued = _queued(ctx)
    result = merge_participants(ctx, kept, absorbed, {
        "family_name": "kept", "given_names": "kept", "phone": "kept", "status": "kept"})
    # The merge itself is sent first: the rest travels as part of it.
    assert _queued(ctx)[len(queued)] == ("participant", "merge", absorbed)
    undo_merge(ctx, result.merge_id)
    after = _queued(ctx)
    assert after[:len(queued)] == queued
    assert {entity for entity, _, _ in after[len(queued):]} == {"audit_event"}
    assert _alias_rows(ctx, kept) == []
    assert len(list_referrals(ctx, absorbed)) == 1


def test_a_merge_read_for_sending_is_undone_by_reversing_updates(ctx: ServiceContext) -> None:
    """Once the push has read the merge to send it, the server may have it: the undo is
    new updates that put every field back, and the alias is tombstoned."""
    from app.sync.push import _read_batch

    kept, absorbed = _two_files(ctx)
    _with_records(ctx, absorbed)
    result = merge_participants(ctx, kept, absorbed, {
        "family_name": "kept", "given_names": "kept", "phone": "kept", "status": "kept"})
    queued = _queued(ctx)
    assert _read_batch(ctx, len(queued))  # as the push does before it sends
    undo_merge(ctx, result.merge_id)
    added = _queued(ctx)[len(queued):]
    assert ("referral", "update") in {(e, k) for e, k, _ in added}
    assert ("participant", "update", absorbed) in added
    [alias] = _alias_rows(ctx, kept)
    assert alias.deleted
    assert len(list_referrals(ctx, absorbed)) == 1 and list_referrals(ctx, kept) == []


def test_undo_is_refused_once_the_merge_has_synced(ctx: ServiceContext) -> None:
    kept, absorbed = _two_files(ctx)
    result = merge_participants(ctx, kept, absorbed, {
        "family_name": "kept", "given_names": "kept", "phone": "kept"})
    with ctx.store.write_session() as s, s.begin():
        merge = s.get(PendingMerge, result.merge_id)
        assert merge is not None
        # As push does when the server answers: the entry leaves the outbox.
        s.query(OutboxEntry).filter(OutboxEntry.op_id == merge.op_ids[0]).delete()
    with pytest.raises(MergeNotUndoable):
        undo_merge(ctx, result.merge_id)
    assert undoable_merges(ctx) == []


def test_undo_is_refused_when_the_kept_file_changed_after(ctx: ServiceContext) -> None:
    kept, absorbed = _two_files(ctx)
    result = merge_participants(ctx, kept, absorbed, {
        "family_name": "kept", "given_names": "kept", "phone": "kept"})
    ps.update_participant(ctx, kept, {"city": "Surrey"})
    with pytest.raises(MergeNotUndoable):
        undo_merge(ctx, result.merge_id)
    assert ps.get_participant(ctx, kept, record_view=False).city == "Surrey"


def test_a_merged_file_cannot_be_merged_again_and_chains_point_to_the_last(
        ctx: ServiceContext) -> None:
    kept, absorbed = _two_files(ctx)
    third = ps.create_participant(ctx, {"family_name": "Mohammed", "given_names": "Yusuf"})
    merge_participants(ctx, kept, absorbed, {
        "family_name": "kept", "given_names": "kept", "phone": "kept"})
    with pytest.raises(ValidationError) as err:
        merge_participants(ctx, third, absorbed, {})
    assert "absorbed_id" in err.value.errors
    plan = plan_merge(ctx, third, kept)
    merge_participants(ctx, third, kept, {d.field: "kept" for d in plan.differences})
    with ctx.store.session() as s:
        assert s.get(Participant, absorbed).merged_into_id == third  # type: ignore[union-attr]
    assert ps.get_participant(ctx, absorbed, record_view=False).id == third


def test_writes_through_the_absorbed_id_go_to_the_kept_file(ctx: ServiceContext) -> None:
    """A link or a screen still holding the absorbed id (a household member's link, a file
    left open) writes to the person's one file: not to the tombstone, where no list shows
    it, nor past a rule of the kept file (a second current agreement)."""
    kept, absorbed = _two_files(ctx)
    _with_records(ctx, kept)
    merge_participants(ctx, kept, absorbed, {
        "family_name": "kept", "given_names": "kept", "phone": "kept", "status": "kept"})
    ps.update_participant(ctx, absorbed, {"email": "y.mohammed@example.org"})
    assert ps.get_participant(ctx, kept, record_view=False).email == "y.mohammed@example.org"
    with pytest.raises(ValidationError) as err:
        create_agreement(ctx, absorbed, WEEKLY)
    assert "agreement" in err.value.errors
    note = add_note(ctx, absorbed, "Called from the shelter.")
    checkin = record_checkin(ctx, absorbed, {"outcome": "attended", "mode": "telephone"})
    change_status(ctx, absorbed, "suspended", reason="hospital")
    with ctx.store.session() as s:
        for cls, rid in ((CaseNote, note), (CheckIn, checkin)):
            assert s.get(cls, rid).participant_id == kept  # type: ignore[union-attr]
        tomb = s.get(Participant, absorbed)
        assert tomb is not None and tomb.email is None and tomb.status == "referred"
    assert ps.get_participant(ctx, kept, record_view=False).status == "suspended"


def _found(ctx: ServiceContext, term: str) -> list[str]:
    return [r.id for r in search_participants(ctx, ParticipantQuery(term)).rows]


def test_the_absorbed_files_numbers_find_the_kept_file_until_undone(
        ctx: ServiceContext) -> None:
    """Both files had a client ID and a phone; the kept file's were chosen. The absorbed
    file's still find the person (they stay on the tombstone, which search leaves out),
    and no longer find the kept file once the merge is undone."""
    kept, absorbed = _two_files(ctx)
    ps.update_participant(ctx, kept, {"client_id": "87654321", "external_ref": "OLD-7"})
    ps.update_participant(ctx, absorbed, {"external_ref": "OLD-9"})
    choices = {d.field: "kept" for d in plan_merge(ctx, kept, absorbed).differences}
    assert {"client_id", "phone", "external_ref"} <= set(choices)
    result = merge_participants(ctx, kept, absorbed, choices)
    for term in ("12345678", "6045550199", "old-9", "87654321", "6045550101"):
        assert _found(ctx, term) == [kept], term
    undo_merge(ctx, result.merge_id)
    for term in ("12345678", "6045550199", "old-9"):
        assert _found(ctx, term) == [absorbed], term
    assert _found(ctx, "87654321") == [kept]


def test_an_export_resolves_the_absorbed_id_its_records_keep(ctx: ServiceContext,
                                                              tmp_path: Path) -> None:
    """Check-ins keep the absorbed file's id: the export holds that file too (deleted,
    naming the file it went into), so no exported record names a file the export lacks."""
    import json

    from app.services.export import export_all

    kept, absorbed = _two_files(ctx)
    _with_records(ctx, absorbed)
    merge_participants(ctx, kept, absorbed, {
        "family_name": "kept", "given_names": "kept", "phone": "kept", "status": "absorbed"})
    out = tmp_path / "all.jsonl"
    export_all(ctx, "jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    files = {r["id"]: r for r in rows if r["entity"] == "participant"}
    assert files[absorbed]["merged_into_id"] == kept and files[absorbed]["deleted"] is True
    named = {r["participant_id"] for r in rows if r.get("participant_id")}
    assert absorbed in named and named <= set(files)
