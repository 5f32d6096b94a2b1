"""The reference central endpoint: enrolment, push, pull, health, OpenAPI under /v1."""

from __future__ import annotations

import logging
import secrets
import uuid
import zlib
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from sqlalchemy import insert, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from app.sync.wire import (
    API_PREFIX,
    DEFAULT_PULL_PAGE,
    MAX_BODY_BYTES,
    MAX_PULL_PAGE,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    Health,
    Operation,
    PullResponse,
    PushRequest,
    PushResponse,
    office_id_for,
)
from server.db import (
    ATTACHED,
    AppliedOp,
    Device,
    EnrolmentCode,
    Record,
    lock_change_log,
    token_hash,
    utcnow,
)
from server.merge import (
    NewRecord,
    OfficeViolation,
    apply_operation,
    lead_took,
    withdrawn,
)

log = logging.getLogger("ccms.server")
# The most a request without an enrolled device's token may send: an enrolment (a code and
# a label) is a few hundred bytes.
ANONYMOUS_BODY_BYTES = 64 * 1024


class ApiError(Exception):
    def __init__(self, status: int, error: str, detail: str, wipe: bool = False,
                 headers: dict[str, str] | None = None) -> None:
        self.status, self.body, self.headers = status, ErrorBody(
            error=error, detail=detail, wipe=wipe), headers or {}


