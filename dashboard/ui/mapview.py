"""The border map as plain data built from records: no data logic, no Streamlit, no HTML page.

`map_data` gives one JSON-able dict (the layers, their styles and escaped tooltip labels, the legend and the
attributions) that dashboard/ui/mapcomponent.py draws with Leaflet in the browser. It does not depend on the
selection: the app writes it once per store revision and view as a static file the browser fetches and keeps,
and the selected province is only a code sent with each run.

The page carries the provinces coarser than the gazetteer's (COARSE_TOLERANCE, about a pixel at the opening
zoom); zoomed in to FINE_ZOOM the map fetches the gazetteer's outlines once, as a static file, and swaps them in.
"""

from __future__ import annotations

import html
from functools import cache

import shapely

from dashboard.gazetteer import Gazetteer
from dashboard.queries.meetings import MeetingSummary
from dashboard.queries.province import MapPlace
from dashboard.reconcile import IncidentEvent
from dashboard.summary import event_days
from dashboard.ui.assets import json_text, static_json

ATTRIBUTION = (
    "Border: © OpenStreetMap contributors (ODbL) · Provinces: Natural Earth (public domain) · "
    "Places: GeoNames (CC BY 4.0)"
)
KIND_COLOURS = {
    "temple": "#7c3aed",
    "checkpoint": "#0f766e",
    "district": "#64748b",
    "area": "#64748b",
    "village": "#b45309",
    "town": "#b45309",
    "city": "#b45309",
    "capital": "#111827",
}
SIDE_FILL = {"TH": "#3b82f6", "KH": "#ef4444"}
KM_STEP = 100
NEAR_KM = 250  # Thai provinces farther than this from the line are drawn as one grey outline
CENTRE, ZOOM = (13.3, 103.6), 7
COARSE_TOLERANCE = 0.01  # degrees (~1 km): a pixel at zoom 7, where the map opens
FINE_ZOOM = 9  # from this zoom on, the gazetteer's outlines (provinces.geojson) are drawn


def _shade(count: int, top: int) -> float:
    return 0.08 + 0.62 * (count / top) if top else 0.08


def near_border(gaz: Gazetteer, code: str) -> bool:
    distance = gaz.provinces[code].border_distance_km
    return code.startswith("KH") or (distance is not None and distance <= NEAR_KM)


@cache
def _far_outline(gaz: Gazetteer):
    far = [poly for code, poly in gaz.polygons.items() if not near_border(gaz, code)]
    return shapely.union_all(far).simplify(0.02) if far else None


def context_layer(gaz: Gazetteer) -> dict | None:
    """The rest of Thailand as one light outline: context at a fraction of the vertices."""
    outline = _far_outline(gaz)
    if outline is None:
        return None
    return {"name": "Rest of Thailand", "geometry": outline.__geo_interface__}


@cache
def coarse_polygons(gaz: Gazetteer) -> dict[str, object]:
    """The provinces simplified together (neighbours keep shared edges), for the page as it opens."""
    codes = list(gaz.polygons)
    simple = shapely.coverage_simplify([gaz.polygons[c] for c in codes], COARSE_TOLERANCE)
    return dict(zip(codes, shapely.set_precision(simple, 1e-4), strict=True))


@cache
def fine_outlines_url(gaz: Gazetteer) -> str:
    """The drawn provinces at the gazetteer's detail, {code: geometry}, as a static file fetched on zooming in."""
    fine = {code: gaz.polygons[code].__geo_interface__ for code in gaz.polygons if near_border(gaz, code)}
    return static_json("provinces", json_text(fine))


def province_layer(gaz: Gazetteer, activity: dict[str, int]) -> dict:
    """The provinces near the line as GeoJSON features: code, name, side, mentions, their fill and the
    tooltip `label` (escaped HTML)."""
    top = max((activity.get(c, 0) for c in gaz.polygons), default=0)
    features = []
    for code, poly in coarse_polygons(gaz).items():
        if not near_border(gaz, code):
            continue
        p = gaz.provinces[code]
        n = activity.get(code, 0)
        features.append(
            {
                "type": "Feature",
                "geometry": poly.__geo_interface__,
                "properties": {
                    "code": code,
                    "name": p.name,
                    "country": p.country,
                    "mentions": n,
                    "fillColor": SIDE_FILL[p.country],
                    "fillOpacity": round(_shade(n, top), 3),
                    "label": html.escape(f"{p.name} ({code}) · {n} mention{'s' if n != 1 else ''} in the reports"),
                },
            }
        )
    return {"name": "Provinces", "features": {"type": "FeatureCollection", "features": features}}


