"""What the views show, asked of the store: every query takes the as-of date (a report counts from its
publication date, else from the day it was ingested) and is bounded — aggregates, or pages with a limit.

No query reads the whole corpus into memory; the same SQL runs on SQLite and PostgreSQL. Results are plain
records (`dashboard.records`) or the small summaries below, each carrying the report it comes from.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa

from dashboard.episodes import EPISODES
from dashboard.reconcile import IncidentEvent, Telling, merge_incidents
from dashboard.records import Figure, Incident, Meeting, PlaceMention, Report
from dashboard.schema import RECORD_TABLES, reports
from dashboard.store import Store, record_from_row, report_from_row
from dashboard.summary import (
    FIGURE_COLUMNS,
    GROUP_WORDS,
    METRICS,
    RECENT_DAYS,
    OnsetClaim,
    Toll,
    dated_how,
    display_value,
    episode_label,
    outlet_name,
    side_name,
)
from dashboard.untrusted import url_host

places_t, figures_t, meetings_t = RECORD_TABLES["places"], RECORD_TABLES["figures"], RECORD_TABLES["meetings"]
incidents_t, onsets_t = RECORD_TABLES["incidents"], RECORD_TABLES["onsets"]
statements_t = RECORD_TABLES["statements"]
# Report columns a citation needs (never the text).
REPORT_COLUMNS = [
    reports.c[c].label(f"r_{c}")
    for c in ("id", "path", "published", "url", "outlet", "title", "name", "added_at", "dated_by")
]
COUNTRY_OF_SIDE = {"Thailand": "TH", "Cambodia": "KH", "Side not stated": None}


class Queries:
    """The queries of this module bound to one store: `q.meetings(as_of)` is `meetings(store, as_of)`. The app
    subclasses it to share each answer among visitors until the store changes."""

    def __init__(self, store: Store):
        self.store = store

    def __getattr__(self, name: str):
        query = globals().get(name)
        if name.startswith("_") or not callable(query):
            raise AttributeError(name)
        return functools.partial(query, self.store)


def _known(table: sa.Table, as_of: date):
    return table.c.known_from <= as_of


def _with_reports(store: Store, table: str, query) -> list[tuple[object, Report]]:
    """Rows of a record table joined with their reports' citation columns, as (record, report) pairs."""
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [(record_from_row(table, r), report_from_row(r, prefix="r_")) for r in rows]


def _select_with_reports(table: sa.Table):
    return sa.select(table, *REPORT_COLUMNS).join(reports, reports.c.id == table.c.report_id)


# --- the reports -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportCounts:
    known: int  # reports that count at the as-of date
    total: int  # reports in the store
    undated: int  # of the known: nothing dates them (they count from the day they were stored)
    undated_later: int = 0  # reports nothing dates, stored after the as-of date: not counted at it
    estimated: int = 0  # of the known: dated by an estimate from their text


def report_counts(store: Store, as_of: date) -> ReportCounts:
    known, undated = reports.c.known_from <= as_of, reports.c.published.is_(None)
    query = sa.select(
        sa.func.count(),
        sa.func.count().filter(known),
        sa.func.count().filter(known, undated),
        sa.func.count().filter(~known, undated),
        sa.func.count().filter(known, reports.c.dated_by == "text"),
    )
    with store.engine.connect() as conn:
        total, known_n, undated_n, undated_later, estimated = conn.execute(query).one()
    return ReportCounts(known_n, total, undated_n, undated_later, estimated)


def newest_day(store: Store) -> date | None:
    """The default as-of date: the newest publication date; the newest ingest day only when no report has a
    publication date (reports without one would otherwise pull the default to the day they were ingested)."""
    with store.engine.connect() as conn:
        published = conn.execute(sa.select(sa.func.max(reports.c.published))).scalar()
        return published or conn.execute(sa.select(sa.func.max(reports.c.known_from))).scalar()


