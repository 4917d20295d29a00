"""Shareable links: the page URL with the view (province, as-of date, filters) in its query."""

from __future__ import annotations

from urllib.parse import urlencode


def share_url(page_url: str, view: dict[str, str | list[str] | None]) -> str:
    """The page's URL with the view in its query (lists as repeated keys), as the bound widgets write it.
    Values left at their defaults are None and dropped, as Streamlit drops them from the URL."""
    pairs = [(k, x) for k, v in view.items() if v for x in (v if isinstance(v, list) else [v])]
    base = page_url.split("?", 1)[0]
    return f"{base}?{urlencode(pairs)}" if pairs else base
