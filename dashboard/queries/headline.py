"""The headline's queries: the snapshot of the top of the page (tolls, when the fighting began, meetings,
province activity, the places on the map) and each side's latest toll with its spread across sources."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import sqlalchemy as sa

from dashboard.episodes import EPISODES
from dashboard.queries.common import (
    _a_sides_running_total,
    _known,
    _select_with_reports,
    _side_key,
    figures_t,
    indirect_deaths,
    newest_first,
    onsets_t,
)
from dashboard.queries.meetings import MeetingSummary, meetings
from dashboard.queries.province import MapPlace, map_places, province_activity
from dashboard.records import Figure, Report
from dashboard.schema import reports
from dashboard.store import Store
from dashboard.store_rows import record_from_row, report_from_row
from dashboard.summary import (
    METRICS,
    RECENT_DAYS,
    OnsetClaim,
    Toll,
    at_odds,
)
from dashboard.untrusted import url_host


@dataclass(frozen=True)
class Snapshot:
    """What the top of the page shows for one as-of date and episode: the tolls, when the fighting began, the
    meetings, how often each province is named, the places on the map."""

    tolls: list[Toll]
    onsets: list[OnsetClaim]
    meetings: list[MeetingSummary]
    activity: dict[str, int]
    places: list[MapPlace]


def snapshot(store: Store, as_of: date, episode: str | None) -> Snapshot:
    return Snapshot(
        latest_tolls(store, as_of, episode),
        onset_claims(store, as_of, episode),
        meetings(store, as_of),
        dict(province_activity(store, as_of)),
        map_places(store, as_of),
    )


def latest_tolls(store: Store, as_of: date, episode: str | None) -> list[Toll]:
    """Per metric, side (Thailand, Cambodia, both sides, not stated) and group (soldiers, civilians, all) in an
    episode: the newest running total (latest report, then the larger count), and the range over each
    outlet's own latest figure of the same kind in the week to the as-of date (none: the toll is stale)."""
    f = figures_t
    side = _side_key().label("side")
    scope = sa.and_(
        _known(f, as_of),
        f.c.period == episode,
        f.c.value.is_not(None),
        f.c.metric.in_(METRICS),
        _a_sides_running_total(),
    )
    rank = sa.func.row_number().over(partition_by=(f.c.metric, _side_key(), f.c.group), order_by=newest_first(f))
    ranked = sa.select(f.c.id, side, rank.label("rank")).where(scope).subquery()
    latest_rows = (
        _select_with_reports(f).add_columns(ranked.c.side).join(ranked, ranked.c.id == f.c.id).where(ranked.c.rank == 1)
    )
    latest = {}
    with store.engine.connect() as conn:
        for row in conn.execute(latest_rows).mappings().all():
            fig = record_from_row("figures", row)
            latest[fig.metric, row["side"], fig.group] = (fig, report_from_row(row, prefix="r_"))
    if not latest:
        return []
    week = (
        sa.select(f.c.metric, side, f.c.group, f.c.value, f.c.qualifier, f.c.date, f.c.known_from, reports.c.outlet)
        .add_columns(reports.c.url)
        .add_columns(reports.c.id)
        .join(reports, reports.c.id == f.c.report_id)
        .where(scope, f.c.known_from >= as_of - timedelta(days=RECENT_DAYS))
        .order_by(*newest_first(f))
    )
    per_source: dict[tuple, dict[str, tuple]] = {key: {} for key in latest}
    with store.engine.connect() as conn:
        for metric, who, group, value, qualifier, stated, day, outlet, url, report_id in conn.execute(week):
            if (metric, who, group) in per_source:  # the spread compares like with like
                told = ((min(stated or day, day), day), qualifier, value)  # the day it counts to, its report's
                per_source[metric, who, group].setdefault(outlet or url_host(url) or report_id, told)
    peaks = _displaced_peaks(store, scope) if any(metric == "displaced" for metric, _, _ in latest) else {}
    out = []
    for (metric, who, group), (figure, report) in latest.items():
        told = list(per_source[metric, who, group].values())
        # the spread of the week's sources, when they disagree (a later, higher total is an update)
        values = [v for _, _, v in told] if at_odds(metric, told) else [figure.value]
        peak = peaks.get((who, group)) if metric == "displaced" else None
        if peak is not None and peak[0].value <= figure.value * PEAK_MARGIN:
            peak = None  # the newest count is the highest (or near it): no peak to show beside it
        out.append(Toll(metric, who, figure, report, min(values), max(values), len(told), peak=peak))
    indirect = indirect_deaths(store, {t.report.id for t in out if t.metric == "killed"})
    out = _indirect_once(
        [_with_indirect(t, indirect) for t in out if not _outgrown(t, out) and not _short_of_a_side(t, out)]
    )
    side_order = {"TH": 0, "KH": 1, "both": 2, None: 3}
    group_order = {"military": 0, "civilian": 1, None: 2}
    return sorted(out, key=lambda t: (METRICS.index(t.metric), side_order[t.side], group_order.get(t.latest.group, 3)))


