"""The border map as folium layers built from records: no data logic, no Streamlit.

The base map (provinces, border line with km marks, places, meeting venues, legend, attributions) does
not depend on the selection, so st_folium keeps the same map between reruns; the selected province's
outline is a separate FeatureGroup passed as `feature_group_to_add`.

The page carries the provinces coarser than the gazetteer's (COARSE_TOLERANCE, about a pixel at the opening
zoom); zoomed in to FINE_ZOOM the map fetches the gazetteer's outlines once, as a static file, and swaps them in.
"""

from __future__ import annotations

import html
import json
from functools import cache

import folium
import shapely
from branca.element import MacroElement, Template

from dashboard.gazetteer import Gazetteer
from dashboard.queries import MapPlace, MeetingSummary
from dashboard.reconcile import IncidentEvent
from dashboard.summary import event_days
from dashboard.ui.assets import LEAFLET_CSS_URL, LEAFLET_JS_URL, json_text, static_json

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


class _Script(MacroElement):
    """A few lines of JavaScript run with the map (legend, attribution)."""

    def __init__(self, body: str):
        super().__init__()
        self._template = Template(
            "{% macro script(this, kwargs) %}(function(map){"
            + body
            + "})({{ this._parent.get_name() }});{% endmacro %}"
        )


def _base_map() -> folium.Map:
    m = folium.Map(
        location=CENTRE, zoom_start=ZOOM, tiles=None, min_zoom=5, max_zoom=13, control_scale=True, prefer_canvas=True
    )
    m.default_js = [("leaflet", LEAFLET_JS_URL)]
    m.default_css = [("leaflet_css", LEAFLET_CSS_URL)]
    return m


def _shade(count: int, top: int) -> float:
    return 0.08 + 0.62 * (count / top) if top else 0.08


def near_border(gaz: Gazetteer, code: str) -> bool:
    distance = gaz.provinces[code].border_distance_km
    return code.startswith("KH") or (distance is not None and distance <= NEAR_KM)


@cache
def _far_outline(gaz: Gazetteer):
    far = [poly for code, poly in gaz.polygons.items() if not near_border(gaz, code)]
    return shapely.union_all(far).simplify(0.02) if far else None


def context_layer(gaz: Gazetteer) -> folium.GeoJson | None:
    """The rest of Thailand as one light outline: context at a fraction of the vertices."""
    outline = _far_outline(gaz)
    if outline is None:
        return None
    return folium.GeoJson(
        outline.__geo_interface__,
        name="Rest of Thailand",
        interactive=False,
        style_function=lambda f: {"fillColor": "#cbd5e1", "color": "#94a3b8", "weight": 0.6, "fillOpacity": 0.35},
    )


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


def fine_on_zoom(url: str) -> _Script:
    """Zoomed in to FINE_ZOOM, fetch the detailed outlines once and swap them into the province polygons
    (same layers: their style, tooltip and click stay)."""
    return _Script(
        f"var url={json.dumps(url)},state=0;"
        "function swap(){if(state||map.getZoom()<" + str(FINE_ZOOM) + ")return;state=1;"
        "fetch(url).then(function(r){return r.json();}).then(function(fine){state=2;"
        "map.eachLayer(function(l){var f=l.feature,g=f&&f.properties&&fine[f.properties.code];"
        "if(g&&l.setLatLngs){l.setLatLngs(L.GeoJSON.coordsToLatLngs(g.coordinates,g.type==='Polygon'?1:2));"
        "f.geometry=g;}});}).catch(function(){state=0;});}"
        "map.on('zoomend',swap);"
    )


def province_layer(gaz: Gazetteer, activity: dict[str, int]) -> folium.GeoJson:
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
                    "label": html.escape(f"{p.name} ({code}) · {n} mention{'s' if n != 1 else ''} in the reports"),
                },
            }
        )
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Provinces",
        style_function=lambda f: {
            "fillColor": SIDE_FILL[f["properties"]["country"]],
            "color": "#475569",
            "weight": 0.6,
            "fillOpacity": _shade(f["properties"]["mentions"], top),
        },
        highlight_function=lambda f: {"weight": 2, "color": "#111827"},
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
    )


