"""Queries behind the views: what the reports known at an as-of date say — figures by source, the latest
tolls, meetings and their status then, what reports say of a province.

Plain functions over extraction records; no Streamlit here. Figures are never collapsed into one
number: ranges list every value with its source. `Corpus.as_of(day)` is the point in time every view
stands on: a report counts from its publication date, or from the day it was ingested when it has none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.episodes import EPISODES, episode_at
from dashboard.gazetteer import Gazetteer
from dashboard.merge import MeetingGroup, merge_meetings
from dashboard.records import Extraction, Figure, Incident, Meeting, PlaceMention, Report
from dashboard.safe import url_host

METRICS = ("killed", "injured", "displaced")
SIDES = {"TH": "Thailand", "KH": "Cambodia", None: "Side not stated"}
COUNTRY_NAMES = {"TH": "Thailand", "KH": "Cambodia"}
QUALIFIER_SIGNS = {
    "exact": "",
    "at_least": "≥ ",
    "more_than": "> ",
    "about": "≈ ",
    "nearly": "< ~",
    "up_to": "≤ ",
    "vague": "",
}
EPISODE_LABELS = {ep.id: ep.label for ep in EPISODES}
GROUP_WORDS = {"civilian": "civilians", "military": "soldiers", None: "all", "all": "all"}


def episode_label(code: str | None) -> str:
    return EPISODE_LABELS.get(code or "", "episode not stated")


def side_name(code: str | None) -> str:
    return SIDES.get(code, "Side not stated")


def outlet_name(r: Report) -> str:
    """The outlet as the sidecar names it, else the host of the report's link."""
    return r.outlet or url_host(r.url) or "unknown outlet"


@dataclass
class Corpus:
    extractions: list[Extraction]
    reports: dict[str, Report] = field(init=False)
    meetings: list[MeetingGroup] = field(init=False)

    def __post_init__(self) -> None:
        self.reports = {e.report.id: e.report for e in self.extractions}
        self.meetings = merge_meetings([m for e in self.extractions for m in e.meetings])

    def as_of(self, day: date) -> Corpus:
        """The corpus as it stood at the end of a day: the reports known by then (undated reports count
        from the day they were ingested; a report with neither date is always counted)."""
        return Corpus([e for e in self.extractions if (e.report.counts_from or day) <= day])

    @property
    def places(self) -> list[PlaceMention]:
        return [p for e in self.extractions for p in e.places]

    @property
    def figures(self) -> list[Figure]:
        return [f for e in self.extractions for f in e.figures]

    @property
    def incidents(self) -> list[Incident]:
        return [i for e in self.extractions for i in e.incidents]

    def newest_date(self) -> date | None:
        """The newest day a report counts from: the default as-of date."""
        dates = [r.counts_from for r in self.reports.values() if r.counts_from]
        return max(dates) if dates else None

    def undated(self) -> list[Report]:
        """Reports without a publication date (they count from the day they were ingested)."""
        return [r for r in self.reports.values() if r.published is None]

    def when(self, report_id: str) -> date:
        """The day a record's report counts from, for newest-first ordering (unknown: oldest)."""
        return self.reports[report_id].counts_from or date.min


def display_value(f: Figure) -> str:
    if f.value is None:
        return f.value_text
    return f"{QUALIFIER_SIGNS.get(f.qualifier, '')}{f.value:,}"


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
    "report_id",
    "report",
    "title",
    "url",
    "quote",
    "sentence",
]


def figures_frame(corpus: Corpus, episode: str | None = None) -> pd.DataFrame:
    """One row per figure, newest report first, with the report it comes from. Text columns hold str, never
    NaN (the one place records become a frame); `episode` keeps one episode's figures."""
    rows = []
    for f in corpus.figures:
        if episode and f.period != episode:
            continue
        r = corpus.reports[f.evidence.report_id]
        rows.append(
            {
                "metric": f.metric,
                "side": side_name(f.country),
                "country": f.country or "",
                "value": f.value,
                "shown": display_value(f),
                "qualifier": f.qualifier.replace("_", " "),
                "group": GROUP_WORDS.get(f.group, f.group or "all"),
                "source": f.source or "not stated",
                "period": f.period or "",
                "episode": episode_label(f.period),
                "outlet": outlet_name(r),
                "published": r.counts_from,
                "report_id": r.id,
                "report": r.label,
                "title": r.title or "",
                "url": r.url or "",
                "quote": f.evidence.quote,
                "sentence": f.evidence.sentence,
            }
        )
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    frame["value"] = frame["value"].astype("Int64")
    return frame.sort_values("published", ascending=False, kind="stable", na_position="last", ignore_index=True)


