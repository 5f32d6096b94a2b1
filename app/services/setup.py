"""Creating a new store for an office and opening an existing one."""

from __future__ import annotations

import uuid
from pathlib import Path

from app.models import Caseworker, Office, office_id_for
from app.models.enums import Role
from app.models.org import office_zone_for
from app.services import validation as v
from app.services.context import ServiceContext
from app.services.recorder import recording
from app.store.envelope import DEFAULT_KDF, KdfParams
from app.store.store import Store


def initialise_store(data_dir: Path, passphrase: str, office_name: str,
                     caseworker_name: str = "Caseworker", role: str = Role.CASEWORKER.value,
                     kdf: KdfParams = DEFAULT_KDF) -> tuple[Store, ServiceContext]:
    """A new encrypted store for one office, with this device's caseworker; left unlocked."""
    office = v.text("office", office_name, required=True, max_len=200)
    worker = v.name("caseworker", caseworker_name, required=True)
    v.choice("role", role, Role, required=True)
    assert office is not None and worker is not None
    store = Store.create(data_dir, passphrase, kdf)
    try:
        office_id = office_id_for(office)
        device_id = str(uuid.uuid4())
        caseworker_id = str(uuid.uuid4())
        with store.transaction() as session:
            from app.models import StoreMeta

            for key, value in (("office_id", office_id), ("office_name", office),
                               ("device_id", device_id), ("caseworker_id", caseworker_id)):
                session.add(StoreMeta(key=key, value=value))
        ctx = ServiceContext(store=store, office_id=office_id, device_id=device_id,
                             actor_id=caseworker_id)
        with recording(ctx) as rec:
            rec.create(Office(id=office_id, name=office, time_zone=office_zone_for(office)))
            rec.create(Caseworker(id=caseworker_id, name=worker, role=role))
    except BaseException:
        store.remove_new()
        raise
    return store, ctx


def open_store(data_dir: Path, passphrase: str) -> tuple[Store, ServiceContext]:
    store = Store(data_dir)
    store.unlock(passphrase)
    try:
        return store, ServiceContext.open(store)
    except BaseException:
        store.lock()
        raise
