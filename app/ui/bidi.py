"""Names written right to left (Arabic, Persian, Urdu, Hebrew) inside a line of other text.

Without isolation, Unicode's bidirectional algorithm lets such a name set the direction of
the whole line and turns the date beside it into Arabic-context numbers, shown from right
to left: "1990-07-03" read "03-07-1990". Wrapped in first-strong isolates, the name keeps
its own direction and the rest of the line keeps the interface's."""

from __future__ import annotations

import unicodedata

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate, pop directional isolate


def isolate(text: str) -> str:
    """`text` wrapped in isolates when it holds a right-to-left letter; else as it is."""
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return f"{FSI}{text}{PDI}"
    return text
