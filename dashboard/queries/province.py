"""The map's and a province's queries: how much reports say of each province, the places on the map, and one
province's counts, places, incidents (by episode) and figures, newest first, a page at a time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from dashboard.episodes import EPISODES
from dashboard.queries.common import (
    _known,
    _same,
    _select_with_reports,
    _with_reports,
    figures_t,
    incidents_t,
    places_t,
)
from dashboard.records import Figure, Incident, PlaceMention, Report
from dashboard.store import Store


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
