"""The conflict's turning points as a reader uses them to date a report: one it tells as done was written on
or after its day (the days are `data/agreements.csv`'s, the words a report tells them by
`data/chronology_cues.csv`'s), one that tells a ceasefire as hours old was written the day it began, and one that
tells a ceasefire's age in days ("is now 38 days old") that many days after."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from dashboard.agreements import agreements

CHRONOLOGY_CUES_CSV = Path(__file__).resolve().parent / "data" / "chronology_cues.csv"
# A sentence that does not tell the turning point as done: negated, ahead, hoped for or conditional.
NOT_DONE = re.compile(
    r"\b(?:not|never|yet to|no longer|refus\w*|delay\w*|postpon\w*|halt\w*|plann\w*|will|would|could|should|may"
    r"|to be|hopes?|hoped|expect\w*|if|unless|once|until|whether)\b|n't\b",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@cache
def turning_points() -> tuple[tuple[date, re.Pattern], ...]:
    """Each turning point's day (agreements.csv) with the words a report tells it by (chronology_cues.csv)."""
    days = {a.id: a.date for a in agreements()}
    with open(CHRONOLOGY_CUES_CSV, encoding="utf-8", newline="") as f:
        return tuple((days[r["id"]], re.compile(r["cue"], re.I)) for r in csv.DictReader(f))


def turning_point_told(text: str) -> date | None:
    """The latest turning point of the conflict a sentence of the text tells as done, or None."""
    told = None
    for sentence in _SENTENCE_END.split(text):
        for day, cue in turning_points():
            m = cue.search(sentence)
            if m and not NOT_DONE.search(sentence):  # the cue's own words too: "the 18 soldiers will be returned"
                told = max(told or day, day)
    return told


# A ceasefire told as hours or a day old: the report was written the day it began.
JUST_BEGUN = re.compile(
    r"\b(?:cease-?fire|truce)\b[^.]{0,80}?\b(?:(?:just |only |a few |several |\d+ )?hours (?:earlier|before|ago|old"
    r"|after)|the day before|a day earlier)\b"
    r"|\b(?:hours|a day) (?:after|into) (?:the|a) (?:\w+ )?(?:cease-?fire|truce)\b"
    r"|\bfirst (?:day|hours|night) of (?:the|a) (?:\w+ )?(?:cease-?fire|truce)\b",
    re.I,
)
# The hour a ceasefire took effect (agreements.csv `time`), as a report names it.
HOUR_WORDS = {"24:00": re.compile(r"\bmidnight\b", re.I), "12:00": re.compile(r"\bnoon\b|\bmidday\b", re.I)}


def ceasefire_just_begun(text: str, weekdays: set[int]) -> date | None:
    """The day a report that tells a ceasefire as hours old was written: the day the ceasefire began (the day
    after, for one from midnight), when the hour it names ("midnight", "noon") and the weekday it names, if
    any (`weekdays`, Monday 0), fit one ceasefire of the chronology and no other."""
    if not JUST_BEGUN.search(text):
        return None
    fits = []
    for a in agreements():
        if a.kind != "ceasefire" or a.time not in HOUR_WORDS or not HOUR_WORDS[a.time].search(text):
            continue
        if weekdays and a.date.weekday() not in weekdays:
            continue
        fits.append(a.date + timedelta(days=1) if a.time == "24:00" else a.date)
    return fits[0] if len(fits) == 1 else None


# A ceasefire's age told in the present tense, the day the report speaks: "the ceasefire … is now 38 days old", "the
# truce, now in its 38th day", "the truce has held for 38 days", "it has been 38 days since the ceasefire took
# effect". Told in the past ("when the truce was ten days old", "ten days into the truce, a mine exploded") it is
# the day of an event, not the report's, and is not read here. Numbers in words are turned to digits first.
_TRUCE = r"\b(?:cease[- ]?fire|truce)\b"
AGE = re.compile(
    rf"{_TRUCE}[^.;]{{0,80}}?\b(?:is|has been) (?:now |just |only |already )*(?P<old>\d+) days? old\b"
    rf"|{_TRUCE}[^.;]{{0,80}}?\bnow in its (?P<nth>\d+)(?:st|nd|rd|th) day\b"
    rf"|{_TRUCE}[^.;]{{0,40}}?\bha(?:s|ve) (?:now |already )*(?:held|lasted|been in (?:force|effect|place))"
    rf"(?: for)? (?P<held>\d+) days\b"
    rf"|\b(?:it has been|it's been|it is now) (?P<since>\d+) days since (?:the |a )?(?:\w+ )?{_TRUCE}",
    re.I,
)


def ceasefire_age_day(text: str, latest: date | None, today: date) -> date | None:
    """The day a report that tells a ceasefire's age in the present ("is now 38 days old") speaks: that many days
    after the day a ceasefire of the chronology began (the day after, for one from midnight; its Nth day is N - 1
    days after), when one ceasefire only fits — still in force that day (no fighting between), not after `today`,
    and not before the latest day the report tells of its own (`latest`: "38 days old" with a date in January is
    the December ceasefire, not July's). `text` has its numbers in digits."""
    ages = set()
    for m in AGE.finditer(text):
        if m["nth"]:
            ages.add(int(m["nth"]) - 1)
        else:
            ages.add(int(m["old"] or m["held"] or m["since"]))
    if len(ages) != 1:
        return None
    age = ages.pop()
    rows = agreements()
    fits = []
    for a in rows:
        if a.kind != "ceasefire":
            continue
        began = a.date + timedelta(days=1) if a.time == "24:00" else a.date
        day = began + timedelta(days=age)
        ended = any(f.kind == "fighting" and a.date < f.date <= day for f in rows)
        if day <= today and not ended and (latest is None or day >= latest):
            fits.append(day)
    return fits[0] if len(fits) == 1 else None
