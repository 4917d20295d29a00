"""The toll tracker's and the displacement view's queries and data rules: a side's running totals over time
(never one incident's, one province's or a part of a total), the figures left out and why, each source's
latest figure with the one it replaced and whether sources disagree now; displaced and returned figures with
their provinces, and the newest per province."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa

from dashboard.gazetteer import Gazetteer
from dashboard.queries.common import (
    _a_sides_running_total,
    _figure_row,
    _known,
    _naming_no_province,
    _same,
    _select_with_reports,
    _side_key,
    _with_reports,
    figures_t,
    newest_first,
)
from dashboard.records import Figure, Report
from dashboard.store import Store
from dashboard.store_rows import record_from_row, report_from_row
from dashboard.summary import (
    FIGURE_COLUMNS,
    RECENT_DAYS,
    at_odds,
    outlet_name,
    side_name,
)
from dashboard.untrusted import safe_url


def source_of(r: Report) -> str:
    """The outlet (or its link's host); a report with neither is a source of its own, never lumped together."""
    if r.outlet or safe_url(r.url):
        return outlet_name(r)
    return f"no outlet (report {r.label})"


@dataclass(frozen=True)
class SourceLatest:
    source: str
    latest: Figure
    report: Report
    previous: Figure | None
    figures: int

    @property
    def day(self) -> date:
        return self.report.counts_from


def latest_per_source(pairs: list[tuple[Figure, Report]]) -> list[SourceLatest]:
    """Each source's newest figure (oldest-first input), with the one it replaced: an update, not a dispute."""
    by_source: dict[str, list[tuple[Figure, Report]]] = {}
    for f, r in pairs:
        by_source.setdefault(source_of(r), []).append((f, r))
    out = []
    for source, told in by_source.items():
        latest, report = told[-1]
        previous = next((f for f, _ in reversed(told[:-1]) if f.value != latest.value), None)
        out.append(SourceLatest(source, latest, report, previous, len(told)))
    return sorted(out, key=lambda s: (s.day, s.latest.value or 0), reverse=True)


def disagreement(latest: list[SourceLatest], as_of: date) -> tuple[list[SourceLatest], bool]:
    """The sources that speak now (their latest figure in the week to the as-of date) and whether they
    disagree: a later count of the killed or injured lower than an earlier one (summary.at_odds). A running
    total told higher on a later day, or by another report of the same day, is an update, not a dispute; the
    displaced go down as well as up (people return)."""
    now = [s for s in latest if (as_of - s.day).days <= RECENT_DAYS]
    metric = now[0].latest.metric if now else ""
    told = [((min(s.latest.date or s.day, s.day), s.day), s.latest.qualifier, s.latest.value) for s in now]
    return now, at_odds(metric, told)  # each figure on the day it counts to, else its report's


def with_sides(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(side=frame["country"].map(side_name))


def newest_per_province(frame: pd.DataFrame, gaz: Gazetteer) -> pd.DataFrame:
    """Per province a report names, metric and side: the newest figure (empty when no report names one)."""
    by_province = frame[frame["province"] != ""].copy()
    by_province["province"] = by_province["province"].map(lambda c: gaz.provinces[c].name if c in gaz.provinces else c)
    newest = by_province.sort_values("published").groupby(["province", "metric", "side"], as_index=False).last()
    columns = ["province", "metric", "side", "shown", "outlet", "published", "quote"]
    return newest[columns].rename(columns={"shown": "figure", "published": "date"})


def _one_incidents():
    """A figure whose clause ties it to one attack: it counts that attack's victims, not a toll."""
    return figures_t.c.scope == "incident"


def _tracked(as_of: date, episode: str | None, metric: str, side: str | None, group: str | None):
    """The numeric figures of one metric, side and group in one episode, known at the as-of date."""
    f = figures_t
    return sa.and_(
        _known(f, as_of),
        _same(f.c.period, episode),
        f.c.metric == metric,
        _same(_side_key(), side),  # a total over both sides is neither side's
        _same(f.c.group, group),
        f.c.value.is_not(None),
    )


def toll_figures(
    store: Store,
    as_of: date,
    episode: str | None,
    metric: str,
    side: str | None,
    group: str | None,
    limit: int = 3000,
) -> list[tuple[Figure, Report]]:
    """The tracker's figures, oldest first: a side's running totals, never a count of one incident, of one
    province or of a period, nor a part of a total. At most `limit`, the newest. Within one report, in the order of
    the day each counts to (the headline's order: a total over a longer span after one told on a day of it)."""
    f = figures_t
    query = (
        _select_with_reports(f)
        .where(_tracked(as_of, episode, metric, side, group), _a_sides_running_total())
        .order_by(*newest_first(f))
        .limit(limit)
    )
    return list(reversed(_with_reports(store, "figures", query)))


def _count(store: Store, *conditions) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(figures_t).where(*conditions)).scalar_one()


def provincial_counts(
    store: Store, as_of: date, episode: str | None, metric: str, side: str | None, group: str | None
) -> int:
    """How many of those figures count one province (left out of the side's totals)."""
    scope = _tracked(as_of, episode, metric, side, group)
    not_incident = sa.or_(figures_t.c.scope.is_(None), figures_t.c.scope != "incident")
    return _count(store, scope, not_incident, ~_naming_no_province())


def incident_counts(
    store: Store, as_of: date, episode: str | None, metric: str, side: str | None, group: str | None
) -> int:
    """How many of those figures count one incident (left to the incident)."""
    return _count(store, _tracked(as_of, episode, metric, side, group), _one_incidents())


def displacement_rows(store: Store, as_of: date, episode: str | None, limit: int = 3000) -> pd.DataFrame:
    """Displaced and returned figures known at the as-of date, newest `limit`, with the province their
    sentence names (one row per province named; "" when none)."""
    f = figures_t
    query = (
        _select_with_reports(f)
        .add_columns(f.c.provinces)
        .where(
            _known(f, as_of),
            _same(f.c.period, episode),
            f.c.metric.in_(("displaced", "returned")),
            f.c.value.is_not(None),
            sa.or_(f.c.scope.is_(None), f.c.scope.not_in(("incident", "indirect"))),
        )
        .order_by(f.c.known_from.desc(), f.c.id.desc())
        .limit(limit)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    out = []
    for row in rows:
        figure, report = record_from_row("figures", row), report_from_row(row, prefix="r_")
        base = _figure_row(figure, report)
        for code in (row["provinces"] or "").strip("|").split("|"):
            out.append({**base, "province": code})
    columns = [*FIGURE_COLUMNS, "province"]
    return pd.DataFrame(out, columns=columns)