# --- the headline ----------------------------------------------------------------------------------------


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


def _side_key():
    """Whose people a figure counts, for the headline: TH, KH, "both" (a total over both sides), or NULL."""
    f = figures_t
    return sa.case((f.c.both_sides.is_(True), sa.literal("both")), else_=f.c.country)


def _a_sides_running_total():
    """A figure that can be a side's toll: a running total or a count whose clause does not say what it
    counts; not one attack's victims (scope "incident": its clause ties it to one attack), not one
    province's, not a period like "recent years", not indirect deaths, not a part of a total stated beside
    it. (A figure told in a sentence that also tells an incident is not for that reason an incident's:
    "clashes have killed 9 civilians" sums up the fighting.)"""
    f = figures_t
    return sa.and_(
        sa.or_(f.c.scope.is_(None), f.c.scope == "total"),
        _naming_no_province(),
        sa.or_(f.c.part_of_total.is_(None), f.c.part_of_total.is_(False)),
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
    newest_first = (f.c.known_from.desc(), f.c.value.desc(), f.c.id)
    rank = sa.func.row_number().over(partition_by=(f.c.metric, _side_key(), f.c.group), order_by=newest_first)
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
        sa.select(f.c.metric, side, f.c.group, f.c.value, reports.c.outlet, reports.c.url, reports.c.id)
        .join(reports, reports.c.id == f.c.report_id)
        .where(scope, f.c.known_from >= as_of - timedelta(days=RECENT_DAYS))
        .order_by(*newest_first)
    )
    per_source: dict[tuple, dict[str, int]] = {key: {} for key in latest}
    with store.engine.connect() as conn:
        for metric, who, group, value, outlet, url, report_id in conn.execute(week):
            if (metric, who, group) in per_source:  # the spread compares like with like
                per_source[metric, who, group].setdefault(outlet or url_host(url) or report_id, value)
    out = []
    for (metric, who, group), (figure, report) in latest.items():
        values = list(per_source[metric, who, group].values()) or [figure.value]
        out.append(Toll(metric, who, figure, report, min(values), max(values), len(per_source[metric, who, group])))
    out = [t for t in out if not _outgrown(t, out)]
    side_order = {"TH": 0, "KH": 1, "both": 2, None: 3}
    group_order = {"military": 0, "civilian": 1, None: 2}
    return sorted(out, key=lambda t: (METRICS.index(t.metric), side_order[t.side], group_order.get(t.latest.group, 3)))


def _outgrown(toll: Toll, tolls: list[Toll]) -> bool:
    """Whether a side's toll of all its people is stale beside a count of one of its groups as new or newer: a
    group is a part of everyone, so a count of a group as large or larger means the count of all was
    overtaken (Cambodia injured "about 20" on 9 Dec beside "79 civilians" on 23 Dec)."""
    if toll.latest.group is not None:
        return False
    return any(
        t.metric == toll.metric
        and t.side == toll.side
        and t.latest.group is not None
        and (t.report.counts_from or date.min) >= (toll.report.counts_from or date.min)
        and t.latest.value >= toll.latest.value
        for t in tolls
    )


def _same(column, other):
    """Equal, NULL matching NULL (the side not stated); `other` a column or a value."""
    if other is None:
        return column.is_(None)
    if isinstance(other, sa.ColumnElement):
        return sa.or_(column == other, sa.and_(column.is_(None), other.is_(None)))
    return column == other


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


# --- meetings --------------------------------------------------------------------------------------------


