"""Download buttons for the view on screen: its incidents, their sources, the tolls, the figures, the meetings
and the places as CSV tables, and the map's points as GeoJSON (dashboard/queries/export.py builds them).

A file is built when its button is pressed (Streamlit's deferred download: a callable, run off the page's
script), once per store revision and view, and shared by the buttons of that view.
"""

from __future__ import annotations

import streamlit as st

from dashboard.queries import export as qx
from dashboard.ui.cache import view_files
from dashboard.ui.events import ACCUSED_WORDS, KIND_WORDS

LABELS = {  # file → button label
    "incidents.csv": "Incidents",
    "incident_sources.csv": "Each incident's sources",
    "tolls.csv": "Tolls",
    "figures.csv": "Figures",
    "meetings.csv": "Meetings",
    "places.csv": "Places",
}


def timeline_filters() -> qx.Filters:
    """The timeline's filters as the page has them now (its widgets keep display words): as codes."""
    kinds = {word: kind for kind, word in KIND_WORDS.items()}
    accused = {word: code or "none" for code, word in ACCUSED_WORDS.items()}
    state = st.session_state
    return qx.Filters(
        tuple(kinds.get(w, str(w).replace(" ", "_")) for w in state.get("tkind") or ()),
        tuple(accused[w] for w in state.get("taccused") or () if w in accused),
        tuple(state.get("tprovince") or ()),
    )


def _file(db: str, revision: int, view: qx.View, name: str):
    return lambda: view_files(db, revision, view)[name].encode("utf-8")


def download_view(db: str, revision: int, view: dict) -> None:
    """The view's download buttons: what the page shows at its as-of date, episode and filters."""
    this = qx.View(view["as_of"], view["episode"], timeline_filters(), tuple(view["metrics"]), tuple(view["sides"]))
    stem = qx.file_stem(this)
    with st.expander("Download this view", expanded=False, key="downloads"):
        st.caption(
            f"What the page shows as of {this.as_of:%-d %b %Y}, with the timeline's filters: one CSV table per "
            "record type (the incidents as in ACLED: one row per event, its sources and quotes), and the "
            "incidents, places and meeting venues as GeoJSON for a GIS."
        )
        for name, label in LABELS.items():
            st.download_button(
                f"{label} (CSV)",
                _file(db, revision, this, name),
                file_name=f"{stem}_{name}",
                mime="text/csv",
                key=f"dl_{name}",
                on_click="ignore",
                width="stretch",
            )
        st.download_button(
            "Incidents, places, venues (GeoJSON)",
            _file(db, revision, this, "map.geojson"),
            file_name=f"{stem}.geojson",
            mime="application/geo+json",
            key="dl_geojson",
            on_click="ignore",
            width="stretch",
        )
