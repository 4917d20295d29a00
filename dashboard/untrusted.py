"""Rules for untrusted text that hold wherever it goes (reading, display, export): no invisible direction or
joiner characters in metadata, no spreadsheet formula at the start of a table cell, links only as http(s)
URLs rebuilt from their parsed parts (scheme, host, port, path, query, fragment), each re-encoded.

Depends on nothing in the project: read, export and the views all use it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

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


# --- links -----------------------------------------------------------------------------------------------

_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$")
# Characters kept as they are in a path, query or fragment: RFC 3986's unreserved and sub-delimiters, less
# those that markdown or HTML give a meaning to ( ) ' " < > [ ] and space; '%' keeps existing escapes.
_PATH_SAFE = "/%:@!$&*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


def _host(hostname: str) -> str | None:
    try:
        ascii_host = hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if _HOST.match(ascii_host):
        return ascii_host
    if re.fullmatch(r"[0-9a-f:.]+", ascii_host) and ":" in ascii_host:  # IPv6 literal
        return f"[{ascii_host}]"
    return None


def safe_url(url: object) -> str | None:
    """An http(s) URL rebuilt from its re-encoded parts, or None (no javascript:, data:, no host, no text)."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = _host(parts.hostname)
    if host is None:
        return None
    out = f"{parts.scheme.lower()}://{host}" + (f":{port}" if port else "")
    out += quote(parts.path, safe=_PATH_SAFE) or "/"
    if parts.query:
        out += "?" + quote(parts.query, safe=_QUERY_SAFE)
    if parts.fragment:
        out += "#" + quote(parts.fragment, safe=_QUERY_SAFE)
    return out


def url_host(url: object) -> str | None:
    """The host of a safe link ('www.' dropped): a name for a report's outlet when the sidecar has none."""
    safe = safe_url(url)
    if safe is None:
        return None
    host = urlsplit(safe).hostname or ""
    return host.removeprefix("www.") or None