def _points(name: str, points: list[tuple[float, float, dict]], tooltip: folium.GeoJsonTooltip) -> folium.FeatureGroup:
    """Many circle markers as one GeoJSON layer: one element to render, not one per marker. Each point's
    properties hold its style (radius, color, weight, fillColor) and its tooltip `label` (escaped HTML)."""
    group = folium.FeatureGroup(name=name)
    if not points:
        return group
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}
        for lat, lon, props in points
    ]
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        marker=folium.CircleMarker(),
        style_function=lambda f: {
            "radius": f["properties"]["radius"],
            "color": f["properties"]["color"],
            "weight": f["properties"]["weight"],
            "fill": True,
            "fillColor": f["properties"]["fillColor"],
            "fillOpacity": 0.9,
        },
        tooltip=tooltip,
    ).add_to(group)
    return group


def border_layer(gaz: Gazetteer) -> folium.FeatureGroup:
    """The line, and a mark every 100 km from the Laos tripoint with its label always shown."""
    group = folium.FeatureGroup(name="Border line and km marks")
    coords = [(lat, lon) for lon, lat in gaz.border.line.coords]
    folium.PolyLine(
        coords,
        color="#111827",
        weight=3,
        opacity=0.9,
        tooltip=f"Thailand–Cambodia border, {gaz.border.length_km:.0f} km",
    ).add_to(group)
    marks = []
    for km in range(0, int(gaz.border.length_km) + 1, KM_STEP):
        lat, lon = gaz.border.point_at_km(km)
        label = "km 0 · Laos tripoint" if km == 0 else f"km {km}"
        marks.append((lat, lon, {"radius": 3, "color": "#111827", "weight": 1, "fillColor": "#111827", "label": label}))
        folium.Marker(
            (lat, lon),
            icon=folium.DivIcon(html=f'<div class="km-mark">{label}</div>', icon_size=(90, 14), icon_anchor=(-6, 7)),
        ).add_to(group)
    _points("km marks", marks, folium.GeoJsonTooltip(fields=["label"], labels=False)).add_to(group)
    return group


def places_layer(places: list[MapPlace]) -> folium.FeatureGroup:
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
    return _points("Places mentioned", points, folium.GeoJsonTooltip(fields=["label"], labels=False))


def venues_layer(meetings: list[MeetingSummary]) -> folium.FeatureGroup:
    points = []
    for g in meetings:
        if g.lat is None or g.lon is None:
            continue
        when = g.date.isoformat() if g.date else "date not stated"
        label = (
            f"<b>Meeting · {html.escape(when)}</b><br>{html.escape(g.venue or '')}<br>"
            f"{html.escape(' / '.join(g.bodies) or 'body not stated')}<br>{g.reports} report(s)"
        )
        style = {"radius": 9, "color": "#166534", "weight": 3, "fillColor": "#ffffff"}
        points.append((g.lat, g.lon, {**style, "label": label}))
    return _points("Meeting venues", points, folium.GeoJsonTooltip(fields=["label"], labels=False))


INCIDENT_COLOURS = {  # fill: what was done
    "airstrike": "#dc2626",
    "drone": "#db2777",
    "rocket": "#ea580c",
    "artillery": "#2563eb",
    "landmine": "#854d0e",
    "armed_clash": "#16a34a",
    "other": "#6b7280",
}
ACCUSED_RING = {"TH": "#1d4ed8", "KH": "#b91c1c", "both": "#7e22ce", None: "#111827"}  # edge: who is accused


def incidents_layer(events: list[IncidentEvent]) -> folium.FeatureGroup:
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
    return _points("Incidents", points, folium.GeoJsonTooltip(fields=["label"], labels=False))


