"""The queries of the figures by source: per metric and side the range of values (with their qualifiers), the
values given and how often, and the newest figures as table rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import sqlalchemy as sa

from dashboard.queries.common import (
    COUNTRY_OF_SIDE,
    _a_sides_running_total,
    _figure_row,
    _known,
    _select_with_reports,
    _side_key,
    _with_reports,
    figures_t,
    indirect_deaths,
    newest_first,
)
from dashboard.queries.tracker import SourceLatest, disagreement, latest_per_source
from dashboard.records import Figure, Report
from dashboard.schema import reports
from dashboard.store import Store
from dashboard.store_rows import record_from_row, report_from_row
from dashboard.summary import (
    FIGURE_COLUMNS,
    METRICS,
    day_of,
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


RANGE_LIMIT = 5000  # each source's newest figure per metric, side and group: rows read at most


def figure_ranges(store: Store, as_of: date, episode: str | None, metrics: list[str], sides: list[str]) -> pd.DataFrame:
    """Per metric, side (Thailand, Cambodia, both sides, not stated) and group: each source's newest running
    total, the lowest and highest of those, and whether the sources that speak in the week to the as-of date
    give different figures. A source's earlier figure is an update, not a disagreement; a group (soldiers) is
    never compared with another (civilians) nor with everyone."""
    f = figures_t
    source = sa.func.coalesce(reports.c.outlet, reports.c.url, reports.c.id)
    partition = (f.c.metric, _side_key(), f.c.group, source)
    rank = sa.func.row_number().over(partition_by=partition, order_by=newest_first(f))
    scope = sa.and_(_figure_scope(as_of, episode, metrics, sides, totals=True), f.c.value.is_not(None))
    ranked = (
        sa.select(f.c.id, _side_key().label("side"), rank.label("rank"))
        .join(reports, reports.c.id == f.c.report_id)
        .where(scope)
        .subquery()
    )
    query = (
        _select_with_reports(f)
        .add_columns(ranked.c.side)
        .join(ranked, ranked.c.id == f.c.id)
        .where(ranked.c.rank == 1)
        .order_by(f.c.known_from, f.c.id)
        .limit(RANGE_LIMIT)
    )
    told: dict[tuple, list[tuple[Figure, Report]]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query).mappings().all():
            fig = record_from_row("figures", row)
            told.setdefault((fig.metric, row["side"], fig.group), []).append((fig, report_from_row(row, prefix="r_")))
    ids = {fig.evidence.report_id for (metric, _, _), pairs in told.items() if metric == "killed" for fig, _ in pairs}
    indirect = indirect_deaths(store, ids)
    out = [_range_row(key, latest_per_source(pairs), as_of, indirect) for key, pairs in told.items()]
    frame = pd.DataFrame(out, columns=RANGE_COLUMNS)
    order = {m: i for i, m in enumerate(METRICS)}
    sides_order = {"TH": 0, "KH": 1, "both": 2, None: 3}
    groups_order = {"military": 0, "civilian": 1, None: 2}
    keys = [(order[r["metric"]], sides_order[r["side_code"]], groups_order.get(r["group"], 3)) for r in out]
    return frame.iloc[sorted(range(len(out)), key=keys.__getitem__)].reset_index(drop=True)


RANGE_COLUMNS = ["metric", "side", "side_code", "group", "reports", "low", "high", "low_shown", "high_shown"]
RANGE_COLUMNS += ["disagree", "newest"]
NEWEST_LISTED = 6


def _range_row(
    key: tuple, latest: list[SourceLatest], as_of: date, indirect: dict[tuple[str, str | None], Figure]
) -> dict:
    """A source that gives deaths from indirect effects beside its direct toll (of civilians or of all) is
    compared by the two together, and told as both: "1 + 41 from indirect effects" is not 1 against another
    source's 38 that counts them in."""
    metric, side, group = key
    beside = {
        s.report.id: ind
        for s in latest
        if metric == "killed" and group != "military" and (ind := indirect.get((s.report.id, side)))
    }
    latest = [_with_indirect(s, beside.get(s.report.id)) for s in latest]
    low = min(latest, key=lambda s: s.latest.value)
    high = max(latest, key=lambda s: s.latest.value)
    return {
        "metric": metric,
        "side": side_name(side),
        "side_code": side,
        "group": group,
        "reports": len(latest),
        "low": low.latest.value,
        "high": high.latest.value,
        "low_shown": display_value(low.latest),
        "high_shown": display_value(high.latest),
        "disagree": disagreement(latest, as_of)[1],
        "newest": [
            f"{_told_as(s, beside.get(s.report.id))} ({s.source}, {day_of(s.report, '%-d %b')}{_unstated(s, side)})"
            if s.day
            else _told_as(s, beside.get(s.report.id))
            for s in latest[:NEWEST_LISTED]
        ],
    }


def _unstated(s: SourceLatest, side: str | None) -> str:
    return ", side not stated" if side == "both" and not s.latest.both_sides else ""


def _with_indirect(s: SourceLatest, ind: Figure | None) -> SourceLatest:
    """The source's newest figure as the direct and indirect deaths together, when it gives both."""
    return replace(s, latest=replace(s.latest, value=s.latest.value + ind.value)) if ind else s


def _told_as(s: SourceLatest, ind: Figure | None) -> str:
    if ind is None:
        return display_value(s.latest)
    direct = replace(s.latest, value=s.latest.value - ind.value)
    return f"{display_value(s.latest)} ({display_value(direct)} + {display_value(ind)} from indirect effects)"


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
