"""The data of one view of the page, to take away: CSV tables (one per record type, ACLED-like columns) and a
GeoJSON FeatureCollection (RFC 7946) of what the page shows at an as-of date, episode and timeline filters.

A view is what dashboard/app.py shows for those values: the incident events of the timeline's window
(`episodes.window_start`) that the timeline's filters keep, the headline's tolls, the figures table (the
figure filters: metrics and sides), the meetings and the places on the map. The app's download buttons and
`python -m dashboard export` both build it here, from the public queries (dashboard.queries).

Every cell a report's text or metadata fills goes through dashboard.untrusted: `csv_cell` in the CSV (no
spreadsheet formula), `strip_invisible` in the GeoJSON (no direction or zero-width characters); links only
as rebuilt http(s) URLs (`safe_url`).

Size: one module for one view's data in its two formats: the tables and the GeoJSON share the rows, columns and
escaping; split, the GeoJSON would import every table builder.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import orjson

from dashboard.episodes import window_start
from dashboard.gazetteer import Gazetteer
from dashboard.pubdate import BOUND
from dashboard.queries import MapPlace, MeetingSummary, Queries
from dashboard.reconcile import IncidentEvent, Telling
from dashboard.records import Report
from dashboard.summary import (
    GROUP_WORDS,
    METRICS,
    SIDES,
    Toll,
    current_episode,
    dated_how,
    display_value,
    episode_label,
    outlet_name,
    side_name,
)
from dashboard.untrusted import csv_cell, safe_url, strip_invisible

FORMATS = ("csv", "geojson")
TABLES = ("incidents", "incident_sources", "tolls", "figures", "meetings", "places")
ACCUSED_CHOICES = ("TH", "KH", "both", "none")  # "none": no side is accused
MEETING_QUOTES = 10  # quotes per meeting in the meetings table
SEP = " | "  # between the items of a cell that lists several (sources, quotes)

INCIDENT_COLUMNS = [
    "event_id",
    "event_date",
    "last_date",
    "date_precision",  # 1: a report states the day; 2: only the first report's date (it happened by then)
    "kind",
    "country",  # ISO 3166-1 alpha-2 of the first province's country
    "admin1",  # ISO 3166-2 codes of the provinces, | between them
    "admin1_name",
    "location",  # the places named, | between them
    "latitude",
    "longitude",
    "geo_precision",  # ACLED's: 1 the place, 2 near it, 3 the province only
    "accused",  # TH, KH, both (each side accuses the other) or empty
    "accusing",  # who accuses: TH|KH
    "denied_by",
    "reports",
    "sources",  # outlet · report date · link, for each way of telling it
    "quotes",
]
SOURCE_COLUMNS = [
    "event_id",
    "report_id",
    "report",
    "outlet",
    "url",
    "report_date",
    "report_dated_by",
    "told_by",
    "accused",
    "denied_by",
    "reports_telling_it_alike",
    "quote",
]
TOLL_COLUMNS = [
    "metric",
    "side",
    "side_name",
    "group",
    "value",
    "shown",
    "qualifier",
    "low",
    "high",
    "sources_this_week",
    "episode",
    "outlet",
    "url",
    "report_date",
    "report_dated_by",
    "report_id",
    "quote",
]
MEETING_COLUMNS = [
    "meeting_id",
    "date",
    "venue",
    "venues",
    "admin1",
    "latitude",
    "longitude",
    "bodies",
    "statuses",
    "newest_status",
    "reports",
    "sources",
    "quotes",
]
PLACE_COLUMNS = [
    "place_id",
    "name",
    "kind",
    "admin1",
    "admin1_name",
    "latitude",
    "longitude",
    "geo_precision",
    "border_km",
    "border_distance_km",
    "mentions",
    "reports",
]


@dataclass(frozen=True)
class Filters:
    """The timeline's filters, as codes: incident kinds (artillery, drone, ...), accused sides (ACCUSED_CHOICES)
    and province codes; empty: all."""

    kinds: tuple[str, ...] = ()
    accused: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()

    def keeps(self, e: IncidentEvent) -> bool:
        return (
            (not self.kinds or any(k in self.kinds for k in e.kinds))
            and (not self.accused or (e.accused or "none") in self.accused)
            and (not self.provinces or bool(set(e.admin1) & set(self.provinces)))
        )


@dataclass(frozen=True)
class View:
    """What the page shows: `episode` is the episode chosen (None: all episodes), as in the app."""

    as_of: date
    episode: str | None = None
    filters: Filters = Filters()
    metrics: tuple[str, ...] = tuple(METRICS)
    sides: tuple[str, ...] = tuple(SIDES.values())

    @property
    def toll_episode(self) -> str | None:
        """The headline's episode: the one chosen, else the one going on at the as-of date (never all)."""
        return self.episode or current_episode(self.as_of)

    @property
    def since(self) -> date:
        return window_start(self.episode, self.as_of)


