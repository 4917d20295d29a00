"""Shareable links: the page URL with the view (province, as-of date, filters) in its query, and the
reading of a link's values back into a view (province names in any spelling the gazetteer knows).

A link is written by anyone: its values are read within limits (MAX_VALUES per setting, MAX_CHARS per value;
the rest is left out, and said), and a notice that repeats one shows it as text (dashboard.ui.safe.link_value).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlencode

from dashboard.episodes import EPISODES
from dashboard.gazetteer import Gazetteer

MAX_VALUES = 20  # values read per setting (a filter lists at most a few dozen provinces or kinds)
MAX_CHARS = 100  # characters per value (the longest province, kind or episode name is under 40)
# The first as-of date a link may ask for: the month the first episode began. No report before it is shown.
FIRST_DAY = EPISODES[0].start.replace(day=1)
DAY_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # the one form a link's date is written in: ISO, YYYY-MM-DD


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


def capped(values: Iterable[str]) -> tuple[list[str], int]:
    """The values of one setting a link gives that are read: the first MAX_VALUES of at most MAX_CHARS
    characters each; and how many are left out."""
    values = list(values)
    kept = [v for v in values if len(v) <= MAX_CHARS][:MAX_VALUES]
    return kept, len(values) - len(kept)


def parse_day(text: str | None) -> date | None:
    """A link's as-of date written YYYY-MM-DD (ISO 8601's extended form: not 20250725, not 2025-W30-1), or
    None when it is not one."""
    text = (text or "").strip()
    if not DAY_FORM.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def read_day(text: str | None, last: date) -> tuple[date | None, str | None]:
    """A link's as-of date if it is one the dashboard shows (FIRST_DAY to `last`, both included); else None
    and what is wrong with it, in words."""
    day = parse_day(text)
    if day is None:
        return None, "is not a date written YYYY-MM-DD"
    if day < FIRST_DAY:
        return None, f"is before the conflict's reports (the first date shown is {FIRST_DAY:%-d %B %Y})"
    if day > last:
        return None, f"is after the last date shown ({last:%-d %B %Y})"
    return day, None
