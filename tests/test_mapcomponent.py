"""The map's component arguments, built once (dashboard/ui/mapcomponent.py), are the ones st_folium sends."""

import streamlit_folium as sf

from dashboard.ui import mapcomponent
from dashboard.ui.mapview import build_map, selection_layer


def st_folium_arguments(monkeypatch, gaz, code):
    sent = {}
    monkeypatch.setattr(sf, "_component_func", lambda **kwargs: sent.update(kwargs))
    sf.st_folium(
        build_map(gaz, {"TH-22": 3}, [], []),
        key="map",
        height=520,
        use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked_count"],
        feature_group_to_add=selection_layer(gaz, code),
    )
    return sent


def test_the_cached_frame_sends_what_st_folium_sends(monkeypatch, gaz):
    expected = st_folium_arguments(monkeypatch, gaz, "TH-22")
    frame = mapcomponent.frame_of(build_map(gaz, {"TH-22": 3}, [], []), "map")
    sent = {}
    monkeypatch.setattr(sf, "_component_func", lambda **kwargs: sent.update(kwargs))
    mapcomponent.show(
        frame, key="map", height=520, feature_group=mapcomponent.feature_group_script(selection_layer(gaz, "TH-22"))
    )
    assert set(sent) == set(expected)
    different = {k for k in expected if sent[k] != expected[k] and k not in ("default", "on_change")}
    assert different == set()
    # the declared default is the component's first report (no second run of a new page's script)
    assert list(sent["default"]) == list(expected["default"]) and sent["default"]["last_object_clicked_count"] == 0


def test_a_frame_is_the_same_for_the_same_map(gaz):
    one = mapcomponent.frame_of(build_map(gaz, {}, [], []), "map")
    two = mapcomponent.frame_of(build_map(gaz, {}, [], []), "map")
    assert one == two and one.size > 10_000
