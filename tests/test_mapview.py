"""The map as data: layers, feature properties, local assets and escaped tooltips."""

from datetime import date

import folium
import pytest

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.queries import MeetingSummary
from dashboard.read import read_reports
from dashboard.store import Store
from dashboard.ui.mapview import INCIDENT_COLOURS, build_map, clicked_province, selection_layer
from tests.conftest import SEEDS

DAY = date(2025, 12, 23)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory, gaz):
    store = Store(tmp_path_factory.mktemp("map") / "seeds.sqlite3")
    reports, _ = read_reports([SEEDS])
    for r in reports:
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    return store


def seed_map(gaz, seeds, meetings=None):
    activity = queries.province_activity(seeds, DAY)
    m = build_map(gaz, activity, queries.map_places(seeds, DAY), meetings or queries.meetings(seeds, DAY))
    return m, activity


def layers(m, kind):
    return [c for c in m._children.values() if isinstance(c, kind)]


def test_the_map_has_provinces_border_places_and_venues(gaz, seeds):
    m, _ = seed_map(gaz, seeds)
    [_, provinces] = layers(m, folium.GeoJson)
    codes = {f["properties"]["code"] for f in provinces.data["features"]}
    assert {"TH-22", "KH-2", "KH-12", "TH-30"} <= codes and not {"TH-90", "TH-50"} & codes
    assert sum(c.startswith("KH") for c in codes) == 24
    names = {g.layer_name for g in layers(m, folium.FeatureGroup)}
    assert names == {"Border line and km marks", "Places mentioned", "Meeting venues", "Incidents"}


def test_provinces_are_shaded_by_what_the_reports_say(gaz, seeds):
    m, activity = seed_map(gaz, seeds)
    [_, provinces] = layers(m, folium.GeoJson)
    mentions = {f["properties"]["code"]: f["properties"]["mentions"] for f in provinces.data["features"]}
    assert mentions["TH-22"] == activity["TH-22"] > 0 and mentions["TH-30"] == 0


def test_leaflet_is_served_by_the_app_and_no_cdn_is_named(gaz, seeds):
    m, _ = seed_map(gaz, seeds)
    html = m.get_root().render()
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    for host in ("cdn.jsdelivr", "code.jquery", "cdnjs", "bootstrapcdn", "unpkg"):
        assert host not in html


def test_the_online_tile_layer_is_optional_and_off(gaz, seeds):
    m, _ = seed_map(gaz, seeds)
    [tiles] = layers(m, folium.TileLayer)
    assert tiles.show is False and tiles.control is True


def test_km_marks_start_at_the_laos_tripoint(gaz, seeds):
    html = seed_map(gaz, seeds)[0].get_root().render()
    assert "Laos tripoint" in html and "km 800" in html


def test_the_attributions_are_on_the_map(gaz, seeds):
    html = seed_map(gaz, seeds)[0].get_root().render()
    assert "OpenStreetMap contributors (ODbL)" in html and "Natural Earth" in html and "GeoNames (CC BY 4.0)" in html


def test_tooltips_escape_text(gaz, seeds):
    evil = "<img src=x onerror=alert(1)>"
    meeting = MeetingSummary("m1", date(2025, 12, 24), evil, "TH-22", 12.6, 102.1, [evil], ["scheduled"], 1, [])
    m, _ = seed_map(gaz, seeds, [meeting])
    html = m.get_root().render()
    assert evil not in html
    [venues] = [g for g in layers(m, folium.FeatureGroup) if g.layer_name == "Meeting venues"]
    [points] = [c for c in venues._children.values() if isinstance(c, folium.GeoJson)]
    [label] = [f["properties"]["label"] for f in points.data["features"]]
    assert "&lt;img src=x onerror=alert(1)&gt;" in label and "<img" not in label


def test_incidents_are_one_marker_per_event_by_kind_with_escaped_labels(gaz, seeds):
    events = queries.incident_events(seeds, DAY, date(2025, 12, 4))
    assert events
    evil = "<img src=x onerror=alert(1)>"
    events[0].places.insert(0, evil)
    activity = queries.province_activity(seeds, DAY)
    m = build_map(gaz, activity, queries.map_places(seeds, DAY), queries.meetings(seeds, DAY), events)
    [layer] = [g for g in layers(m, folium.FeatureGroup) if g.layer_name == "Incidents"]
    [points] = [c for c in layer._children.values() if isinstance(c, folium.GeoJson)]
    features = points.data["features"]
    assert len(features) == sum(1 for e in events if e.point)  # one per event, not per report
    assert {f["properties"]["fillColor"] for f in features} <= set(INCIDENT_COLOURS.values())
    assert evil not in m.get_root().render() and any("&lt;img" in f["properties"]["label"] for f in features)


def test_the_selection_is_its_own_layer(gaz):
    group = selection_layer(gaz, "TH-22")
    assert len(group._children) == 1
    assert len(selection_layer(gaz, None)._children) == 0


def test_a_click_on_a_province_gives_its_code():
    value = {
        "last_active_drawing": {"type": "Feature", "properties": {"code": "TH-22", "name": "Chanthaburi"}},
        "last_object_clicked_count": 3,
    }
    assert clicked_province(value) == "TH-22"
    assert clicked_province({"last_active_drawing": {"type": "Feature", "geometry": {}}}) is None
    assert clicked_province(None) is None
