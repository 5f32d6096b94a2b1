"""Our error types. Messages never contain personal data: they name fields, not values."""

from __future__ import annotations


class CCMSError(Exception):
    """Base of every error we raise on purpose; its message is safe to show a user."""


class StoreError(CCMSError):
    pass


class StoreMissing(StoreError):
    pass


class StoreExists(StoreError):
    pass


class WrongPassphrase(StoreError):
    pass


class StoreCorrupt(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class StoreLocked(StoreError):
    pass


class UnsupportedCipher(StoreError):
    pass


class ValidationError(CCMSError):
    """One or more fields are invalid. `errors` maps field name -> message."""

    def __init__(self, field: str | dict[str, str], message: str | None = None) -> None:
        if isinstance(field, dict):
            self.errors: dict[str, str] = dict(field)
        else:
            self.errors = {field: message or "is invalid"}
        super().__init__("; ".join(f"{f}: {m}" for f, m in self.errors.items()))

    @property
    def field(self) -> str:
        return next(iter(self.errors))


class IllegalTransition(CCMSError):
    def __init__(self, entity: str, current: str, target: str) -> None:
        self.entity, self.current, self.target = entity, current, target
        super().__init__(f"a {entity} cannot go from '{current}' to '{target}'")


class NotFound(CCMSError):
    def __init__(self, entity: str, record_id: str) -> None:
        self.entity, self.record_id = entity, record_id
        super().__init__(f"no {entity} with id {record_id}")


class MergeNotUndoable(CCMSError):
    """The merge has synced (or its files changed since): undo is no longer possible."""


class UnrecordedWrite(CCMSError):
    """A domain row was written outside a service (no audit event / outbox entry)."""


class AppendOnly(CCMSError):
    pass


class SyncError(CCMSError):
    pass


class SyncRejected(SyncError):
    pass


class DeviceRevoked(SyncError):
    pass


class OfficeMismatch(SyncError):
    pass