def create_app(sessions: sessionmaker[Session]) -> FastAPI:
    app = FastAPI(title="CCMS reference central endpoint", version="1",
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=f"{API_PREFIX}/docs",
                  redoc_url=None)
    app.add_middleware(GZipMiddleware, minimum_size=1024)

    @app.middleware("http")
    async def limit_and_inflate(request: Request,
                                call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """The body read here, before the handlers see it, never more than the limit of it
        held, inflated or not: a Content-Length says nothing for a chunked body, and 400 KB
        of gzip inflate to 400 MB. The limit is MAX_BODY_BYTES for an enrolled device's
        token, and what an enrolment needs for anyone else, so a stranger can never make
        the server hold 48 MB."""
        # The token's device, looked up once: the `device` dependency answers with it.
        found = await run_in_threadpool(_device_of, request.headers.get("authorization"))
        request.state.device = found
        limit = (MAX_BODY_BYTES if found is not None and found.revoked_at is None
                 else ANONYMOUS_BODY_BYTES)
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return _error(_too_large())
        gzipped = request.headers.get("content-encoding", "").lower() == "gzip"
        try:
            request._body = await _read_body(request, gzipped, limit)  # what handlers read
        except ApiError as exc:
            return _error(exc)
        except ClientDisconnect:  # nobody to answer; say so in the log only
            return _error(ApiError(400, "incomplete", "the request body was cut off"))
        return await call_next(request)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        return _error(ApiError(422, "invalid_request", _describe(first)[:300]))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(ApiError(exc.status_code, "http_error", str(exc.detail)))

    @app.exception_handler(SQLAlchemyError)
    async def _db(request: Request, exc: SQLAlchemyError) -> JSONResponse:
        log.warning("database error: %s", type(exc).__name__)
        return _error(ApiError(503, "unavailable", "the database is busy; retry later",
                               headers={"Retry-After": "1"}))

    def db() -> Any:
        with sessions() as session:
            yield session

    def _device_of(authorization: str | None) -> Device | None:
        """The device whose bearer token this is (revoked or not), or None."""
        if not authorization or not authorization.startswith("Bearer "):
            return None
        with sessions() as session:
            found = session.scalar(select(Device).where(
                Device.token_hash == token_hash(authorization[7:].strip())))
            if found is not None:
                session.expunge(found)
            return found

    def device(request: Request,
               authorization: Annotated[str | None, Header()] = None) -> Device:
        if not authorization or not authorization.startswith("Bearer "):
            raise ApiError(401, "unauthenticated", "a bearer token is required",
                           headers={"WWW-Authenticate": "Bearer"})
        found: Device | None = request.state.device  # `limit_and_inflate` looked it up
        if found is None:
            raise ApiError(401, "unauthenticated", "the token is not valid",
                           headers={"WWW-Authenticate": "Bearer"})
        if found.revoked_at is not None:
            raise ApiError(410, "device_revoked", "this device was revoked: wipe the local "
                           "store", wipe=True)
        return found

    @app.get(f"{API_PREFIX}/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok", api="v1")

    @app.post(f"{API_PREFIX}/enrol", response_model=EnrolResponse,
              responses={400: {"model": ErrorBody}})
    def enrol(body: EnrolRequest, session: Session = Depends(db)) -> EnrolResponse:
        with session.begin():
            code = session.get(EnrolmentCode, token_hash(body.code.strip()))
            if code is None or code.used_at is not None:
                raise ApiError(400, "bad_code", "the enrolment code is unknown or used")
            code.used_at = utcnow()
            token = secrets.token_urlsafe(32)
            dev = Device(id=str(uuid.uuid4()), office_id=office_id_for(code.office_name),
                         office_name=code.office_name, label=body.label,
                         token_hash=token_hash(token))
            session.add(dev)
        return EnrolResponse(device_id=dev.id, token=token, office_name=dev.office_name,
                             office_id=dev.office_id)

    async def push_body(request: Request) -> PushRequest:
        """The batch validated straight from its JSON bytes: a fifth of the time FastAPI's
        own body handling took (decode, then validate the objects with attribute lookup),
        which was the largest part of a push on the server."""
        try:
            return PushRequest.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False)) from None

    @app.post(f"{API_PREFIX}/push", response_model=PushResponse, openapi_extra=_PUSH_BODY,
              responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                         409: {"model": ErrorBody}, 410: {"model": ErrorBody},
                         413: {"model": ErrorBody}, 422: {"model": ErrorBody}})
    def push(dev: Device = Depends(device), body: PushRequest = Depends(push_body),
             session: Session = Depends(db)) -> PushResponse:
        results: list[dict[str, Any]] = []
        answered: list[dict[str, Any]] = []
        now = utcnow()
        with session.begin():
            counter = lock_change_log(session)
            # One query each for the batch's replays and its records (not one per op).
            ids = [op.op_id for op in body.operations]
            seen: dict[str, dict[str, Any]] = {}
            for applied in session.scalars(select(AppliedOp).where(AppliedOp.op_id.in_(ids))):
                if applied.device_id != dev.id:
                    # A replay is a device resending its own operation. Another device's
                    # op_id would get that device's answer back (and with it its record's
                    # values, maybe another office's), so the batch is refused whole.
                    index = ids.index(applied.op_id)
                    raise ApiError(409, "op_id_reused", f"operations.{index}.op_id was used "
                                   "by another device; nothing was written")
                seen[applied.op_id] = applied.result
            took = _earlier_leads(session, dev, body.operations, seen)
            followers: dict[str, set[tuple[str, str]]] = {}
            for op in body.operations:
                if op.part_of is not None:
                    followers.setdefault(op.part_of, set()).add((op.entity, op.record_id))
            records = _batch_records(session, body.operations)
            for index, op in enumerate(body.operations):
                if op.op_id in seen:
                    results.append(_replayed(seen[op.op_id], records.get(
                        (op.entity, op.record_id))))
                    continue
                if op.part_of is not None and op.part_of not in took:
                    raise ApiError(422, "invalid_request", f"operations.{index}.part_of names "
                                   "no merge this device sent before it; nothing was written")
                try:
                    with session.no_autoflush:  # one flush for the batch, at commit
                        if op.part_of is not None and not took[op.part_of]:
                            result = withdrawn(op, records.get((op.entity, op.record_id)))
                        else:
                            result = apply_operation(session, dev, op, counter, records,
                                                     frozenset(followers.get(op.op_id, ())))
                except OfficeViolation:
                    session.rollback()
                    raise ApiError(403, "other_office", "the batch touches a record of "
                                   "another office; nothing was written") from None
                answer = result.model_dump(exclude_defaults=True)
                if op.kind == "merge":
                    took[op.op_id] = lead_took(answer)
                answered.append({"op_id": op.op_id, "device_id": dev.id, "result": answer,
                                 "applied_at": now})
                results.append(answer)
            created = [vars(r) for r in records.values() if isinstance(r, NewRecord)]
            if created:  # one multi-row insert (updates to loaded records flush with it)
                session.execute(insert(Record), created)
            if answered:  # one multi-row insert: each op id with its first answer
                session.execute(insert(AppliedOp), answered)
            live = session.get(Device, dev.id)
            if live is not None:
                live.last_seen_at = utcnow()
        # Built from validated results already: returned as is, not validated again.
        return JSONResponse({"results": results})  # type: ignore[return-value]

    @app.get(f"{API_PREFIX}/changes", response_model=PullResponse,
             responses={401: {"model": ErrorBody}, 410: {"model": ErrorBody}})
    def pull(after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
             limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = DEFAULT_PULL_PAGE,
             dev: Device = Depends(device), session: Session = Depends(db)) -> PullResponse:
        rows = session.scalars(select(Record).where(
            Record.office_id == dev.office_id, Record.seq > after,
            or_(Record.last_device_id.is_(None), Record.last_device_id != dev.id))
            .order_by(Record.seq).limit(limit + 1)).all()
        page = rows[:limit]
        # Plain dicts straight to JSON: the records were validated when they were pushed.
        changes = [{"seq": r.seq, "entity": r.entity, "record_id": r.record_id,
                    "version": r.version, "values": r.values} for r in page]
        session.rollback()
        return JSONResponse({"changes": changes,  # type: ignore[return-value]
                             "next_cursor": page[-1].seq if page else after,
                             "more": len(rows) > limit})

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            request = PushRequest.model_json_schema(ref_template=_SCHEMA_REF)
            components.update(request.pop("$defs", {}))
            components["PushRequest"] = request
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # the push body is read by hand
    return app


