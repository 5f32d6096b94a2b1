"""The services' messages in the shown language. Services raise English text (with file
names, line numbers and column names inside), so each known message shape is matched here
and rewritten from a translated template; a message no shape matches is shown as it is.

A template's %1, %2... are the shape's groups in order; a group may be turned into words
first (a field key into its label, a nested message into the shown language)."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.ui.field_labels import field_label
from app.ui.i18n import N_, fill, tr

Convert = Callable[[str], str]
Shape = tuple[re.Pattern[str], str, dict[int, Convert]]


def _shape(pattern: str, template: str, **convert: Convert) -> Shape:
    # Group numbers as keyword names: g2=field_label converts group 2.
    return (re.compile(pattern, re.DOTALL), template,
            {int(k[1:]): f for k, f in convert.items()})


def _rewrite(text: str, shapes: list[Shape]) -> str | None:
    for regex, template, convert in shapes:
        m = regex.fullmatch(text.strip())
        if m is None:
            continue
        return fill(tr(template), *(convert.get(i, str)(g or "")
                                    for i, g in enumerate(m.groups(), start=1)))
    return None


def _csv_reason(reason: str) -> str:
    words = {"a field is too long": tr("a field is too long"),
             "malformed quoting": tr("malformed quoting")}
    return words.get(reason, reason)


def _suggestions(columns: str) -> str:
    """"'DOB', 'date_of_brith' (did you mean date_of_birth?)": the question translated."""
    return re.sub(r"\(did you mean (\w+)\?\)",
                  lambda m: fill(tr("(did you mean %1?)"), m.group(1)), columns)


def _percent(directive: str) -> str:
    return directive if directive.startswith("%") else f"%{directive}"


# Exact messages of the services' field checks (app/services/validation.py and others).
EXACT_FIELD_MESSAGES = frozenset({
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
    N_("must be text"),
    N_("is before 1900"),
    N_("must be a date"),
    N_("must be a date as YYYY-MM-DD"),
    N_("must be a list"),
    N_("must be a whole number"),
    N_("must be yes or no"),
    N_("is required to suspend a participant"),
    N_("must not be before the referral date"),
    N_("must not be before the effective date"),
    N_("is not open"),
    N_("a note is there without the need it is about"),
    N_("must be a date and time as YYYY-MM-DD HH:MM"),
    N_("must be a month as YYYY-MM"),
    N_("must be csv or json"),
    N_("is not a participant field"),
    N_("is not a household member field"),
    N_("is not a participant file on this computer"),
    N_("is this participant's own file"),
    N_("looks like a spreadsheet formula (starts with =, +, - or @); refused"),
    N_("is not a known caseworker (name or email)"),
    N_("names several caseworkers; use the email"),
    N_("is a folder; give a file name"),
    N_("is a device, a pipe or a system file, not a regular file; give a file name"),
    N_("is inside the store's folder; give a file outside it"),
    N_("is not UTF-8 text"),
    N_("must be a JSON object with one key per field"),
    N_("must name a column (text), or be null"),
    N_("format must be text such as %d/%m/%Y"),
    N_("format may use only %Y, %m and %d (four-digit years, month numbers)"),
    N_("already belongs to another file in the store, with other details; not imported"),
    N_("format holds a control character or a lone surrogate (such as \\ud800), which no "
       "date holds"),
    N_("format ends with a lone %; write %% for a percent sign"),
    N_("format is empty; give one such as %d/%m/%Y, or leave it out for YYYY-MM-DD"),
    N_('names no column: write {"column": "...", "format": "..."}, or null when the file '
       "lacks the field"),
})


def _field_shapes() -> list[Shape]:
    return [
        _shape(r"does not match the date format (.+)", N_("does not match the date format %1")),
        _shape(r"has (\d+) columns, the header has (\d+)",
               N_("has %1 columns, the header has %2")),
        _shape(r"must be one of: (.+)", N_("must be one of: %1")),
        _shape(r"alias (\d+): (.+)", N_("alias %1: %2")),
        _shape(r"is too long \(at most (\d+) characters\)",
               N_("is too long (at most %1 characters)")),
        _shape(r"has too many entries \(at most (\d+)\)",
               N_("has too many entries (at most %1)")),
        _shape(r"must be between (.+) and (.+)", N_("must be between %1 and %2")),
        _shape(r"its folder does not exist: (.+)", N_("its folder does not exist: %1")),
        _shape(r"its folder is not writable: (.+)", N_("its folder is not writable: %1")),
        _shape(r"is (.+), which this command reads.*",
               N_("is %1, the file being imported; give another file name")),
        _shape(r"they go beside the file by default \((.+?)\), but (.+); choose another "
               r"place for them", N_("by default they go beside the file (%1), but %2; "
                                     "choose another place for them"),
               g2=field_message),
        _shape(r"is not valid JSON \(line (\d+)\)", N_("is not valid JSON (line %1)")),
        _shape(r"names '(.+)' twice.*", N_("names '%1' twice; keep one")),
        _shape(r"is not a field that can be imported.*",
               N_("is not a field that can be imported")),
        _shape(r"has unknown keys: (.+)", N_("has unknown keys: %1")),
        _shape(r"is nested more than (\d+) levels deep.*",
               N_('is nested more than %1 levels deep; a field\'s value is a column name, '
                  'null, or {"column": ..., "format": ...}')),
        _shape(r"format is too long \(at most (\d+) characters\)",
               N_("format is too long (at most %1 characters)")),
        _shape(r"is larger than (\d+) KB.*",
               N_("is larger than %1 KB, far more than a mapping holds; choose the mapping's "
                  "JSON file")),
        _shape(r"takes no format.*",
               N_("takes no date format (only the date of birth and the referral date do)")),
        _shape(r"format must contain (%?.) exactly once", N_("format must contain %1 exactly once"),
               g1=_percent),
        _shape(r"column '(.+)' is not in the file", N_("column '%1' is not in the file")),
        _shape(r"column '(.+)' appears more than once in the file",
               N_("column '%1' appears more than once in the file")),
        _shape(r"column '(.+)' is already read as (\w+)",
               N_("column '%1' is already read as %2"), g2=field_label),
        _shape(r"not field names, so their data would be left out: (.+?); rename each to a "
               r"field name.*",
               N_("not field names, so their data would be left out: %1. Rename each to a "
                  "field name, or choose a mapping file that names the columns to import. "
                  "Nothing was imported."), g1=_suggestions),
        _shape(r"is required: name the column holding the family name.*",
               N_("is required: name the column holding the family name (or give the file "
                  "a family_name column)")),
    ]


def field_message(message: str) -> str:
    """One field's problem (the value of ValidationError.errors) in the shown language."""
    if message in EXACT_FIELD_MESSAGES:
        return tr(message)
    return _rewrite(message, _field_shapes()) or message


