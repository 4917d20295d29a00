"""The page's download buttons (dashboard/ui/downloads.py) with Streamlit's AppTest on the generated corpus: one
button per CSV table and one for the GeoJSON, and what each gives is the view on screen — the incidents the
timeline chart draws at that as-of date, episode and filters."""

import csv
import io
import json
import sqlite3
from contextlib import closing

import pytest
from geojson_pydantic import FeatureCollection
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard.ui.downloads import LABELS
from tests.apptest import run_app


@pytest.fixture(scope="module")
def corpus_db(generated, tmp_path_factory):
    db = tmp_path_factory.mktemp("downloads") / "store.sqlite3"
    with closing(sqlite3.connect(generated[1])) as source, closing(sqlite3.connect(db)) as copy:
        source.backup(copy)
    return db


@pytest.fixture
def files(monkeypatch, corpus_db):
    """The files the run's download buttons would give, by file name (Streamlit builds one when its button is
    pressed: the callable each button registers)."""
    monkeypatch.setenv("BORDER_WATCH_DB", str(corpus_db))
    monkeypatch.delenv("BORDER_WATCH_ADMIN_TOKEN", raising=False)
    registered = {}
    add = MediaFileManager.add_deferred

    def spy(self, data, mimetype, coordinates, file_name=None, **kwargs):
        registered[file_name] = data
        return add(self, data, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return registered


def run(**query) -> AppTest:
    return run_app(query, timeout=120)


def charted_incidents(at: AppTest) -> set[str]:
    """The incident ids the timeline chart draws (its points' customdata)."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {
        cd[0]
        for s in specs
        for trace in s["data"]
        for cd in trace.get("customdata") or []
        if str(cd[0]).startswith("i-")
    }


def incident_ids(text: bytes) -> set[str]:
    return {r["event_id"] for r in csv.DictReader(io.StringIO(text.decode("utf-8")))}


@pytest.mark.parametrize(
    "query",
    [
        {"asof": "2026-01-10"},
        {"asof": "2026-01-30", "tkind": "shelling"},
        {"asof": "2026-01-30", "taccused": "Cambodia is accused", "tprovince": "Sa Kaeo"},
        {"asof": "2025-08-20", "episode": "All episodes"},
    ],
)
def test_the_download_buttons_give_the_incidents_the_timeline_shows(files, query):
    at = run(**query)
    labels = [b.label for b in at.get("download_button")]
    assert labels == [f"{label} (CSV)" for label in LABELS.values()] + ["Incidents, places, venues (GeoJSON)"]
    stem = f"border-watch_{query['asof']}_"
    assert len(files) == len(labels) and all(n.startswith(stem) for n in files)
    shown = charted_incidents(at)
    assert shown
    if "tkind" in query:
        # the filter applies on screen: shelling, and clashes whose weapons included it (reconcile.fold_into_clashes)
        assert all("-artillery-" in i or "-armed_clash-" in i for i in shown)
        assert any("-artillery-" in i for i in shown)
    [incidents] = [fn for name, fn in files.items() if name.endswith("_incidents.csv")]
    assert incident_ids(incidents()) == shown
    [geo] = [fn for name, fn in files.items() if name.endswith(".geojson")]
    doc = FeatureCollection.model_validate_json(geo())
    assert {f.properties["event_id"] for f in doc.features if f.properties["layer"] == "incident"} <= shown