_SCHEMA_REF = "#/components/schemas/{model}"
# Sequences are 64-bit (BigInteger); a larger cursor cannot be compared in SQL (SQLite
# raised OverflowError: a 500), and no change will ever be after it.
MAX_CURSOR = 2**63 - 1
_GZIP = 16 + zlib.MAX_WBITS  # a gzip header and trailer around deflate
_PIECE = 1 << 20


async def _read_body(request: Request, gzipped: bool, limit: int) -> bytes:
    """The whole body, inflated if gzipped, stopping with 413 as soon as either the bytes
    received or the bytes inflated pass `limit`."""
    parts: list[bytes] = []
    received = size = 0
    inflater = zlib.decompressobj(_GZIP) if gzipped else None
    async for chunk in request.stream():
        received += len(chunk)
        if received > limit:
            raise _too_large()
        if inflater is not None:
            chunk, inflater = _inflate(inflater, chunk, limit - size)
        size += len(chunk)
        if size > limit:
            raise _too_large()
        parts.append(chunk)
    if inflater is not None and not inflater.eof:
        raise ApiError(400, "bad_encoding", "the gzip body is damaged (cut short)")
    return b"".join(parts)


def _inflate(inflater: Any, data: bytes, room: int) -> tuple[bytes, Any]:
    """Inflate `data` a megabyte at a time (one call with the whole room allowed makes a
    buffer that large), stopping with 413 once past `room`. Another gzip member may follow
    one that ends (gzip.decompress read those too): a fresh inflater takes it. Returns the
    bytes and the inflater to go on with."""
    out: list[bytes] = []
    while data:
        try:
            piece = inflater.decompress(data, min(room + 1, _PIECE))
        except zlib.error:
            raise ApiError(400, "bad_encoding", "the gzip body is damaged") from None
        room -= len(piece)
        if room < 0:  # the limit passed: the rest is never inflated
            raise _too_large()
        out.append(piece)
        if inflater.unconsumed_tail:
            data = inflater.unconsumed_tail
        elif inflater.eof and inflater.unused_data:
            data, inflater = inflater.unused_data, zlib.decompressobj(_GZIP)
        else:
            data = b""
    return b"".join(out), inflater


def _too_large() -> ApiError:
    return ApiError(413, "too_large", "the request body is too large")


def _describe(error: Any) -> str:
    """A refusal's detail: where and what, never the value (it may be personal data)."""
    loc = [p for p in error.get("loc", ()) if p != "body"]
    if error.get("type") == "json_invalid":
        # pydantic says where ("... at line 1 column 2"); FastAPI's own parse gives the
        # character offset in the location instead.
        why = str((error.get("ctx") or {}).get("error") or "malformed")
        where = f" (at character {loc[0]})" if loc and isinstance(loc[0], int) else ""
        return f"the body is not valid JSON: {why}{where}"
    where = ".".join(str(p) for p in loc)
    msg = error.get("msg", "invalid")
    return f"{where}: {msg}" if where else f"invalid request: {msg}"
_PUSH_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": {"$ref": _SCHEMA_REF.format(model="PushRequest")}}}}}


def _earlier_leads(session: Session, device: Device, operations: list[Operation],
                   seen: dict[str, dict[str, Any]]) -> dict[str, bool]:
    """Whether each merge that operations of this batch are `part_of`, sent by this device
    in an earlier batch (or replayed in this one), took effect, by its stored answer."""
    named = {op.part_of for op in operations if op.part_of is not None}
    if not named:
        return {}
    took = {op_id: lead_took(seen[op_id]) for op_id in named if op_id in seen}
    for applied in session.scalars(select(AppliedOp).where(
            AppliedOp.op_id.in_(named - set(took)), AppliedOp.device_id == device.id)):
        took[applied.op_id] = lead_took(applied.result)
    return took


def _batch_records(session: Session, operations: list[Operation]
                   ) -> dict[tuple[str, str], Record | NewRecord]:
    """The batch's records, in one query per entity: those it writes, and the files its
    records name (a record written for a merged file goes to the file it went into)."""
    keys: set[tuple[str, Any]] = {(op.entity, op.record_id) for op in operations}
    keys |= {("participant", op.changes["participant_id"].get("new")) for op in operations
             if op.entity in ATTACHED and isinstance(
                 op.changes.get("participant_id", {}).get("new"), str)}
    records: dict[tuple[str, str], Record | NewRecord] = {}
    for entity in {k[0] for k in keys}:
        for r in session.scalars(select(Record).where(
                Record.entity == entity,
                Record.record_id.in_([k[1] for k in keys if k[0] == entity]))):
            records[(r.entity, r.record_id)] = r
    return records


def _replayed(first: dict[str, Any], record: Record | NewRecord | None) -> dict[str, Any]:
    """The first answer to an operation sent again. One that carried the record's values
    carries its values now: the device takes them, and the first ones may since have been
    corrected (a device that could not store them would otherwise get them forever)."""
    if "values" not in first or record is None:
        return first
    return {**first, "values": dict(record.values), "version": record.version}


def _error(exc: ApiError) -> JSONResponse:
    return JSONResponse(status_code=exc.status, content=exc.body.model_dump(),
                        headers=exc.headers)
