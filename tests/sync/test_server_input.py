"""What the server takes in: every pushed value checked against the field's type (a value a
device's store refuses would break every other device's pull for good), bodies read with a
cap however they arrive (chunked, gzip), cursors and JSON refused by name. And the device's
side: a pulled value its store refuses stops the sync with an error naming the record,
never a crash. Real server on loopback, real devices; synthetic names."""

from __future__ import annotations

import json
import tracemalloc
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    inspect,
)
from sqlalchemy.orm import Session

import server.app as server_app
from app.models import ENTITIES, Participant, enums, new_id
from app.models.base import UTCDateTime
from app.models.wire import to_wire, wire_fields
from app.services import participants as ps
from app.services.context import ServiceContext
from app.sync import state
from app.sync.wire import ENUMS, FIELD_TYPES, Operation
from server.db import ChangeCounter, Record
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import device_state, server_state
from tests.sync.test_refusals import _token

# Columns whose values the services hold to a closed vocabulary, or to a partial date, in
# a plain String column: the models' types alone cannot say so.
ENUM_FIELDS = {
    ("caseworker", "role"): enums.Role,
    ("participant", "status"): enums.ParticipantStatus,
    ("participant", "referral_source"): enums.ReferralSource,
    ("supervision_agreement", "reporting_frequency"): enums.ReportingFrequency,
    ("supervision_agreement", "reporting_mode"): enums.ReportingMode,
    ("scheduled_checkin", "mode"): enums.ReportingMode,
    ("checkin", "mode"): enums.ReportingMode,
    ("checkin", "outcome"): enums.CheckInOutcome,
    ("follow_up", "status"): enums.FollowUpStatus,
    ("referral", "type"): enums.ReferralType,
    ("referral", "status"): enums.ReferralStatus,
}
PARTIAL_DATES = {("participant", "date_of_birth"), ("household_member", "date_of_birth")}


def _model_spec(entity: str, column: Column[Any], annotation: str) -> str:
    kind: str
    if (entity, column.key) in ENUM_FIELDS:
        # The vocabulary's name is wire.py's; its values are compared with the app's enum.
        kind = "enum:" + _enum_name(FIELD_TYPES[entity][column.key])
    elif (entity, column.key) in PARTIAL_DATES:
        kind = "pdate"
    elif isinstance(column.type, UTCDateTime | DateTime):
        kind = "datetime"
    elif isinstance(column.type, Date):
        kind = "date"
    elif isinstance(column.type, Boolean):
        kind = "bool"
    elif isinstance(column.type, Integer) and not isinstance(column.type, BigInteger):
        kind = "int"
    elif isinstance(column.type, LargeBinary):
        kind = "bytes"
    elif isinstance(column.type, JSON):
        kind = "list" if "list[str]" in annotation else "dict"
    elif isinstance(column.type, Text):
        kind = "text"
    elif isinstance(column.type, String):
        kind = f"str:{column.type.length}"
    else:  # a new column type: teach wire.py's checks about it
        raise AssertionError(f"{entity}.{column.key}: no wire type for {column.type!r}")
    if column.nullable:
        return kind + "?"
    return kind + ("" if column.default is not None else "!")


def _annotation(cls: type, name: str) -> str:
    for klass in cls.__mro__:
        if name in getattr(klass, "__annotations__", {}):
            return str(klass.__annotations__[name])
    return ""


def test_the_wire_types_are_the_models_types() -> None:
    """wire.py declares each field's type (the server imports nothing else from the app);
    this is what keeps that table equal to the models' columns."""
    derived: dict[str, dict[str, str]] = {}
    for entity, cls in ENTITIES.items():
        columns = inspect(cls).columns
        derived[entity] = {f: _model_spec(entity, columns[f], _annotation(cls, f))
                           for f in wire_fields(cls)}
    assert derived == FIELD_TYPES
    for (entity, field), enum in ENUM_FIELDS.items():
        name = _enum_name(FIELD_TYPES[entity][field])
        assert ENUMS[name] == {e.value for e in enum}, name
        column_type = inspect(ENTITIES[entity]).columns[field].type
        assert isinstance(column_type, String) and column_type.length is not None, (entity, field)
        assert max(len(e.value) for e in enum) <= column_type.length, (entity, field)
    assert {_enum_name(spec) for fields in FIELD_TYPES.values() for spec in fields.values()
            if spec.startswith("enum:")} == set(ENUMS)


def _enum_name(spec: str) -> str:
    return spec.partition(":")[2].rstrip("?!")