def _file_shapes() -> list[Shape]:
    return [
        _shape(r"no such file: (.+)", N_("There is no file %1.")),
        _shape(r"the file to import is a folder: (.+)",
               N_("%1 is a folder; choose a file to import.")),
        _shape(r"the mapping file is a folder: (.+)",
               N_("The mapping file %1 is a folder; choose a file.")),
        _shape(r"the mapping file (.+) is not a regular file.*",
               N_("The mapping file %1 is not a regular file (a pipe or a device); choose the "
                  "JSON file.")),
        _shape(r"the mapping file does not exist: (.+)",
               N_("There is no mapping file %1.")),
        _shape(r"cannot read the mapping file (.+?): (.+)",
               N_("The mapping file %1 cannot be read (%2).")),
        _shape(r"cannot read (.+?): (.+)", N_("%1 cannot be read (%2).")),
        _shape(r"cannot write (.+?): (.+)", N_("%1 cannot be written (%2).")),
        _shape(r"(.+) is empty", N_("%1 is empty: there is nothing to import.")),
        _shape(r"(.+) is not a regular file; give the CSV file",
               N_("%1 is not a regular file (a pipe or a device); choose the CSV file to "
                  "import.")),
        _shape(r"(.+?): line (\d+), column (\d+) holds a byte that is not UTF-8, while the "
               r"rest of the file is UTF-8.*",
               N_("%1: line %2, column %3 holds a byte that is not UTF-8, while the rest of "
                  "the file is UTF-8: the file mixes encodings, and some names would be "
                  "stored garbled. Correct that character (or save the file again as CSV "
                  "UTF-8) and import again. Nothing was imported.")),
        _shape(r"(.+?): line (\d+), column (\d+) holds a byte that is neither UTF-8 nor "
               r"Windows-1252 text.*",
               N_("%1: line %2, column %3 holds a byte that is neither UTF-8 nor "
                  "Windows-1252 text. Save the file as CSV UTF-8 and import again. Nothing "
                  "was imported.")),
        _shape(r"(.+?) is UTF-16 text, which an import does not read.*",
               N_("%1 is UTF-16 text, which an import does not read. Save it again as CSV "
                  "UTF-8 (in Excel: Save As, \"CSV UTF-8\"). Nothing was imported.")),
        _shape(r"(.+?): line (\d+) holds a NUL byte.*",
               N_("%1: line %2 holds a NUL byte, which text never does (a spreadsheet or "
                  "another binary file? Save it as CSV). Nothing was imported.")),
        _shape(r"(.+?) is not a text CSV file.*",
               N_("%1 is not a text CSV file (UTF-8 or Windows-1252 text is expected: save "
                  "it from the spreadsheet as CSV). Nothing was imported.")),
        _shape(r"(.+?): the header line cannot be read as CSV.*",
               N_("%1: the header line cannot be read as CSV. Nothing was imported.")),
        _shape(r"(.+?) has no header line.*",
               N_("%1 has no header line (a first line naming the columns). Nothing was "
                  "imported.")),
        _shape(r"(.+?) has a header line but no data rows.*",
               N_("%1 has a header line but no data rows: there is nothing to import.")),
        _shape(r"(.+?): line (\d+) cannot be read as CSV \((.+?)\).*",
               N_("%1: line %2 cannot be read as CSV (%3). Nothing was imported."),
               g3=_csv_reason),
        _shape(r"(.+?): line (\d+): a quote \(\"\) opened in this row is closed only on "
               r"line (\d+).*",
               N_("%1: line %2: a quote (\") opened in this row is closed only on line %3, "
                  "so the lines in between were read as one cell. Correct the quote and "
                  "import again. Nothing was imported.")),
    ]


def file_message(text: str) -> str:
    """A CCMSError's text (a whole-file problem) in the shown language."""
    return _rewrite(text, _file_shapes()) or text