@dataclass
class MeetingSummary:
    """One meeting as the reports known at the as-of date tell it, merged across them."""

    id: str
    date: date | None
    venue: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    bodies: list[str]
    statuses: list[str]
    reports: int
    keys: list[tuple[str | None, str | None]]  # the (place_key, family) pairs of its mentions
    undated_id: int | None = None  # an undated mention is a meeting of its own
    newest_status: str | None = None  # the status the newest report known gives it
    venues: list[str] = field(default_factory=list)  # two or more: the reports place it differently
    attached: list[int] = field(default_factory=list)  # undated mentions told of this dated meeting
    _seen: date | None = field(default=None, repr=False)
    places: dict = field(
        default_factory=dict, repr=False
    )  # venue -> (best status, newest report, where)  # the newest report's date behind newest_status

    def accepts(self, place: str | None, family: str | None) -> bool:
        """Same date, and the same body family (a venue dispute is still one meeting); with no family
        on either side, no conflicting place."""
        places = {p for p, _ in self.keys if p}
        families = {f for _, f in self.keys if f}
        if family is not None and families:
            return family in families
        return place is None or not places or place in places

    def place_at(self, venue: str, status: str, known: date, where: tuple) -> None:
        """A place a mention gives the meeting, with the best standing any mention gives it."""
        rank, newest, first = self.places.get(venue, ("proposed", known, where))
        best = min((rank, status), key=lambda r: VENUE_RANK.get(r, 2))
        self.places[venue] = (best, max(newest, known), first)

    @property
    def venue_text(self) -> str:
        if len(self.venues) > 1:
            return f"{' / '.join(self.venues)} (reports differ)"
        return self.venue or "venue not stated"

    def note(self, status: str, known_from: date | None) -> None:
        """A status some mention gives; the newest report's becomes the meeting's newest status."""
        if status and status not in self.statuses:
            self.statuses.append(status)
        if known_from is not None and (
            self._seen is None or known_from > self._seen or (known_from == self._seen and status == "held")
        ):
            self.newest_status, self._seen = status, known_from


# How far from its report's date an undated mention may be told of a dated meeting: a held one before it,
# a planned one after it.
HELD_BEFORE = timedelta(days=7)
PLANNED_AFTER = timedelta(days=14)


def meetings(store: Store, as_of: date, undated_limit: int = 50) -> list[MeetingSummary]:
    """Dated meetings merged across reports (same date and body family, or no conflicting place), the
    undated mentions told of one of them joined to it, then the newest other undated mentions, each on
    its own."""
    dated = _dated_meetings(store, as_of)
    return dated + _undated_meetings(store, as_of, dated, undated_limit)


