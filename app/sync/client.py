"""HTTP client for the protocol: one requests Session, connect and read timeouts, retries
with exponential backoff and jitter on connection errors, 429 and 5xx (honouring
Retry-After), gzip both ways, and TLS verification that cannot be switched off."""

from __future__ import annotations

import gzip
import json
import random
import threading
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, ValidationError

from app.errors import DeviceRevoked, SyncError, SyncRejected
from app.sync.wire import (
    API_PREFIX,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    PullResponse,
    PushRequest,
    PushResponse,
)

M = TypeVar("M", bound=BaseModel)
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class Cancelled(SyncError):
    pass


class SyncClient:
    def __init__(self, base_url: str, token: str | None = None, *,
                 ca_bundle: str | Path | None = None, connect_timeout: float = 5.0,
                 read_timeout: float = 60.0, retries: int = 5, backoff: float = 0.5,
                 max_backoff: float = 30.0, rng: random.Random | None = None,
                 cancel: threading.Event | None = None,
                 sleep: Callable[[float], None] | None = None) -> None:
        if not base_url.startswith(("https://", "http://")):
            raise SyncError("the server address must start with https:// (or http:// for a "
                            "server on this computer)")
        self.base = base_url.rstrip("/")
        self.session = requests.Session()
        # Verification stays on: a custom CA bundle is the only way to trust a private CA.
        self.session.verify = str(ca_bundle) if ca_bundle else True
        self.session.headers["Accept-Encoding"] = "gzip"
        self.session.headers["User-Agent"] = "ccms-desktop"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        self.timeout = (connect_timeout, read_timeout)
        self.retries, self.backoff, self.max_backoff = retries, backoff, max_backoff
        self.rng = rng or random.Random()
        self.cancel = cancel or threading.Event()
        self._sleep = sleep

    def close(self) -> None:
        self.session.close()

    # -- endpoints -----------------------------------------------------------------------
    def enrol(self, code: str, label: str) -> EnrolResponse:
        return self._call("POST", "/enrol", EnrolResponse,
                          EnrolRequest(code=code, label=label).model_dump())

    def push(self, request: PushRequest) -> PushResponse:
        return self.push_operations(request.model_dump(mode="json")["operations"])

    def push_operations(self, operations: list[dict[str, Any]]) -> PushResponse:
        """`push` for operations already in their wire JSON shape (the outbox's own)."""
        return self._call("POST", "/push", PushResponse, {"operations": operations})

    def pull(self, after: int, limit: int) -> PullResponse:
        return self._call("GET", f"/changes?after={int(after)}&limit={int(limit)}",
                          PullResponse)

    def health(self) -> bool:
        try:
            response = self.session.get(self.base + API_PREFIX + "/health", timeout=(2, 5))
        except requests.RequestException:
            return False
        return response.status_code == 200

    # -- machinery -----------------------------------------------------------------------
    def _wait(self, seconds: float) -> None:
        if self._sleep is not None:
            self._sleep(seconds)
        elif self.cancel.wait(seconds):
            raise Cancelled("sync cancelled")

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after:
            try:
                return min(self.max_backoff, max(0.0, float(retry_after)))
            except ValueError:
                try:
                    when = parsedate_to_datetime(retry_after).timestamp()
                    return min(self.max_backoff, max(0.0, when - time.time()))
                except (TypeError, ValueError):
                    pass
        # Full jitter: a random wait up to the exponential cap, so devices do not stampede.
        return self.rng.uniform(0, min(self.max_backoff, self.backoff * 2 ** attempt))

    def _call(self, method: str, path: str, model: type[M],
              payload: dict[str, Any] | None = None) -> M:
        data = None
        headers = {}
        if payload is not None:
            raw = json.dumps(payload, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
            if len(raw) > 1024:
                raw = gzip.compress(raw, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
            data = raw
        last = "no answer"
        for attempt in range(self.retries + 1):
            if self.cancel.is_set():
                raise Cancelled("sync cancelled")
            try:
                response = self.session.request(method, self.base + API_PREFIX + path,
                                                data=data, headers=headers,
                                                timeout=self.timeout)
            except requests.exceptions.SSLError as exc:
                raise SyncError("the server's certificate is not trusted (check the CA "
                                "bundle setting)") from exc
            except (requests.ConnectionError, requests.Timeout,
                    requests.exceptions.ChunkedEncodingError) as exc:
                last = f"cannot reach the server ({type(exc).__name__})"
                if attempt < self.retries:
                    self._wait(self._delay(attempt, None))
                continue
            if response.status_code in RETRY_STATUS:
                last = f"the server answered {response.status_code}"
                if attempt < self.retries:
                    self._wait(self._delay(attempt, response.headers.get("Retry-After")))
                continue
            try:
                return self._decode(response, model)
            except _Malformed as exc:
                # Truncated or garbled (a proxy cut it): safe to ask again, since a replayed
                # push returns its first answers and changes nothing.
                last = str(exc)
                if attempt < self.retries:
                    self._wait(self._delay(attempt, None))
        raise SyncError(last)

    def _decode(self, response: requests.Response, model: type[M]) -> M:
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code >= 400:
            err = _error_body(body)
            if response.status_code == 410 or (err is not None and err.wipe):
                raise DeviceRevoked(err.detail if err else "this device was revoked")
            detail = err.detail if err else f"HTTP {response.status_code}"
            raise SyncRejected(f"the server refused the request: {detail}")
        if body is None:
            raise _Malformed("the server's answer was cut off or damaged")
        try:
            return model.model_validate(body)
        except ValidationError as exc:
            raise _Malformed("the server's answer did not follow the protocol") from exc


class _Malformed(SyncError):
    """A damaged answer: retried by the runner like a dropped connection."""


MalformedAnswer = _Malformed


def _error_body(body: Any) -> ErrorBody | None:
    try:
        return ErrorBody.model_validate(body)
    except ValidationError:
        return None