def _points(name: str, points: list[tuple[float, float, dict]]) -> dict:
    """A layer of circle markers: each point's style (radius, color, weight, fillColor) and its tooltip `label`
    (escaped HTML)."""
    return {"name": name, "points": [{"lat": lat, "lon": lon, **props} for lat, lon, props in points]}


def border_layer(gaz: Gazetteer) -> dict:
    """The line, and a mark every 100 km from the Laos tripoint with its label always shown."""
    marks = []
    for km in range(0, int(gaz.border.length_km) + 1, KM_STEP):
        lat, lon = gaz.border.point_at_km(km)
        label = "km 0 · Laos tripoint" if km == 0 else f"km {km}"
        marks.append((lat, lon, {"radius": 3, "color": "#111827", "weight": 1, "fillColor": "#111827", "label": label}))
    return {
        "name": "Border line and km marks",
        "line": [[round(lat, 5), round(lon, 5)] for lon, lat in gaz.border.line.coords],
        "label": f"Thailand–Cambodia border, {gaz.border.length_km:.0f} km",
        "marks": _points("km marks", marks)["points"],
    }


def places_layer(places: list[MapPlace]) -> dict:
    """One marker per place mentioned below province level, sized by mentions; precision in the tooltip."""
    points = []
    for p in places:
        precision = {1: "exact place", 2: "near a place"}.get(p.precision, "province")
        where = (
            f"km {p.border_km:.0f} from the Laos tripoint, {p.border_distance_km:.1f} km from the line"
            if p.border_km is not None and p.border_distance_km is not None
            else ""
        )
        label = (
            f"<b>{html.escape(p.name)}</b> ({html.escape(p.kind)}, {html.escape(p.admin1 or '')})<br>"
            f"{p.mentions} mention(s) in {p.reports} report(s) · {precision}<br>{html.escape(where)}"
        )
        style = {"radius": 4 + min(p.mentions, 6), "color": "#1f2937", "weight": 1}
        points.append((p.lat, p.lon, {**style, "fillColor": KIND_COLOURS.get(p.kind, "#b45309"), "label": label}))
    return _points("Places mentioned", points)


def venues_layer(meetings: list[MeetingSummary]) -> dict:
    points = []
    for g in meetings:
        if g.lat is None or g.lon is None:
            continue
        when = g.when_text
        label = (
            f"<b>Meeting · {html.escape(when)}</b><br>{html.escape(g.venue or '')}<br>"
            f"{html.escape(g.body_text)}<br>{g.reports} report(s)"
        )
        style = {"radius": 9, "color": "#166534", "weight": 3, "fillColor": "#ffffff"}
        points.append((g.lat, g.lon, {**style, "label": label}))
    return _points("Meeting venues", points)


INCIDENT_COLOURS = {  # fill: what was done
    "airstrike": "#dc2626",
    "drone": "#db2777",
    "rocket": "#ea580c",
    "artillery": "#2563eb",
    "landmine": "#854d0e",
    "armed_clash": "#16a34a",
    "confrontation": "#ca8a04",
    "other": "#6b7280",
    "airspace": "#f9a8d4",  # alleged violations that are no attack: pale
    "encroachment": "#86efac",
    "provocation": "#fde68a",
}
ACCUSED_RING = {"TH": "#1d4ed8", "KH": "#b91c1c", "both": "#7e22ce", None: "#111827"}  # edge: who is accused


