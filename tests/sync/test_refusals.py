"""The server refuses clearly and writes nothing; replays change nothing."""

from __future__ import annotations

import gzip
import json
import socket
import uuid
from typing import Any

import pytest
import requests

from app.errors import OfficeMismatch
from app.models import new_id
from app.services import participants as ps
from app.services.context import ServiceContext
from app.sync import state
from app.sync.client import SyncClient
from app.sync.enrolment import enrol_device
from app.sync.wire import MAX_BATCH, Operation, PushRequest
from server.cli import main as server_cli
from tests.sync.conftest import Devices, RunningServer, sync
from tests.sync.helpers import server_state, server_versions


def _token(ctx: ServiceContext) -> str:
    from app.store.secrets import secret_store

    token = secret_store(ctx.store).get(state.TOKEN_SECRET)
    assert token
    return token


def _op(record_id: str, office_id: str, name: str = "Refusal") -> dict:
    return {"op_id": new_id(), "entity": "participant", "record_id": record_id,
            "kind": "create", "base_version": 0,
            "changes": {"family_name": {"old": None, "new": name},
                        "office_id": {"old": None, "new": office_id},
                        "id": {"old": None, "new": record_id}}}


def test_no_token_bad_token_and_malformed(devices: Devices, server: RunningServer) -> None:
    a = devices.new("a")
    url = server.url + "/v1/push"
    body = {"operations": [_op(new_id(), a.office_id)]}
    assert requests.post(url, json=body, timeout=10).status_code == 401
    r = requests.post(url, json=body, headers={"Authorization": "Bearer nope"}, timeout=10)
    assert r.status_code == 401 and r.json()["error"] == "unauthenticated"
    auth = {"Authorization": f"Bearer {_token(a)}"}
    for bad in (b"{not json", b'{"operations": "x"}', b'{"operations": []}',
                json.dumps({"operations": [{**_op(new_id(), a.office_id),
                                            "entity": "spaceship"}]}).encode(),
                json.dumps({"operations": [{**_op("not-a-uuid-at-all-but-36-chars-long!!",
                                                  a.office_id)}]}).encode(),
                json.dumps({"operations": [{**_op(new_id(), a.office_id),
                                            "changes": {"colour": {"new": 1}}}]}).encode()):
        r = requests.post(url, data=bad, headers={**auth, "Content-Type": "application/json"},
                          timeout=10)
        assert r.status_code == 422, bad
        assert r.json()["error"] == "invalid_request" and r.json()["detail"]
    # A change holds "old" and "new" only; anything else is named in the refusal.
    odd = {**_op(new_id(), a.office_id), "changes": {"family_name": {"new": "X", "was": "Y"}}}
    r = requests.post(url, json={"operations": [odd]}, headers=auth, timeout=10)
    assert r.status_code == 422 and "was" in r.json()["detail"], r.json()
    twice = _op(new_id(), a.office_id)
    r = requests.post(url, json={"operations": [twice, twice]}, headers=auth, timeout=10)
    assert r.status_code == 422 and "twice" in r.json()["detail"]
    r = requests.post(url, data=b"\x1f\x8bnot gzip", timeout=10, headers={
        **auth, "Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert r.status_code == 400
    r = requests.get(server.url + "/v1/changes?after=-1", headers=auth, timeout=10)
    assert r.status_code == 422
    assert server_versions(server.db_url) == {}


def test_oversize_batches(devices: Devices, server: RunningServer) -> None:
    a = devices.new("a")
    auth = {"Authorization": f"Bearer {_token(a)}", "Content-Type": "application/json"}
    many = {"operations": [_op(new_id(), a.office_id) for _ in range(MAX_BATCH + 1)]}
    r = requests.post(server.url + "/v1/push", json=many, headers=auth, timeout=30)
    assert r.status_code == 422
    # A body announced as far too large is refused before it is read.
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"POST /v1/push HTTP/1.1\r\nHost: {host}\r\nAuthorization: "
                     f"{auth['Authorization']}\r\nContent-Type: application/json\r\n"
                     f"Content-Length: {10**9}\r\n\r\n".encode())
        answer = sock.recv(4096).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413")
    assert server_versions(server.db_url) == {}


def test_other_office_is_refused_and_nothing_written(devices: Devices,
                                                     server: RunningServer) -> None:
    a = devices.new("a")
    auth = {"Authorization": f"Bearer {_token(a)}"}
    other = str(uuid.uuid4())
    body = {"operations": [_op(new_id(), a.office_id, "Mine"), _op(new_id(), other)]}
    r = requests.post(server.url + "/v1/push", json=body, headers=auth, timeout=10)
    assert r.status_code == 403 and r.json()["error"] == "other_office"
    assert server_versions(server.db_url) == {}
    with pytest.raises(OfficeMismatch):
        enrol_device(devices.new("h", office="Halifax"), server.url, server.enrol_code())


def test_replaying_an_op_returns_the_first_answer(devices: Devices,
                                                  server: RunningServer) -> None:
    a = devices.new("a")
    client = SyncClient(server.url, _token(a), retries=0)
    rid = new_id()
    op = Operation.model_validate(_op(rid, a.office_id))
    first = client.push(PushRequest(operations=[op]))
    versions = server_versions(server.db_url)
    again = client.push(PushRequest(operations=[op]))
    assert again == first and first.results[0].status == "applied"
    assert server_versions(server.db_url) == versions
    update = Operation(op_id=new_id(), entity="participant", record_id=rid, kind="update",
                       base_version=1, changes={"city": {"old": None, "new": "Delta"}})
    r1 = client.push(PushRequest(operations=[update]))
    r2 = client.push(PushRequest(operations=[update]))
    assert r1 == r2 and server_versions(server.db_url)[("participant", rid)] == 2
    raw = gzip.compress(json.dumps({"operations": [update.model_dump()]}).encode())
    r = requests.post(server.url + "/v1/push", data=raw, timeout=10, headers={
        "Authorization": f"Bearer {_token(a)}", "Content-Type": "application/json",
        "Content-Encoding": "gzip"})
    assert r.status_code == 200 and r.json()["results"][0]["version"] == 2
    client.close()


def test_revoked_device_is_told_and_wipes(devices: Devices, server: RunningServer) -> None:
    a = devices.new("a")
    ps.create_participant(a, {"family_name": "Revoked-Laptop"})
    assert sync(a).complete
    device_id = state.read(a.store, state.DEVICE_ID)
    assert server_cli(["revoke", "--db", server.db_url, "--device", str(device_id)]) == 0
    folder = a.store.paths.data_dir
    summary = sync(a)
    assert not summary.complete and summary.wiped
    assert not a.store.is_unlocked
    assert [p.name for p in folder.iterdir()] == []


def test_a_record_created_and_changed_in_one_batch(devices: Devices,
                                                   server: RunningServer) -> None:
    """A create, then an update and a stale update of the same record, and a second create
    of it, all in one batch: the batch's new records are written once, at its end."""
    a = devices.new("a")
    client = SyncClient(server.url, _token(a), retries=0)
    rid = new_id()
    update = {"op_id": new_id(), "entity": "participant", "record_id": rid, "kind": "update",
              "base_version": 1, "changes": {"city": {"old": None, "new": "Delta"}}}
    stale = {"op_id": new_id(), "entity": "participant", "record_id": rid, "kind": "update",
             "base_version": 1, "changes": {"city": {"old": "Surrey", "new": "Burnaby"}}}
    answers = client.push_operations([_op(rid, a.office_id), update, stale,
                                      _op(rid, a.office_id, "Again")]).results
    assert [r.status for r in answers] == ["applied", "applied", "conflict", "conflict"]
    assert answers[2].conflicts == {"city": "Delta"}
    assert answers[3].conflicts == {"family_name": "Refusal"}
    assert server_versions(server.db_url) == {("participant", rid): 2}
    record = server_state(server.db_url, a.office_id)[("participant", rid)]
    assert (record["family_name"], record["city"]) == ("Refusal", "Delta")
    client.close()


def test_an_op_id_of_another_device_is_refused_not_replayed(devices: Devices,
                                                            server: RunningServer) -> None:
    """A replay is a device resending its own operation: another device's op_id (here from
    another office) would get that device's first answer, with its record's values."""
    van = devices.new("van")
    devices.code = lambda: server.enrol_code("Toronto")
    tor = devices.new("tor", office="Toronto")
    mine = ps.create_participant(van, {"family_name": "Vancouver-Person"})
    theirs = ps.create_participant(tor, {"family_name": "Toronto-Person"})
    assert sync(van).complete and sync(tor).complete
    stale: dict[str, Any] = {"op_id": new_id(), "entity": "participant", "record_id": mine,
                             "kind": "update", "base_version": 0, "changes": {}}
    r = requests.post(server.url + "/v1/push", json={"operations": [stale]}, timeout=10,
                      headers={"Authorization": f"Bearer {_token(van)}"})
    assert r.json()["results"][0]["values"]["family_name"] == "Vancouver-Person"
    before = server_versions(server.db_url)
    reused: dict[str, Any] = {"op_id": stale["op_id"], "entity": "participant",
                              "record_id": theirs, "kind": "update", "base_version": 1,
                              "changes": {"city": {"old": None, "new": "Toronto"}}}
    fresh = {**reused, "op_id": new_id()}
    r = requests.post(server.url + "/v1/push", json={"operations": [fresh, reused]},
                      timeout=10, headers={"Authorization": f"Bearer {_token(tor)}"})
    assert r.status_code == 409, r.text
    assert r.json()["error"] == "op_id_reused" and "operations.1.op_id" in r.json()["detail"]
    assert "Vancouver" not in r.text
    assert server_versions(server.db_url) == before  # neither operation was applied
