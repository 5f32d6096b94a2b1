"""What every service call needs: the unlocked store, who acts, from which device, and a
clock (injectable, so tests and the schedule never read the wall clock behind our back)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select

from app.models import Caseworker, StoreMeta
from app.store.store import Store


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    store: Store
    office_id: str
    device_id: str
    actor_id: str | None = None
    clock: Callable[[], datetime] = field(default=system_clock)

    def now(self) -> datetime:
        return self.clock()

    @classmethod
    def open(cls, store: Store, actor_id: str | None = None,
             clock: Callable[[], datetime] = system_clock) -> ServiceContext:
        """Build the context from what the store says about itself."""
        with store.session() as session:
            meta = {k: val for k, val in session.execute(select(StoreMeta.key, StoreMeta.value))}
            if actor_id is None and meta.get("caseworker_id"):
                actor_id = meta["caseworker_id"]
            if actor_id is not None and session.get(Caseworker, actor_id) is None:
                actor_id = None
        office_id = meta.get("office_id")
        device_id = meta.get("device_id")
        if not office_id or not device_id:
            from app.errors import StoreCorrupt

            raise StoreCorrupt("the store has no office or device: it was not initialised")
        return cls(store=store, office_id=office_id, device_id=device_id, actor_id=actor_id,
                   clock=clock)