def incidents_layer(events: list[IncidentEvent]) -> dict:
    """One marker per incident event of the window (not per report), coloured by kind, its edge by the side
    accused; approximate places (a province's centre) drawn smaller and said so."""
    points = []
    for e in events:
        if e.point is None:
            continue
        lat, lon, precision = e.point
        where = ", ".join(e.places) or ", ".join(e.admin1)
        approx = " · placed at the province's centre" if precision >= 3 else ""
        accused = {"TH": "Thailand", "KH": "Cambodia", "both": "each side"}.get(e.accused, "no side")
        label = (
            f"<b>{html.escape(e.kind.replace('_', ' '))} · {html.escape(event_days(e))}</b><br>"
            f"{html.escape(where)}{approx}<br>"
            f"{html.escape(accused)} accused · {e.reports} report(s)<br><i>event {html.escape(e.id)}</i>"
        )
        style = {"radius": 5 if precision >= 3 else 7, "color": ACCUSED_RING[e.accused], "weight": 2}
        points.append((lat, lon, {**style, "fillColor": INCIDENT_COLOURS.get(e.kind, "#6b7280"), "label": label}))
    return _points("Incidents", points)


LEGEND_HTML = """
<span style="background:#3b82f6"></span>Thai province &nbsp;
<span style="background:#ef4444"></span>Cambodian province<br>
<i>darker = more said in the reports</i><br>
<span class="dot" style="background:#7c3aed"></span>temple
<span class="dot" style="background:#0f766e"></span>checkpoint
<span class="dot" style="background:#b45309"></span>town/village<br>
<span class="ring"></span>meeting venue &nbsp;<b>—</b> border, km from Laos<br>
incidents: <span class="dot" style="background:#dc2626"></span>air
<span class="dot" style="background:#ea580c"></span>rocket
<span class="dot" style="background:#2563eb"></span>shelling
<span class="dot" style="background:#db2777"></span>drone<br>
<span class="dot" style="background:#16a34a"></span>clash
<span class="dot" style="background:#854d0e"></span>mine ·
<i>edge: blue Thailand, red Cambodia accused</i>
"""
LEGEND_CSS = """
.bw-legend{max-width:250px;background:rgba(255,255,255,.92);padding:4px 7px;font:11px/1.35 sans-serif;border-radius:4px;
 box-shadow:0 1px 4px rgba(0,0,0,.3)}
.bw-legend span{display:inline-block;width:10px;height:10px;margin-right:3px;vertical-align:middle;opacity:.6}
.bw-legend span.dot{border-radius:6px;opacity:1}
.bw-legend span.ring{border:3px solid #166534;border-radius:8px;width:10px;height:10px;background:#fff;opacity:1}
.bw-legend summary{cursor:pointer;font-weight:bold}
.bw-legend:not([open]){padding:3px 8px}
.bw-legend[open]{max-height:128px;overflow-y:auto}
.leaflet-container .leaflet-tooltip{white-space:normal;width:max-content;max-width:260px}
.leaflet-container .leaflet-control-attribution{font:10px/1.4 sans-serif;max-width:60%}
.km-mark{font:11px sans-serif;color:#111827;white-space:nowrap;text-shadow:0 0 3px #fff,0 0 3px #fff}
"""


TILES = {  # off until the visitor turns it on (it needs the internet)
    "name": "OpenStreetMap tiles (online)",
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": "&copy; OpenStreetMap contributors",
}


def map_data(
    gaz: Gazetteer,
    activity: dict[str, int],
    places: list[MapPlace],
    meetings: list[MeetingSummary],
    events: list[IncidentEvent] = (),
) -> dict:
    """The base map as data, the same for every selection (dashboard/ui/mapcomponent.py draws it). `events`:
    the incidents of the window shown (the episode chosen, up to the as-of date). Every text that reaches
    HTML (labels, legend) is escaped here or is the module's own."""
    return {
        "centre": list(CENTRE),
        "zoom": ZOOM,
        "minZoom": 5,
        "maxZoom": 13,
        "fineZoom": FINE_ZOOM,
        "fineUrl": fine_outlines_url(gaz),
        "context": context_layer(gaz),
        "provinces": province_layer(gaz, activity),
        "border": border_layer(gaz),
        "points": [places_layer(places), venues_layer(meetings), incidents_layer(list(events))],
        "tiles": TILES,
        "legend": LEGEND_HTML.strip(),
        "attribution": html.escape(ATTRIBUTION),
    }


def map_url(data: dict) -> str:
    """The map's data written once as a static file named by its content: the browser fetches and keeps it."""
    return static_json("map", json_text(data))
