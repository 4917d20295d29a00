"""Shareable links: the page URL with the view (province, as-of date, filters) in its query, and the
reading of a link's values back into a view (province names in any spelling the gazetteer knows)."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from dashboard.gazetteer import Gazetteer


def share_url(page_url: str, view: dict[str, str | list[str] | None]) -> str:
    """The page's URL with the view in its query (lists as repeated keys); None values are left out."""
    pairs = [(k, x) for k, v in view.items() if v for x in (v if isinstance(v, list) else [v])]
    base = page_url.split("?", 1)[0]
    return f"{base}?{urlencode(pairs)}" if pairs else base


def resolve_province(gaz: Gazetteer, text: str) -> str | None:
    """The province code a link's value names: a code ('TH-33'), or a name in any case, spacing or
    spelling the gazetteer knows ('Si Sa Ket', 'sisaket', 'Srisaket'); None when it names none."""
    text = (text or "").strip()
    if not text:
        return None
    if text.upper() in gaz.provinces:
        return text.upper()
    for fuzzy in (False, True):
        found = [p for p in gaz.resolve(text, fuzzy=fuzzy) if p.kind == "province"]
        if found:
            return found[0].id
    return None


def parse_day(text: str | None) -> date | None:
    """A link's as-of date (YYYY-MM-DD), or None when it is not one."""
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None
