"""Dates in reports resolved against the published date: 'Monday', 'Wednesday (24th)', '24 December',
'December 24', 'Christmas Eve', 'tomorrow'. Vague spans ('later this week') stay undated; a sentence that
places what it tells in an earlier period ('last month', 'in recent years', a month before the report's,
an anniversary) is recognised as such (`earlier_period`)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from dashboard.extract.lexicon import MONTHS, WEEKDAYS
from dashboard.extract.sentences import SENTENCE_CACHE
from dashboard.pubdate import conflict_day

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


@lru_cache(maxsize=1024)
def _near_year(month: int, day: int, published: date) -> date | None:
    """The date with that month and day closest to the published date."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - published).days)) if options else None


@lru_cache(maxsize=1024)
def _weekday(name: str, day_of_month: int | None, published: date, future: bool, after_today: bool = False) -> date:
    wd = WEEKDAYS.index(name)
    if day_of_month:
        candidates = [published + timedelta(days=k) for k in range(-10, 11)]
        matches = [d for d in candidates if d.day == day_of_month and d.weekday() == wd]
        if matches:
            return min(matches, key=lambda d: abs((d - published).days))
    if future:  # "will meet on Monday" in a report of a Monday is that day; "next Monday" is not
        start = published + timedelta(days=1 if after_today else 0)
        return start + timedelta(days=(wd - start.weekday()) % 7)  # that weekday, on or after start
    return published - timedelta(days=(published.weekday() - wd) % 7)  # on or before the published day


_YEAR = re.compile(r"\d{4}")


def resolve(m: re.Match, published: date | None, future: bool, after_today: bool = False) -> date | None:
    if published is None:  # an explicit day only: with its year, else the year the conflict's chronology fixes
        explicit = m.group("dm") or m.group("md")
        return _explicit(explicit, None) if explicit else None
    if m.group("weekday"):
        wday = int(m.group("wday")) if m.group("wday") else None
        return _weekday(m.group("weekday"), wday, published, future, after_today)
    if m.group("dm") or m.group("md"):
        return _explicit(m.group("dm") or m.group("md"), published)
    if m.group("holiday"):
        return _near_year(*HOLIDAYS[m.group("holiday").lower()], published)
    return published + timedelta(days=RELATIVE[m.group("relative").lower()])


_MONTH_NUMBER = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS.split("|")[:12])}
_PARTS = re.compile(r"(\d{1,4})|([A-Za-z]{3})[a-z]*")


def _explicit(text: str, published: date | None) -> date | None:
    """'24 December', 'Dec. 24th, 2025': the DATE pattern already fixed the form, so its parts are read
    directly (dateutil's parser is an order of magnitude slower)."""
    day = year = month = None
    for number, word in _PARTS.findall(text):
        if number:
            day, year = (int(number), year) if len(number) <= 2 else (day, int(number))
        elif word.lower() in _MONTH_NUMBER:
            month = _MONTH_NUMBER[word.lower()]
    if day is None or month is None:
        return None
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return _near_year(month, day, published) if published else conflict_day(month, day)


# Every date the DATE pattern finds has one of these (case-sensitive, as DATE is): "day" (the weekdays,
# "today", "yesterday", the holidays' "Day"), a month's first three letters (every name and abbreviation
# of MONTHS begins with one), or a holiday or relative word without "day". Plain literals, so `re` jumps
# to them: most sentences (a figure's digits, an attack) have no date and cost one fast scan.
_MONTH_STARTS = sorted({m[:3] for m in MONTHS.split("|")})
_MAYBE_DATE = re.compile("|".join(["day", *_MONTH_STARTS, "Christmas", "New Year", "tonight", "tomorrow"]))
# Where a DATE match can begin (case-sensitive, as DATE is): a capital (a weekday, a month, a holiday), a digit,
# or a relative word. DATE begins with word boundaries, so `re` would try it at every position; tried only here,
# its matches are the same (tests/test_extract_guards.py checks this against DATE.finditer).
_DATE_STARTS = re.compile(r"[A-Z]|\d|today|tonight|yesterday|tomorrow")


def _dates_in(text: str):
    """DATE's matches in a text, as DATE.finditer gives them, tried only where one can begin."""
    pos = 0
    for start in _DATE_STARTS.finditer(text):
        if start.start() < pos:
            continue
        m = DATE.match(text, start.start())
        if m:
            pos = m.end()
            yield m


