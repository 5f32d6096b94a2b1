"""Documents (a scanned signed agreement, an ID) kept inside the encrypted store: never as
a loose file. Reading one is audited; the bytes are handed to the caller in memory."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.errors import ValidationError
from app.models import Document
from app.services import validation as v
from app.services.context import ServiceContext
from app.services.lookup import load_live
from app.services.participants import load_participant
from app.services.recorder import recording

MAX_BYTES = 20 * 1024 * 1024
# What we accept, recognised by content (a renamed file is not trusted by its name).
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


@dataclass(frozen=True)
class DocumentView:
    id: str
    participant_id: str
    filename: str
    mime_type: str
    size: int
    sha256: str
    description: str | None
    created_at: datetime


def sniff_mime(content: bytes) -> str | None:
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return next((mime for magic, mime in SIGNATURES if content.startswith(magic)), None)


def attach_document(ctx: ServiceContext, participant_id: str, filename: str, content: bytes,
                    description: str | None = None) -> str:
    name = v.text("filename", filename, required=True, max_len=255)
    assert name is not None
    if "/" in name or "\\" in name:
        name = name.replace("\\", "/").rsplit("/", 1)[-1]
    about = v.text("description", description, max_len=1000, multiline=True)
    if not content:
        raise ValidationError("content", "the file is empty")
    if len(content) > MAX_BYTES:
        raise ValidationError("content", f"the file is larger than {MAX_BYTES // 2**20} MB")
    mime = sniff_mime(content)
    if mime is None:
        raise ValidationError("content", "must be a PDF or an image (PNG, JPEG, GIF, TIFF, "
                              "WebP)")
    with recording(ctx) as rec:
        p = load_participant(rec.session, participant_id)
        row = Document(participant_id=p.id, filename=name, mime_type=mime, size=len(content),
                       sha256=hashlib.sha256(content).hexdigest(), description=about,
                       content=content)
        return rec.create(row, participant_id=p.id).id


def read_document(ctx: ServiceContext, document_id: str) -> tuple[DocumentView, bytes]:
    with recording(ctx) as rec:
        row = load_live(rec.session, Document, document_id, "document")
        rec.audit("view", "document", row.id, row.participant_id)
        return _view(row), bytes(row.content)


def remove_document(ctx: ServiceContext, document_id: str) -> None:
    """A tombstone whose contents are erased, here and (through sync) everywhere: a scan
    attached to the wrong file must not stay readable anywhere once removed."""
    with recording(ctx) as rec:
        row = load_live(rec.session, Document, document_id, "document")
        rec.update(row, {"deleted": True, "content": None}, participant_id=row.participant_id,
                   action="delete")


def list_documents(ctx: ServiceContext, participant_id: str) -> list[DocumentView]:
    with ctx.store.session() as session:
        rows = session.scalars(select(Document).where(
            Document.participant_id == participant_id, Document.deleted.is_(False)).order_by(
            Document.created_at.desc())).all()
        return [_view(r) for r in rows]


def _view(r: Document) -> DocumentView:
    return DocumentView(r.id, r.participant_id, r.filename, r.mime_type, r.size, r.sha256,
                        r.description, r.created_at)
