"""The map component (dashboard/ui/mapcomponent.py): what each run sends, and what a click gives back."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui import mapcomponent
from dashboard.ui.assets import LEAFLET_JS_URL
from tests.conftest import ROOT
from tests.test_app import run

pytestmark = pytest.mark.usefixtures("store_path")


def sent(at: AppTest) -> dict:
    [element] = [c for c in at.get("bidi_component") if c.proto.component_name == mapcomponent.NAME]
    return json.loads(element.proto.json)


def test_a_run_sends_the_map_data_url_and_the_selection_not_the_map():
    data = sent(run(province="Chanthaburi"))
    assert data["selected"] == "TH-22" and data["leaflet"] == LEAFLET_JS_URL and data["height"] > 0
    path = ROOT / "dashboard" / "static" / data["url"].removeprefix("/app/static/")
    assert {f["properties"]["code"] for f in json.loads(path.read_text())["provinces"]["features"]["features"]} > {
        "TH-22"
    }
    assert len(json.dumps(data)) < 500  # the map itself is a static file, fetched once


def test_no_selection_is_sent_as_none():
    assert sent(run())["selected"] is None


def test_the_same_view_sends_the_same_map_url():
    assert sent(run())["url"] == sent(run(province="Surin"))["url"]


def test_a_click_gives_the_province_code_it_fell_in():
    assert mapcomponent.clicked_province({"province": "TH-22"}) == "TH-22"
    assert mapcomponent.clicked_province({"province": None}) is None
    assert mapcomponent.clicked_province({"province": 3}) is None
    assert mapcomponent.clicked_province(None) is None