def figure_ranges(frame: pd.DataFrame) -> pd.DataFrame:
    """Per metric and side: how many reports give a number, the lowest and highest, and whether they differ."""
    numeric = frame.dropna(subset=["value"])
    rows = []
    for (metric, side), g in numeric.groupby(["metric", "side"], sort=False):
        rows.append(
            {
                "metric": metric,
                "side": side,
                "reports": g["report_id"].nunique(),
                "low": int(g["value"].min()),
                "high": int(g["value"].max()),
                "disagree": g["value"].nunique() > 1,
            }
        )
    out = pd.DataFrame(rows, columns=["metric", "side", "reports", "low", "high", "disagree"])
    order = {m: i for i, m in enumerate(METRICS)}
    return out.sort_values(
        ["metric", "side"], key=lambda s: s.map(order) if s.name == "metric" else s, ignore_index=True
    )


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


RECENT_DAYS = 7  # a source's figure older than this, compared with the newest, no longer counts as "now"


def latest_tolls(corpus: Corpus, episode: str | None) -> list[Toll]:
    """Per metric and side (Thailand, Cambodia, not stated) in an episode: the newest numeric figure (latest
    report, then the larger count), and the range over each outlet's own latest figure of the last week."""
    by_key: dict[tuple[str, str | None], list[Figure]] = {}
    for f in corpus.figures:
        if f.value is not None and f.period == episode and f.metric in METRICS:
            by_key.setdefault((f.metric, f.country), []).append(f)
    out = []
    for (metric, side), figures in by_key.items():
        ranked = sorted(figures, key=lambda f: (corpus.when(f.evidence.report_id), f.value), reverse=True)
        latest = ranked[0]
        newest_day = corpus.when(latest.evidence.report_id)
        per_source: dict[str, Figure] = {}
        for f in ranked:
            if (newest_day - corpus.when(f.evidence.report_id)).days <= RECENT_DAYS:
                report = corpus.reports[f.evidence.report_id]
                per_source.setdefault(report.outlet or url_host(report.url) or report.id, f)
        values = [f.value for f in per_source.values()]
        report = corpus.reports[latest.evidence.report_id]
        out.append(Toll(metric, side, latest, report, min(values), max(values), len(per_source)))
    side_order = {"TH": 0, "KH": 1, None: 2}
    return sorted(out, key=lambda t: (METRICS.index(t.metric), side_order[t.side]))


def is_upcoming(group: MeetingGroup, as_of: date) -> bool:
    """After the as-of date, or on it unless a report says it was held."""
    return group.date > as_of or (group.date == as_of and "held" not in group.statuses)


def split_meetings(groups: list[MeetingGroup], as_of: date) -> tuple[list, list, list]:
    """(upcoming, past, undated) relative to the as-of date; upcoming soonest first, past latest first."""
    dated = [g for g in groups if g.date]
    upcoming = sorted((g for g in dated if is_upcoming(g, as_of)), key=lambda g: g.date)
    past = sorted((g for g in dated if not is_upcoming(g, as_of)), key=lambda g: g.date, reverse=True)
    undated = [g for g in groups if g.date is None]
    return upcoming, past, undated


def meeting_status(group: MeetingGroup, as_of: date) -> str:
    """The meeting's status as known at the as-of date (the group holds only reports known by then):
    held when a report says so; planned while its date is ahead; past, not confirmed once it has passed."""
    if "held" in group.statuses:
        return "held"
    planned = "scheduled" if "scheduled" in group.statuses else "proposed"
    if group.date is None or group.date >= as_of:
        return planned
    return "past, not confirmed"


@dataclass(frozen=True)
class OnsetClaim:
    date: date
    report_ids: tuple[str, ...]
    quotes: tuple[str, ...]


def onset_claims(corpus: Corpus, episode: str | None = None) -> list[OnsetClaim]:
    """Each date reports give for the start of the fighting, with the reports that give it; with an
    episode, only dates within a few days of its start (the July clashes are not the December onset)."""
    start = next((ep.start for ep in EPISODES if ep.id == episode), None)
    by_date: dict[date, list] = {}
    for e in corpus.extractions:
        for o in e.onsets:
            if start is None or abs((o.date - start).days) <= 3:
                by_date.setdefault(o.date, []).append(o)
    return [
        OnsetClaim(
            d,
            tuple(dict.fromkeys(o.evidence.report_id for o in os)),
            tuple(o.evidence.sentence for o in os),
        )
        for d, os in sorted(by_date.items())
    ]


