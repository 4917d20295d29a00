"""The queries of the figures by source: per metric and side the range of values (with their qualifiers), the
values given and how often, and the newest figures as table rows."""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa

from dashboard.queries.common import (
    COUNTRY_OF_SIDE,
    _a_sides_running_total,
    _figure_row,
    _known,
    _select_with_reports,
    _with_reports,
    figures_t,
)
from dashboard.records import Figure
from dashboard.store import Store
from dashboard.summary import (
    FIGURE_COLUMNS,
    METRICS,
    display_value,
    side_name,
)


def _figure_scope(as_of: date, episode: str | None, metrics: list[str], sides: list[str], totals: bool = False):
    """Figures of the metrics and sides known at the as-of date; `totals`: not the count of one incident."""
    f = figures_t
    countries = [COUNTRY_OF_SIDE[s] for s in sides]
    side = sa.or_(
        f.c.country.in_([c for c in countries if c]),
        *([f.c.country.is_(None)] if None in countries else []),
    )
    scope = sa.and_(_known(f, as_of), f.c.metric.in_(metrics), side)
    if totals:
        scope = sa.and_(scope, _a_sides_running_total())
    return sa.and_(scope, f.c.period == episode) if episode else scope


def figure_ranges(store: Store, as_of: date, episode: str | None, metrics: list[str], sides: list[str]) -> pd.DataFrame:
    """Per metric and side: how many reports give a number, the lowest and highest, and whether they differ."""
    f = figures_t
    query = (
        sa.select(
            f.c.metric,
            f.c.country,
            sa.func.count(sa.distinct(f.c.report_id)),
            sa.func.min(f.c.value),
            sa.func.max(f.c.value),
        )
        .where(_figure_scope(as_of, episode, metrics, sides, totals=True), f.c.value.is_not(None))
        .group_by(f.c.metric, f.c.country)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        qualifiers = _end_qualifiers(conn, _figure_scope(as_of, episode, metrics, sides, totals=True), rows)
    out = pd.DataFrame(
        [
            {
                "metric": m,
                "side": side_name(c),
                "reports": n,
                "low": int(lo),
                "high": int(hi),
                "low_shown": display_value(_bare_figure(lo, qualifiers.get((m, c, lo), "exact"))),
                "high_shown": display_value(_bare_figure(hi, qualifiers.get((m, c, hi), "exact"))),
                "disagree": lo != hi,
            }
            for m, c, n, lo, hi in rows
        ],
        columns=["metric", "side", "reports", "low", "high", "low_shown", "high_shown", "disagree"],
    )
    order = {m: i for i, m in enumerate(METRICS)}
    sides_order = {"Thailand": 0, "Cambodia": 1, "Side not stated": 2}
    return out.sort_values(
        ["metric", "side"],
        key=lambda s: s.map(order) if s.name == "metric" else s.map(sides_order),
        ignore_index=True,
    )


def _end_qualifiers(conn, scope, rows) -> dict[tuple[str, str | None, int], str]:
    """The qualifier of each range's lowest and highest value ("at least 40"): exact when a source gives the
    number plainly, else the qualifier a source gives it with. Never dropped (issue 11)."""
    f = figures_t
    ends = {(m, c, v) for m, c, _, lo, hi in rows for v in (lo, hi)}
    if not ends:
        return {}
    query = (
        sa.select(f.c.metric, f.c.country, f.c.value, f.c.qualifier)
        .where(scope, f.c.value.in_({v for _, _, v in ends}))
        .distinct()
    )
    found: dict[tuple[str, str | None, int], str] = {}
    for m, c, v, qualifier in conn.execute(query).all():
        if (m, c, v) in ends and found.get((m, c, v)) != "exact":
            found[(m, c, v)] = qualifier
    return found


def figure_values(
    store: Store, as_of: date, episode: str | None, metric: str, side: str, limit: int = 8
) -> tuple[list[tuple[str, int]], int]:
    """The values given for one metric and side, most reported first, with how many reports give each;
    and how many different values there are."""
    f = figures_t
    n = sa.func.count(sa.distinct(f.c.report_id))
    query = (
        sa.select(f.c.value, f.c.qualifier, n)
        .where(_figure_scope(as_of, episode, [metric], [side], totals=True), f.c.value.is_not(None))
        .group_by(f.c.value, f.c.qualifier)
        .order_by(n.desc(), f.c.value)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    shown = [(display_value(_bare_figure(value, qualifier)), count) for value, qualifier, count in rows]
    return shown[:limit], len(shown)


def _bare_figure(value: int, qualifier: str) -> Figure:
    return Figure(None, "", value, "", qualifier, None, None, None, None)


def figure_rows(
    store: Store, as_of: date, episode: str | None, metrics: list[str], sides: list[str], limit: int = 1000
) -> tuple[pd.DataFrame, int]:
    """The newest figures (one row each, with the report it comes from) and how many there are in all."""
    f = figures_t
    scope = _figure_scope(as_of, episode, metrics, sides)
    query = _select_with_reports(f).where(scope).order_by(f.c.known_from.desc(), f.c.id).limit(limit)
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(f).where(scope)).scalar_one()
    rows = [_figure_row(figure, report) for figure, report in _with_reports(store, "figures", query)]
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    frame["value"] = frame["value"].astype("Int64")
    return frame, total
