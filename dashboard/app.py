"""Border Watch: the Streamlit app. `streamlit run dashboard/app.py` (dashboard/server.py serves it behind its
upload gate).

The page in order: the store prepared once per server, the sidebar (the view's controls bound to the URL,
dashboard/ui/sidebar.py; the store's live status; the admin box, dashboard/ui/admin.py), then one section per
view (ceasefire, headline, map and province details, timeline, toll tracker, displacement, figures, meetings),
each in a slot of its own so that one view that fails leaves the others. Answers come from the one cache of
answers shared between visitors (dashboard/ui/cache.py), keyed by the store's revision as seen from the as-of
date. Everything on screen is what the reports known at the as-of date say.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import settings
from dashboard.agreements import state_at
from dashboard.gazetteer import Gazetteer
from dashboard.queries import ReportCounts
from dashboard.store_open import failure_reason
from dashboard.summary import current_episode, episode_label, split_meetings
from dashboard.ui import mapcomponent
from dashboard.ui.admin import add_report_panel, is_admin, uploads_open
from dashboard.ui.assets import ensure_leaflet
from dashboard.ui.cache import (
    SharedQueries,
    load_gazetteer,
    map_url,
    newest_day,
    open_store,
    prepare_store,
    report_counts,
    snapshot,
    store_status,
    view_revision,
)
from dashboard.ui.ceasefire import ceasefire_panel
from dashboard.ui.displacement import displacement_view
from dashboard.ui.downloads import download_view
from dashboard.ui.figures import figures_view
from dashboard.ui.headline import headline
from dashboard.ui.mapview import ATTRIBUTION
from dashboard.ui.meetings import meetings_view
from dashboard.ui.province import province_view
from dashboard.ui.sidebar import default_as_of, last_day, on_map_click, read_link, share_link, sidebar
from dashboard.ui.timeline import timeline_view
from dashboard.ui.tracker import toll_tracker
from dashboard.ui.widgets import plural, source_line

st.set_page_config(page_title="Border Watch · Thailand–Cambodia", layout="wide")
log = logging.getLogger("border_watch")
# Static CSS (no report data): no blank band above the title, so the headline fits above the fold.
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"], .block-container {padding-top: 1.2rem; padding-bottom: 1rem}
[data-testid="stMainBlockContainer"] h1 {padding-top: 0; padding-bottom: 0; font-size: 2rem}
/* the tolls table: compact, inside its card */
.st-key-tolls table {font-size: 0.8rem; line-height: 1.25; width: 100%; margin-bottom: 0.2rem}
.st-key-tolls th, .st-key-tolls td {padding: 0.15rem 0.4rem; vertical-align: top}
.st-key-tolls [data-testid="stMarkdownContainer"] {overflow-x: auto}
/* the first screen's cards: 0.4rem between their elements instead of Streamlit's 1rem (each text's last
   paragraph without its bottom margin, which Streamlit takes back with a negative one), so the map's upper half
   shows at 1366×768 */
.st-key-ceasefire, .st-key-tolls, .st-key-headline_side {gap: 0.4rem; padding-top: 0.6rem; padding-bottom: 0.6rem}
:is(.st-key-ceasefire, .st-key-tolls, .st-key-headline_side)
  :is([data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"]) {margin-bottom: 0}
:is(.st-key-ceasefire, .st-key-tolls, .st-key-headline_side)
  :is([data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"]) > :last-child {margin-bottom: 0}
/* While the page is recomputed, what was computed for the previous view is hidden, not shown beside the new
   (the map's frame stays: it is kept across runs). Its descendants too: a caption sets its own visibility. An
   expander is a block, never marked stale itself: hidden when all it holds is stale (its header too). */
[data-testid="stMain"] [data-testid="stElementContainer"][data-stale="true"]:not(:has(iframe)),
[data-testid="stMain"] [data-testid="stElementContainer"][data-stale="true"]:not(:has(iframe)) *,
[data-testid="stMain"] [data-testid="stExpander"]:has([data-stale="true"]):not(:has([data-stale="false"])),
[data-testid="stMain"] [data-testid="stExpander"]:has([data-stale="true"]):not(:has([data-stale="false"])) * {
  visibility: hidden !important}
</style>"""

