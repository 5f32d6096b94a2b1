"""Property: whatever two files hold and whatever the person chooses, a merge gives the
kept file only values one of the two had (lists joined), loses none (the value not chosen is
in a note, the absorbed file keeps its own), and undo puts both files back exactly."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import Participant
from app.services import participants as ps
from app.services.context import ServiceContext
from app.services.notes import list_notes
from app.services.participant_merge import merge_participants, plan_merge, undo_merge

POOLS: dict[str, list[Any]] = {
    "given_names": [None, "Amina", "Aminata"],
    "date_of_birth": [None, "1990", "1990-04-12", "1991-04-12"],
    "client_id": [None, "12345678", "87654321"],
    "phone": [None, "604 555 0101", "604 555 0199"],
    "city": [None, "Surrey", "Burnaby"],
    "citizenship": [None, "SO", "ET"],
    "languages": [[], ["Somali"], ["Somali", "English"], ["Arabic"]],
    "risk_flags": [[], ["flight risk"], ["absconding_history"]],
}
FILE = st.fixed_dictionaries({f: st.sampled_from(v) for f, v in POOLS.items()})


def _fields(ctx: ServiceContext, pid: str) -> dict[str, Any]:
    with ctx.store.session() as s:
        p = s.get(Participant, pid)
        assert p is not None
        return {f: getattr(p, f) for f in (*POOLS, "family_name", "status", "deleted",
                                             "merged_into_id")}


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kept_data=FILE, absorbed_data=FILE, data=st.data())
def test_merge_keeps_every_value_and_undo_restores(ctx: ServiceContext, kept_data: dict,
                                                   absorbed_data: dict,
                                                   data: st.DataObject) -> None:
    kept = ps.create_participant(ctx, {"family_name": "Farah", **kept_data})
    absorbed = ps.create_participant(ctx, {"family_name": "Farah", **absorbed_data})
    before_kept, before_absorbed = _fields(ctx, kept), _fields(ctx, absorbed)
    plan = plan_merge(ctx, kept, absorbed)
    choices = {d.field: data.draw(st.sampled_from(["kept", "absorbed"]), label=d.field)
               for d in plan.differences}
    result = merge_participants(ctx, kept, absorbed, choices)

    after = _fields(ctx, kept)
    notes = " ".join(n.body for n in list_notes(ctx, kept))
    aliases = {(a.family_name, a.given_names)
               for a in ps.get_participant(ctx, kept, record_view=False).aliases}
    for field in POOLS:
        mine, theirs = before_kept[field], before_absorbed[field]
        if isinstance(mine, list):
            assert after[field] == mine + [x for x in theirs if x not in mine]
        elif not theirs or mine == theirs:
            assert after[field] == mine
        elif not mine:
            assert after[field] == theirs
        else:
            chosen, other = (mine, theirs) if choices[field] == "kept" else (theirs, mine)
            assert after[field] == chosen
            if field == "given_names":  # the other spelling of the name is an alias
                assert ("Farah", other) in aliases
            else:  # any other value not kept stays in view in a note
                assert f"{field}: {other}" in notes
    tomb = _fields(ctx, absorbed)
    assert tomb["deleted"] and tomb["merged_into_id"] == kept
    assert {f: tomb[f] for f in POOLS} == {f: before_absorbed[f] for f in POOLS}

    undo_merge(ctx, result.merge_id)
    assert _fields(ctx, kept) == before_kept
    assert _fields(ctx, absorbed) == before_absorbed
    assert list_notes(ctx, kept) == []
    with ctx.store.session() as s:
        assert s.scalars(select(Participant.id).where(
            Participant.merged_into_id == kept)).all() == []
