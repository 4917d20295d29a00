"""When a report was published, found as a reader would find it, and how it was found.

In order, the first that gives a date wins:

| how        | where                                                                                   |
|------------|-----------------------------------------------------------------------------------------|
| `metadata` | the sidecar's `published`, an HTML page's meta tags (`htmldate`), a feed entry's date     |
| `url`      | a date in the URL's path (`/2025/12/10/`, `/2025/1210/`, `20251210`)                     |
| `dateline` | the text's own stamp at its top: a dateline ("BANGKOK, Dec 27 -"), "date 2025-07-24",    |
|            | "Published: 10 Dec 2025", a date line under the title                                   |
| `text`     | an estimate: the latest date the report states of its own (past) events, never before a   |
|            | turning point of the conflict it tells as done (`data/chronology_cues.csv`)              |
| `bound`    | no date, a bound: the latest day the report can have been written (it looks ahead weeks  |
|            | past its own dates); it was written between its latest own date and then (`written_between`) |
| `ingested` | nothing to go on: the report counts from the day it was stored (set by the store)       |

A date never comes out later than the day the report is read (`today`), nor, for an estimate, earlier than
the events the report tells. A month and day without a year take the year the text itself gives; failing
that, the year the conflict's chronology fixes (the year that puts the day nearest the conflict's episodes,
never before the conflict or after today).

A turning point of the conflict's chronology (`dashboard/data/agreements.csv`) that the report tells as done
("the 18 soldiers have been returned") is a day the report was written on or after; when it is the news the
report opens with and the report states no date of its own, the report is dated by it (on the weekday it
names, within the week). One that states no date but tells a ceasefire as hours old was written the day that
ceasefire began, when the hour it names (midnight, noon) and its weekday fit one ceasefire of the chronology
only; one that tells a ceasefire's age in the present ("is now 38 days old") speaks that many days after the one
ceasefire that fits (`chronology.ceasefire_age_day`). A report that looks ahead to a date weeks after its latest
past one is dated the day before it (on the weekday it names in that week), and one that names a date "last
Tuesday, January 27" the last day of the week after it: never before it was written, at worst late. That is a
bound (`how` "bound", shown "by 21 Oct"), not a date: its relative days ("this weekend", "on Tuesday") are firm
only where every day of `written_between` gives them the same day (dashboard.extract).

Size: one module because the ways of finding the date (the table above) fall back on one another and share the
date patterns and the year rules; split, one reader's reasoning would be spread over several files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

import htmldate
from text_to_num import alpha2digit

from dashboard.chronology import ceasefire_age_day, ceasefire_just_begun, turning_point_told
from dashboard.episodes import EPISODES, episode_at
from dashboard.records import Report

HOW = ("metadata", "url", "dateline", "text", "bound", "ingested")
HOW_WORDS = {  # shown beside a date on every citation
    "metadata": "",
    "url": "from the URL",
    "dateline": "from its dateline",
    "text": "estimated from its text",
    "bound": "the latest it can have been written (from its text)",
    "ingested": "undated: counted from the day it was stored",
}
BOUND = "bound"  # how a date is found that is only the latest day the report can have been written on
HEAD_CHARS = 400  # a stamp or dateline stands before the story: at most this far into the text
CONFLICT_START = EPISODES[0].start - timedelta(days=60)  # no report of this conflict is older


@dataclass(frozen=True)
class Found:
    day: date | None
    how: str | None  # one of HOW, None when nothing was found


NOTHING = Found(None, None)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_MONTH_NUMBER = {name[:3].lower(): i % 12 + 1 for i, name in enumerate(_MONTHS.split("|")[:12])}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = r"(?<![\d,.])(?P<d{n}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y{n}>(?:19|20)\d\d)(?!\d)"
# One explicit date: ISO, "10 Dec 2025", "December 10, 2025", "Dec. 10" (a year is optional in the last two).
DATE = re.compile(
    r"(?<!\d)(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)"
    rf"|{_DAY.format(n=1)}\s+(?:of\s+)?(?P<m1>{_MONTHS})\b\.?(?:,?\s+{_YEAR.format(n=1)})?"
    rf"|\b(?P<m2>{_MONTHS})\b\.?\s+{_DAY.format(n=2)}\b(?:,?\s+{_YEAR.format(n=2)})?",
    re.I,
)
# A dateline: a place in capitals or title case, a comma, a month and day, then an agency or a dash.
DATELINE = re.compile(
    rf"(?:^|\n)\(?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}},\s+(?P<date>(?:{_MONTHS})\.?\s+\d{{1,2}}"
    rf"(?:,?\s+(?:19|20)\d\d)?|\d{{1,2}}\s+(?:{_MONTHS})(?:\s+(?:19|20)\d\d)?)\b\.?\s*(?:\([^)\n]{{1,40}}\))?\s*[-:]",
)
# A labelled stamp: "date 2025-07-24", "Published: 10 Dec 2025", "Updated on December 10, 2025".
STAMP = re.compile(r"\b(?:date[d]?|published|posted|updated|first published)\b(?:\s+on)?\s*:?\s*$", re.I)
# A date the sentence puts in the future is no date of the report's events.
FUTURE = re.compile(
    r"\b(?:will|shall|to be held|to hold|to meet|set to|slated|scheduled|planned|plans?|due|next|upcoming"
    r"|expected)\b"
    r"[^.;]{0,90}$",
    re.I,
)
# A date given as the day the report speaks of ("today (27 December)", "this morning, December 10").
TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\W{0,3}(?:\w+\W{1,3})?$", re.I)
# A date a past weekday stands beside ("held last Tuesday, January 27"): past by its own words, whatever plan the
# sentence told before it, and the report was written in the week after it.
LAST_WEEKDAY = re.compile(r"\blast\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\W{0,3}$", re.I)
LAST_WEEK = timedelta(days=7)  # "last Tuesday": a Tuesday of the seven days before the report's
# The day the fighting began, told as background ("reignited on 8 December", "since December 7").
ONSET = re.compile(
    r"\b(?:reignited|resumed|erupted|broke out|began|begun|started|flared(?: up)?|since)\b(?:\s+\S+){0,3}\s+$", re.I
)
# How long the fighting has gone on: "two weeks of fighting", "the third consecutive day" (after alpha2digit).
SPAN = re.compile(
    r"(?P<n>\d+|an?)\s+(?:full\s+)?(?P<unit>day|week)s?\s+(?:of|into)\s+(?:\w+\s+){0,3}?"
    r"(?:fighting|clash\w*|hostilities|conflict|violence|combat)"
    r"|(?P<nth>\d+)(?:st|nd|rd|th)\s+(?:consecutive\s+|straight\s+)?day\b",
    re.I,
)
# A weekday the report tells its news on ("said on Tuesday"), not one beside a date or ahead ("next Monday").
WEEKDAY = re.compile(
    r"(?<!next )(?<!this )\b(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?![,\s(]+(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)))"
)
_URL_DATE = re.compile(r"(?<!\d)(?P<y>20\d\d)(?:/(?P<m>[01]\d)(?P<d>[0-3]\d)/|(?P<m2>[01]\d)(?P<d2>[0-3]\d))(?!\d)")


def from_html(html: str, url: str | None = None) -> date | None:
    """The publication date an HTML page's metadata states (htmldate, metadata only: no guess from text)."""
    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True, url=url)
    except (ValueError, TypeError):
        return None
    return date.fromisoformat(found) if found else None


