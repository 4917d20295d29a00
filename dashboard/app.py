"""Border Watch: the Streamlit app. `streamlit run dashboard/app.py`.

The URL holds the view (province, as-of date, filters) through widgets bound to query params, so every
view has a link that can be shared.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from dashboard import settings
from dashboard.assets import ensure_leaflet
from dashboard.extract import extract_all
from dashboard.gazetteer import Gazetteer, gazetteer
from dashboard.ingest import read_reports
from dashboard.links import share_url
from dashboard.mapview import ATTRIBUTION, build_map, clicked_province, selection_layer
from dashboard.summary import METRICS, SIDES, Corpus, figures_frame, onset_claims, province_activity, province_details
from dashboard.views import figures_view, meetings_view, onset_summary, province_view

st.set_page_config(page_title="Border Watch · Thailand–Cambodia", layout="wide")


@st.cache_resource
def load_gazetteer() -> Gazetteer:
    return gazetteer()


@st.cache_resource
def load_corpus(paths: tuple[str, ...]) -> tuple[Corpus, list]:
    reports, rejected = read_reports([Path(p) for p in paths])
    return Corpus(extract_all(reports, load_gazetteer())), rejected


def province_options(gaz: Gazetteer) -> list[str]:
    """Border provinces first (along the border from the Laos tripoint), then the rest by name."""
    border = sorted((p for p in gaz.provinces.values() if (p.border_distance_km or 99) <= 2),
                    key=lambda p: p.border_km or 0)
    rest = sorted((p for p in gaz.provinces.values() if p not in border), key=lambda p: p.name)
    return [p.id for p in border + rest]


def on_map_click() -> None:
    code = clicked_province(st.session_state.get("map"))
    if code:
        st.session_state["province"] = code


def default_as_of(corpus: Corpus) -> date:
    configured = settings.get("as_of")
    return date.fromisoformat(configured) if configured else corpus.newest_date() or date.today()


def main() -> None:
    ensure_leaflet(Path(__file__).resolve().parent / "static" / "vendor" / "leaflet")
    gaz = load_gazetteer()
    corpus, rejected = load_corpus(tuple(str(p) for p in settings.report_paths()))
    options = province_options(gaz)

    with st.sidebar:
        st.header("View")
        as_of = st.date_input("As of", value=default_as_of(corpus), key="asof", bind="query-params",
                              help="Meetings on or after this date are upcoming. Default: the newest report's date.")
        province = st.selectbox("Province", options, index=None, key="province", bind="query-params",
                                placeholder="Click the map or choose",
                                format_func=lambda c: gaz.provinces[c].name)
        metrics = st.multiselect("Figures", list(METRICS), default=list(METRICS), key="metric",
                                 bind="query-params")
        sides = st.multiselect("Side", list(SIDES.values()), default=list(SIDES.values()), key="side",
                               bind="query-params")
        st.markdown("**Share this view**")
        view = {"province": gaz.provinces[province].name if province else None,
                "asof": as_of.isoformat() if as_of != default_as_of(corpus) else None,
                "metric": metrics if set(metrics) != set(METRICS) else None,
                "side": sides if set(sides) != set(SIDES.values()) else None}
        st.code(share_url(st.context.url or "", view), language=None, wrap_lines=True)
        st.caption("The link keeps the province, the as-of date and the filters.")

    st.title("Border Watch")
    newest = corpus.newest_date()
    st.caption(f"Thailand–Cambodia border conflict · {len(corpus.reports)} reports · newest report "
               f"{newest:%-d %b %Y}" if newest else f"{len(corpus.reports)} reports")
    st.markdown(onset_summary(onset_claims(corpus), as_of))
    if rejected:
        with st.expander(f"{len(rejected)} input file(s) could not be read"):
            for r in rejected:
                st.text(f"{r.path}: {r.reason}")

    map_col, detail_col = st.columns([3, 2], gap="medium")
    with map_col:
        fmap = build_map(gaz, province_activity(corpus), corpus.places, corpus.meetings)
        st_folium(fmap, key="map", height=560, use_container_width=True,
                  returned_objects=["last_active_drawing", "last_object_clicked_count"],
                  feature_group_to_add=selection_layer(gaz, province), on_change=on_map_click)
    with detail_col:
        if province:
            province_view(province_details(corpus, province), gaz, corpus)
        else:
            st.subheader("Province details")
            st.info("Click a province on the map, or choose one in the sidebar, to see what each report "
                    "says about it.")

    st.header("Casualties and displacement, by source")
    figures_view(figures_frame(corpus), corpus, metrics or list(METRICS), sides or list(SIDES.values()))
    st.header("Meetings")
    meetings_view(corpus, as_of)
    st.caption(f"{ATTRIBUTION}. Extracted from news reports: every figure links to its quote and report.")


main()