def _dated_meetings(store: Store, as_of: date) -> list[MeetingSummary]:
    m = meetings_t
    combos = (
        sa.select(
            m.c.date,
            m.c.place_key,
            m.c.family,
            m.c.status,
            m.c.body,
            sa.func.max(m.c.venue),
            sa.func.max(m.c.admin1),
            sa.func.max(m.c.lat),
            sa.func.max(m.c.lon),
            sa.func.count(sa.distinct(m.c.report_id)),
            sa.func.max(m.c.known_from),
        )
        .where(_known(m, as_of), m.c.date.is_not(None))
        .group_by(m.c.date, m.c.place_key, m.c.family, m.c.status, m.c.body)
        .order_by(m.c.date, m.c.place_key.is_(None), m.c.place_key, m.c.family, m.c.status, m.c.body)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(combos).all()
    out: list[MeetingSummary] = []
    on_date: dict[date, list[MeetingSummary]] = {}
    for day, place, family, status, body, venue, admin1, lat, lon, n, known in sorted(rows, key=_venue_first):
        group = next((g for g in on_date.get(day, []) if g.accepts(place, family)), None)
        if group is None:
            group = MeetingSummary("", day, None, None, None, None, [], [], 0, [])
            on_date.setdefault(day, []).append(group)
            out.append(group)
        if venue:
            group.place_at(venue, status, known, (admin1, lat, lon))
        group.keys.append((place, family))
        group.reports += n
        group.note(status, known)
        if body and body not in group.bodies:
            group.bodies.append(body)
    for g in out:
        _place(g, g.places)
    _count_reports(store, as_of, out)
    return out


# A place reports say the meeting was held at beats one it is scheduled at, which beats one only proposed.
VENUE_RANK = {"held": 0, "scheduled": 1}


def _place(g: MeetingSummary, seen: dict[str, tuple]) -> None:
    """Where a meeting was: the places reports say it was held at beat the places it was planned at; two
    places of the same standing are a dispute, both shown."""
    if not seen:
        return
    held = [v for v, (h, _, _) in seen.items() if h == "held"]
    planned = sorted((v for v, (h, _, _) in seen.items() if h == "scheduled"), key=lambda v: seen[v][1])
    proposed = sorted(seen, key=lambda v: seen[v][1])
    g.venues = sorted(held) if held else planned[-1:] or [f"{proposed[-1]} (proposed)"]
    g.venue = g.venues[0]
    where = held[0] if held else planned[-1] if planned else proposed[-1]
    g.admin1, g.lat, g.lon = seen[where][2]


def _count_reports(store: Store, as_of: date, groups: list[MeetingSummary]) -> None:
    m = meetings_t
    with store.engine.connect() as conn:
        for g in groups:
            places = sorted({p for p, _ in g.keys if p})
            families = sorted({f for _, f in g.keys if f})
            g.id = f"m-{g.date:%Y%m%d}-{'+'.join(places) or 'x'}-{'+'.join(families) or 'x'}"
            if len(g.keys) > 1 or g.attached:  # a report that names the meeting twice counts once
                g.reports = conn.execute(
                    sa.select(sa.func.count(sa.distinct(m.c.report_id))).where(_known(m, as_of), _meeting_of(g))
                ).scalar_one()


def _meeting_of(g: MeetingSummary):
    """The mentions of a merged meeting: its date and one of its (place, body family) pairs, or an undated
    mention told of it."""
    m = meetings_t
    keys = [sa.and_(_same(m.c.place_key, p), _same(m.c.family, f)) for p, f in dict.fromkeys(g.keys)]
    dated = sa.and_(m.c.date == g.date, sa.or_(*keys))
    return sa.or_(dated, m.c.id.in_(g.attached)) if g.attached else dated


def _venue_first(row) -> tuple:
    """Within a date, mentions with a place first, so a group takes its venue from them."""
    return (row[0], row[1] is None, row[1] or "", row[2] or "")


def _told_of(dated: list[MeetingSummary], reports: dict[str, set], row) -> MeetingSummary | None:
    """The dated meeting an undated mention tells of, if one: a meeting its own report dates (no conflicting
    place or body family), else one of the same body family (no conflicting place, or on the report's own
    day) that was held just before its report (a held mention) or is planned just after it."""
    _, report_id, known, place, family, status = row
    same_report = [
        g
        for g in dated
        if report_id in reports.get(g.id, ())
        and (family is None or family in {f for _, f in g.keys})
        and g.accepts(place, family)
        and (g.date <= known if status == "held" else g.date >= known)
    ]
    if same_report:
        return (max if status == "held" else min)(same_report, key=lambda g: g.date)
    if family is None or known is None:
        return None
    near = [
        g
        for g in dated
        if family in {f for _, f in g.keys}
        and (known - HELD_BEFORE <= g.date <= known if status == "held" else known <= g.date <= known + PLANNED_AFTER)
        and (g.accepts(place, None) or g.date >= known - timedelta(days=1))
    ]
    return (max if status == "held" else min)(near, key=lambda g: g.date, default=None)


def _undated_meetings(
    store: Store, as_of: date, dated: list[MeetingSummary], limit: int | None
) -> list[MeetingSummary]:
    """The undated mentions that tell of no dated meeting, newest first (those that do are joined to it)."""
    m = meetings_t
    query = (
        sa.select(
            m.c.id,
            m.c.report_id,
            m.c.known_from,
            m.c.place_key,
            m.c.family,
            m.c.status,
            m.c.venue,
            m.c.admin1,
            m.c.lat,
            m.c.lon,
            m.c.body,
        )
        .where(_known(m, as_of), m.c.date.is_(None))
        .order_by(m.c.known_from.desc(), m.c.id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        reports = (
            {
                g.id: set(conn.execute(sa.select(m.c.report_id).where(_known(m, as_of), _meeting_of(g))).scalars())
                for g in dated
            }
            if rows
            else {}
        )
    alone = []
    for row in rows:
        group = _told_of(dated, reports, row[:6])
        if group is None:
            alone.append(row)
            continue
        group.attached.append(row[0])
        group.note(row[5], row[2])
        if row[6] and row[5] == "held":  # an undated plan does not move a dated meeting
            group.place_at(row[6], row[5], row[2], (row[7], row[8], row[9]))
            _place(group, group.places)
        if row[10] and row[10] not in group.bodies:
            group.bodies.append(row[10])
    if any(g.attached for g in dated):
        _count_reports(store, as_of, [g for g in dated if g.attached])
    return [
        MeetingSummary(
            f"u-{i}",
            None,
            venue,
            admin1,
            lat,
            lon,
            [body] if body else [],
            [status],
            1,
            [(place, family)],
            undated_id=i,
            newest_status=status,
        )
        for i, _, _, place, family, status, venue, admin1, lat, lon, body in alone[:limit]
    ]


def count_undated_meetings(store: Store, as_of: date) -> int:
    """How many undated mentions are meetings of their own (not told of a dated one)."""
    return len(_undated_meetings(store, as_of, _dated_meetings(store, as_of), None))


def meeting_quotes(store: Store, as_of: date, g: MeetingSummary, limit: int) -> list[tuple[Meeting, Report]]:
    """What each report says of a meeting, newest report first."""
    m = meetings_t
    which = m.c.id == g.undated_id if g.undated_id is not None else _meeting_of(g)
    query = _select_with_reports(m).where(_known(m, as_of), which)
    return _with_reports(store, "meetings", query.order_by(m.c.known_from.desc(), m.c.id).limit(limit))


# --- the map ---------------------------------------------------------------------------------------------


def province_activity(store: Store, as_of: date) -> Counter:
    """How much the reports say about each province: mentions of it or of places inside it, incidents there."""
    p, i = places_t, incidents_t
    with store.engine.connect() as conn:
        counts = Counter(
            dict(
                conn.execute(
                    sa.select(p.c.admin1, sa.func.count())
                    .where(_known(p, as_of), p.c.admin1.is_not(None))
                    .group_by(p.c.admin1)
                ).all()
            )
        )
        for admin1, n in conn.execute(
            sa.select(i.c.admin1, sa.func.count()).where(_known(i, as_of)).group_by(i.c.admin1)
        ).all():
            for code in (admin1 or "").strip("|").split("|"):
                if code:
                    counts[code] += n
    return counts


@dataclass(frozen=True)
class MapPlace:
    """A place below province level, with how often and how precisely the reports name it."""

    place_id: str
    name: str
    kind: str
    admin1: str | None
    lat: float
    lon: float
    border_km: float | None
    border_distance_km: float | None
    mentions: int
    reports: int
    precision: int


def map_places(store: Store, as_of: date, limit: int = 2000) -> list[MapPlace]:
    p = places_t
    query = (
        sa.select(
            p.c.place_id,
            sa.func.max(p.c.name),
            sa.func.max(p.c.kind),
            sa.func.max(p.c.admin1),
            sa.func.max(p.c.lat),
            sa.func.max(p.c.lon),
            sa.func.max(p.c.border_km),
            sa.func.max(p.c.border_distance_km),
            sa.func.count(),
            sa.func.count(sa.distinct(p.c.report_id)),
            sa.func.min(p.c.precision),
        )
        .where(_known(p, as_of), p.c.kind != "province", p.c.admin1.is_not(None))
        .group_by(p.c.place_id)
        .order_by(sa.func.count().desc(), p.c.place_id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [MapPlace(*row) for row in conn.execute(query).all()]


# --- a province ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceSummary:
    """One place of a province: its mentions, and the newest one with its report."""

    name: str
    kind: str
    precision: int
    mentions: int
    reports: int
    newest: PlaceMention
    report: Report


@dataclass
class ProvinceCounts:
    code: str
    mentions: int
    places: int
    incidents: int
    figures: int

    @property
    def empty(self) -> bool:
        return not (self.mentions or self.incidents or self.figures)


def _incidents_in(code: str):
    return incidents_t.c.admin1.like(f"%|{code}|%")


def _figures_about(code: str, as_of: date):
    """Figures told in a sentence that names the province or a place in it."""
    f = figures_t
    return sa.and_(_known(f, as_of), f.c.provinces.like(f"%|{code}|%"))


def province_counts(store: Store, as_of: date, code: str) -> ProvinceCounts:
    p, i, f = places_t, incidents_t, figures_t
    with store.engine.connect() as conn:
        mentions, places = conn.execute(
            sa.select(sa.func.count(), sa.func.count(sa.distinct(p.c.place_id))).where(
                _known(p, as_of), p.c.admin1 == code
            )
        ).one()
        incidents = conn.execute(sa.select(sa.func.count()).where(_known(i, as_of), _incidents_in(code))).scalar_one()
        figures = conn.execute(
            sa.select(sa.func.count()).select_from(f).where(_figures_about(code, as_of))
        ).scalar_one()
    return ProvinceCounts(code, mentions, places, incidents, figures)


def province_places(store: Store, as_of: date, code: str, limit: int) -> list[PlaceSummary]:
    """The province's places, most mentioned first, each with its newest mention."""
    p = places_t
    top = (
        sa.select(
            p.c.place_id,
            sa.func.count(),
            sa.func.count(sa.distinct(p.c.report_id)),
            sa.func.min(p.c.precision),
        )
        .where(_known(p, as_of), p.c.admin1 == code)
        .group_by(p.c.place_id)
        .order_by(sa.func.count().desc(), p.c.place_id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(top).all()
    out = []
    for place_id, mentions, n_reports, precision in rows:
        newest = (
            _select_with_reports(p)
            .where(_known(p, as_of), p.c.admin1 == code, p.c.place_id == place_id)
            .order_by(p.c.known_from.desc(), p.c.id)
            .limit(1)
        )
        [(mention, report)] = _with_reports(store, "places", newest)
        out.append(PlaceSummary(mention.name, mention.kind, precision, mentions, n_reports, mention, report))
    return out


def incident_episodes(store: Store, as_of: date, code: str) -> list[tuple[str | None, int]]:
    """How many incidents of the province each episode has, the newest episode first."""
    i = incidents_t
    query = sa.select(i.c.episode, sa.func.count()).where(_known(i, as_of), _incidents_in(code)).group_by(i.c.episode)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    order = {ep.id: n for n, ep in enumerate(EPISODES)}
    return sorted(rows, key=lambda r: order.get(r[0], -1), reverse=True)


def province_incidents(
    store: Store, as_of: date, code: str, episode: str | None, limit: int
) -> list[tuple[Incident, Report]]:
    i = incidents_t
    query = (
        _select_with_reports(i)
        .where(_known(i, as_of), _incidents_in(code), _same(i.c.episode, episode))
        .order_by(i.c.known_from.desc(), i.c.id)
        .limit(limit)
    )
    return _with_reports(store, "incidents", query)


def province_figures(store: Store, as_of: date, code: str, limit: int) -> list[tuple[Figure, Report]]:
    f = figures_t
    query = _select_with_reports(f).where(_figures_about(code, as_of)).order_by(f.c.known_from.desc(), f.c.id)
    return _with_reports(store, "figures", query.limit(limit))


# --- figures by source -----------------------------------------------------------------------------------


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


# --- ceasefire monitoring --------------------------------------------------------------------------------


def _incident_day():
    """An incident's day: the one its report gives, else the day its report counts from."""
    return sa.func.coalesce(incidents_t.c.date, incidents_t.c.known_from)


@functools.cache
def _gazetteer():
    from dashboard.gazetteer import gazetteer

    return gazetteer()


@functools.lru_cache(maxsize=20_000)
def _place_point(name: str, admin1: tuple[str, ...]) -> tuple[float, float, int] | None:
    """Where a place an incident names lies: the gazetteer's best sense inside the incident's provinces."""
    gaz = _gazetteer()
    senses = gaz.resolve(name)
    inside = [p for p in senses if p.admin1 in admin1 or p.id in admin1] or ([] if admin1 else senses)
    if not inside:
        return None
    p = inside[0]
    return (p.lat, p.lon, 3 if p.kind == "province" else p.precision)


def locate_incident(i: Incident) -> tuple[float, float, int] | None:
    """The incident's most precise point: its most precise place, else its first province's centre."""
    points = [pt for name in i.places if (pt := _place_point(name, tuple(i.admin1)))]
    if not points and i.admin1:
        province = _gazetteer().provinces.get(i.admin1[0])
        points = [(province.lat, province.lon, 3)] if province else []
    return min(points, key=lambda pt: pt[2]) if points else None


TELLING_KEY = ("date", "known_day", "kind", "places", "admin1", "reported_by", "accused", "denied_by", "timing")


def _of_a_new_event():
    """Not a telling of an earlier period (a retrospective, a memorial): it makes no new event."""
    return sa.or_(incidents_t.c.timing.is_(None), incidents_t.c.timing != "earlier")


def _telling_groups(as_of: date, since: date):
    """Incidents from `since` to the as-of date, told by reports known by then, grouped by how they are told
    (the same day, kind, places and sides): how many reports tell each so, and one of them as a sample."""
    i, day = incidents_t, _incident_day()
    known_day = sa.case((i.c.date.is_(None), i.c.known_from), else_=None).label("known_day")
    columns = (
        i.c.date,
        known_day,
        i.c.kind,
        i.c.places,
        i.c.admin1,
        i.c.reported_by,
        i.c.accused,
        i.c.denied_by,
        i.c.timing,
    )
    return (
        sa.select(*columns, sa.func.count(sa.distinct(i.c.report_id)).label("n"), sa.func.min(i.c.id).label("sample"))
        .join(reports, reports.c.id == i.c.report_id)
        .where(_known(i, as_of), day >= since, day <= as_of, _dated(), _of_a_new_event())
        .group_by(*columns)
        .order_by(sa.func.max(day).desc())
    )


def _dated():
    """A telling that can be put on a day: it gives one, or its report has a publication date (a telling with
    neither would fall on the day its report was ingested, which says nothing of when it happened)."""
    return sa.or_(incidents_t.c.date.is_not(None), reports.c.published.is_not(None))


def undated_tellings(store: Store, as_of: date) -> int:
    """Incidents told with no date, in reports without a publication date: left off the days."""
    i = incidents_t
    query = (
        sa.select(sa.func.count())
        .select_from(i.join(reports, reports.c.id == i.c.report_id))
        .where(_known(i, as_of), ~_dated())
    )
    with store.engine.connect() as conn:
        return conn.execute(query).scalar_one()


def incident_events(store: Store, as_of: date, since: date, limit: int = 20_000) -> list[IncidentEvent]:
    """Incidents from `since` to the as-of date, told by reports known by then, one event per incident
    across reports (dashboard.reconcile), oldest first. Reports that tell an incident alike are counted in
    the store and merged as one telling; at most `limit` such tellings, the newest."""
    i = incidents_t
    with store.engine.connect() as conn:
        groups = conn.execute(_telling_groups(as_of, since).limit(limit)).mappings().all()
    samples = {}
    ids = [g["sample"] for g in groups]
    for chunk in range(0, len(ids), 1000):
        query = _select_with_reports(i).where(i.c.id.in_(ids[chunk : chunk + 1000]))
        with store.engine.connect() as conn:
            for row in conn.execute(query).mappings().all():
                samples[row["id"]] = (record_from_row("incidents", row), report_from_row(row, prefix="r_"))
    tellings = []
    for g in groups:
        incident, report = samples[g["sample"]]
        day = incident.date or report.counts_from or g["known_day"]
        key = tuple(g[k] for k in TELLING_KEY)
        tellings.append(Telling(incident, report, day, locate_incident(incident), g["n"], key))
    # a denial that answers nothing in the window (its accusation came before it) is not an incident of its own
    return [e for e in merge_incidents(tellings) if not all(t.is_denial_only for t in e.tellings)]


def event_tellings(store: Store, as_of: date, keys: tuple[tuple, ...], limit: int) -> list[tuple[Incident, Report]]:
    """Every report's telling of an event (the keys of its tellings), newest report first."""
    i = incidents_t
    match = [
        sa.and_(
            _same(i.c.date, d),
            *([i.c.known_from == known] if d is None else []),
            *(_same(i.c[name], value) for name, value in zip(TELLING_KEY[2:], rest, strict=True)),
        )
        for d, known, *rest in keys
    ]
    query = (
        _select_with_reports(i)
        .where(_known(i, as_of), sa.or_(*match))
        .order_by(i.c.known_from.desc(), i.c.id)
        .limit(limit)
    )
    return _with_reports(store, "incidents", query)


def count_incident_tellings(store: Store, as_of: date, since: date) -> int:
    i, day = incidents_t, _incident_day()
    query = sa.select(sa.func.count()).where(_known(i, as_of), day >= since, day <= as_of, _of_a_new_event())
    with store.engine.connect() as conn:
        return conn.execute(query).scalar_one()


# --- the toll tracker ------------------------------------------------------------------------------------


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


def _naming_no_province():
    """A figure whose sentence names no province: a side's total, not one province's."""
    return sa.or_(figures_t.c.provinces.is_(None), figures_t.c.provinces == "")


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
    province or of a period, nor a part of a total. At most `limit`, the newest."""
    f = figures_t
    query = (
        _select_with_reports(f)
        .where(_tracked(as_of, episode, metric, side, group), _a_sides_running_total())
        .order_by(f.c.known_from.desc(), f.c.id.desc())
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


# --- what reports say of the ceasefire and its provisions ------------------------------------------------


@dataclass(frozen=True)
class StanceCount:
    topic: str
    stance: str
    reports: int
    newest: date


def statement_counts(store: Store, as_of: date, since: date) -> list[StanceCount]:
    """Per topic and stance: how many reports known at the as-of date, from `since` on, say so, and the
    newest day one did."""
    s = statements_t
    query = (
        sa.select(s.c.topic, s.c.stance, sa.func.count(sa.distinct(s.c.report_id)), sa.func.max(s.c.known_from))
        .where(_known(s, as_of), s.c.known_from >= since)
        .group_by(s.c.topic, s.c.stance)
    )
    with store.engine.connect() as conn:
        return [StanceCount(*row) for row in conn.execute(query).all()]


def statement_quotes(store: Store, as_of: date, since: date, topic: str, limit: int) -> list[tuple[object, Report]]:
    """What reports say of one topic from `since` to the as-of date, newest first."""
    s = statements_t
    query = (
        _select_with_reports(s)
        .where(_known(s, as_of), s.c.known_from >= since, s.c.topic == topic)
        .order_by(s.c.known_from.desc(), s.c.id)
        .limit(limit)
    )
    return _with_reports(store, "statements", query)