def from_url(url: str | None, today: date) -> date | None:
    """A date in the URL's path: `/2025/12/10/` (htmldate, given no page), `/2025/1210/`, `20251210`."""
    if not url:
        return None
    try:
        found = htmldate.find_date("<html><body></body></html>", extensive_search=False, url=url)
    except (ValueError, TypeError):
        found = None
    if found:
        day = date.fromisoformat(found)
        return day if CONFLICT_START <= day <= today else None
    for m in _URL_DATE.finditer(url):
        day = _make(int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
        if day and CONFLICT_START <= day <= today:
            return day
    return None


def from_dateline(text: str, today: date) -> date | None:
    """The text's own stamp at its top: a labelled date, a dateline, or a full date standing alone."""
    head = text[:HEAD_CHARS]
    years = _years(text)
    m = DATELINE.search(head)
    if m:
        found = _dates_in(m.group("date"), years, today)
        if found:
            return found[0]
    for m in DATE.finditer(head):
        day = _resolve(m, years, today, head)
        if day is None:
            continue
        labelled = STAMP.search(head[max(0, m.start() - 30) : m.start()])
        alone = _stands_alone(head, m)
        full_year = bool(m["iso"] or m["y1"] or m["y2"])
        if labelled or (alone and full_year):
            return day
    return None


def estimate(text: str, today: date) -> date | None:
    """When the report speaks: a date it calls today; else the latest date it states of its own (past)
    events, or later when it says how long the fighting has lasted since the day it began ("two weeks of
    fighting" since 8 December; then the weekday it tells its news on, if it names one). For a report that
    looks ahead weeks past its own dates, the latest day it can have been written (a bound: `written_between`)."""
    found = _estimate(text, today)
    return found[0] if found else None


def written_between(text: str, today: date) -> tuple[date, date] | None:
    """The days a report dated by a bound (`how` "bound") can have been written on: from the latest day it
    tells of its own to its bound. None when its estimate is no bound."""
    found = _estimate(text, today)
    return (found[1], found[0]) if found and found[1] is not None else None


def _estimate(text: str, today: date) -> tuple[date, date | None] | None:
    """The estimate, and the earliest day the report can have been written when the estimate is a bound."""
    years = _years(text)
    latest = onset = earliest = upcoming = last_week = None
    for m in DATE.finditer(text):
        before = text[max(0, m.start() - 100) : m.start()]
        day = _resolve(m, years, today, text)
        if day is None:
            continue
        if LAST_WEEKDAY.search(before[-20:]):
            last_week = max(last_week or day, day)
        elif FUTURE.search(before):
            upcoming = min(upcoming or day, day)
            continue
        if TODAY.search(before[-30:]):
            return max(day, _head_days(text, years, today, day)), None
        if onset is None and ONSET.search(before):
            onset = day
        last = _range_end(text, m, day)  # "from August 18 to 20": the 20th is told too
        latest, earliest = max(latest or last, last), min(earliest or day, day)
    aged = ceasefire_age_day(_in_digits(text), latest, today) if AGE_CUE.search(text) else None
    if aged is not None:
        return aged, None  # the ceasefire's age it tells in the present: the day it speaks
    if latest is None or not _bounds_agree(text, earliest, latest):
        # no date of its own to go by: the turning point it opens with, if it tells one as done
        opened = turning_point_told(text[:HEAD_CHARS])
        if opened is not None:
            opened = _on_weekday_told(text, opened)
        opened = opened or ceasefire_just_begun(text, _weekdays_named(text))
        return (min(opened, today), None) if opened and opened <= today else None
    floor = turning_point_told(text)
    day = max(latest, min(_spans_from_dates(text, years, today) or latest, today))
    lasted = _lasted(text)
    began = (onset or _episode_start(latest)) if lasted else None
    if began is not None and began + lasted > latest:
        day = min(_on_weekday_told(text, began + lasted), today)
    if floor is not None and day < floor <= today:
        day = min(_on_weekday_told(text, floor), today)  # written after a turning point it tells as done
    named_last = None
    if last_week is None and latest is not None and (latest.weekday() in _last_weekdays(text)):
        # "Last Thursday, … signed" and its latest date a Thursday: that day, and the report was written in the week
        # after it, not before a weekday it tells as past in that week ("On Saturday, two days after the deal")
        last_week = named_last = latest
    if last_week is not None and day <= last_week + LAST_WEEK:
        # "held last Tuesday, January 27": written in the week after that day, at the latest a week after it —
        # a bound (never early), unless a date it tells or a day it looks ahead to leaves one day only
        day = max(day, last_week + timedelta(days=1))
        if named_last is not None:
            day = min(_on_weekday_told(text, day), named_last + LAST_WEEK)
        bound = min(last_week + LAST_WEEK, today)
        if upcoming is not None and upcoming - day > PLAN_GAP:
            bound = min(bound, _before_weekday_told(text, upcoming))
        return (bound, day) if bound > day else (min(day, today), None)
    if upcoming is not None and upcoming - day > PLAN_GAP:
        # written somewhere between its latest past date and a day it looks ahead to, weeks later: dated at
        # the latest it can have been written, so its news never shows before it was known — a bound, not a date
        bound = min(_before_weekday_told(text, upcoming), today)
        return (bound, day) if bound > day else (day, None)
    return day, None


def _head_days(text: str, years: tuple[int, ...], today: date, day: date) -> date:
    """The latest past day the report's head (its title and first lines) states, if later than `day` (a day one
    entry calls today): the days a live blog covers ("Monday 28 July - Tuesday 29 July") run to its latest entry."""
    head = text[:HEAD_CHARS]
    days = [
        d
        for m in DATE.finditer(head)
        if not FUTURE.search(head[max(0, m.start() - 100) : m.start()]) and (d := _resolve(m, years, today, head))
    ]
    return max([day, *(d for d in days if d - day <= LAST_WEEK)])


AGE_CUE = re.compile(r"\bdays?\b", re.I)  # a ceasefire's age is told in days


def _in_digits(text: str) -> str:
    """The text with its numbers in digits ("thirty-eight days" → "38 days")."""
    return alpha2digit(text.replace("-", " "), "en", threshold=0)


MONTHS_SPAN = re.compile(r"\b(?:(?P<n>\d+)[\s-]+months?|months)\b", re.I)
PLAN_GAP = timedelta(days=7)  # a report that looks ahead further than this from its latest past date is not dated


# The end of a range of days in one month after a "Month D" date: "August 18 to 20", "Dec 8-10".
RANGE_END = re.compile(rf"\s*(?:to|-|–|through|until)\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\d|\s*(?:{_MONTHS}))")


def _range_end(text: str, m: re.Match, day: date) -> date:
    """The last day of a range a "Month D" date opens ("August 18 to 20"), else the day itself."""
    if not m["m2"]:
        return day
    end = RANGE_END.match(text, m.end())
    if end is None or int(end["d"]) <= day.day:
        return day
    return _make(day.year, day.month, int(end["d"])) or day


def _bounds_agree(text: str, earliest: date, latest: date) -> bool:
    """Whether the latest past date can stand for the report's own: not when the report looks ahead to a day
    much later (it was written somewhere between), nor when it says months have passed that its dates do not
    span ("held for five months", its only date the capture): then it was written months after its dates."""
    spelled = alpha2digit(text.replace("-", " "), "en", threshold=0) if "month" in text else ""  # "five-month"
    said = [m["n"] for m in MONTHS_SPAN.finditer(spelled)]
    months = max((int(n) if n else 2 for n in said), default=0)
    if months < 2:
        return True
    return (latest - _month_named_before(text, earliest)).days >= 30 * (months - 1)


# A month named without a day, as a time ("in May", "since early May"): the months a report says passed may lie
# between it and its dates ("clashed on 24 July, after months of tension that began … in May").
MONTH_ALONE = re.compile(rf"\b(?:in|since|from|during|early|late|mid-?)\s+(?P<m>{_MONTHS})\b(?!\.?\s*\d)")


def _month_named_before(text: str, earliest: date) -> date:
    """The first day of the earliest month the text names alone in the year before its earliest date, else that date."""
    firsts = [earliest]
    for m in MONTH_ALONE.finditer(text):
        month = _MONTH_NUMBER[m["m"][:3].lower()]
        firsts.append(date(earliest.year - (month > earliest.month), month, 1))
    return min(firsts)


def _lasted(text: str) -> timedelta | None:
    """The longest span of fighting the report states ("two weeks of clashes": 14 days; "the fifth day": 4)."""
    spans = []
    for m in SPAN.finditer(alpha2digit(text, "en", threshold=0) if SPAN_CUE.search(text) else ""):
        if m["nth"]:
            spans.append(timedelta(days=int(m["nth"]) - 1))
        else:
            n = 1 if m["n"].lower() in ("a", "an") else int(m["n"])
            spans.append(timedelta(days=n * (7 if m["unit"].lower() == "week" else 1)))
    return max(spans, default=None)


SPAN_CUE = re.compile(r"\b(?:days?|weeks?)\b", re.I)
# A stretch of days counted from a date the same sentence gives: "detained on 29 July and held for 155 days",
# "on 8 December ... for 12 days": the report was written at least that many days after the date.
HELD_FOR = re.compile(
    r"\bfor\s+(?:more than\s+|over\s+|nearly\s+|almost\s+|some\s+)?(?P<n>\d+)\s+(?P<unit>day|week)s?\b", re.I
)


# A stretch counted on from a date the same sentence gives after it: "five weeks after the guns fell silent on 27
# December", "ten days since the truce of 29 July" (numbers in digits: `_in_digits`).
AFTER_SPAN = re.compile(r"\b(?P<n>\d+)\s+(?P<unit>day|week)s?\s+(?:after|since)\b", re.I)
AFTER_CUE = re.compile(r"\b(?:days?|weeks?)\s+(?:after|since)\b", re.I)


def _spans_after(text: str, years: tuple[int, ...], today: date) -> date | None:
    """The latest day a sentence reaches by counting a stretch it opens ("five weeks after …") on from the past date
    it gives after it (before the sentence ends)."""
    if not AFTER_CUE.search(text):
        return None
    digits = _in_digits(text)
    reached = None
    for span in AFTER_SPAN.finditer(digits):
        ends = [i for i in (digits.find(". ", span.end()), digits.find("\n", span.end())) if i >= 0]
        m = DATE.search(digits, span.end(), min(ends, default=len(digits)))
        if m is None or FUTURE.search(digits[max(0, m.start() - 100) : m.start()]):
            continue
        day = _resolve(m, years, today, digits)
        if day is not None:
            days = int(span["n"]) * (7 if span["unit"].lower() == "week" else 1)
            reached = max(reached or day, day + timedelta(days=days))
    return reached


def _spans_from_dates(text: str, years: tuple[int, ...], today: date) -> date | None:
    """The latest day a sentence reaches by counting a stretch ("for 155 days") on from a past date it gives, or a
    stretch it opens on to a date after it ("five weeks after … 27 December": `_spans_after`)."""
    reached = _spans_after(text, years, today)
    for held in HELD_FOR.finditer(text):
        start = max(text.rfind(". ", 0, held.start()), text.rfind("\n", 0, held.start())) + 1
        for m in DATE.finditer(text, start, held.start()):
            if FUTURE.search(text[max(0, m.start() - 100) : m.start()]):
                continue
            day = _resolve(m, years, today, text)
            if day is not None:
                days = int(held["n"]) * (7 if held["unit"].lower() == "week" else 1)
                reached = max(reached or day, day + timedelta(days=days))
    return reached


def _episode_start(day: date) -> date | None:
    ep = episode_at(day)
    return next((e.start for e in EPISODES if e.id == ep), None)


def _before_weekday_told(text: str, upcoming: date) -> date:
    """The last day before `upcoming` (within a week) that is a weekday the report names, else the day before."""
    named = {m["wd"].lower() for m in WEEKDAY.finditer(text)}
    days = [upcoming - timedelta(days=k) for k in range(1, 8)]
    return next((d for d in days if _WEEKDAYS[d.weekday()] in named), days[0])


# "last Thursday" with no date beside it
LAST_ALONE = re.compile(
    r"\blast\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![,\s(]+(?:\d|(?:"
    + _MONTHS
    + r")\b))",
    re.I,
)


def _last_weekdays(text: str) -> set[int]:
    return {_WEEKDAYS.index(m["wd"].lower()) for m in LAST_ALONE.finditer(text)}


def _weekdays_named(text: str) -> set[int]:
    return {_WEEKDAYS.index(m["wd"].lower()) for m in WEEKDAY.finditer(text)}


def _on_weekday_told(text: str, earliest: date) -> date:
    """The first day on or after `earliest` (within a week) that is a weekday the report names, else it."""
    named = {m["wd"].lower() for m in WEEKDAY.finditer(text)}
    days = [earliest + timedelta(days=k) for k in range(7)]
    return next((d for d in days if _WEEKDAYS[d.weekday()] in named), earliest)


def find(
    text: str,
    *,
    published: date | None = None,
    url: str | None = None,
    html: str | None = None,
    today: date | None = None,
) -> Found:
    """The report's publication date and how it was found (see the module's table)."""
    today = today or date.today()
    if published is not None:
        return Found(published, "metadata")
    if html:
        day = from_html(html, url)
        if day and day <= today:
            return Found(day, "metadata")
    for how, finder in (("url", from_url), ("dateline", from_dateline)):
        day = finder(url if how == "url" else text, today)
        if day:
            return Found(day, how)
    found = _estimate(text, today)
    if found is None:
        return NOTHING
    return Found(found[0], "text" if found[1] is None else "bound")


def redate(report: Report) -> Report:
    """A stored report dated again by the rules of this version, unless its date is its own (metadata, URL or
    dateline): an estimate, or no date, may have improved since it was stored."""
    if report.published is not None and report.dated_by in ("metadata", "url", "dateline"):
        return report
    found = find(report.text, url=report.url, today=report.ingested)
    if (found.day, found.how) == (report.published, report.dated_by if report.published else None):
        return report
    return replace(report, published=found.day, dated_by=found.how)


# --- the parts ------------------------------------------------------------------------------------------------


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _years(text: str) -> tuple[int, ...]:
    """The years the text names (2025, 2026), newest first."""
    return tuple(sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)}, reverse=True))


