"""What every query shares: the record tables, an as-of date's condition (a record counts from its report's
publication date, else from the day it was ingested), records joined with the report they come from, the
conditions of a side's running total, a figure as a table row; and the reports themselves (how many are known
at a date, the newest day)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from dashboard.pubdate import BOUND
from dashboard.records import Figure, Report
from dashboard.schema import RECORD_TABLES, reports
from dashboard.store import Store
from dashboard.store_rows import record_from_row, report_from_row
from dashboard.summary import (
    GROUP_WORDS,
    dated_how,
    display_value,
    episode_label,
    outlet_name,
    side_name,
)

places_t, figures_t, meetings_t = RECORD_TABLES["places"], RECORD_TABLES["figures"], RECORD_TABLES["meetings"]


incidents_t, onsets_t = RECORD_TABLES["incidents"], RECORD_TABLES["onsets"]


statements_t = RECORD_TABLES["statements"]


# Report columns a citation needs (never the text).
REPORT_COLUMNS = [
    reports.c[c].label(f"r_{c}")
    for c in ("id", "path", "published", "url", "outlet", "title", "name", "added_at", "dated_by")
]


COUNTRY_OF_SIDE = {"Thailand": "TH", "Cambodia": "KH", "Side not stated": None}


def _known(table: sa.Table, as_of: date):
    return table.c.known_from <= as_of


def _with_reports(store: Store, table: str, query) -> list[tuple[object, Report]]:
    """Rows of a record table joined with their reports' citation columns, as (record, report) pairs."""
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [(record_from_row(table, r), report_from_row(r, prefix="r_")) for r in rows]


def _select_with_reports(table: sa.Table):
    return sa.select(table, *REPORT_COLUMNS).join(reports, reports.c.id == table.c.report_id)


@dataclass(frozen=True)
class ReportCounts:
    known: int  # reports that count at the as-of date
    total: int  # reports in the store
    undated: int  # of the known: nothing dates them (they count from the day they were stored)
    undated_later: int = 0  # reports nothing dates, stored after the as-of date: not counted at it
    estimated: int = 0  # of the known: dated by an estimate from their text (a bound included)
    bounded: int = 0  # of the estimated: dated by a bound, the latest day they can have been written (pubdate)
    # the reports nothing dates, in the order they were stored (at most UNDATED_LISTED), without their text: a
    # reader can open them though no view places them on a day
    undated_reports: tuple[Report, ...] = ()


UNDATED_LISTED = 20


def report_counts(store: Store, as_of: date) -> ReportCounts:
    known, undated = reports.c.known_from <= as_of, reports.c.published.is_(None)
    query = sa.select(
        sa.func.count(),
        sa.func.count().filter(known),
        sa.func.count().filter(known, undated),
        sa.func.count().filter(~known, undated),
        sa.func.count().filter(known, reports.c.dated_by.in_(("text", BOUND))),
        sa.func.count().filter(known, reports.c.dated_by == BOUND),
    )
    listed = sa.select(*REPORT_COLUMNS).where(undated).order_by(reports.c.added_at, reports.c.id).limit(UNDATED_LISTED)
    with store.engine.connect() as conn:
        total, known_n, undated_n, undated_later, estimated, bounded = conn.execute(query).one()
        rows = conn.execute(listed).mappings().all() if undated_n or undated_later else []
    undated_reports = tuple(report_from_row(r, prefix="r_") for r in rows)
    return ReportCounts(known_n, total, undated_n, undated_later, estimated, bounded, undated_reports)


def newest_day(store: Store) -> date | None:
    """The default as-of date: the newest publication date; the newest ingest day only when no report has a
    publication date (reports without one would otherwise pull the default to the day they were ingested)."""
    with store.engine.connect() as conn:
        published = conn.execute(sa.select(sa.func.max(reports.c.published))).scalar()
        return published or conn.execute(sa.select(sa.func.max(reports.c.known_from))).scalar()


def _side_key():
    """Whose people a figure counts, for the headline and the figures by source: TH, KH, or "both" — a total over
    both sides, or one whose side is not stated (a total of the fighting, as a rule: "the clashes have killed at
    least 20"), shown together and marked, never as one side's nor as a second, different toll."""
    f = figures_t
    return sa.case(
        (f.c.both_sides.is_(True), sa.literal("both")), (f.c.country.is_(None), sa.literal("both")), else_=f.c.country
    )


def _a_sides_running_total():
    """A figure that can be a side's toll: a running total (of the displaced, those still displaced too) or a
    count whose clause does not say what it counts; not one attack's victims (scope "incident": its clause ties
    it to one attack), not one province's, not a period like "recent years", not indirect deaths, not a part of
    a total stated beside it. (A figure told in a sentence that also tells an incident is not for that reason
    an incident's: "clashes have killed 9 civilians" sums up the fighting.)"""
    f = figures_t
    return sa.and_(
        sa.or_(f.c.scope.is_(None), f.c.scope.in_(("total", "remaining"))),
        _naming_no_province(),
        sa.or_(f.c.part_of_total.is_(None), f.c.part_of_total.is_(False)),
    )


def _same(column, other):
    """Equal, NULL matching NULL (the side not stated); `other` a column or a value."""
    if other is None:
        return column.is_(None)
    if isinstance(other, sa.ColumnElement):
        return sa.or_(column == other, sa.and_(column.is_(None), other.is_(None)))
    return column == other


def _figure_row(f: Figure, r: Report) -> dict:
    return {
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
        "dated_by": dated_how(r) or "its metadata",
        "report_id": r.id,
        "report": r.label,
        "title": r.title or "",
        "url": r.url or "",
        "quote": f.evidence.quote,
        "sentence": f.evidence.sentence,
    }


# A count whose sentence names this many provinces or more is told over the list of a side's provinces the
# fighting reached ("evacuated from Sisaket, Surin, Buriram and Trat"): the side's count, not one province's.
PROVINCE_LIST = 3


def _naming_no_province():
    """A figure whose sentence names no province, or a list of them (PROVINCE_LIST or more): a side's total, not
    one province's ("20,000 returned home in Pailin province") nor a pair's."""
    provinces = figures_t.c.provinces
    named = sa.func.length(provinces) - sa.func.length(sa.func.replace(provinces, "|", ""))  # n provinces: n + 1 bars
    return sa.or_(provinces.is_(None), provinces == "", named > PROVINCE_LIST)


def newest_first(f):
    """The order of a table of figures from the newest: its report's day, then the day the figure counts to (a
    report that tells a count "at the peak on 28 July" and one "as of 31 July" is newest in the second), then
    the larger count (two reports of the same day: the later total is the larger)."""
    return (f.c.known_from.desc(), sa.func.coalesce(f.c.date, f.c.known_from).desc(), f.c.value.desc(), f.c.id)


def indirect_deaths(store: Store, report_ids: set[str]) -> dict[tuple[str, str | None], Figure]:
    """Deaths from indirect effects (scope "indirect") these reports give, by (report, side key): shown
    beside the direct toll they are told with, never as a toll of their own."""
    f = figures_t
    if not report_ids:
        return {}
    rows = sa.select(f, _side_key().label("side")).where(
        f.c.report_id.in_(report_ids), f.c.scope == "indirect", f.c.metric == "killed", f.c.value.is_not(None)
    )
    found: dict[tuple[str, str | None], Figure] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(rows).mappings().all():
            fig = record_from_row("figures", row)
            found.setdefault((fig.evidence.report_id, row["side"]), fig)
    return found
