"""The server's OpenAPI document describes the push body (read by hand, not by FastAPI)
and every reference in it resolves."""

from __future__ import annotations

from typing import Any

import requests

from tests.sync.conftest import RunningServer


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_the_push_body_is_documented(server: RunningServer) -> None:
    doc = requests.get(server.url + "/v1/openapi.json", timeout=10).json()
    schemas = doc["components"]["schemas"]
    body = doc["paths"]["/v1/push"]["post"]["requestBody"]
    assert body["required"] is True
    ref = body["content"]["application/json"]["schema"]["$ref"]
    request = schemas[ref.rsplit("/", 1)[1]]
    operation = schemas[request["properties"]["operations"]["items"]["$ref"].rsplit("/", 1)[1]]
    assert {"op_id", "entity", "record_id", "kind", "base_version", "changes"} <= set(
        operation["properties"])
    change = operation["properties"]["changes"]["additionalProperties"]
    assert change["propertyNames"]["enum"] == ["old", "new"]
    for r in _refs(doc):
        assert r.startswith("#/components/schemas/") and r.rsplit("/", 1)[1] in schemas, r
