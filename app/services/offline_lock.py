"""Lost laptops that never come back online: an office may set a maximum number of days a
device may go without syncing; past it, participant files stay locked until it syncs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.errors import CCMSError
from app.models import Office, StoreMeta, SyncState
from app.services.context import ServiceContext

LAST_SYNC_KEY = "last_sync_at"  # SyncState key written by app/sync after a completed sync
WARN_DAYS = 3


class FilesLockedOffline(CCMSError):
    def __init__(self, max_days: int) -> None:
        self.max_days = max_days
        super().__init__(f"participant files are locked: this device has not synced for more "
                         f"than {max_days} days. Connect and sync to unlock them.")


@dataclass(frozen=True)
class OfflineStatus:
    max_days: int | None
    days_offline: int
    locked: bool
    days_left: int | None

    @property
    def warn(self) -> bool:
        return self.days_left is not None and not self.locked and self.days_left <= WARN_DAYS


def offline_status(ctx: ServiceContext) -> OfflineStatus:
    with ctx.store.session() as session:
        office = session.get(Office, ctx.office_id)
        last = session.scalar(select(SyncState.value).where(SyncState.key == LAST_SYNC_KEY))
        created = session.scalar(select(StoreMeta.value).where(StoreMeta.key == "created_at"))
    since_text = last or created
    since = datetime.fromisoformat(since_text) if since_text else ctx.now()
    days = max(0, (ctx.now() - since).days)
    max_days = office.max_offline_days if office is not None else None
    if not max_days:
        return OfflineStatus(None, days, False, None)
    return OfflineStatus(max_days, days, days > max_days, max(0, max_days - days))


def ensure_files_unlocked(ctx: ServiceContext) -> None:
    status = offline_status(ctx)
    if status.locked and status.max_days is not None:
        raise FilesLockedOffline(status.max_days)