def _push(server: RunningServer, ctx: ServiceContext, ops: list[dict[str, Any]],
          **extra: Any) -> requests.Response:
    return requests.post(server.url + "/v1/push", json={"operations": ops},
                         headers={"Authorization": f"Bearer {_token(ctx)}"}, timeout=30,
                         **extra)


def _update(record_id: str, changes: dict[str, Any], entity: str = "participant",
            kind: str = "update") -> dict[str, Any]:
    return {"op_id": new_id(), "entity": entity, "record_id": record_id, "kind": kind,
            "base_version": 1, "changes": changes}


# (field, old, new, what the refusal says): each a value the audit saw accepted and then
# break other devices' pulls, or a value of the right JSON type but not the field's.
BAD_VALUES = [
    ("date_of_birth", "1984-05-06", 12345, "date_of_birth (new) must be a date as YYYY-MM-DD"),
    ("date_of_birth", "1984-05-06", "not-a-date", "date_of_birth (new) must be a date"),
    ("date_of_birth", "1984-05-06", "1984-02-30", "date_of_birth (new) must be a date"),
    ("deleted", False, "yes", "deleted (new) must be true or false"),
    ("interpreter_needed", False, "no", "interpreter_needed (new) must be true or false"),
    ("interpreter_needed", False, 0, "interpreter_needed (new) must be true or false"),
    ("family_name", "Testperson", None, "family_name (new) must not be null"),
    ("family_name", "Testperson", "Z" * 1_000_000,
     "family_name (new) must be text of at most 200 characters"),
    ("phone", None, {"x": [1]}, "phone (new) must be text of at most 40 characters"),
    ("merged_into_id", None, 42, "merged_into_id (new) must be text of at most 36"),
    ("languages", [], "en", "languages (new) must be a list of text"),
    ("languages", [], [1], "languages (new) must be a list of text"),
    ("needs", {}, ["housing"], "needs (new) must be an object"),
    ("status", "referred", "bogus", "status (new) must be one of accepted, active"),
    ("referral_date", None, "2026-03-02T10:00:00Z", "referral_date (new) must be a date"),
    ("status_changed_at", None, "2026-03-02T10:00:00",
     "status_changed_at (new) must be an ISO 8601 date and time with its UTC offset"),
    ("status_changed_at", None, 1767261600, "status_changed_at (new) must be an ISO 8601"),
    ("city", 5, "Delta", "city (old) must be text of at most 120 characters"),
]


def test_values_of_the_wrong_type_are_refused_whole_batches(devices: Devices,
                                                             server: RunningServer) -> None:
    one, two = devices.new("one"), devices.new("two")
    pid = ps.create_participant(one, {"family_name": "Testperson", "given_names": "Amani",
                                      "date_of_birth": "1984-05-06"})
    assert sync(one).complete and sync(two).complete
    before = server_state(server.db_url, one.office_id)
    good = _update(pid, {"city": {"old": None, "new": "Burnaby"}})
    for field, old, new, said in BAD_VALUES:
        r = _push(server, one, [good, _update(pid, {field: {"old": old, "new": new}})])
        assert r.status_code == 422, (field, new)
        body = r.json()
        assert body["error"] == "invalid_request"
        assert body["detail"].startswith("operations.1.changes: " + said), body["detail"]
        if not isinstance(new, bool | None):  # the refusal never repeats the value
            assert json.dumps(new)[:20].strip('"') not in body["detail"].replace(said, "")
    # Other entities, other kinds of value; the record need not exist (refused unread).
    others = [
        (_update(new_id(), {"size": {"old": None, "new": 2**40}}, "document"),
         "size (new) must be a whole number (32-bit)"),
        (_update(new_id(), {"content": {"old": None, "new": "not base64!"}}, "document"),
         "content (new) must be base64 text"),
        (_update(new_id(), {"outcome": {"old": None, "new": "ATTENDED"}}, "checkin"),
         "outcome (new) must be one of attended"),
        (_update(new_id(), {"id": {"new": pid}, "office_id": {"new": one.office_id}},
                 kind="create"), "a create of a participant must carry family_name"),
    ]
    for op, said in others:
        r = _push(server, one, [good, op])
        assert r.status_code == 422, r.json()
        assert r.json()["detail"].startswith(f"operations.1.changes: {said}"), r.json()
    assert server_state(server.db_url, one.office_id) == before
    # Nothing got in: the other device still syncs, and holds what the server holds.
    assert sync(two).complete
    assert device_state(two) == server_state(server.db_url, one.office_id)


