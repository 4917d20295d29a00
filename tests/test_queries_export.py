"""The data of a view to take away (dashboard/queries/export.py and `python -m dashboard export`): on the generated
corpus, the CSV and the GeoJSON hold exactly the incident events the page's timeline lists at that as-of date,
episode and filters; the GeoJSON is valid RFC 7946; report text cannot become a spreadsheet formula."""

import csv
import io
import json
from datetime import date

import geojson_validator
import pytest
from geojson_pydantic import FeatureCollection

from dashboard import queries
from dashboard.__main__ import main
from dashboard.queries import export as qx
from dashboard.store import Store
from dashboard.summary import current_episode
from dashboard.ui import events as ui_events
from dashboard.ui import timeline

DAYS = (date(2026, 1, 10), date(2025, 8, 20), date(2025, 12, 15))  # a ceasefire with violations, July, fighting


@pytest.fixture(scope="module")
def store(generated):
    s = Store(generated[1])
    yield s
    s.close()


def timeline_ids(store, gaz, as_of, episode, kinds=(), accused=(), provinces=()) -> set[str]:
    """The incident events the page's timeline lists: its items, filtered as timeline_view filters them (by the
    words its filter widgets show)."""
    since = timeline.window_start(episode, as_of)
    events = queries.timeline_events(store, as_of, since)
    items = timeline.timeline_items(events, [], since, as_of)
    words = {ui_events.kind_word(k) for k in kinds}
    accused_words = {ui_events.ACCUSED_WORDS[None if a == "none" else a] for a in accused}
    return {
        i.id
        for i in items
        if i.lane == "Incidents"
        and (not words or set(i.kinds) & words)
        and (not accused_words or ui_events.ACCUSED_WORDS[i.accused] in accused_words)
        and (not provinces or set(i.provinces) & set(provinces))
    }


def export(store, gaz, view):
    q = queries.Queries(store)
    rows = qx.tables(q, gaz, qx.view_data(q, view))
    return qx.csv_tables(rows), qx.geojson(rows, view)


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("as_of", DAYS)
def test_the_csv_and_geojson_of_a_view_hold_exactly_the_events_the_timeline_lists(store, gaz, as_of):
    episode = current_episode(as_of)  # the page as it opens: the episode going on at the date
    files, doc = export(store, gaz, qx.View(as_of, episode))
    listed = timeline_ids(store, gaz, as_of, episode)
    assert listed  # each of these dates lists incidents
    incidents = csv_rows(files["incidents.csv"])
    assert len(incidents) == len({r["event_id"] for r in incidents})  # one row per event
    assert {r["event_id"] for r in incidents} == listed
    assert {r["event_id"] for r in csv_rows(files["incident_sources.csv"])} == listed
    placed = {f["properties"]["event_id"] for f in doc["features"] if f["properties"]["layer"] == "incident"}
    unplaced = {r["event_id"] for r in incidents if not r["latitude"]}
    assert placed == listed - unplaced and len(unplaced) < len(listed)


@pytest.mark.parametrize(
    "filters",
    [
        qx.Filters(kinds=("artillery",)),
        qx.Filters(accused=("KH",)),
        qx.Filters(accused=("TH", "none")),
        qx.Filters(provinces=("TH-27",)),
        qx.Filters(kinds=("drone", "artillery"), provinces=("KH-22", "TH-27")),
    ],
)
def test_the_timeline_filters_keep_the_same_events_in_the_download(store, gaz, filters):
    as_of = date(2026, 1, 30)
    files, doc = export(store, gaz, qx.View(as_of, "dec2025", filters))
    listed = timeline_ids(store, gaz, as_of, "dec2025", filters.kinds, filters.accused, filters.provinces)
    everything = timeline_ids(store, gaz, as_of, "dec2025")
    assert listed and listed < everything  # the filter keeps some, not all
    assert {r["event_id"] for r in csv_rows(files["incidents.csv"])} == listed
    assert {f["properties"]["event_id"] for f in doc["features"] if f["properties"]["layer"] == "incident"} <= listed


def test_all_episodes_widen_the_window_to_the_first_episode(store, gaz):
    as_of = date(2026, 1, 10)
    files, _ = export(store, gaz, qx.View(as_of, None))
    ids = {r["event_id"] for r in csv_rows(files["incidents.csv"])}
    assert ids == timeline_ids(store, gaz, as_of, None)
    assert any(i.startswith("i-202507") for i in ids) and any(i.startswith("i-202512") for i in ids)


def test_the_geojson_is_valid_rfc_7946(store, gaz):
    _, doc = export(store, gaz, qx.View(date(2026, 1, 10), "dec2025"))
    text = qx.geojson_text(doc)
    FeatureCollection.model_validate_json(text)  # geojson-pydantic: the RFC's structure
    assert geojson_validator.validate_structure(json.loads(text), check_crs=True) == {}  # no crs member either
    assert geojson_validator.validate_geometries(json.loads(text))["invalid"] == {}
    assert geojson_validator.validate_geometries(json.loads(text))["problematic"] == {}
    assert "crs" not in doc
    layers = {f["properties"]["layer"] for f in doc["features"]}
    assert layers == {"incident", "place", "meeting_venue"}
    for f in doc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert 97 < lon < 108 and 0 < lat < 21  # longitude first: the border lies at ~103°E, ~13°N
        assert isinstance(f["properties"], dict)
    [kantharalak] = [f for f in doc["features"] if f["properties"].get("name") == "Kantharalak"]
    assert kantharalak["geometry"]["coordinates"] == [104.65, 14.64]