@dataclass(frozen=True)
class ViewData:
    view: View
    events: list[IncidentEvent]
    tolls: list[Toll]
    figures: list[dict]
    figures_total: int
    meetings: list[MeetingSummary]
    places: list[MapPlace]


def view_events(q: Queries, view: View) -> list[IncidentEvent]:
    """The incident events the timeline lists for the view (one per event across reports), oldest first."""
    return [e for e in q.timeline_events(view.as_of, view.since) if view.filters.keeps(e)]


def view_data(q: Queries, view: View) -> ViewData:
    rows, total = q.figure_rows(view.as_of, view.episode, list(view.metrics), list(view.sides))
    return ViewData(
        view,
        view_events(q, view),
        q.latest_tolls(view.as_of, view.toll_episode),
        [_figure(row) for row in rows.astype(object).where(rows.notna(), None).to_dict("records")],
        total,
        q.meetings(view.as_of),
        q.map_places(view.as_of),
    )


def _figure(row: dict) -> dict:
    """A row of the figures table as the page lists it, its link rebuilt (or dropped) as the page does."""
    return {**row, "url": safe_url(row.get("url")) or ""}


# --- rows --------------------------------------------------------------------------------------------------


def _source(r: Report) -> dict:
    return {
        "report_id": r.id,
        "report": r.label,
        "outlet": outlet_name(r),
        "url": safe_url(r.url) or "",
        "report_date": r.counts_from,
        "report_dated_by": dated_how(r) or "its metadata",
    }


def _cite(r: Report) -> str:
    day = ("by " if r.dated_by == BOUND else "") + r.counts_from.isoformat() if r.counts_from else "undated"
    parts = [outlet_name(r), day, safe_url(r.url) or ""]
    return " · ".join(p for p in parts if p)


def _names(gaz: Gazetteer, codes: Iterable[str]) -> list[str]:
    return [gaz.provinces[c].name if c in gaz.provinces else c for c in codes]


def incident_row(gaz: Gazetteer, e: IncidentEvent) -> dict:
    lat, lon, precision = e.point if e.point else (None, None, None)
    return {
        "event_id": e.id,
        "event_date": e.day,
        "last_date": e.last_day,
        "date_precision": 1 if e.stated else 2,
        "kind": e.kind,
        "country": e.admin1[0].split("-")[0] if e.admin1 else "",
        "admin1": list(e.admin1),
        "admin1_name": _names(gaz, e.admin1),
        "location": list(e.places),
        "latitude": round(lat, 6) if lat is not None else None,
        "longitude": round(lon, 6) if lon is not None else None,
        "geo_precision": precision,
        "accused": e.accused or "",
        "accusing": e.accusers,
        "denied_by": e.deniers,
        "reports": e.reports,
        "sources": SEP.join(_cite(t.report) for t in e.tellings),
        "quotes": SEP.join(t.incident.evidence.quote for t in e.tellings),
    }


def source_row(e: IncidentEvent, t: Telling) -> dict:
    i = t.incident
    return {
        "event_id": e.id,
        **_source(t.report),
        "told_by": i.reported_by or "",
        "accused": i.accused or "",
        "denied_by": i.denied_by or "",
        "reports_telling_it_alike": t.reports,
        "quote": i.evidence.quote,
    }


def toll_row(t: Toll) -> dict:
    f = t.latest
    return {
        "metric": t.metric,
        "side": t.side or "",
        "side_name": side_name(t.side),
        "group": GROUP_WORDS.get(f.group, f.group or "all"),
        "value": f.value,
        "shown": display_value(f),
        "qualifier": f.qualifier,
        "low": t.low,
        "high": t.high,
        "sources_this_week": t.sources,
        "episode": episode_label(f.period),
        **{k: v for k, v in _source(t.report).items() if k != "report"},
        "quote": f.evidence.quote,
    }


def meeting_row(q: Queries, as_of: date, g: MeetingSummary) -> dict:
    quotes = q.meeting_quotes(as_of, g, MEETING_QUOTES)
    return {
        "meeting_id": g.id,
        "date": g.date,
        "last_day": g.end,  # a meeting over a span of days ("4-7 August"): its last day; else empty
        "days_inferred": g.inferred or "",  # how its days were inferred when no report states them
        "venue": g.venue or "",
        "venues": list(g.venues),
        "admin1": g.admin1 or "",
        "latitude": round(g.lat, 6) if g.lat is not None else None,
        "longitude": round(g.lon, 6) if g.lon is not None else None,
        "bodies": list(g.bodies),
        "statuses": list(g.statuses),
        "newest_status": g.newest_status or "",
        "reports": g.reports,
        "sources": SEP.join(_cite(r) for _, r in quotes),
        "quotes": SEP.join(m.evidence.quote for m, _ in quotes),
    }


