"""The day a report's layout gives its sentences: a day-by-day piece's day headers ("Saturday, Dec. 13 — A rocket
…", or "13 December" on a line of its own) and a live blog's entry stamps ("07:10 Tue -", "15:10 –", "[09:40]").

An entry's head opens a paragraph: a date (a weekday may stand beside it, or alone), or a time of day with or
without a weekday or a date, then a dash, a colon or a bar — or the head is the whole line. Its day governs the
sentences of its paragraph and of the paragraphs after it, up to the next head or a title line (a short line with
no full stop: "The cost", "What happened next?"). A report has this layout only when at least two paragraphs open
with a head: one date opening a paragraph is a dateline or a sentence's adverbial, not a layout.

The day of a head: its date, read as the report's own dates are (the year nearest the report's); a weekday alone
in a day header is the last such day on or before the report's (an account of days past); a weekday in a time
stamp is the such day nearest the blog's date, before or after it (a live blog's date may be the day it began or
the day it ended); a time of day alone keeps the day of the head before it, else the report's.

The stages read a sentence's day where they read its report's date (`published`): under a dated entry, the
entry's day is the day the sentence speaks from ("yesterday" under "Tuesday, Dec. 16 —" is 15 December), and
what it tells with no day of its own happened that day (`on_entry_day`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from dashboard.extract.dates import find_dates
from dashboard.extract.lexicon import MONTHS, WEEKDAYS
from dashboard.extract.sentences import Sentence
from dashboard.records import Figure, Incident

_WEEKDAY = (
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)"
    r"\b\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# a date, a span of days ("Dec. 24–26", "Wednesday to Friday, Dec. 24–26"), a weekday, with an optional year
_DATE_PART = (
    rf"(?:{_WEEKDAY}\s*(?:(?:to|-|–|and)\s*{_WEEKDAY})?,?\s+)?"
    rf"(?:(?:{MONTHS})\.?\s+{_DAY}(?:\s*[-–]\s*{_DAY})?|{_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?(?:{MONTHS})\b\.?)"
    rf"(?:,?\s+(?:19|20)\d\d)?"
)
_CLOCK = (
    r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?)"
    r"(?:\s*\(?(?:GMT|UTC|ICT|local(?:\s+time)?|hrs?)(?:\s*[+-]\s*\d{1,2})?\)?)?"
)
# A head, then the entry's text after a dash, a colon or a bar; or the head alone on its line.
HEAD = re.compile(
    rf"^\W{{0,2}}(?P<head>{_CLOCK}(?:,?\s+(?:{_DATE_PART}|{_WEEKDAY}))?"
    rf"|(?:{_DATE_PART}|{_WEEKDAY})(?:,?\s+(?:at\s+)?{_CLOCK})?)\]?"
    r"(?:\s*(?:[—–|]|-(?=\s)|:(?=\s))\s*(?=\S)|\s*:?\s*$)",
    re.I,
)
MIN_HEADS = 2  # paragraphs opening with a head before a report counts as laid out in entries
TITLE_CHARS = 60  # a title line is at most this long
_TITLE = re.compile(r"[^.!\"'”’]$")
_SHORT = {name[:3].lower(): i for i, name in enumerate(WEEKDAYS)}
_DIGIT = re.compile(r"\d")
_WEEKDAY_IN = re.compile(_WEEKDAY, re.I)
_CLOCK_IN = re.compile(_CLOCK, re.I)
SMALL_HOURS, EVENING = 6 * 60, 18 * 60  # a stamp before 6 a.m. telling a time after 6 p.m. tells the evening before
STAMP_REACH = 3  # a stamp's weekday is within this many days of its blog's date


def entry_days(sentences: list[Sentence], published: date | None) -> list[date | None]:
    """For each sentence, the day the entry it stands in states (None: no entry, or one whose head and the heads
    before it name no day: a time alone is of its report's day, which the report's date already gives)."""
    heads = {}  # paragraph -> its head's match
    firsts = {}
    for s in sentences:
        if s.paragraph not in firsts:
            firsts[s.paragraph] = s
            if s.text[:1].isalnum() or s.text[:1] == "[":
                m = HEAD.match(s.text)
                if m:
                    heads[s.paragraph] = m
    if len(heads) < MIN_HEADS:
        return [None] * len(sentences)
    day_of: dict[int, tuple[date | None, int | None]] = {}
    day = stamp = None
    for paragraph, first in sorted(firsts.items()):
        if paragraph in heads:
            day = _head_day(heads[paragraph], published, day)  # None: a time alone, before any head named a day
            clock = _CLOCK_IN.search(heads[paragraph].group("head"))
            stamp = _minutes(clock.group(0)) if clock else None
        elif _is_title(first, sentences):
            day = stamp = None
        day_of[paragraph] = (day, stamp)
    out = []
    for s in sentences:
        day, stamp = day_of.get(s.paragraph, (None, None))
        skip = heads[s.paragraph].end("head") if s.paragraph in heads and s is firsts[s.paragraph] else 0
        if day is not None and stamp is not None and _evening_before(s.text, skip, stamp):
            day -= timedelta(days=1)  # "the last shell fell at 23:30", told at 00:20: the day before the stamp's
        out.append(day)
    return out


def _minutes(clock: str) -> int | None:
    """A time of day in minutes after midnight ("23:30", "7.10", "5pm", "11.30 a.m.")."""
    parts = re.findall(r"\d+", clock)
    hours, minutes = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    low = clock.lower().replace(".", "")
    if "pm" in low and hours < 12:
        hours += 12
    elif "am" in low and hours == 12:
        hours = 0
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None


def _evening_before(text: str, skip: int, stamp: int) -> bool:
    """Whether a sentence stamped in the small hours names an evening's time of day: that of the evening before."""
    if stamp >= SMALL_HOURS:
        return False
    return any((t := _minutes(m.group(0))) is not None and t >= EVENING for m in _CLOCK_IN.finditer(text, skip))


def _is_title(first: Sentence, sentences: list[Sentence]) -> bool:
    """A short line of one sentence with no full stop: a section's title, which ends the entry before it."""
    text = first.text.strip()
    alone = sum(1 for s in sentences if s.paragraph == first.paragraph) == 1
    return alone and 0 < len(text) <= TITLE_CHARS and bool(_TITLE.search(text))


def _head_day(m: re.Match, published: date | None, before: date | None) -> date | None:
    """The day a head gives (see the module's docstring)."""
    head = m.group("head")
    told = [d.date for d in find_dates(head, published, future=False) if d.date and _DIGIT.search(d.text)]
    if told:
        return told[0]
    wd = _WEEKDAY_IN.search(head)
    if wd is None or published is None:
        return before
    weekday = _SHORT[wd.group(0)[:3].lower()]
    if _CLOCK_IN.search(head):  # a blog's stamp: the such day nearest the blog's date
        days = [published + timedelta(days=k) for k in range(-STAMP_REACH, STAMP_REACH + 1)]
        return min((d for d in days if d.weekday() == weekday), key=lambda d: (abs((d - published).days), d))
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def on_entry_day(records: list, day: date | None) -> list:
    """Records a sentence under a dated entry tells with no day of their own, dated by the entry's day: an incident
    known only to have happened by its report's date (`reported`) happened that day; a figure stood that day."""
    if day is None or not records:
        return records
    out = []
    for r in records:
        if isinstance(r, Incident) and r.date is None and r.timing == "reported":
            r = replace(r, date=day, timing="stated")
        elif isinstance(r, Figure) and r.date is None:
            r = replace(r, date=day)
        out.append(r)
    return out
