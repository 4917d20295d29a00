"""The border map as streamlit-folium's component, its arguments built once per map and shared.

`st_folium(m)` turns the folium objects into Leaflet's script on every run of every visitor (about 12 µs a
vertex), and the value it declares as the component's default differs from the first value the component
reports (`last_object_clicked_count` None vs 0), so each new page runs the whole app script twice. Here the
component's arguments are built from the map once (`MapFrame`, cached by the app per store revision), each run
only sends them, and the declared default is the component's first report: a visit runs the script once.

It calls the component and the helpers of streamlit-folium 0.27.x the way `st_folium` does;
tests/test_mapcomponent.py checks the arguments against `st_folium`'s own, so an upgrade that changes them fails
there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import folium
import streamlit as st
import streamlit_folium as sf

# What the app reads back, in the order the component's frontend builds its value, with the value it reports
# once the map has loaded (window.__GLOBAL_DATA__'s initial state): declared as the default, that first report
# equals it and is not sent, so it does not rerun the script.
RETURNED = {"last_object_clicked_count": 0, "last_active_drawing": None}


@dataclass(frozen=True)
class MapFrame:
    """Everything `st_folium` would send for one map, as strings: cheap to send again, safe to share."""

    script: str
    header: str
    html: str
    id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    key: str  # the component's key: a new map (another store revision) is a new frame in the page

    @property
    def size(self) -> int:
        return len(self.script) + len(self.header) + len(self.html)


def frame_of(m: folium.Map, key: str) -> MapFrame:
    """Build the component's arguments from a folium map, as st_folium does (the map is altered: use it once)."""
    m.get_root().render()
    m.render()
    html, header = sf._get_html(m), sf._get_header(m)
    script = sf._get_map_string(m)
    css, js = [], []
    for element in _walk(m):
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    return MapFrame(
        script=script,
        header=header,
        html=html,
        id=sf.get_full_id(m),
        css_links=tuple(dict.fromkeys(css)),
        js_links=tuple(dict.fromkeys(js)),
        key=sf.generate_js_hash(script, key, False),
    )


def _walk(element):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def feature_group_script(group: folium.FeatureGroup) -> str:
    """The script that adds a feature group to the shown map without re-mounting it (st_folium's
    `feature_group_to_add`), built on a throwaway map (the group is altered: use it once)."""
    return sf._get_feature_group_string(group, map=folium.Map(tiles=None), idx=0)


def show(
    frame: MapFrame,
    *,
    key: str,
    height: int,
    feature_group: str | None = None,
    on_change: Callable[[], None] | None = None,
):
    """Send the map's component (full width) with its added feature group; returns its value. As in st_folium,
    `st.session_state[key]` holds the value when `on_change` runs."""

    def changed() -> None:
        st.session_state[key] = st.session_state.get(frame.key, {})
        if on_change is not None:
            on_change()

    return sf._component_func(
        script=frame.script,
        header=frame.header,
        html=frame.html,
        id=frame.id,
        key=frame.key,
        height=height,
        width=None,
        returned_objects=sorted(RETURNED),
        default=dict(RETURNED),
        zoom=None,
        center=None,
        feature_group=feature_group,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(frame.css_links),
        js_links=list(frame.js_links),
        on_change=changed,
        wrap_longitude=False,
    )
