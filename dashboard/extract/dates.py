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

from dashboard.extract.lexicon import MONTHS, WEEKDAYS, initials, starting_with
from dashboard.extract.sentences import SENTENCE_CACHE
from dashboard.pubdate import conflict_day

HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
}
RELATIVE = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}
# A relative day word opens a sentence capitalised ("Yesterday morning, a patrol ...", "ARMY: Last night ...");
# after a word and a space a capitalised one is a name's ("USA Today"), not a day. "Last night" is read only where
# it opens the sentence, framing its main clause: inside one it often dates a clause of its own ("the commanders
# met, as agreed in Putrajaya last night"), which the meeting and incident readers would take for the sentence's day.
_OPENS = r"(?<![A-Za-z]\s)"

# A weekday in apposition to a date ("Saturday, Dec. 13", "Sunday 7 December") names that date: one mention, dated
# by its date (the weekday alone would be read as the nearest such weekday to the report's day).
_APPOSED_WEEKDAY = rf"(?:\b(?:{'|'.join(WEEKDAYS)}),?\s+(?:the\s+)?)?"
DATE = re.compile(
    rf"(?P<dm>{_APPOSED_WEEKDAY}\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b\.?(?:,?\s+\d{{4}})?)"
    rf"|(?P<md>{_APPOSED_WEEKDAY}\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?)"
    rf"|(?P<weekday>\b(?:{'|'.join(WEEKDAYS)})\b)(?:\s*\((?:(?:{MONTHS})\.?\s+)?(?P<wday>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s+(?:{MONTHS}))?\))?"
    rf"|(?P<holiday>\b(?:Christmas Eve|Christmas Day|New Year's Eve|New Year's Day)\b)"
    rf"|(?P<relative>\b(?:today|tonight|yesterday|tomorrow)\b"
    rf"|{_OPENS}\b(?:Today|Tonight|Yesterday|Tomorrow|Last night)\b)",
)


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    date: date | None


# Read in the past tense, a day with no year that would fall more than this long after the report is last
# year's ("the soldiers it had held since July 29", in February): a report tells what happened, and a day that
# far ahead would be a plan, which the future tense marks.
PAST_TENSE_AHEAD_DAYS = 60


