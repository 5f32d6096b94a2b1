"""Per-user settings (QSettings): nothing sensitive ever goes here: no passphrase, no
token, no names."""

from __future__ import annotations

from PySide6.QtCore import QSettings

DEFAULT_IDLE_MINUTES = 10


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings("ccms-desktop", "ccms-desktop")

    @property
    def language(self) -> str:
        value = str(self.q.value("language", "en"))
        return value if value in ("en", "fr") else "en"

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("language", value)

    @property
    def idle_minutes(self) -> int:
        try:
            return max(1, int(str(self.q.value("idle_minutes", DEFAULT_IDLE_MINUTES))))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self.q.setValue("idle_minutes", int(value))
