"""Border Watch: the Streamlit app. `streamlit run dashboard/app.py`.

The URL holds the view (province, as-of date, filters) through widgets bound to query params, so every
view has a link that can be shared.
"""

from __future__ import annotations

import hmac
from contextlib import closing
from datetime import date
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from dashboard import settings
from dashboard.assets import ensure_leaflet
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.gazetteer import Gazetteer, gazetteer
from dashboard.links import share_url
from dashboard.mapview import ATTRIBUTION, build_map, clicked_province, selection_layer
from dashboard.store import Store
from dashboard.summary import METRICS, SIDES, Corpus, figures_frame, onset_claims, province_activity, province_details
from dashboard.views import figures_view, meetings_view, onset_summary, province_view

st.set_page_config(page_title="Border Watch · Thailand–Cambodia", layout="wide")


@st.cache_resource
def load_gazetteer() -> Gazetteer:
    return gazetteer()


def open_store() -> Store:
    """A connection for this run (SQLite connections are not shared between sessions' threads)."""
    return Store(settings.get("db"))


@st.cache_resource
def seed_store_once(db: str) -> None:
    """On first start, load the configured reports (the seeds) into an empty store."""
    with closing(open_store()) as store:
        if store.count() == 0:
            from dashboard.intake import ingest_paths

            ingest_paths(store, settings.report_paths())


@st.cache_resource(max_entries=4)
def load_corpus(db: str, revision: int) -> Corpus:
    """The extractions in the store at a revision: a new revision (a new report) makes a new corpus."""
    with closing(open_store()) as store:
        return Corpus(store.extractions(EXTRACTOR_VERSION, lambda r: extract(r, load_gazetteer())))


def admin_token() -> str:
    try:
        secret = st.secrets.get("admin_token", "")
    except Exception:  # no secrets file: Streamlit raises its own not-found error
        secret = ""
    return str(secret or settings.get("admin_token"))


def is_admin() -> bool:
    token = admin_token()
    if not token:
        return False
    with st.sidebar.expander("Admin"):
        entered = st.text_input("Admin token", type="password", key="admin_token")
    return bool(entered) and hmac.compare_digest(entered.encode(), token.encode())


@st.fragment(run_every=int(settings.get("refresh_s")))
def live_status(seen_revision: int) -> None:
    """Checks the store on a timer; a new revision reruns the whole app so new reports show."""
    with closing(open_store()) as store:
        revision, updated, count = store.revision(), store.last_updated(), store.count()
    if revision != seen_revision:
        st.rerun()
    when = f"{updated:%-d %b %Y %H:%M} UTC" if updated else "never"
    st.caption(f"{count} reports · last updated {when} · checks every {settings.get('refresh_s')} s")


def province_options(gaz: Gazetteer) -> list[str]:
    """Border provinces first (along the border from the Laos tripoint), then the rest by name."""
    border = sorted(
        (p for p in gaz.provinces.values() if (p.border_distance_km or 99) <= 2), key=lambda p: p.border_km or 0
    )
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
    ensure_leaflet(Path(__file__).resolve().parent / "static")
    gaz = load_gazetteer()
    db = settings.get("db")
    seed_store_once(db)
    with closing(open_store()) as store:
        revision = store.revision()
    corpus = load_corpus(db, revision)
    options = province_options(gaz)

    with st.sidebar:
        st.header("View")
        as_of = st.date_input(
            "As of",
            value=default_as_of(corpus),
            key="asof",
            bind="query-params",
            help="Meetings on or after this date are upcoming. Default: the newest report's date.",
        )
        province = st.selectbox(
            "Province",
            options,
            index=None,
            key="province",
            bind="query-params",
            placeholder="Click the map or choose",
            format_func=lambda c: gaz.provinces[c].name,
        )
        metrics = st.multiselect("Figures", list(METRICS), default=list(METRICS), key="metric", bind="query-params")
        sides = st.multiselect(
            "Side", list(SIDES.values()), default=list(SIDES.values()), key="side", bind="query-params"
        )
        st.markdown("**Share this view**")
        view = {
            "province": gaz.provinces[province].name if province else None,
            "asof": as_of.isoformat() if as_of != default_as_of(corpus) else None,
            "metric": metrics if set(metrics) != set(METRICS) else None,
            "side": sides if set(sides) != set(SIDES.values()) else None,
        }
        st.code(share_url(st.context.url or "", view), language=None, wrap_lines=True)
        st.caption("The link keeps the province, the as-of date and the filters.")
        live_status(revision)
    if is_admin():
        from dashboard.admin import add_report_panel

        with st.sidebar:
            add_report_panel(open_store)

    st.title("Border Watch")
    newest = corpus.newest_date()
    st.caption(
        f"Thailand–Cambodia border conflict · {len(corpus.reports)} reports · newest report {newest:%-d %b %Y}"
        if newest
        else f"{len(corpus.reports)} reports"
    )
    st.markdown(onset_summary(onset_claims(corpus), as_of))

    map_col, detail_col = st.columns([3, 2], gap="medium")
    with map_col:
        fmap = build_map(gaz, province_activity(corpus), corpus.places, corpus.meetings)
        st_folium(
            fmap,
            key="map",
            height=560,
            use_container_width=True,
            returned_objects=["last_active_drawing", "last_object_clicked_count"],
            feature_group_to_add=selection_layer(gaz, province),
            on_change=on_map_click,
        )
    with detail_col:
        if province:
            province_view(province_details(corpus, province), gaz, corpus)
        else:
            st.subheader("Province details")
            st.info("Click a province on the map, or choose one in the sidebar, to see what each report says about it.")

    st.header("Casualties and displacement, by source")
    figures_view(figures_frame(corpus), corpus, metrics or list(METRICS), sides or list(SIDES.values()))
    st.header("Meetings")
    meetings_view(corpus, as_of)
    st.caption(f"{ATTRIBUTION}. Extracted from news reports: every figure links to its quote and report.")


main()