@lru_cache(maxsize=1024)
def _near_year(month: int, day: int, published: date, future: bool = True) -> date | None:
    """The date with that month and day closest to the published date; read in the past tense, not one far
    after it (PAST_TENSE_AHEAD_DAYS)."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not future:
        options = [d for d in options if (d - published).days <= PAST_TENSE_AHEAD_DAYS] or options
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
        return _explicit(m.group("dm") or m.group("md"), published, future)
    if m.group("holiday"):
        return _near_year(*HOLIDAYS[m.group("holiday").lower()], published, future)
    return published + timedelta(days=RELATIVE[m.group("relative").lower()])


MONTH_NUMBER = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS.split("|")[:12])}
_MONTH_NUMBER = MONTH_NUMBER
_PARTS = re.compile(r"(\d{1,4})|([A-Za-z]{3})[a-z]*")


def _explicit(text: str, published: date | None, future: bool = True) -> date | None:
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
    return _near_year(month, day, published, future) if published else conflict_day(month, day)


# Every date the DATE pattern finds has one of these (case-sensitive, as DATE is): "day" (the weekdays,
# "today", "yesterday", the holidays' "Day"), a month's first three letters (every name and abbreviation
# of MONTHS begins with one), or a holiday or relative word without "day" (from its second letter: either case
# opens it). Plain literals, so `re` jumps to them: most sentences (a figure's digits, an attack) have no date and
# cost one fast scan.
_MONTH_STARTS = sorted({m[:3] for m in MONTHS.split("|")})
_MAYBE_DATE = re.compile("|".join(["day", *_MONTH_STARTS, "Christmas", "New Year", "onight", "omorrow", "Last night"]))
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
    """Dates in a text; `future` is the tense weekdays are read in, unless "next" or "last" says. (A text with no
    date is known as such once per text, whatever the report's date.)"""
    return list(_find_dates(text, published, future)) if _date_matches(text) else []


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


_EARLIER_CUES = "|".join(re.escape(c) for c in _cues())
# (with the letters a cue begins with in front: lexicon.starting_with)
EARLIER = re.compile(starting_with(initials(_EARLIER_CUES), rf"\b(?:{_EARLIER_CUES})"), re.I)
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


def earlier_period(text: str, published: date | None) -> bool:
    """Whether a sentence places what it tells in an earlier period than its report's: a cue of
    earlier_cues.csv, or a month named without a day that is before the report's month — unless the period
    dates an agreement named just before it ("a truce brokered months ago")."""
    cue, months = _earlier_words(text)
    if cue:
        return True
    if published is None:
        return False
    # a month named that is not the report's own lies before it (the nearest such month)
    return any(month != published.month for month in months)


@lru_cache(maxsize=SENTENCE_CACHE)
def _earlier_words(text: str) -> tuple[bool, tuple[int, ...]]:
    """What earlier_period reads in the text alone, once per text whatever the report's date: whether it has a cue
    of an earlier period, and (if not) the months it names without a day, neither dating an agreement."""
    if any(not _of_agreement(text, m.start()) for m in EARLIER.finditer(text)):
        return True, ()
    months = []
    for m in MONTH_ONLY.finditer(text):
        month = _MONTH_NUMBER.get(m.group("month")[:3].lower())
        if month is not None and not _of_agreement(text, m.start()):
            months.append(month)
    return False, tuple(months)


# The day the fighting began told as background ("since it reignited on 8 December"): a day no event is told on.
ONSET = re.compile(r"\b(?:reignited|resumed|erupted|broke out|began|since|flared)\b(?:\s+\S+){0,4}\s+$", re.I)


def stated_day(text: str, published: date | None) -> date | None:
    """The day a sentence tells what it tells on: its first date up to the published day that is not the
    fighting's onset told as background (an incident's day, the day a toll stood at). Asked of every sentence of
    a report: a text with no date is answered from what is known of the text alone."""
    return _stated_day(text, published) if _date_matches(text) else None


@lru_cache(maxsize=4096)
def _stated_day(text: str, published: date | None) -> date | None:
    """(A span of days, "between Dec. 8 and Dec. 27", tells what stood at its last day: a count over it.)"""
    dates = find_dates(text, published, future=False)
    for d, after in zip(dates, [*dates[1:], None], strict=True):
        if (
            d.date
            and (published is None or d.date <= published)
            and not ONSET.search(text[max(0, d.start - 60) : d.start])
        ):
            if after is not None and after.date and d.date < after.date and _joined(text, d, after):
                end = after.date
            else:
                more = RANGE_AFTER.match(text[d.end : d.end + 20]) if d.text[:1].isalpha() else None
                end = range_end(text[d.start : d.end + more.end()], d.date) if more else None
            return end if end and (published is None or end <= published) else d.date
    return None


# --- ranges: "4-7 August", "August 4-7", "from Oct 26 to 28", "26 October to 2 November" --------------------

_DASH = r"\s*(?:-|–|—|to|through|until|till)\s*"
# After a date with its month first ("August 4"): "-7", " to 28", " to Nov 2".
RANGE_AFTER = re.compile(rf"^{_DASH}(?:(?:{MONTHS})\.?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:{MONTHS}))")
# Before a date with its day first ("7 August"): "4-", "from 4 to ", "between 4 and ".
# "between August 4 and 7": "and" joins two days only after "between".
RANGE_AND = re.compile(rf"^\s+and\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:{MONTHS}))")
BETWEEN = re.compile(r"\bbetween\s+$", re.I)
RANGE_BEFORE = re.compile(
    rf"\b(?:between\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+and\s+|(?P<first>\d{{1,2}})(?:st|nd|rd|th)?{_DASH})$", re.I
)
# Two full dates joined: "26 October to 2 November", "from December 24 through December 26".
RANGE_JOIN = re.compile(rf"^{_DASH}$")
_AND = re.compile(r"^\s+and\s+$")  # "between Dec. 8 and Dec. 27"
# A span told by the verbs of its first and last days in one clause: "began on 24 December and will continue
# through 26 December", "opened on 4 August and closed on 7 August". The first day follows a verb of starting; the
# words between the days are "and", a few words (no other date, no clause break) and a verb of going on or ending.
SPAN_START = re.compile(r"\b(?:beg[iau]ns?|start(?:s|ed)?|open(?:s|ed)?)\s+(?:on\s+)?$", re.I)
SPAN_GO_ON = re.compile(
    r"^,?\s+and\s+(?:[\w'’]+\s+){0,4}?(?:continu(?:e|es|ed|ing)|run|runs|running|ran|last(?:s|ed|ing)?"
    r"|end(?:s|ed|ing)?|clos(?:e|es|ed|ing)|conclud(?:e|es|ed|ing))\s+(?:(?:on|through|until|till|to)\s+)?$",
    re.I,
)
RANGE_DAYS = 14  # a span longer than this is no one meeting's days
_RANGE_PARTS = re.compile(rf"(?<!\d)(\d{{1,2}})(?!\d)|\b({MONTHS})\b")


def range_end(text: str | None, start: date | None) -> date | None:
    """The last day of a span of days written as `text` ("August 4-7", "4-7 August", "Oct 26 to Nov 2") whose first
    day is `start`; None when the text names one day (or no span of up to RANGE_DAYS). The end's month is the one
    written nearest its day, else the start's; a span over the year's end ends in the next year."""
    if not text or start is None:
        return None
    parts = _RANGE_PARTS.findall(text)
    days = [i for i, (day, _) in enumerate(parts) if day]
    if len(days) < 2:
        return None
    last = days[-1]
    months = [(abs(i - last) - (0.5 if i > last else 0), name) for i, (_, name) in enumerate(parts) if name]
    month = _MONTH_NUMBER[min(months)[1][:3].lower()] if months else start.month
    for year in (start.year, start.year + 1):
        try:
            end = date(year, month, int(parts[last][0]))
        except ValueError:
            return None
        if end > start:
            return end if (end - start).days <= RANGE_DAYS else None
    return None


def _joined(text: str, first: DateMention, last: DateMention) -> bool:
    """Whether two dates of a text are the first and last days of one span: joined by a dash or "to" ("26 October
    to 2 November"), or told by the verbs of starting and going on ("began on 24 December and will continue through
    26 December")."""
    gap = text[first.end : last.start]
    if RANGE_JOIN.match(gap) or (_AND.match(gap) and BETWEEN.search(text[max(0, first.start - 10) : first.start])):
        return True
    return bool(SPAN_GO_ON.match(gap) and SPAN_START.search(text[max(0, first.start - 20) : first.start]))


def with_ranges(text: str, dates: list[DateMention]) -> list[DateMention]:
    """The dates of a text with each span of days as one mention, dated by its first day and written as the whole
    span ("4-7 August" is 4 August, its text "4-7 August"; range_end reads its last day)."""
    out: list[DateMention] = []
    skip = set()
    for i, d in enumerate(dates):
        if i in skip:
            continue
        if d.date is None:
            out.append(d)
            continue
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        if nxt is not None and nxt.date is not None and _joined(text, d, nxt):
            span = DateMention(text[d.start : nxt.end], d.start, nxt.end, d.date)
            if range_end(span.text, d.date) == nxt.date:
                out.append(span)
                skip.add(i + 1)
                continue
        after = RANGE_AFTER.match(text[d.end : d.end + 20])
        if after is None and BETWEEN.search(text[max(0, d.start - 10) : d.start]):
            after = RANGE_AND.match(text[d.end : d.end + 20])
        if after and d.text[:1].isalpha():
            span = DateMention(text[d.start : d.end + after.end()], d.start, d.end + after.end(), d.date)
            if range_end(span.text, d.date):
                out.append(span)
                continue
        before = RANGE_BEFORE.search(text[max(0, d.start - 20) : d.start])
        if before and d.text[:1].isdigit():
            try:
                group = "day" if before.group("day") else "first"
                first = d.date.replace(day=int(before.group(group)))
            except ValueError:
                first = None
            begin = d.start - (len(text[max(0, d.start - 20) : d.start]) - before.start(group))
            if first is not None and first < d.date and (d.date - first).days <= RANGE_DAYS:
                out.append(DateMention(text[begin : d.end], begin, d.end, first))
                continue
        out.append(d)
    return out