_NEXT = re.compile(r"\bnext\s+$", re.I)
_LAST = re.compile(r"\b(?:last|past)\s+$", re.I)


def find_dates(text: str, published: date | None, future: bool) -> list[DateMention]:
    """Dates in a text; `future` is the tense weekdays are read in, unless "next" or "last" says."""
    return list(_find_dates(text, published, future))


@lru_cache(maxsize=SENTENCE_CACHE)
def _date_matches(text: str) -> tuple[tuple[re.Match, bool, bool], ...]:
    """The DATE matches of a text, each with whether "next" and whether "last" or "past" stands right before
    it: what find_dates reads in the text alone, once per distinct text whatever the published date."""
    if not _MAYBE_DATE.search(text):
        return ()
    out = []
    for m in _dates_in(text):
        before = text[max(0, m.start() - 6) : m.start()]
        out.append((m, bool(_NEXT.search(before)), bool(_LAST.search(before))))
    return tuple(out)


@lru_cache(maxsize=SENTENCE_CACHE)
def _find_dates(text: str, published: date | None, future: bool) -> tuple[DateMention, ...]:
    """find_dates, once per sentence for all the stages that ask."""
    out = []
    for m, nxt, last in _date_matches(text):
        tense = nxt or (future and not last)
        out.append(DateMention(m.group(0), m.start(), m.end(), resolve(m, published, tense, after_today=nxt)))
    return tuple(out)


# --- earlier periods: what a sentence tells happened before the report's days, with no day of its own ----------

EARLIER_CUES = Path(__file__).resolve().parent.parent / "data" / "earlier_cues.csv"


def _cues() -> list[str]:
    with EARLIER_CUES.open(encoding="utf-8") as f:
        return [row["cue"].strip() for row in csv.DictReader(f) if row["cue"].strip()]


EARLIER = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _cues()) + ")", re.I)
# A month named without a day: "the shelling in December", "since July", "damage from early December", "during the
# December fighting" (the month naming an episode).
MONTH_ONLY = re.compile(
    rf"\b(?:in|during|of|throughout|early|late|mid-?)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?"
    rf"(?P<month>{MONTHS})\b\.?(?!\s*\d)(?!,?\s+(?:19|20)\d\d\b(?!\s*\d))",
    re.I,
)


# "a truce brokered months ago", "the ceasefire agreed in July": the period dates the agreement, not the attack.
_AGREEMENT_BEFORE = re.compile(
    r"\b(?:truce|ceasefire|cease-fire|agreement|accord|deal|declaration)\b(?:\s+[\w-]+){0,3}\s+$", re.I
)


def _of_agreement(text: str, start: int) -> bool:
    return bool(_AGREEMENT_BEFORE.search(text, max(0, start - 50), start))


@lru_cache(maxsize=4096)
def earlier_period(text: str, published: date | None) -> bool:
    """Whether a sentence places what it tells in an earlier period than its report's: a cue of
    earlier_cues.csv, or a month named without a day that is before the report's month — unless the period
    dates an agreement named just before it ("a truce brokered months ago")."""
    if any(not _of_agreement(text, m.start()) for m in EARLIER.finditer(text)):
        return True
    if published is None:
        return False
    for m in MONTH_ONLY.finditer(text):
        month = _MONTH_NUMBER.get(m.group("month")[:3].lower())
        if month is not None and month != published.month and not _of_agreement(text, m.start()):
            return True  # the month named is not the report's own: it lies before it (the nearest such month)
    return False


# The day the fighting began told as background ("since it reignited on 8 December"): a day no event is told on.
ONSET = re.compile(r"\b(?:reignited|resumed|erupted|broke out|began|since|flared)\b(?:\s+\S+){0,4}\s+$", re.I)


@lru_cache(maxsize=4096)
def stated_day(text: str, published: date | None) -> date | None:
    """The day a sentence tells what it tells on: its first date up to the published day that is not the
    fighting's onset told as background (an incident's day, the day a toll stood at)."""
    for d in find_dates(text, published, future=False):
        if (
            d.date
            and (published is None or d.date <= published)
            and not ONSET.search(text[max(0, d.start - 60) : d.start])
        ):
            return d.date
    return None
