"""The timeline's queries: incidents from a window's first day to the as-of date, one event per incident across
reports (dashboard.reconcile), each telling's point on the map, every report's telling of one event; and the
window's first day."""

from __future__ import annotations

import functools
from datetime import date

import sqlalchemy as sa

from dashboard.episodes import (
    window_start,  # noqa: F401 (re-exported: the timeline's first day)
)
from dashboard.queries.common import _known, _same, _select_with_reports, _with_reports, incidents_t
from dashboard.reconcile import IncidentEvent, Telling, merge_incidents
from dashboard.records import Incident, Report
from dashboard.schema import reports
from dashboard.store import Store
from dashboard.store_rows import record_from_row, report_from_row


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
        sa.select(
            *columns,
            sa.func.count(sa.distinct(i.c.report_id)).label("n"),
            sa.func.min(i.c.id).label("sample"),
            sa.func.aggregate_strings(i.c.report_id, " ").label("report_ids"),  # an event counts each report once
        )
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
        ids = frozenset((g["report_ids"] or "").split())
        tellings.append(Telling(incident, report, day, locate_incident(incident), g["n"], key, ids))
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
