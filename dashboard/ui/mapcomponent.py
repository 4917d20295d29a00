"""The border map as the app's own Streamlit component (Streamlit's public `st.components.v2` API), drawn in the
page with the app's own Leaflet (dashboard/ui/assets.py: from xstatic-leaflet, never a CDN).

What it takes, on each run: the URL of the map's data (`mapview.map_data`, written once per store revision and
view as a static file the browser fetches and keeps: a run sends a few hundred bytes, not the map), the selected
province's code (drawn as an outline) and the height. What it gives back: the trigger `province`, the code of
the province a click fell in (anywhere inside it, markers included), for the run that click starts; `on_click`
is called with it before the script runs, so it may set the province widget's state. The JavaScript is
dashboard/ui/map/border_map.js.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from dashboard.ui.assets import LEAFLET_CSS_URL, LEAFLET_JS_URL
from dashboard.ui.mapview import LEGEND_CSS

NAME = "border_watch.map"
HERE = Path(__file__).resolve().parent / "map"
CSS = LEGEND_CSS + ".bw-map{width:100%;border-radius:4px}\n"

_component = st.components.v2.component(
    NAME,
    html=f'<link rel="stylesheet" href="{LEAFLET_CSS_URL}">',
    css=CSS,
    js=(HERE / "border_map.js").read_text(encoding="utf-8"),
)


def show(
    data_url: str,
    *,
    selected: str | None,
    key: str,
    height: int,
    on_click: Callable[[str], None] | None = None,
) -> str | None:
    """Draw the map (full width); returns the province code a click chose in this run, else None."""

    def clicked() -> None:
        code = clicked_province(st.session_state.get(key))
        if code and on_click is not None:
            on_click(code)

    result = _component(
        key=key,
        data={"url": data_url, "selected": selected, "height": height, "leaflet": LEAFLET_JS_URL},
        height=height,
        on_province_change=clicked,
    )
    return clicked_province(result)


def clicked_province(value) -> str | None:
    """The province code a click sent (the component's trigger `province`), from its result or session state."""
    if value is None:
        return None
    code = value.get("province") if hasattr(value, "get") else getattr(value, "province", None)
    return code if isinstance(code, str) else None
