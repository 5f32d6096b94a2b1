"""Edits of the absorbed file made on another device that reached the server before the
merge did: they land on the kept file, or, where the person merging kept another value,
they are a conflict for a person to resolve; never left on the tombstone alone. Real
devices and the real server on loopback; synthetic names."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.models import Participant
from app.services import participants as ps
from app.services.conflicts import list_conflicts, resolve_conflict
from app.services.participant_merge import merge_participants, plan_merge
from app.services.participant_status import change_status
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, server_state


def _pair(ctx: ps.ServiceContext) -> tuple[str, str]:
    kept = ps.create_participant(ctx, {
        "family_name": "Testperson", "given_names": "Amani", "date_of_birth": "1984-05-06",
        "phone": "604 555 0101", "email": "amani@example.org", "languages": ["sw"]})
    absorbed = ps.create_participant(ctx, {
        "family_name": "Testperson", "given_names": "Amani", "date_of_birth": "1984-05-06",
        "phone": "604 555 0199", "city": "Delta"})
    return kept, absorbed


def _edited_before_the_merge_arrived(devices: Devices, changes: dict[str, Any],
                                     choices: dict[str, str], status: str | None = None
                                     ) -> tuple[ps.ServiceContext, ps.ServiceContext, str]:
    """Device one merges offline; device two edits the absorbed file and syncs first; then
    one syncs (its merge reaches the server after the edit), then two again."""
    one, two = devices.new("one"), devices.new("two")
    kept, absorbed = _pair(one)
    assert sync(one).complete and sync(two).complete
    plan = plan_merge(one, kept, absorbed)
    merge_participants(one, kept, absorbed, {d.field: choices[d.field]
                                             for d in plan.differences})
    ps.update_participant(two, absorbed, changes)
    if status is not None:
        change_status(two, absorbed, status)
    assert sync(two).complete
    assert sync(one).complete and sync(two).complete
    return one, two, kept


def test_an_edit_of_a_value_the_kept_file_took_lands_on_it(devices: Devices,
                                                           server: RunningServer) -> None:
    """The city was filled from the absorbed file, its phone chosen, both had the same
    status: device two's new city, phone, language and status (with the time it changed)
    reach the kept file on both devices."""
    one, two, kept = _edited_before_the_merge_arrived(
        devices, {"city": "Surrey", "phone": "778 555 0123", "languages": ["sw", "fr"]},
        {"phone": "absorbed"}, status="assessed")
    with two.store.session() as s:
        changed_at = s.scalars(select(Participant.status_changed_at).where(
            Participant.merged_into_id == kept)).one()
    for ctx in (one, two):
        shown = ps.get_participant(ctx, kept, record_view=False)
        assert (shown.city, shown.phone, shown.languages, shown.status) == (
            "Surrey", "778 555 0123", ["sw", "fr"], "assessed"), ctx.device_id
        assert shown.fields["status_changed_at"] == changed_at
        assert list_conflicts(ctx) == []
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_an_edit_of_a_value_the_kept_file_did_not_take_is_a_conflict(
        devices: Devices, server: RunningServer) -> None:
    """The kept file's phone was chosen over the absorbed one's, which device two then
    changed; the kept file had an e-mail, device two gave the absorbed file another. Both
    are conflicts on the kept file for the merging device; keeping device two's values
    (the server's side) sends them."""
    one, two, kept = _edited_before_the_merge_arrived(
        devices, {"phone": "778 555 0123", "email": "amani.t@example.org"},
        {"phone": "kept"})
    conflicts = list_conflicts(one)
    assert sorted((c.record_id, c.field) for c in conflicts) == [
        (kept, "email"), (kept, "phone")]
    assert ps.get_participant(one, kept, record_view=False).phone == "604 555 0101"
    for conflict in conflicts:
        resolve_conflict(one, conflict.id, "server")
    assert sync(one).complete and sync(two).complete
    for ctx in (one, two):
        shown = ps.get_participant(ctx, kept, record_view=False)
        assert (shown.phone, shown.email) == ("778 555 0123", "amani.t@example.org")
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)


def test_an_entry_removed_from_the_absorbed_files_list_goes_from_the_kept_file(
        devices: Devices, server: RunningServer) -> None:
    """The absorbed file's consent to share with service providers, joined into the kept
    file by the merge, is withdrawn on device two before the merge reaches the server: it
    is withdrawn on the kept file too. A consent both files had (the kept file's own) is a
    conflict instead: the kept file keeps it until a person decides."""
    one, two = devices.new("one"), devices.new("two")
    kept = ps.create_participant(one, {"family_name": "Testperson", "given_names": "Amani",
                                       "consent_to_share": ["cbsa"]})
    absorbed = ps.create_participant(one, {"family_name": "Testperson",
                                           "given_names": "Amani",
                                           "consent_to_share": ["cbsa", "service_providers"],
                                           "languages": ["sw"]})
    assert sync(one).complete and sync(two).complete
    merge_participants(one, kept, absorbed, {})
    assert ps.get_participant(one, kept, record_view=False).consent_to_share == [
        "cbsa", "service_providers"]
    ps.update_participant(two, absorbed, {"consent_to_share": [], "languages": ["sw", "fr"]})
    assert sync(two).complete
    assert sync(one).complete and sync(two).complete
    for ctx in (one, two):
        shown = ps.get_participant(ctx, kept, record_view=False)
        assert (shown.consent_to_share, shown.languages) == (["cbsa"], ["sw", "fr"]), \
            ctx.device_id
    conflicts = list_conflicts(one)
    assert [(c.record_id, c.field, c.local_value, c.server_value) for c in conflicts] == [
        (kept, "consent_to_share", ["cbsa"], [])]
    resolve_conflict(one, conflicts[0].id, "server")
    assert sync(one).complete and sync(two).complete
    for ctx in (one, two):
        assert ps.get_participant(ctx, kept, record_view=False).consent_to_share == []
    assert device_state(one) == device_state(two) == server_state(server.db_url, one.office_id)
