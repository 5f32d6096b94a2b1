"""The one place that turns our errors into words a caseworker understands."""

from __future__ import annotations

from app.errors import (
    CCMSError,
    DeviceRevoked,
    IllegalTransition,
    MergeNotUndoable,
    NotFound,
    StoreCorrupt,
    StoreLocked,
    StoreTooNew,
    SyncError,
    ValidationError,
    WrongPassphrase,
)
from app.ui.i18n import N_, tr

# The services' field messages, marked here so they are translated where shown.
FIELD_MESSAGES = frozenset({
    N_("is required"),
    N_("must be 8 or 10 digits"),
    N_("is in the future"),
    N_("is not a real date"),
    N_("must be a date as YYYY-MM-DD (or YYYY-MM, or YYYY)"),
    N_("must be an email address"),
    N_("must contain at least one letter"),
    N_("contains control characters"),
    N_("must be on one line"),
    N_("must have between 7 and 15 digits"),
    N_("must be a phone number (digits, spaces, + ( ) -)"),
    N_("must be a Canadian postal code (A1A 1A1)"),
    N_("must be a Canadian province or territory code"),
})


def field_message(message: str) -> str:
    return tr(message) if message in FIELD_MESSAGES else message


def describe(exc: BaseException) -> str:
    if isinstance(exc, WrongPassphrase):
        return tr("That passphrase is not right.")
    if isinstance(exc, StoreTooNew):
        return tr("This store was written by a newer version of CCMS Desktop. Install the "
                  "newer version to open it.")
    if isinstance(exc, StoreCorrupt):
        return tr("The local store is damaged. Contact your office's support.")
    if isinstance(exc, StoreLocked):
        return tr("The store is locked. Unlock it to continue.")
    if isinstance(exc, ValidationError):
        return "; ".join(f"{f}: {field_message(m)}" for f, m in exc.errors.items())
    if isinstance(exc, IllegalTransition):
        return tr("That change of status is not allowed.")
    if isinstance(exc, NotFound):
        return tr("That record no longer exists.")
    if isinstance(exc, DeviceRevoked):
        return tr("This device was revoked by your office; its local data was removed.")
    if isinstance(exc, SyncError):
        return tr("Sync did not complete: the server could not be reached or refused. "
                  "Your changes are kept and will be sent later.")
    if isinstance(exc, MergeNotUndoable):
        return tr("This merge can no longer be undone here: it has been sent to the server, "
                  "or one of the files changed since.")
    if isinstance(exc, CCMSError):
        return str(exc)
    return tr("Something went wrong. Nothing was lost; please try again.")