def current_episode(as_of: date) -> str | None:
    return episode_at(as_of)


def province_order(gaz: Gazetteer) -> list[str]:
    """Province codes for a list: those on the border first, along it from the Laos tripoint (a distance of
    0 km is on the line, not unknown), then the rest by name."""
    on_border = [p for p in gaz.provinces.values() if p.border_distance_km is not None and p.border_distance_km <= 2]
    border = sorted(on_border, key=lambda p: (p.border_km if p.border_km is not None else 1e9, p.name))
    rest = sorted((p for p in gaz.provinces.values() if p not in on_border), key=lambda p: p.name)
    return [p.id for p in border + rest]


def province_activity(corpus: Corpus) -> Counter:
    """How much the reports say about each province: mentions of it or of places inside it, incidents there."""
    counts: Counter = Counter(p.admin1 for p in corpus.places if p.admin1)
    for i in corpus.incidents:
        counts.update(i.admin1)
    return counts


@dataclass(frozen=True)
class PlaceSummary:
    """One place of a province with every mention of it, newest first."""

    name: str
    kind: str
    precision: int
    mentions: list[PlaceMention]

    @property
    def reports(self) -> int:
        return len({m.evidence.report_id for m in self.mentions})


@dataclass
class ProvinceDetails:
    code: str
    places: list[PlaceSummary]  # most mentioned first
    incidents: list[Incident]  # newest report first
    figures: list[Figure]
    meetings: list[MeetingGroup]

    @property
    def empty(self) -> bool:
        return not (self.places or self.incidents or self.figures or self.meetings)

    @property
    def mentions(self) -> int:
        return sum(len(p.mentions) for p in self.places)


def province_details(corpus: Corpus, code: str) -> ProvinceDetails:
    """Everything the reports say about a province, each record with its report, newest report first."""
    mentions = sorted(
        (p for p in corpus.places if p.admin1 == code), key=lambda p: corpus.when(p.evidence.report_id), reverse=True
    )
    by_place: dict[str, list[PlaceMention]] = {}
    for p in mentions:
        by_place.setdefault(p.place_id, []).append(p)
    places = sorted(
        (PlaceSummary(ms[0].name, ms[0].kind, min(m.precision for m in ms), ms) for ms in by_place.values()),
        key=lambda s: (-len(s.mentions), s.name),
    )
    sentences = {(p.evidence.report_id, p.evidence.sentence) for p in mentions}
    newest = lambda r: corpus.when(r.evidence.report_id)  # noqa: E731
    figures = sorted(
        (f for f in corpus.figures if (f.evidence.report_id, f.evidence.sentence) in sentences),
        key=newest,
        reverse=True,
    )
    incidents = sorted((i for i in corpus.incidents if code in i.admin1), key=newest, reverse=True)
    meetings = sorted(
        (g for g in corpus.meetings if g.meeting.admin1 == code), key=lambda g: g.date or date.min, reverse=True
    )
    return ProvinceDetails(code, places, incidents, figures, meetings)


def meeting_sources(group: MeetingGroup, corpus: Corpus) -> list[tuple[Meeting, Report]]:
    """The mentions of a meeting with their reports, newest report first."""
    pairs = [(m, corpus.reports[m.evidence.report_id]) for m in group.mentions]
    return sorted(pairs, key=lambda p: p[1].counts_from or date.min, reverse=True)


def incident_words(i: Incident) -> str:
    """Who says what of an incident, in words: 'Thailand accuses Cambodia; Cambodia denies'."""
    parts = []
    if i.reported_by and i.accused:
        parts.append(f"{COUNTRY_NAMES[i.reported_by]} accuses {COUNTRY_NAMES[i.accused]}")
    elif i.accused:
        parts.append(f"{COUNTRY_NAMES[i.accused]} accused")
    elif i.reported_by:
        parts.append(f"reported by {COUNTRY_NAMES[i.reported_by]}")
    else:
        parts.append("source not identified")
    if i.denied_by:
        parts.append(f"{COUNTRY_NAMES[i.denied_by]} denies")
    return "; ".join(parts)
