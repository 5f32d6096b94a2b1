"""The one place that turns our errors into words a caseworker understands."""

from __future__ import annotations

from app.errors import (
    CCMSError,
    DeviceRevoked,
    IllegalTransition,
    MergeNotUndoable,
    NotFound,
    OfficeMismatch,
    StoreCorrupt,
    StoreLocked,
    StoreTooNew,
    SyncError,
    SyncRejected,
    ValidationError,
    WrongPassphrase,
)
from app.ui.field_labels import error_field_label
from app.ui.i18n import fill, join_clauses, tr
from app.ui.message_words import field_message, file_message

__all__ = ["describe", "enrolment_words", "field_errors", "field_message"]


def field_errors(errors: dict[str, str], entity: str | None = None) -> str:
    """A ValidationError's problems, each named by its field's label (of a record of kind
    `entity`; a participant's without one), in the shown language."""
    # French puts a space before the colon: the separator is translated too.
    # So is the one between problems (French: "a ; b").
    return join_clauses([fill(tr("%1: %2"), error_field_label(f, entity), field_message(m))
                         for f, m in errors.items()])


def describe(exc: BaseException, entity: str | None = None) -> str:
    """`exc` in words; `entity` names the kind of record a form writes, for its fields."""
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
        return field_errors(exc.errors, entity)
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
        return file_message(str(exc))
    return tr("Something went wrong. Nothing was lost; please try again.")


def enrolment_words(exc: BaseException) -> str:
    """Why enrolling this device failed: a sync's words ("your changes are kept") do not
    fit a code refused or a server not reached."""
    if isinstance(exc, OfficeMismatch):
        return tr("This enrolment code is for another office than this store's.")
    if isinstance(exc, SyncRejected):
        return tr("The server refused this enrolment code: it may be mistyped, used "
                  "already or expired. Ask your supervisor for a new one.")
    if isinstance(exc, SyncError):
        return tr("The server could not be reached. Check its address and the "
                  "connection, then try again.")
    return describe(exc)
