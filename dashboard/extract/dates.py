"""Dates in reports resolved against the published date: 'Monday', 'Wednesday (24th)', '24 December',
'December 24', 'Christmas Eve', 'tomorrow'. Vague spans ('later this week') stay undated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta, weekdays

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
}
RELATIVE = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

DATE = re.compile(
    rf"(?P<weekday>\b(?:{'|'.join(WEEKDAYS)})\b)(?:\s*\((?:(?:{MONTHS})\.?\s+)?(?P<wday>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s+(?:{MONTHS}))?\))?"
    rf"|(?P<dm>\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b\.?(?:,?\s+\d{{4}})?)"
    rf"|(?P<md>\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?)"
    rf"|(?P<holiday>\b(?:Christmas Eve|Christmas Day|New Year's Eve|New Year's Day)\b)"
    rf"|(?P<relative>\b(?:today|tonight|yesterday|tomorrow)\b)",
)


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    date: date | None


def _near_year(month: int, day: int, published: date) -> date | None:
    """The date with that month and day closest to the published date."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - published).days)) if options else None


def _weekday(name: str, day_of_month: int | None, published: date, future: bool) -> date:
    wd = weekdays[WEEKDAYS.index(name)]
    if day_of_month:
        candidates = [published + timedelta(days=k) for k in range(-10, 11)]
        matches = [d for d in candidates if d.day == day_of_month and d.weekday() == wd.weekday]
        if matches:
            return min(matches, key=lambda d: abs((d - published).days))
    if future:
        return published + relativedelta(days=1, weekday=wd(+1))
    return published + relativedelta(weekday=wd(-1))


def resolve(m: re.Match, published: date | None, future: bool) -> date | None:
    if published is None:
        explicit = m.group("dm") or m.group("md")
        return _explicit(explicit, None) if explicit and re.search(r"\d{4}", explicit) else None
    if m.group("weekday"):
        wday = int(m.group("wday")) if m.group("wday") else None
        return _weekday(m.group("weekday"), wday, published, future)
    if m.group("dm") or m.group("md"):
        return _explicit(m.group("dm") or m.group("md"), published)
    if m.group("holiday"):
        return _near_year(*HOLIDAYS[m.group("holiday").lower()], published)
    return published + timedelta(days=RELATIVE[m.group("relative").lower()])


def _explicit(text: str, published: date | None) -> date | None:
    try:
        parsed = date_parser.parse(text, default=datetime(2000, 1, 1), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if re.search(r"\d{4}", text):
        return parsed.date()
    return _near_year(parsed.month, parsed.day, published) if published else None


def find_dates(text: str, published: date | None, future: bool) -> list[DateMention]:
    return [DateMention(m.group(0), m.start(), m.end(), resolve(m, published, future)) for m in DATE.finditer(text)]