def place_row(gaz: Gazetteer, p: MapPlace) -> dict:
    return {
        "place_id": p.place_id,
        "name": p.name,
        "kind": p.kind,
        "admin1": p.admin1 or "",
        "admin1_name": _names(gaz, [p.admin1])[0] if p.admin1 else "",
        "latitude": round(p.lat, 6),
        "longitude": round(p.lon, 6),
        "geo_precision": p.precision,
        "border_km": p.border_km,
        "border_distance_km": p.border_distance_km,
        "mentions": p.mentions,
        "reports": p.reports,
    }


def tables(q: Queries, gaz: Gazetteer, data: ViewData) -> dict[str, list[dict]]:
    """The view's rows, per table (TABLES): plain values, report text as it is (not yet made safe)."""
    return {
        "incidents": [incident_row(gaz, e) for e in data.events],
        "incident_sources": [source_row(e, t) for e in data.events for t in e.tellings],
        "tolls": [toll_row(t) for t in data.tolls],
        "figures": data.figures,
        "meetings": [meeting_row(q, data.view.as_of, g) for g in data.meetings],
        "places": [place_row(gaz, p) for p in data.places],
    }


COLUMNS = {
    "incidents": INCIDENT_COLUMNS,
    "incident_sources": SOURCE_COLUMNS,
    "tolls": TOLL_COLUMNS,
    "meetings": MEETING_COLUMNS,
    "places": PLACE_COLUMNS,
}


# --- CSV ---------------------------------------------------------------------------------------------------


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    """One table as CSV (RFC 4180 line ends), every cell through untrusted.csv_cell; a table with no rows
    still has its header."""
    fields = columns or (list(rows[0]) if rows else [])
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=fields, lineterminator="\r\n", extrasaction="ignore")
    w.writeheader()
    for row in rows:
        w.writerow({k: csv_cell(_plain(row.get(k))) for k in fields})
    return out.getvalue()


def _plain(value):
    """None as an empty cell; text without invisible characters."""
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_invisible(value)
    if isinstance(value, list | tuple):
        return [strip_invisible(v) if isinstance(v, str) else v for v in value]
    return value


def csv_tables(rows: dict[str, list[dict]]) -> dict[str, str]:
    """Each table as its own CSV file: {file name: text}."""
    from dashboard.summary import FIGURE_COLUMNS

    columns = {**COLUMNS, "figures": FIGURE_COLUMNS}
    return {f"{name}.csv": to_csv(rows[name], columns[name]) for name in TABLES}


# --- GeoJSON -------------------------------------------------------------------------------------------------


def _feature(layer: str, lon: float, lat: float, props: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},  # RFC 7946: lon, lat
        "properties": {"layer": layer, **{k: _property(v) for k, v in props.items()}},
    }


def _property(value):
    """A JSON value: dates as YYYY-MM-DD, lists kept as arrays, text without invisible characters."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_property(v) for v in value]
    if isinstance(value, str):
        return strip_invisible(value)
    return value


def geojson(rows: dict[str, list[dict]], view: View) -> dict:
    """The incidents, places and meeting venues with a point, as one RFC 7946 FeatureCollection (WGS 84
    longitude, latitude; no `crs`); each feature's `layer` says which."""
    features = []
    for layer, name in (("incident", "incidents"), ("place", "places"), ("meeting_venue", "meetings")):
        for row in rows[name]:
            lat, lon = row.get("latitude"), row.get("longitude")
            if lat is None or lon is None:
                continue  # not placed: in the CSV, not on a map
            props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
            features.append(_feature(layer, lon, lat, props))
    return {
        "type": "FeatureCollection",
        "features": features,
        # a foreign member (RFC 7946 §6.1): what the file is a view of
        "view": {
            "as_of": view.as_of.isoformat(),
            "episode": view.episode or "all",
            "window_start": view.since.isoformat(),
            "kinds": list(view.filters.kinds),
            "accused": list(view.filters.accused),
            "provinces": list(view.filters.provinces),
        },
    }


def geojson_text(doc: dict) -> str:
    return orjson.dumps(doc).decode("utf-8")


def file_stem(view: View) -> str:
    """A name for the view's files: border-watch_2026-01-10_dec2025."""
    return f"border-watch_{view.as_of.isoformat()}_{view.episode or 'all'}"
