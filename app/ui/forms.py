"""Small form helpers: a field with its error shown beside it."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.services.countries import country_code
from app.ui.countries import country_names, country_word
from app.ui.error_words import field_message
from app.ui.i18n import tr


class FieldRow(QWidget):
    def __init__(self, name: str, label: str) -> None:
        super().__init__()
        self.name = name
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.error = QLabel()
        self.error.setObjectName("error")
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.edit, 3)
        box.addWidget(self.error, 2)

    def value(self) -> str | None:
        text = self.edit.text()
        return text if text.strip() else None

    def set_value(self, value: object) -> None:
        self.edit.setText("" if value is None else str(value))

    def show_error(self, message: str | None) -> None:
        self.error.setText(field_message(message) if message else "")


class CountryRow(FieldRow):
    """A country, typed with completion from the list (any part of its name, in English or
    French) and kept as its code; text that names no country is kept as typed."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__(name, label)
        completer = QCompleter(QStringListModel(list(country_names().values()), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.edit.setPlaceholderText(tr("Type part of the name to choose"))

    def value(self) -> str | None:
        text = super().value()
        return None if text is None else country_code(text) or text.strip()

    def set_value(self, value: object) -> None:
        self.edit.setText("" if value is None else country_word(str(value)))


# Fields typed with more help than a line of text.
ROW_KINDS: dict[str, type[FieldRow]] = {"citizenship": CountryRow}


class FieldForm(QWidget):
    def __init__(self, fields: list[tuple[str, str]]) -> None:
        super().__init__()
        self.form_layout = QFormLayout(self)  # callers may add rows of other widgets
        self.rows: dict[str, FieldRow] = {}
        for name, label in fields:
            row = ROW_KINDS.get(name, FieldRow)(name, label)
            self.rows[name] = row
            self.form_layout.addRow(label, row)

    def values(self) -> dict[str, str | None]:
        return {name: row.value() for name, row in self.rows.items()}

    def set_values(self, values: dict[str, object]) -> None:
        for name, row in self.rows.items():
            row.set_value(values.get(name))

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, row in self.rows.items():
            row.show_error(errors.get(name))
