"""Enrolling this device with a server: a one-time code for the store's office buys a
revocable bearer token, kept with the device secrets (keyring or encrypted store)."""

from __future__ import annotations

import platform
from pathlib import Path

from app.errors import OfficeMismatch, SyncError
from app.services.context import ServiceContext
from app.store.secrets import secret_store
from app.sync import state
from app.sync.client import SyncClient


def enrol_device(ctx: ServiceContext, server_url: str, code: str,
                 ca_bundle: str | Path | None = None, label: str | None = None) -> str:
    if ca_bundle is not None and not Path(ca_bundle).is_file():
        raise SyncError("the CA bundle file does not exist")
    client = SyncClient(server_url, ca_bundle=ca_bundle, retries=2)
    try:
        answer = client.enrol(code.strip(), label or platform.node() or "device")
    finally:
        client.close()
    if answer.office_id != ctx.office_id:
        raise OfficeMismatch(f"the enrolment code is for the office {answer.office_name!r}, "
                             "but this store belongs to another office")
    secret_store(ctx.store).set(state.TOKEN_SECRET, answer.token)
    with ctx.store.transaction() as session:
        state.put(session, state.SERVER_URL, server_url.rstrip("/"))
        state.put(session, state.DEVICE_ID, answer.device_id)
        state.put(session, state.CA_BUNDLE, str(ca_bundle) if ca_bundle else None)
    return answer.device_id