def test_each_table_has_its_acled_like_columns(store, gaz):
    files, _ = export(store, gaz, qx.View(date(2026, 1, 10), "dec2025"))
    assert set(files) == {f"{t}.csv" for t in qx.TABLES}
    header = next(csv.reader(io.StringIO(files["incidents.csv"])))
    assert header == qx.INCIDENT_COLUMNS
    row = next(r for r in csv_rows(files["incidents.csv"]) if r["event_id"].startswith("i-20251230-artillery-"))
    assert row["admin1"] == "TH-27" and row["admin1_name"] == "Sa Kaeo" and row["country"] == "TH"
    assert row["accused"] == "KH" and row["accusing"] == "TH" and row["denied_by"] == "KH"
    assert row["date_precision"] == "1" and row["geo_precision"] in ("1", "2")
    assert "Ban Nong Chan" in row["location"] and row["quotes"] and row["sources"]
    tolls = csv_rows(files["tolls.csv"])
    assert tolls and all(r["quote"] and r["report_date"] for r in tolls)


def test_no_cell_of_report_text_is_a_formula_and_links_are_http(store, gaz):
    files, doc = export(store, gaz, qx.View(date(2025, 12, 15), "dec2025"))
    for name, text in files.items():
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (name, cell)
                assert not (cell.startswith("-") and not cell.lstrip("-").replace(".", "").isdigit()), (name, cell)
    for row in csv_rows(files["incident_sources.csv"]) + csv_rows(files["figures.csv"]):
        assert row["url"] == "" or row["url"].startswith(("http://", "https://"))
        assert not set(row["url"]) & set(" ()[]<>\"'")  # rebuilt from its parts (untrusted.safe_url)


def test_a_hostile_cell_is_neutralised():
    text = qx.to_csv([{"outlet": '=HYPERLINK("http://x")', "quote": "@SUM(1)", "n": 3, "l": ["-1+2", "a"]}])
    row = next(csv.DictReader(io.StringIO(text)))
    assert row == {"outlet": '\'=HYPERLINK("http://x")', "quote": "'@SUM(1)", "n": "3", "l": "'-1+2|a"}
    assert qx.to_csv([{"t": "a\u202eb"}]).splitlines()[1] == "ab"  # no direction controls


# --- the command line ----------------------------------------------------------------------------------------


def test_the_command_line_exports_the_same_view(generated, gaz, store, tmp_path, capsys):
    assert main(["export", "--db", str(generated[1]), "--asof", "2026-01-10", "--format", "geojson"]) == 0
    doc = json.loads(capsys.readouterr().out)
    FeatureCollection.model_validate(doc)
    listed = timeline_ids(store, gaz, date(2026, 1, 10), "dec2025")
    assert {f["properties"]["event_id"] for f in doc["features"] if f["properties"]["layer"] == "incident"} <= listed
    out = tmp_path / "tables"
    args = ["export", "--db", str(generated[1]), "--asof", "2026-01-10", "--format", "csv", "--kind", "artillery"]
    assert main([*args, "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in qx.TABLES)
    ids = {r["event_id"] for r in csv_rows((out / "incidents.csv").read_text())}
    assert ids == timeline_ids(store, gaz, date(2026, 1, 10), "dec2025", kinds=("artillery",))
    assert main([*args, "--table", "tolls"]) == 0
    assert capsys.readouterr().out.startswith("metric,side,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--asof", "10/01/2026", "--format", "csv"], "not a date: '10/01/2026'"),
        (["--asof", "2026-02-30", "--format", "csv"], "not a date"),
        (["--asof", "2026-01-10", "--format", "xlsx"], "invalid choice: 'xlsx'"),
        (["--asof", "2026-01-10"], "--format"),
    ],
)
def test_bad_dates_and_formats_are_said(args, message, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["export", *args])
    assert exit.value.code == 2 and message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv"], "one file per table"),
        (["--format", "geojson", "--province", "TH-99"], "unknown province code(s): TH-99"),
        (["--format", "geojson", "--episode", "jan2030"], "unknown episode 'jan2030'"),
    ],
)
def test_a_view_that_cannot_be_exported_says_why(generated, args, message, capsys):
    assert main(["export", "--db", str(generated[1]), "--asof", "2026-01-10", *args]) == 2
    assert message in capsys.readouterr().err


def test_a_missing_store_is_said(tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    assert main(["export", "--db", str(missing), "--asof", "2026-01-10", "--format", "geojson"]) == 2
    assert f"no store at {missing}" in capsys.readouterr().err
    assert not missing.exists()  # not created


def test_the_timelines_caption_counts_meetings_agreements_and_other_turning_points_each_as_what_it_is():
    """An outbreak of fighting or a step carried out (agreements-file rows) is no "meeting or agreement"."""
    from dashboard.ui.timeline import TimelineItem, lane_counts

    def item(lane, kind):
        return TimelineItem("x", date(2025, 7, 24), lane, kind, "label", None, ())

    items = [item("Incidents", "shelling"), item("Agreements", "fighting"), item("Agreements", "implementation")]
    assert lane_counts(items) == (
        "1 incident (one per event across reports) · 0 meetings · 2 other turning points (fighting, steps carried "
        "out, suspensions)"
    )
    items += [item("Meetings", "meeting"), item("Agreements", "ceasefire")]
    assert "1 meeting · 1 agreement or ceasefire · 2 other turning points" in lane_counts(items)
