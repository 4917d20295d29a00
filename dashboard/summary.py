"""Words and small rules the views share: how a figure, a side, an episode, an outlet, an incident and a
meeting's status as of a date are said, and the order of provinces. No Streamlit and no store here
(`dashboard.queries` asks the store). Figures are never collapsed into one number.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import date

from dashboard.agreements import agreements
from dashboard.episodes import EPISODES, episode_at
from dashboard.extract.meetings import body_named
from dashboard.gazetteer import Gazetteer
from dashboard.pubdate import BOUND, HOW_WORDS
from dashboard.records import Figure, Incident, Report
from dashboard.untrusted import url_host

METRICS = ("killed", "injured", "displaced")
SIDES = {"TH": "Thailand", "KH": "Cambodia", None: "Side not stated"}
COUNTRY_NAMES = {"TH": "Thailand", "KH": "Cambodia"}
# A figure's qualifier as words before its number ("nearly 18,000", not a sign a reader must decode: "< ~18,000"
# read as "less than about"). The extractor folds the phrases of one meaning into one qualifier
# (dashboard.extract.figures.QUALIFIERS: "over" is more than, "almost" nearly, "some" about).
QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "about": "about ",
    "nearly": "nearly ",
    "up_to": "up to ",
    "vague": "",
}
EPISODE_LABELS = {ep.id: ep.label for ep in EPISODES}
GROUP_WORDS = {"civilian": "civilians", "military": "soldiers", None: "all", "all": "all"}


def episode_label(code: str | None) -> str:
    return EPISODE_LABELS.get(code or "", "episode not stated")


def side_name(code: str | None) -> str:
    """Thailand, Cambodia, "Both sides or not stated" (a figure counting the people of both, or whose side is not
    stated: see queries.common._side_key), else "Side not stated"."""
    return BOTH_OR_NOT_STATED if code == "both" else SIDES.get(code, "Side not stated")


BOTH_OR_NOT_STATED = "Both sides or not stated"  # the headline's column of totals over both sides and sideless ones


def outlet_name(r: Report) -> str:
    """The outlet as the sidecar names it, else the host of the report's link ("unnamed site (203.0.113.5)"
    when the host is only an address)."""
    if r.outlet:
        return r.outlet
    host = url_host(r.url)
    if not host:
        return "outlet not stated"
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host
    return f"unnamed site ({host})"


def display_value(f: Figure) -> str:
    if f.value is None:
        return f.value_text
    return f"{QUALIFIER_WORDS.get(f.qualifier, '')}{f.value:,}"


FIGURE_COLUMNS = [
    "metric",
    "side",
    "country",
    "value",
    "shown",
    "qualifier",
    "group",
    "source",
    "period",
    "episode",
    "outlet",
    "published",
    "dated_by",
    "report_id",
    "report",
    "title",
    "url",
    "quote",
    "sentence",
]


@dataclass(frozen=True)
class Toll:
    """The state of one metric for one side as of a date: the newest figure, and how far the sources that
    speak now (each source's latest figure in the last week) are apart."""

    metric: str
    side: str | None
    latest: Figure
    report: Report
    low: int
    high: int
    sources: int
    indirect: Figure | None = None  # deaths from indirect effects the same report gives for the same side
    peak: tuple[Figure, Report] | None = None  # the displaced: the highest count reported before, when higher


RECENT_DAYS = 7  # a source's figure older than this, compared with the newest, no longer counts as "now"


# The values a figure's words allow, as a share of its number: "at least 40" is 40 or more, "about 20" 16–24.
QUALIFIER_RANGE = {
    "exact": (1.0, 1.0),
    "at_least": (1.0, float("inf")),
    "more_than": (1.0, float("inf")),
    "about": (0.8, 1.2),
    "nearly": (0.8, 1.0),
    "up_to": (0.0, 1.0),
}


def _bounds(qualifier: str, value: int) -> tuple[float, float]:
    low, high = QUALIFIER_RANGE.get(qualifier, (1.0, 1.0))
    return value * low, value * high


def at_odds(metric: str, told: list[tuple[tuple[date, date], str, int | None]]) -> bool:
    """Whether sources' figures of one toll (each its (day it counts to, its report's day), its qualifier, its
    value) disagree: a later count of the killed or injured that cannot reach an earlier one. Figures of the same
    day in reports of the same day are steps of one running total, the higher the later ("nearly 18,000" in the
    morning, "more than 21,000" by evening): reports carry their day, not their hour, so no order of the day
    makes one contradict the other. A running total told higher later is an update — a report of the next day
    giving a higher count for the same day too; the displaced go down as well as up (people return). A figure
    without a number beside one with it, or another, is at odds: they cannot be compared."""
    for day_a, qual_a, value_a in told:
        for day_b, qual_b, value_b in told:
            if day_a > day_b or (qual_a, value_a) == (qual_b, value_b):
                continue
            if value_a is None or value_b is None:
                return True
            if day_a < day_b and metric != "displaced" and _bounds(qual_b, value_b)[1] < _bounds(qual_a, value_a)[0]:
                return True
    return False


def is_upcoming(group, as_of: date) -> bool:
    """After the as-of date, or on it unless a report says it was held."""
    return group.date > as_of or (group.date == as_of and "held" not in group.statuses)


def last_day(group) -> date | None:
    """A meeting's last day: the end of its span of days ("4-7 August"), else its day."""
    return getattr(group, "end", None) or group.date


def split_meetings(groups: list, as_of: date) -> tuple[list, list, list]:
    """(upcoming, past, undated) relative to the as-of date; upcoming soonest first, past latest first."""
    dated = [g for g in groups if g.date]
    upcoming = sorted((g for g in dated if is_upcoming(g, as_of)), key=lambda g: g.date)
    past = sorted((g for g in dated if not is_upcoming(g, as_of)), key=lambda g: g.date, reverse=True)
    undated = [g for g in groups if g.date is None]
    return upcoming, past, undated


def current_plans(undated: list, as_of: date) -> tuple[list, list]:
    """(plans, others) of the meetings with no date: those a report of the last PLAN_GOES_STALE days says are
    scheduled or proposed (a meeting announced without a day is still an upcoming one: "set the agenda for the
    upcoming meetings"), newest first, and the rest (held, put off, or plans with no news since)."""
    plans = [g for g in undated if meeting_status(g, as_of) in ("scheduled", "proposed")]
    return plans, [g for g in undated if g not in plans]


def meeting_status(group, as_of: date) -> str:
    """The meeting's status as known at the as-of date (the group holds only reports known by then): held
    when any report says so; else what the newest report says (postponed, cancelled, scheduled, proposed,
    never held); a planned meeting whose date has passed with no report of it is past, not confirmed — unless the
    curated agreements file has an agreement signed on one of its days. A meeting held over a span of days is under
    way until its last day."""
    held = "held" in group.statuses
    if held:
        end = last_day(group)
        if end is not None and group.date <= as_of < end:
            return "under way"
        if getattr(group, "held_through", True):
            return "held"
        # a span whose first days were held, its last day not told: the agreements file may say, else it began
        if signed_on(group.date, end):
            return HELD_PER_FILE
        return f"began {group.date:%-d %b}, end not confirmed"
    newest = getattr(group, "newest_status", None) or (group.statuses[-1] if group.statuses else "scheduled")
    told = getattr(group, "last_told", None)
    if group.date is None and told is not None and (as_of - told).days > PLAN_GOES_STALE and newest != "held":
        return f"{newest}, no news since {told:%-d %b %Y}"  # a plan with no date, months old, is no upcoming one
    if newest in ("postponed", "cancelled"):
        return newest
    planned = "scheduled" if newest == "scheduled" else "proposed"
    if group.date is None or last_day(group) >= as_of:
        return planned
    if signed_on(group.date, last_day(group)):
        return HELD_PER_FILE  # signed that day, says the curated agreements file (each row with its source)
    return "past, not confirmed"


HELD_PER_FILE = "held (agreements file)"


def signed_on(first: date | None, last: date | None = None) -> list:
    """The ceasefires and agreements the curated agreements file has signed on a day, or on one of the days from
    `first` to `last` (a meeting held over a span), each with its source."""
    if first is None:
        return []
    return [a for a in agreements() if first <= a.date <= (last or first) and a.kind in ("ceasefire", "agreement")]


def one_fact(rows) -> list[tuple]:
    """The agreements file's rows grouped by the fact they tell: rows of one day, kind and source are one fact (a
    meeting that carries out provisions of two instruments is a row under each); in date order."""
    facts: dict[tuple, list] = {}
    for a in rows:
        facts.setdefault((a.date, a.kind, a.source_url), []).append(a)
    return [tuple(group) for group in facts.values()]


def meeting_of_row(a, groups: list):
    """The reports' meeting a curated row tells of, if one: a row telling a meeting took place (an implementation
    step whose title names a body) whose day is one of the days of a dated meeting of that body family."""
    family = body_named(a.title)[1] if a.kind == "implementation" else None
    if family is None:
        return None
    return next(
        (
            g
            for g in groups
            if g.date is not None and g.date <= a.date <= (last_day(g) or g.date) and family in {f for _, f in g.keys}
        ),
        None,
    )


PLAN_GOES_STALE = 30  # days after its newest report an undated plan stops counting as upcoming


@dataclass(frozen=True)
class OnsetClaim:
    """A date reports give for the start of the fighting, and how many reports give it."""

    date: date
    reports: int


def current_episode(as_of: date) -> str | None:
    return episode_at(as_of)


def province_order(gaz: Gazetteer) -> list[str]:
    """Province codes for a list: those on the border first, along it from the Laos tripoint (a distance of
    0 km is on the line, not unknown), then the rest by name."""
    on_border = [p for p in gaz.provinces.values() if p.border_distance_km is not None and p.border_distance_km <= 2]
    border = sorted(on_border, key=lambda p: (p.border_km if p.border_km is not None else 1e9, p.name))
    rest = sorted((p for p in gaz.provinces.values() if p not in on_border), key=lambda p: p.name)
    return [p.id for p in border + rest]


def incident_words(i: Incident) -> str:
    """Who says what of an incident, in words: 'Thailand accuses Cambodia; Cambodia denies'."""
    parts = []
    if i.reported_by and i.accused:
        parts.append(f"{COUNTRY_NAMES[i.reported_by]} accuses {COUNTRY_NAMES[i.accused]}")
    elif i.accused:
        parts.append(f"{COUNTRY_NAMES[i.accused]} is accused")
    elif i.reported_by:
        parts.append(f"reported by {COUNTRY_NAMES[i.reported_by]}")
    else:
        parts.append("source not identified")
    if i.denied_by:
        parts.append(f"{COUNTRY_NAMES[i.denied_by]} denies")
    return "; ".join(parts)


def dated_how(r: Report) -> str:
    """How the report's date was found, as said beside it ("from the URL"); "" for its own metadata."""
    if r.published is None:
        return HOW_WORDS["ingested"]
    return HOW_WORDS.get(r.dated_by or "metadata", "")


def day_of(r: Report, form: str = "%-d %b %Y") -> str:
    """A dated report's day as a citation gives it: "10 Dec 2025"; "by 21 Oct 2025" when the day is a bound (the
    latest it can have been written: pubdate "bound")."""
    return ("by " if r.dated_by == BOUND else "") + format(r.counts_from, form)


def report_day(r: Report) -> str:
    """A report's date as cited: "10 Dec 2025", "10 Dec 2025, from the URL", "written by 21 Oct 2025, from its
    text" (a bound), or that it has none."""
    if r.published and r.dated_by == BOUND:
        return f"written {day_of(r)}, from its text (its own day is not known)"
    if r.published:
        how = dated_how(r)
        return f"{r.published:%-d %b %Y}" + (f", {how}" if how else "")
    if r.ingested:
        return f"undated (counted from the day it was stored, {r.ingested:%-d %b %Y})"
    return "undated"


def incident_when(i: Incident, r: Report) -> str:
    """When an incident happened as its telling says: its day, only the day it was reported, or an earlier
    period (a retrospective: no new event)."""
    if i.date:
        return f"{i.date:%-d %b %Y}"
    if i.timing == "earlier":
        return "an earlier period (told in retrospect)"
    if r.published:
        return f"reported {day_of(r)} (no date given)"
    return "no date given, undated report"


def event_days(e) -> str:
    """An event's days (a dashboard.reconcile.IncidentEvent): "24 Jul 2025", "24 – 25 Jul", or, when no report
    gives its day, "reported 5 Jan 2026" (the day it was first reported, not the day it happened)."""
    if not e.stated:
        by = "by " if all(t.report.dated_by == BOUND for t in e.tellings if t.day == e.day) and e.tellings else ""
        return f"reported {by}{e.day:%-d %b %Y} (no date given)"
    return f"{e.day:%-d %b %Y}" + (f" – {e.last_day:%-d %b}" if e.last_day != e.day else "")
