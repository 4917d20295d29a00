"""The map as data: layers, feature properties, local assets and escaped tooltips."""

import json
import os
import time
from datetime import date

import pytest

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.queries import MeetingSummary
from dashboard.read import read_reports
from dashboard.store import Store
from dashboard.ui import assets
from dashboard.ui.mapview import INCIDENT_COLOURS, map_data, map_url
from tests.conftest import ROOT, SEEDS

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
    m = map_data(gaz, activity, queries.map_places(seeds, DAY), meetings or queries.meetings(seeds, DAY))
    return m, activity


def points(m, name):
    [layer] = [p for p in m["points"] if p["name"] == name]
    return layer["points"]


def test_the_map_has_provinces_border_places_and_venues(gaz, seeds):
    m, _ = seed_map(gaz, seeds)
    codes = {f["properties"]["code"] for f in m["provinces"]["features"]["features"]}
    assert {"TH-22", "KH-2", "KH-12", "TH-30"} <= codes and not {"TH-90", "TH-50"} & codes
    assert sum(c.startswith("KH") for c in codes) == 24
    assert m["context"]["name"] == "Rest of Thailand"
    assert m["border"]["name"] == "Border line and km marks" and len(m["border"]["line"]) > 100
    assert [p["name"] for p in m["points"]] == ["Places mentioned", "Meeting venues", "Incidents"]
    json.dumps(m)  # plain data: written as a static file the browser fetches


def test_provinces_are_shaded_by_what_the_reports_say(gaz, seeds):
    m, activity = seed_map(gaz, seeds)
    props = {f["properties"]["code"]: f["properties"] for f in m["provinces"]["features"]["features"]}
    assert props["TH-22"]["mentions"] == activity["TH-22"] > 0 and props["TH-30"]["mentions"] == 0
    assert props["TH-22"]["fillOpacity"] > props["TH-30"]["fillOpacity"]
    assert props["TH-22"]["fillColor"] != props["KH-2"]["fillColor"]


def test_no_cdn_is_named_and_the_online_tiles_are_only_an_option(gaz, seeds):
    m, _ = seed_map(gaz, seeds)
    text = json.dumps(m) + (ROOT / "dashboard" / "ui" / "map" / "border_map.js").read_text()
    for host in ("cdn.jsdelivr", "code.jquery", "cdnjs", "bootstrapcdn", "unpkg"):
        assert host not in text
    assert m["tiles"]["name"] == "OpenStreetMap tiles (online)"  # drawn only when the visitor turns it on


def test_km_marks_start_at_the_laos_tripoint(gaz, seeds):
    labels = [p["label"] for p in seed_map(gaz, seeds)[0]["border"]["marks"]]
    assert labels[0] == "km 0 · Laos tripoint" and "km 800" in labels


def test_the_attributions_are_on_the_map(gaz, seeds):
    text = seed_map(gaz, seeds)[0]["attribution"]
    assert "OpenStreetMap contributors (ODbL)" in text and "Natural Earth" in text and "GeoNames (CC BY 4.0)" in text


def test_tooltips_escape_text(gaz, seeds):
    evil = "<img src=x onerror=alert(1)>"
    meeting = MeetingSummary("m1", date(2025, 12, 24), evil, "TH-22", 12.6, 102.1, [evil], ["scheduled"], 1, [])
    m, _ = seed_map(gaz, seeds, [meeting])
    assert evil not in json.dumps(m)
    [label] = [p["label"] for p in points(m, "Meeting venues")]
    assert "&lt;img src=x onerror=alert(1)&gt;" in label and "<img" not in label


def test_incidents_are_one_marker_per_event_by_kind_with_escaped_labels(gaz, seeds):
    events = queries.incident_events(seeds, DAY, date(2025, 12, 4))
    assert events
    evil = "<img src=x onerror=alert(1)>"
    events[0].places.insert(0, evil)
    activity = queries.province_activity(seeds, DAY)
    m = map_data(gaz, activity, queries.map_places(seeds, DAY), queries.meetings(seeds, DAY), events)
    markers = points(m, "Incidents")
    assert len(markers) == sum(1 for e in events if e.point)  # one per event, not per report
    assert {p["fillColor"] for p in markers} <= set(INCIDENT_COLOURS.values())
    assert evil not in json.dumps(m) and any("&lt;img" in p["label"] for p in markers)


def test_the_map_data_is_written_once_under_a_name_of_its_content(gaz, seeds):
    m, _ = seed_map(gaz, seeds)
    url = map_url(m)
    assert url == map_url(seed_map(gaz, seeds)[0]) and url.startswith("/app/static/generated/map-")
    path = ROOT / "dashboard" / "static" / url.removeprefix("/app/static/")
    assert json.loads(path.read_text()) == json.loads(json.dumps(m))


def test_old_map_files_are_removed_when_a_new_one_is_written(gaz, seeds):
    url = map_url(seed_map(gaz, seeds)[0])
    path = ROOT / "dashboard" / "static" / url.removeprefix("/app/static/")
    stale = path.with_name("map-000000000000.json")
    stale.write_text("{}")
    day_old = time.time() - assets.KEEP_S - 60
    os.utime(stale, (day_old, day_old))
    other = assets.static_json("map", '{"another": "map"}')
    assert not stale.exists() and path.exists()
    (ROOT / "dashboard" / "static" / other.removeprefix("/app/static/")).unlink()