def test_values_the_app_writes_are_taken(devices: Devices, server: RunningServer) -> None:
    """Partial birth dates, offsets other than Z, nulls where a field may be empty."""
    one, two = devices.new("one"), devices.new("two")
    pid = ps.create_participant(one, {"family_name": "Testperson", "date_of_birth": "1984"})
    assert sync(one).complete and sync(two).complete
    changes = {"date_of_birth": {"old": "1984", "new": "1984-05"},
               "status_changed_at": {"old": "2026-03-02T09:00:00Z",
                                     "new": "2026-03-02T10:00:00.250+01:00"},
               "referral_date": {"old": None, "new": "2026-02-28"},
               "languages": {"old": [], "new": ["fr", "es"]},
               "given_names": {"old": None, "new": None}}
    r = _push(server, one, [_update(pid, changes)])
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied", r.json()
    assert sync(two).complete
    row = ps.get_participant(two, pid, record_view=False)
    assert (row.date_of_birth, row.fields["languages"]) == ("1984-05", ["fr", "es"])


def test_numbers_and_ids_are_taken_only_as_sent(devices: Devices,
                                                server: RunningServer) -> None:
    """The wire models are strict: a "1" is not coerced to 1 (no sender writes one)."""
    one = devices.new("one")
    pid = ps.create_participant(one, {"family_name": "Testperson"})
    assert sync(one).complete
    op = {**_update(pid, {"city": {"old": None, "new": "Delta"}}), "base_version": "1"}
    r = _push(server, one, [op])
    assert r.status_code == 422 and r.json()["detail"].startswith("operations.0.base_version")
    with pytest.raises(ValueError, match="base_version"):
        Operation.model_validate(op)


def test_bad_cursors_and_malformed_json_are_named(devices: Devices,
                                                  server: RunningServer) -> None:
    one = devices.new("one")
    auth = {"Authorization": f"Bearer {_token(one)}"}
    r = requests.get(server.url + "/v1/changes?after=99999999999999999999", headers=auth,
                     timeout=10)
    assert r.status_code == 422 and r.json()["detail"].startswith("query.after:"), r.text
    r = requests.get(server.url + f"/v1/changes?after={2**63 - 1}", headers=auth, timeout=10)
    assert r.status_code == 200 and r.json()["changes"] == []
    r = requests.post(server.url + "/v1/push", data=b'{"operations": [{nope',
                      headers={**auth, "Content-Type": "application/json"}, timeout=10)
    assert r.status_code == 422
    assert r.json()["detail"].startswith("the body is not valid JSON: ")
    assert "line 1 column 18" in r.json()["detail"], r.json()
    r = requests.post(server.url + "/v1/enrol", data=b'{"code": ', timeout=10,
                      headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    assert r.json()["detail"].startswith("the body is not valid JSON: "), r.json()


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """The server's body limit made small, so a test can pass it with little data (the
    server runs in this process: it reads the limit at each request)."""
    limit = 64 * 1024
    monkeypatch.setattr(server_app, "MAX_BODY_BYTES", limit)
    yield limit


def _bomb(inflated: int) -> bytes:
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1 << 20)
    return b"".join(deflate.compress(block) for _ in range(inflated >> 20)) + deflate.flush()


def test_a_gzip_bomb_is_refused_without_being_inflated(server: RunningServer,
                                                       small_limit: int) -> None:
    bomb = _bomb(32 << 20)  # 32 KB that inflate to 32 MB: under the limit as it comes
    assert len(bomb) < small_limit
    tracemalloc.start()
    try:
        r = requests.post(server.url + "/v1/enrol", data=bomb, timeout=60, headers={
            "Content-Type": "application/json", "Content-Encoding": "gzip"})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    # Inflated whole (as it was), it held 32 MB at once; stopped at the limit, about 1%.
    assert peak < 8 << 20, peak


def test_gzip_bodies_cut_off_or_in_members(devices: Devices, server: RunningServer) -> None:
    one = devices.new("one")
    pid = ps.create_participant(one, {"family_name": "Testperson"})
    assert sync(one).complete
    headers = {"Authorization": f"Bearer {_token(one)}", "Content-Type": "application/json",
               "Content-Encoding": "gzip"}
    body = json.dumps({"operations": [_update(pid, {"city": {"old": None,
                                                              "new": "Delta"}})]}).encode()
    whole = zlib.compress(body, wbits=16 + zlib.MAX_WBITS)
    r = requests.post(server.url + "/v1/push", data=whole[:-6], headers=headers, timeout=10)
    assert r.status_code == 400 and r.json()["error"] == "bad_encoding"
    # Two gzip members one after the other are one body (as gzip.decompress reads them).
    members = b"".join(zlib.compress(part, wbits=16 + zlib.MAX_WBITS)
                       for part in (body[:40], body[40:]))
    r = requests.post(server.url + "/v1/push", data=members, headers=headers, timeout=10)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied", r.text


