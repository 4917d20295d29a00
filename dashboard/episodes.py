"""The episodes of the conflict that figures refer to, and how a text or a date points at one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Episode:
    id: str
    label: str
    start: date
    end: date | None  # None: ongoing
    cue: re.Pattern  # words in a sentence that point at it


EPISODES = (
    Episode(
        "may2025",
        "May 2025 clash (Chong Bok)",
        date(2025, 5, 28),
        date(2025, 5, 28),
        re.compile(r"\b(?:in|on|since|of)\s+(?:late\s+)?May\b|\b28 May\b|\bMay 28\b"),
    ),
    Episode("jul2025", "July 2025 clashes", date(2025, 7, 24), date(2025, 7, 28), re.compile(r"\bJuly\b")),
    Episode(
        "dec2025",
        "December 2025 fighting",
        date(2025, 12, 7),
        date(2025, 12, 27),  # the joint statement's ceasefire (dashboard/data/agreements.csv)
        re.compile(r"\bDecember\b|\bthis month\b"),
    ),
)


def episode_during(day: date | None) -> str | None:
    """The episode whose fighting was going on that day; None between episodes (under a ceasefire)."""
    if day is None:
        return None
    return next((ep.id for ep in EPISODES if ep.start <= day and (ep.end is None or day <= ep.end)), None)


def episode_at(day: date | None) -> str | None:
    """The episode going on (or most recently begun) at a date: the one a toll reported then counts."""
    if day is None:
        return None
    current = None
    for ep in EPISODES:
        if day >= ep.start:
            current = ep.id
    return current


# Every cue above needs one of these words (as written: the cues are case-sensitive): a text without any of
# them names no episode, and is not searched with each cue (tests/test_extract_guards.py checks the cues).
CUE_WORDS = ("May", "July", "December", "this month")


# "The worst fighting since July", "killed since July": a month after "since" is where a span or a comparison
# starts, not the episode a figure belongs to (a December report's toll "since July" is no July toll).
SINCE_MONTH = re.compile(r"\bsince\s+(?:late\s+|early\s+|mid-?)?(?:May|July|December)\b(?!\s+\d)")


def episode_named_in(text: str) -> str | None:
    """The episode a sentence names explicitly ('in July', 'on December 8'), if exactly one; a month only named
    as where a span starts ('since July') names none."""
    if not any(word in text for word in CUE_WORDS):
        return None
    if "since" in text:
        text = SINCE_MONTH.sub("", text)
    named = [ep.id for ep in EPISODES if ep.cue.search(text)]
    return named[0] if len(named) == 1 else None


WINDOW_LEAD = timedelta(days=3)


def window_start(episode: str | None, as_of: date) -> date:
    """The first day of the incidents a view lists (timeline, map, downloads): a few days before the chosen
    episode began, else before the first episode's."""
    starts = [ep.start for ep in EPISODES if ep.id == episode] or [EPISODES[0].start]
    return min(starts[0], as_of) - WINDOW_LEAD
