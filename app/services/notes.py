"""Case notes: add, edit (audited), remove (a tombstone), list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.models import CaseNote, Caseworker
from app.services import validation as v
from app.services.context import ServiceContext
from app.services.lookup import load_live
from app.services.participants import load_participant
from app.services.recorder import recording

MAX_NOTE = 20_000


@dataclass(frozen=True)
class NoteView:
    id: str
    participant_id: str
    author_name: str | None
    body: str
    created_at: datetime


def add_note(ctx: ServiceContext, participant_id: str, body: str) -> str:
    text = v.text("body", body, required=True, max_len=MAX_NOTE, multiline=True)
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        return rec.create(CaseNote(participant_id=p.id, author_id=ctx.actor_id, body=text),
                          participant_id=p.id).id


def edit_note(ctx: ServiceContext, note_id: str, body: str) -> None:
    text = v.text("body", body, required=True, max_len=MAX_NOTE, multiline=True)
    with recording(ctx) as rec:
        row = load_live(rec.session, CaseNote, note_id, "note")
        rec.update(row, {"body": text}, participant_id=row.participant_id)


def remove_note(ctx: ServiceContext, note_id: str) -> None:
    with recording(ctx) as rec:
        row = load_live(rec.session, CaseNote, note_id, "note")
        rec.delete(row, participant_id=row.participant_id)


def list_notes(ctx: ServiceContext, participant_id: str) -> list[NoteView]:
    with ctx.store.session() as session:
        rows = session.execute(select(CaseNote, Caseworker.name).outerjoin(
            Caseworker, Caseworker.id == CaseNote.author_id).where(
            CaseNote.participant_id == participant_id, CaseNote.deleted.is_(False)).order_by(
            CaseNote.created_at.desc())).all()
        return [NoteView(n.id, n.participant_id, name, n.body, n.created_at)
                for n, name in rows]