PEAK_MARGIN = 1.1  # a highest count shown beside the newest only when more than 10 % above it


def _displaced_peaks(store: Store, scope) -> dict[tuple, tuple[Figure, Report]]:
    """Per side and group, the highest count of the displaced known: people go home, so the newest count may
    be the ones still displaced ("200,000 remain in camps"), and the peak is shown beside it."""
    f = figures_t
    order = (f.c.value.desc(), f.c.known_from, f.c.id)
    rank = sa.func.row_number().over(partition_by=(_side_key(), f.c.group), order_by=order)
    ranked = (
        sa.select(f.c.id, _side_key().label("side"), rank.label("rank"))
        .where(scope, f.c.metric == "displaced")
        .subquery()
    )
    rows = _select_with_reports(f).add_columns(ranked.c.side).join(ranked, ranked.c.id == f.c.id)
    with store.engine.connect() as conn:
        found = conn.execute(rows.where(ranked.c.rank == 1)).mappings().all()
    return {
        (row["side"], row["group"]): (record_from_row("figures", row), report_from_row(row, prefix="r_"))
        for row in found
    }


def _with_indirect(toll: Toll, indirect: dict[tuple[str, str | None], Figure]) -> Toll:
    """The toll with the indirect deaths of its report and side beside it: beside the civilians' toll or the
    count of all (deaths from indirect effects are not soldiers killed in action), never beside two cells."""
    if toll.metric != "killed" or toll.latest.group == "military":
        return toll
    fig = indirect.get((toll.report.id, toll.side))
    return replace(toll, indirect=fig) if fig else toll


def _indirect_once(tolls: list[Toll]) -> list[Toll]:
    """Indirect deaths beside one cell of a side only: the civilians' when both it and the count of all have
    them (the same report's one figure)."""
    civilians = {(t.side, t.report.id) for t in tolls if t.indirect and t.latest.group == "civilian"}
    return [
        replace(t, indirect=None) if t.indirect and t.latest.group is None and (t.side, t.report.id) in civilians else t
        for t in tolls
    ]


def _outgrown(toll: Toll, tolls: list[Toll]) -> bool:
    """Whether a side's toll of all its people is stale beside a count of one of its groups as new or newer: a
    group is a part of everyone, so a count of a group as large or larger means the count of all was
    overtaken (Cambodia injured "about 20" on 9 Dec beside "79 civilians" on 23 Dec). A group's count is stale
    beside a count of all of the same side told on a later day and larger ("at least 2 civilians" of the first
    morning beside "at least 33" five days on)."""
    if toll.latest.group is not None:
        return any(
            t.metric == toll.metric
            and t.side == toll.side
            and t.latest.group is None
            and (t.report.counts_from or date.min) > (toll.report.counts_from or date.min)
            and t.latest.value > toll.latest.value
            for t in tolls
        )
    return any(
        t.metric == toll.metric
        and t.side == toll.side
        and t.latest.group is not None
        and (t.report.counts_from or date.min) >= (toll.report.counts_from or date.min)
        and t.latest.value >= toll.latest.value
        for t in tolls
    )


# Counts that only grow: a count of both sides (or of no stated side) below one side's count of the same people
# is short of it whenever it was told. The displaced go home, so a later count of them below an earlier one may
# be those still displaced.
RUNNING_METRICS = ("killed", "injured")


def _short_of_a_side(toll: Toll, tolls: list[Toll]) -> bool:
    """Whether a toll of both sides or of no stated side is smaller than one side's toll of the same metric and
    of the same people (its group, or a group within its count of all): it cannot be the total of both sides
    ("at least 2 civilians" of a first partial count beside "9 civilians" of Thailand alone), so it is no
    headline cell (the figures by source keep it, with its source). A count of the displaced is compared only
    with one side's count told the same day or later."""
    if toll.side != "both":
        return False
    return any(
        t.metric == toll.metric
        and t.side in ("TH", "KH")
        and (toll.latest.group is None or t.latest.group == toll.latest.group)
        and t.latest.value > toll.latest.value
        and (
            toll.metric in RUNNING_METRICS
            or (t.report.counts_from or date.min) >= (toll.report.counts_from or date.min)
        )
        for t in tolls
    )


def onset_claims(store: Store, as_of: date, episode: str | None) -> list[OnsetClaim]:
    """Each date reports give for the start of the episode's fighting (within 3 days of its start), with how
    many reports give it."""
    o = onsets_t
    query = sa.select(o.c.date, sa.func.count(sa.distinct(o.c.report_id))).where(_known(o, as_of))
    start = next((ep.start for ep in EPISODES if ep.id == episode), None)
    if start is not None:
        query = query.where(o.c.date.between(start - timedelta(days=3), start + timedelta(days=3)))
    with store.engine.connect() as conn:
        rows = conn.execute(query.group_by(o.c.date).order_by(o.c.date)).all()
    return [OnsetClaim(day, n) for day, n in rows]