# A date typed into a date field applies on Enter as well as when the field loses focus (Streamlit's date field
# takes a typed date when one presses outside it): Enter does that. Our own script, no report text in it.
ENTER_APPLIES_DATES = """<script>
if (!window.parent.__borderWatchEnter) {
  window.parent.__borderWatchEnter = true;
  window.parent.document.addEventListener("keydown", e => {
    if (!(e.key === "Enter" && e.target.closest && e.target.closest("[data-testid='stDateInput']"))) return;
    const doc = window.parent.document, view = window.parent, o = {bubbles: true, cancelable: true, view};
    e.target.blur();  // and a press outside the field, which is what makes the field take a typed date
    for (const t of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"])
      doc.body.dispatchEvent(t.startsWith("pointer") ? new view.PointerEvent(t, o) : new view.MouseEvent(t, o));
  }, true);
}
</script>"""


def turn_on_view_change(view: tuple) -> None:
    """A new view (as-of date, episode, province, filters, store revision): the sections draw in their other
    slot this run (see section)."""
    if st.session_state.get("view_drawn") != view:
        st.session_state["view_drawn"] = view
        st.session_state["view_slot"] = 1 - st.session_state.get("view_slot", 0)


@contextmanager
def section(name: str, fresh: bool = True) -> Iterator[None]:
    """One view in a slot of its own (`fresh`; the map keeps its frame instead); one view that fails shows a short
    notice (details in the server log) and the others still render.

    A section has two slots. For a new view it draws in the one it left empty and empties the other at once, so
    nothing computed for the previous view stays beside the new. (Emptying one slot and filling it in the same
    run is not enough: Streamlit sends only the filling, and the browser keeps the container's previous
    children, stale, until the run ends — an expander's header stays visible.) For the same view, it draws in
    the same slot again, so what the visitor opened there stays open."""
    try:
        if fresh:
            slots = (st.empty(), st.empty())
            live = st.session_state.get("view_slot", 0)
            slots[1 - live].empty()
        with slots[live].container() if fresh else contextlib.nullcontext():
            yield
    except Exception as exc:
        log.exception("the %s view failed", name)
        reason = failure_reason(exc)
        st.error(
            f"The {name} could not be shown: {reason}."
            if reason
            else f"The {name} could not be shown; the error has been logged on the server."
        )


@st.fragment(run_every=int(settings.get("refresh_s")))
def live_status(seen_revision: int) -> None:
    """Checks the store on a timer; a new revision reruns the whole app so new reports show."""
    try:
        revision, updated, count = store_status(settings.get("db"))
    except Exception as exc:
        if (reason := failure_reason(exc)) is None:
            raise
        st.caption(f"The store cannot be read: {reason}")
        return
    if revision > seen_revision:  # grows with every write; the page may have seen a newer one than the cache
        st.rerun()
    when = f"{updated:%-d %b %Y %H:%M} UTC" if updated else "never"
    st.caption(f"{count} reports stored · last updated {when} · checks every {settings.get('refresh_s')} s")


def title(counts: ReportCounts, as_of: date, episode: str | None) -> None:
    st.title("Border Watch", anchor=False)
    later = counts.total - counts.known - counts.undated_later
    # a bound: only the latest day a report can have been written (cited "by 21 Oct")
    bounded = f", {counts.bounded:,} by a bound" if counts.bounded else ""
    estimated = f" ({counts.estimated:,} estimated from their text{bounded})" if counts.estimated else ""
    notes = [f"{plural(counts.known, 'report')} known{estimated}"]
    if later:
        notes.append(f"{later:,} published later")
    undated = counts.undated + counts.undated_later
    if undated:
        notes.append(
            f"{plural(undated, 'report')} with no date found (listed at the end of the page): they count from the day "
            "they were stored" + (f", {counts.undated_later:,} of them after this date" if counts.undated_later else "")
        )
    st.caption(
        f"Thailand–Cambodia border conflict · as of **{as_of:%-d %B %Y}** · tolls: "
        f"{episode_label(episode) if episode else 'all episodes'} · " + " · ".join(notes)
    )


