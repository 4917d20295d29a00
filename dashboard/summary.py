"""Queries behind the views: figures by source, meetings around a date, what reports say of a province.

Plain functions over extraction records; no Streamlit here. Figures are never collapsed into one
number: ranges list every value with its source.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.merge import MeetingGroup, merge_meetings
from dashboard.records import Extraction, Figure, Incident, Meeting, PlaceMention, Report

METRICS = ("killed", "injured", "displaced")
SIDES = {"TH": "Thailand", "KH": "Cambodia", None: "Side not stated"}
QUALIFIER_SIGNS = {
    "exact": "",
    "at_least": "≥ ",
    "more_than": "> ",
    "about": "≈ ",
    "nearly": "< ~",
    "up_to": "≤ ",
    "vague": "",
}


@dataclass
class Corpus:
    extractions: list[Extraction]
    reports: dict[str, Report] = field(init=False)
    meetings: list[MeetingGroup] = field(init=False)

    def __post_init__(self) -> None:
        self.reports = {e.report.id: e.report for e in self.extractions}
        self.meetings = merge_meetings([m for e in self.extractions for m in e.meetings])

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
        dates = [r.published for r in self.reports.values() if r.published]
        return max(dates) if dates else None


def display_value(f: Figure) -> str:
    if f.value is None:
        return f.value_text
    return f"{QUALIFIER_SIGNS.get(f.qualifier, '')}{f.value:,}"


def figures_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per figure, with the report it comes from."""
    rows = []
    for f in corpus.figures:
        r = corpus.reports[f.evidence.report_id]
        rows.append(
            {
                "metric": f.metric,
                "side": SIDES[f.country],
                "country": f.country,
                "value": f.value,
                "shown": display_value(f),
                "qualifier": f.qualifier,
                "group": f.group or "all",
                "source": f.source or "not stated",
                "period": f.period,
                "outlet": r.outlet or "unknown outlet",
                "published": r.published,
                "report_id": r.id,
                "title": r.title,
                "url": r.url,
                "quote": f.evidence.quote,
                "sentence": f.evidence.sentence,
            }
        )
    columns = [
        "metric",
        "side",
        "country",
        "value",
        "shown",
        "qualifier",
        "group",
        "source",
        "period",
        "outlet",
        "published",
        "report_id",
        "title",
        "url",
        "quote",
        "sentence",
    ]
    return pd.DataFrame(rows, columns=columns)


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


@dataclass(frozen=True)
class OnsetClaim:
    date: date
    report_ids: tuple[str, ...]
    quotes: tuple[str, ...]


def onset_claims(corpus: Corpus) -> list[OnsetClaim]:
    """Each date reports give for the start of the current fighting, with the reports that give it."""
    by_date: dict[date, list] = {}
    for e in corpus.extractions:
        for o in e.onsets:
            by_date.setdefault(o.date, []).append(o)
    return [
        OnsetClaim(d, tuple(dict.fromkeys(o.evidence.report_id for o in os)), tuple(o.evidence.sentence for o in os))
        for d, os in sorted(by_date.items())
    ]


def province_activity(corpus: Corpus) -> Counter:
    """How much the reports say about each province: mentions of it or of places inside it, incidents there."""
    counts: Counter = Counter(p.admin1 for p in corpus.places if p.admin1)
    for i in corpus.incidents:
        counts.update(i.admin1)
    return counts


@dataclass
class ProvinceDetails:
    code: str
    places: list[PlaceMention]
    incidents: list[Incident]
    figures: list[Figure]
    meetings: list[MeetingGroup]

    @property
    def empty(self) -> bool:
        return not (self.places or self.incidents or self.figures or self.meetings)


def province_details(corpus: Corpus, code: str) -> ProvinceDetails:
    """Everything the reports say about a province, each record with its report."""
    places = [p for p in corpus.places if p.admin1 == code]
    sentences = {(p.evidence.report_id, p.evidence.sentence) for p in places}
    figures = [f for f in corpus.figures if (f.evidence.report_id, f.evidence.sentence) in sentences]
    incidents = [i for i in corpus.incidents if code in i.admin1]
    meetings = [g for g in corpus.meetings if g.meeting.admin1 == code]
    return ProvinceDetails(code, places, incidents, figures, meetings)


def meeting_sources(group: MeetingGroup, corpus: Corpus) -> list[tuple[Meeting, Report]]:
    return [(m, corpus.reports[m.evidence.report_id]) for m in group.mentions]
