"""Rules for untrusted text that hold wherever it goes (reading, display, export): no invisible direction or
joiner characters in metadata, no spreadsheet formula at the start of a table cell.

Depends on nothing in the project: read, export and the views all use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# Bidirectional controls (embeddings, overrides, isolates, marks) and zero-width characters: "\u202eevil.com"
# shows as "moc.live", a zero-width space splits a name that looks whole. None is needed in a title or a name.
INVISIBLE = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
    "\u2066\u2067\u2068\u2069"  # LRI RLI FSI PDI
    "\u200e\u200f\u061c"  # LRM RLM ALM
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space, non-joiner, joiner, word joiner, BOM
)
_STRIP = dict.fromkeys(map(ord, INVISIBLE))
METADATA_FIELDS = ("outlet", "title", "name", "url")

# OWASP's rule for CSV injection: a cell a spreadsheet would run as a formula gets a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def strip_invisible(text: str) -> str:
    """The text without bidirectional controls and zero-width characters."""
    return text.translate(_STRIP) if not text.isascii() else text


def clean_metadata(meta: Mapping[str, Any]) -> dict[str, Any]:
    """A report's metadata with the invisible characters taken out of its text fields (outlet, title, name,
    url); a field left blank becomes None."""
    out = dict(meta)
    for key in METADATA_FIELDS:
        value = out.get(key)
        if isinstance(value, str):
            out[key] = strip_invisible(value).strip() or None
    return out


def formula_safe(value: Any) -> Any:
    """A table cell a spreadsheet will not run: text starting with = + - @ tab or CR gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell: lists joined with |, dates as YYYY-MM-DD, text formula-safe."""
    if isinstance(value, list | tuple):
        value = "|".join(str(x) for x in value)
    if isinstance(value, date):
        return value.isoformat()
    return formula_safe(value)


def _display_cell(value: Any) -> Any:
    return formula_safe(strip_invisible(value)) if isinstance(value, str) else value


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as shown (and downloaded from the table's toolbar): every text cell without invisible
    characters and formula-safe; other columns as they are. A new frame; the one given is not changed."""
    from pandas.api.types import is_string_dtype  # here: reading reports needs no pandas

    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if column.dtype == object or is_string_dtype(column):
            out[name] = column.map(_display_cell)
    return out