def test_chunked_bodies_are_capped_too(devices: Devices, server: RunningServer,
                                       small_limit: int) -> None:
    one = devices.new("one")
    pid = ps.create_participant(one, {"family_name": "Testperson"})
    assert sync(one).complete
    headers = {"Authorization": f"Bearer {_token(one)}", "Content-Type": "application/json"}

    def chunks(body: bytes) -> Iterator[bytes]:  # a generator: sent chunked, no length
        for at in range(0, len(body), 8192):
            yield body[at:at + 8192]

    fine = json.dumps({"operations": [_update(pid, {"city": {"old": None,
                                                              "new": "Delta"}})]}).encode()
    r = requests.post(server.url + "/v1/push", data=chunks(fine), headers=headers, timeout=10)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
    padded = fine[:-1] + b" " * (small_limit + 16 * 1024) + b"}"
    r = requests.post(server.url + "/v1/push", data=chunks(padded), headers=headers,
                      timeout=10)
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    # Gzip, chunked: the inflated size is what is capped.
    packed = zlib.compress(padded, wbits=16 + zlib.MAX_WBITS)
    assert len(packed) < small_limit
    r = requests.post(server.url + "/v1/push", data=chunks(packed), timeout=10,
                      headers={**headers, "Content-Encoding": "gzip"})
    assert r.status_code == 413 and r.json()["error"] == "too_large"


def _plant(db_url: str, entity: str, record_id: str, **values: Any) -> None:
    """A value an older server took, put in its record as a new change (as a push would)."""
    engine = create_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            counter = session.get(ChangeCounter, 1)
            record = session.get(Record, (entity, record_id))
            assert counter is not None and record is not None
            counter.value += 1
            record.values = {**record.values, **values}
            record.seq, record.version, record.last_device_id = counter.value, \
                record.version + 1, None
    finally:
        engine.dispose()


def _participant(ctx: ServiceContext, pid: str) -> dict[str, Any] | None:
    with ctx.store.session() as session:
        row = session.get(Participant, pid)
        return None if row is None else to_wire(row)


GOOD = {"date_of_birth": "1984-05-06", "family_name": "Testperson", "deleted": False,
        "created_at": "2026-03-02T09:00:00Z"}


@pytest.mark.parametrize(("field", "value", "already_there"), [
    ("date_of_birth", 12345, True),
    ("date_of_birth", 12345, False),
    ("family_name", None, True),
    ("deleted", "yes", True),
    ("created_at", "yesterday", False),
])
def test_a_pulled_value_the_store_refuses_stops_the_sync_by_name(
        devices: Devices, server: RunningServer, field: str, value: Any,
        already_there: bool) -> None:
    one, two = devices.new("one"), devices.new("two")
    pid = ps.create_participant(one, {"family_name": "Testperson", "given_names": "Amani",
                                      "date_of_birth": "1984-05-06"})
    assert sync(one).complete
    if already_there:
        assert sync(two).complete
    before = _participant(two, pid)
    cursor = state.read(two.store, state.CURSOR)
    _plant(server.db_url, "participant", pid, **{field: value})
    for _ in range(2):  # the same answer each time, never an uncaught error
        summary = sync(two)
        assert not summary.complete and summary.error is not None
        assert summary.error.startswith(f"the server sent a participant (record {pid}) "
                                        f"whose {field} must "), summary.error
        assert str(value) not in summary.error.replace(pid, "")
        assert state.read(two.store, state.CURSOR) == cursor  # not past the change
        assert _participant(two, pid) == before
    # Corrected on the server, the next sync goes through.
    _plant(server.db_url, "participant", pid, **{field: GOOD[field]})
    assert sync(two).complete
    with two.store.session() as session:
        row = session.get(Participant, pid)
        assert row is not None and row.family_name == "Testperson"



def test_a_request_without_an_enrolled_token_may_send_only_an_enrolment(
        devices: Devices, server: RunningServer) -> None:
    """The server holds up to 48 MB of a body for an enrolled device only: anyone else
    (no token, a made-up or revoked one) is stopped at what an enrolment needs."""
    one = devices.new("one")
    body = json.dumps({"operations": [], "padding": " " * (2 * server_app.ANONYMOUS_BODY_BYTES)})
    for auth in ({}, {"Authorization": "Bearer made-up"}):
        r = requests.post(server.url + "/v1/push", data=body, timeout=10,
                          headers={"Content-Type": "application/json", **auth})
        assert r.status_code == 413 and r.json()["error"] == "too_large"
    r = requests.post(server.url + "/v1/push", data=body, timeout=10, headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {_token(one)}"})
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"  # read, then judged