def undated_list(counts: ReportCounts) -> None:
    """The reports nothing dates, each with its source, so a reader can open what no view places on a day (at the
    end of the page: the first screen keeps the ceasefire, the tolls and the map)."""
    listed, total = counts.undated_reports, counts.undated + counts.undated_later
    if not listed:
        return
    with st.expander(f"Reports with no date found ({total:,}): not placed on any day"):
        # no day of storing beside them: that is no date of theirs, and the list stands on pages of any date
        st.markdown("\n".join(f"- {source_line(r, 'no date found')}" for r in listed))
        if total > len(listed):
            st.caption(f"and {total - len(listed):,} more")


def main() -> None:
    st.markdown(PAGE_CSS, unsafe_allow_html=True)
    st.html(ENTER_APPLIES_DATES, unsafe_allow_javascript=True, width="content")
    ensure_leaflet(Path(__file__).resolve().parent / "static")
    gaz = load_gazetteer()
    db = settings.get("db")
    try:
        prepare_store(db)
        store = open_store()
        revision = store.revision()
    except Exception as exc:
        stop_on_store_failure(exc)
    try:
        show(gaz, db, revision)
    except Exception as exc:
        stop_on_store_failure(exc)


def stop_on_store_failure(exc: Exception) -> None:
    """A store that cannot be read: its reason on the page (not Streamlit's bare error); anything else raises."""
    reason = failure_reason(exc)
    if reason is None:
        raise exc
    log.error("the store failed: %s", reason)
    st.error(f"The reports cannot be shown: {reason}")
    st.stop()


def show(gaz: Gazetteer, db: str, revision: int) -> None:
    default_day = default_as_of(newest_day(db, revision))
    notices = read_link(gaz, default_day, last_day(default_day))
    view = sidebar(gaz, default_day)
    with st.sidebar:
        live_status(revision)
    admin = is_admin()
    uploads_open(admin)
    if admin:
        with st.sidebar:
            add_report_panel(open_store)

    as_of, province, episode = view["as_of"], view["province"], view["episode"]
    toll_episode = episode or current_episode(as_of)  # the headline never adds episodes up
    seen = view_revision(db, revision, as_of)
    shot = snapshot(db, seen, as_of, toll_episode)
    q = SharedQueries(db, seen)
    counts = report_counts(db, revision, as_of)
    title(counts, as_of, toll_episode)
    for notice in notices:
        st.warning(notice)
    state = state_at(as_of)
    turn_on_view_change((as_of, view["episode_choice"], province, *view["metrics"], "|", *view["sides"], seen))
    with section("ceasefire status"):
        ceasefire_panel(q, state)
    with section("headline"):
        upcoming, _, _ = split_meetings(shot.meetings, as_of)
        headline(shot.tolls, upcoming[0] if upcoming else None, shot.onsets, state, toll_episode)

    map_col, detail_col = st.columns([3, 2], gap="medium")
    with map_col, section("map", fresh=False):
        mapcomponent.show(
            map_url(db, seen, as_of, toll_episode, episode),
            selected=province,
            key="map",
            height=520,
            on_click=on_map_click,
        )
    with detail_col, st.container(key="province_details"), section("province details"):
        if province:
            province_view(q, gaz, province, shot.meetings, as_of)
        else:
            st.subheader("Province details")
            st.info("Click a province on the map, or choose one in the sidebar, to see what each report says about it.")

    st.header("Timeline: incidents, meetings, agreements")
    with section("timeline"):
        timeline_view(q, gaz, shot.meetings, as_of, episode)
    st.header("Toll tracker")
    with section("toll tracker"):
        st.caption(f"{episode_label(toll_episode)} · each source's figures as of {as_of:%-d %b %Y}")
        toll_tracker(q, as_of, toll_episode, shot.tolls)
    st.header("Displacement and returns")
    with section("displacement"):
        displacement_view(q, gaz, as_of, toll_episode)
    st.header("Casualties and displacement, by source")
    with section("figures"):
        st.caption(f"{episode_label(episode) if episode else 'All episodes'} · reports known on {as_of:%-d %b %Y}")
        figures_view(q, as_of, episode, view["metrics"], view["sides"])
    st.header("Meetings")
    with section("meetings"):
        meetings_view(q, shot.meetings, as_of)
    undated_list(counts)
    st.caption(f"{ATTRIBUTION}. Extracted from news reports: every figure links to its quote and report.")
    share_link(view)
    with st.sidebar:
        download_view(db, seen, view)


main()