def _stands_alone(text: str, m: re.Match) -> bool:
    """A date on a short line of its own, or opening a line (a stamp, not a date inside a sentence)."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    line = text[start : end if end >= 0 else len(text)]
    return len(line) - len(m.group(0)) < 60 or m.start() - start < 3


def _resolve(m: re.Match, years: tuple[int, ...], today: date, text: str) -> date | None:
    """A DATE match as a day: its year, else the year the text or the chronology fixes; never after today."""
    if m["iso"]:
        day = _make(*(int(p) for p in m["iso"].split("-")))
        return day if day and CONFLICT_START <= day <= today else None
    dnum, month, year = (m["d1"], m["m1"], m["y1"]) if m["m1"] else (m["d2"], m["m2"], m["y2"])
    month_no = _MONTH_NUMBER[month[:3].lower()]
    if year:
        day = _make(int(year), month_no, int(dnum))
        return day if day and CONFLICT_START <= day <= today else None
    weekday = _weekday_beside(text, m)
    return _year_for(month_no, int(dnum), years, today, weekday)


def _dates_in(fragment: str, years: tuple[int, ...], today: date) -> list[date]:
    return [d for m in DATE.finditer(fragment) if (d := _resolve(m, years, today, fragment))]


def _weekday_beside(text: str, m: re.Match) -> int | None:
    """A weekday named just before a date ("Wednesday, December 10"), as a number (Monday 0)."""
    before = text[max(0, m.start() - 12) : m.start()].lower()
    return next((i for i, name in enumerate(_WEEKDAYS) if name in before), None)


def conflict_day(month: int, day: int, today: date | None = None) -> date | None:
    """A month and day with no year, in a text that fixes none: the year the conflict's chronology fixes."""
    return _year_for(month, day, (), today or date.today(), None)


def _year_for(month: int, day: int, years: tuple[int, ...], today: date, weekday: int | None) -> date | None:
    """The year of a month and day with none: one the weekday beside it fits, else one the text names,
    else the one nearest the conflict's episodes — within the conflict, never after today."""
    candidates = [
        d
        for y in range(CONFLICT_START.year, today.year + 1)
        if (d := _make(y, month, day)) and CONFLICT_START <= d <= today
    ]
    if weekday is not None:
        candidates = [d for d in candidates if d.weekday() == weekday] or candidates
    named = [d for d in candidates if d.year in years]
    if named:
        return max(named)
    return min(candidates, key=_distance_to_episodes, default=None)


def _distance_to_episodes(day: date) -> int:
    return min(
        0 if ep.start <= day <= (ep.end or day) else min(abs((day - ep.start).days), abs((day - (ep.end or day)).days))
        for ep in EPISODES
    )