LEGEND_HTML = """
<div class="bw-legend"><b>Border Watch</b><br>
<span style="background:#3b82f6"></span>Thai province &nbsp;
<span style="background:#ef4444"></span>Cambodian province<br>
<i>darker = more said in the reports</i><br>
<span class="dot" style="background:#7c3aed"></span>temple
<span class="dot" style="background:#0f766e"></span>checkpoint
<span class="dot" style="background:#b45309"></span>town/village<br>
<span class="ring"></span>meeting venue &nbsp;<b>—</b> border line, km from the Laos tripoint<br>
incidents: <span class="dot" style="background:#dc2626"></span>air
<span class="dot" style="background:#ea580c"></span>rocket
<span class="dot" style="background:#2563eb"></span>shelling
<span class="dot" style="background:#db2777"></span>drone
<span class="dot" style="background:#16a34a"></span>clash
<span class="dot" style="background:#854d0e"></span>mine<br>
<i>edge: blue Thailand accused, red Cambodia accused</i></div>
"""
LEGEND_CSS = """
.bw-legend{background:rgba(255,255,255,.92);padding:6px 8px;font:12px/1.5 sans-serif;border-radius:4px;
 box-shadow:0 1px 4px rgba(0,0,0,.3)}
.bw-legend span{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle;opacity:.6}
.bw-legend span.dot{border-radius:6px;opacity:1}
.bw-legend span.ring{border:3px solid #166534;border-radius:8px;width:10px;height:10px;background:#fff;opacity:1}
.leaflet-container .leaflet-control-attribution{font:10px/1.4 sans-serif;max-width:60%}
.km-mark{font:11px sans-serif;color:#111827;white-space:nowrap;text-shadow:0 0 3px #fff,0 0 3px #fff}
"""


def legend_and_attribution() -> _Script:
    body = (
        f"var css=document.createElement('style');css.textContent={json.dumps(LEGEND_CSS)};"
        "document.head.appendChild(css);"
        "var legend=L.control({position:'bottomright'});"
        f"legend.onAdd=function(){{var d=L.DomUtil.create('div');d.innerHTML={json.dumps(LEGEND_HTML)};return d;}};"
        "legend.addTo(map);"
        f"map.attributionControl.setPrefix(false);map.attributionControl.addAttribution({json.dumps(ATTRIBUTION)});"
    )
    return _Script(body)


def build_map(
    gaz: Gazetteer,
    activity: dict[str, int],
    places: list[MapPlace],
    meetings: list[MeetingSummary],
    events: list[IncidentEvent] = (),
) -> folium.Map:
    """The base map: the same for every selection, so the browser keeps it between reruns. `events`: the
    incidents of the window shown (the episode chosen, up to the as-of date)."""
    m = _base_map()
    context = context_layer(gaz)
    if context is not None:
        context.add_to(m)
    province_layer(gaz, activity).add_to(m)
    border_layer(gaz).add_to(m)
    places_layer(places).add_to(m)
    venues_layer(meetings).add_to(m)
    incidents_layer(list(events)).add_to(m)
    online_tiles().add_to(m)
    folium.LayerControl(position="topleft", collapsed=True).add_to(m)
    legend_and_attribution().add_to(m)
    fine_on_zoom(fine_outlines_url(gaz)).add_to(m)
    return m


def online_tiles() -> folium.TileLayer:
    """An OpenStreetMap tile layer, off until the visitor turns it on (it needs the internet)."""
    return folium.TileLayer(
        "OpenStreetMap", name="OpenStreetMap tiles (online)", show=False, overlay=True, control=True
    )


def selection_layer(gaz: Gazetteer, code: str | None) -> folium.FeatureGroup:
    """The selected province's outline, drawn on top of the base map."""
    group = folium.FeatureGroup(name="Selected province")
    if code and code in gaz.polygons:
        folium.GeoJson(
            gaz.polygons[code].__geo_interface__,
            interactive=False,
            style_function=lambda f: {"color": "#f59e0b", "weight": 4, "fillOpacity": 0},
        ).add_to(group)
    return group


def clicked_province(value: dict | None) -> str | None:
    """The province code of a st_folium return value, from the clicked feature's properties."""
    drawing = (value or {}).get("last_active_drawing") or {}
    code = (drawing.get("properties") or {}).get("code")
    return code if isinstance(code, str) else None
