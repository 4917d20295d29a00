"""Border Watch: the Streamlit app. `streamlit run dashboard/app.py`.

The URL holds the view (province, as-of date, episode, filters) through widgets bound to query params (the
as-of date written by the page itself, so the address always names the day shown), so every view has a link
that can be shared. Everything on screen is what the reports known at the
as-of date say.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard import queries, settings, uploadgate
from dashboard.agreements import state_at
from dashboard.episodes import EPISODES
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.gazetteer import Gazetteer, gazetteer
from dashboard.store import Store, failure_reason
from dashboard.summary import METRICS, SIDES, current_episode, episode_label, province_order, split_meetings
from dashboard.ui import mapcomponent
from dashboard.ui.admin import TokenGate, client_key, token_problem
from dashboard.ui.assets import ensure_leaflet
from dashboard.ui.downloads import download_view
from dashboard.ui.links import FIRST_DAY, MAX_CHARS, MAX_VALUES, capped, read_day, resolve_province, share_url
from dashboard.ui.mapview import ATTRIBUTION, map_data
from dashboard.ui.mapview import map_url as map_url_of
from dashboard.ui.monitoring import (
    GROUP_LABELS,
    ceasefire_panel,
    displacement_view,
    timeline_view,
    toll_tracker,
    window_start,
)
from dashboard.ui.safe import link_value
from dashboard.ui.views import figures_view, headline, meetings_view, plural, province_view

st.set_page_config(page_title="Border Watch · Thailand–Cambodia", layout="wide")
log = logging.getLogger("border_watch")
EPISODE_CHOICES = ("current", *(ep.id for ep in EPISODES), "all")
# The monitoring views' own link keys (timeline filters, chosen event, tracker choices): the share link keeps them.
STATUS_TTL_S = 1.0  # how long open pages share one reading of the store's status
MONITOR_PARAMS = ("tkind", "taccused", "tprovince", "event", "tmetric", "tside", "tgroup")
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


@st.cache_resource
def load_gazetteer() -> Gazetteer:
    return gazetteer()


def open_store() -> Store:
    """The configured store (its engine and connection pool are shared by the whole process)."""
    return Store(settings.get("db"))


@st.cache_resource
def prepare_store(db: str) -> None:
    """Once per server: load the configured reports (the seeds) into an empty store, and re-extract in the
    background the reports an older extractor read (each batch a new revision: open pages follow)."""
    store = open_store()
    if store.count() == 0:
        from dashboard.ingest import ingest_paths

        ingest_paths(store, settings.report_paths())
    if store.stale(EXTRACTOR_VERSION, limit=1):
        gaz = load_gazetteer()
        threading.Thread(
            target=store.refresh_stale, args=(EXTRACTOR_VERSION, lambda r: extract(r, gaz)), daemon=True
        ).start()
    # Streamlit runs a full garbage collection after every script and fragment run (runner.postScriptGC): with
    # the gazetteer and the libraries loaded that walked ~0.15 s of objects each time, the largest share of a
    # visit's CPU. What is loaded now lives as long as the server, so it is moved out of the collector's sight.
    gc.collect()
    gc.freeze()


@st.cache_resource(max_entries=64, show_spinner=False)
def snapshot(db: str, revision: int, as_of: date, episode: str | None) -> queries.Snapshot:
    """What every visitor of one as-of date and episode sees, once per store revision as seen from that date
    (see view_revision): shared, not copied. (A class defined in this script must never be pickled by a cache:
    another session's run may be redefining it, and unpickling then fails.)"""
    return queries.snapshot(open_store(), as_of, episode)


@st.cache_resource(max_entries=64, show_spinner=False)
def map_url(db: str, revision: int, as_of: date, episode: str | None, window: str | None) -> str:
    """The base map (provinces shaded by mentions, places, venues, the incidents of the window: the episode
    chosen up to the as-of date) as data in a static file, for one store revision and view: built once, fetched
    and kept by the browser."""
    shot = snapshot(db, revision, as_of, episode)
    events = shared_answer(db, revision, "incident_events", as_of, window_start(window, as_of))
    return map_url_of(map_data(load_gazetteer(), shot.activity, shot.places, shot.meetings, events))


@st.cache_resource(max_entries=1024, ttl=3600, show_spinner=False)
def shared_answer(db: str, revision: int, name: str, *args):
    """One query's answer at one store revision, computed once and shared by every visitor: the same object,
    not a copy (unpickling a copy on every run cost more than the rest of a warm run), so views never change
    an answer."""
    return getattr(queries, name)(open_store(), *args)


class SharedQueries(queries.Queries):
    """The views' queries, each answer cached per store revision (a new report: new answers)."""

    def __init__(self, db: str, revision: int):
        self.db, self.revision = db, revision

    @property
    def revision_key(self) -> tuple[str, int]:
        """What every shared answer (and figure built from answers) is keyed by."""
        return self.db, self.revision

    def __getattr__(self, name: str):
        if name.startswith("_") or not callable(getattr(queries, name, None)):
            raise AttributeError(name)
        return functools.partial(shared_answer, self.db, self.revision, name)


@st.cache_data(max_entries=8, show_spinner=False)
def newest_day(db: str, revision: int) -> date | None:
    return queries.newest_day(open_store())


@st.cache_data(max_entries=64, show_spinner=False)
def report_counts(db: str, revision: int, as_of: date) -> queries.ReportCounts:
    return queries.report_counts(open_store(), as_of)  # counts the later reports too: the store's own revision


@st.cache_data(max_entries=256, show_spinner=False)
def view_revision(db: str, revision: int, as_of: date) -> int:
    """The newest revision that changed what is known at the as-of date: what the views of that date are keyed
    by, so a report that counts from a later day leaves them (and a shared link to them) as they were."""
    return open_store().revision_at(as_of)


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


def admin_token() -> str:
    try:
        secret = st.secrets.get("admin_token", "")
    except Exception:  # no secrets file: Streamlit raises its own not-found error
        secret = ""
    return str(secret or settings.get("admin_token"))


def client_address() -> str | None:
    """The visitor's address, for the admin-token lockout: behind the deployment's nginx (trust_proxy) the
    X-Real-IP header it sets (a visitor cannot choose it: nginx overwrites it), else the connection's."""
    address = st.context.ip_address
    if settings.get("trust_proxy") == "1":
        address = st.context.headers.get("X-Real-Ip") or address
    return address if isinstance(address, str) else None  # None: localhost (or a test without a connection)


def is_admin() -> bool:
    token = admin_token()
    if not token:
        return False
    with st.sidebar.expander("Admin"):
        problem = token_problem(token)
        if problem:  # a token anyone could guess: no panel, and the operator is told why
            log.error("the admin token is refused: %s", problem)
            st.error(f"The configured admin token is refused ({problem}): the app is read-only. Set a random token.")
            return False
        entered = st.text_input("Admin token", type="password", key="admin_token")
        gate = st.session_state.setdefault("admin_gate", TokenGate())
        with closing(open_store()) as store:
            verdict = gate.check(entered, token, store, client_key(client_address()))
        if verdict.message:
            st.error(verdict.message)
    return verdict.admin


def uploads_open(admin: bool) -> None:
    """Only a session with the admin panel unlocked may send files to Streamlit's upload endpoint (the
    uploader is in that panel); dashboard/server.py refuses the others' (dashboard/uploadgate.py)."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        (uploadgate.allow if admin else uploadgate.forbid)(ctx.session_id)


@st.cache_data(ttl=STATUS_TTL_S, max_entries=8, show_spinner=False)
def store_status(db: str) -> tuple:
    """The store's revision, last update and report count: asked at most once a second, however many pages
    are open."""
    with closing(open_store()) as store:
        return store.revision(), store.last_updated(), store.count()


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


def on_map_click(code: str) -> None:
    st.session_state["province"] = code


def read_link(gaz: Gazetteer, default_day: date, last_day: date) -> list[str]:
    """Once per visit, before the widgets exist: a province written in any spelling becomes its code, the
    as-of date is checked; what cannot be read is said, not silently dropped. Returns the notices to show:
    a value from the link is in them only through link_value (text, never markup)."""
    if "link_read" in st.session_state:
        return st.session_state.get("link_notices", [])
    st.session_state["link_read"] = True
    notices = []
    left_out = sum(capped(st.query_params.get_all(key))[1] for key in st.query_params)
    if left_out:
        notices.append(
            f"{plural(left_out, 'value')} of this link left out: a link is read up to {MAX_VALUES} values per "
            f"setting, of up to {MAX_CHARS} characters each."
        )
    raw = st.query_params.get("province")
    names = {p.name for p in gaz.provinces.values()}
    if raw and raw not in names:
        code = resolve_province(gaz, raw) if len(raw) <= MAX_CHARS else None
        if code:
            st.session_state["province"] = code
        else:
            notices.append(
                f"The link names a province this map does not know: {link_value(raw)}. Choose one in the sidebar."
            )
    raw_episode = st.query_params.get("episode")
    labels = {episode_choice_label(c): c for c in EPISODE_CHOICES}
    if raw_episode and raw_episode not in labels:
        if raw_episode in EPISODE_CHOICES:  # an id ("jul2025") rather than its label
            st.session_state["episode"] = raw_episode
        else:
            notices.append(f"The link names an episode this dashboard does not know: {link_value(raw_episode)}.")
    raw_day = st.query_params.get("asof")
    day, problem = read_day(raw_day, last_day) if raw_day is not None else (default_day, None)
    if problem:
        notices.append(
            f"The link's as-of date {link_value(raw_day)} {problem}. Showing {default_day:%-d %B %Y} instead (the "
            "newest reports), and the address now says so. Dates are written YYYY-MM-DD."
        )
    st.session_state["asof"] = day or default_day
    st.session_state["asof_in_url"] = raw_day
    st.session_state["link_notices"] = notices
    return notices


def follow_url_day(last_day: date) -> None:
    """Before the date widget: a date the address holds but this page did not write there (the browser's back
    button) is the one shown; an unreadable one is not, and is written over."""
    raw = st.query_params.get("asof")
    if raw != st.session_state.get("asof_in_url"):
        day, _ = read_day(raw, last_day)
        if day:
            st.session_state["asof"] = day


def show_day_in_url(day: date) -> None:
    """The address always names the date shown, so a link copied from it means that day, next week too."""
    if st.query_params.get("asof") != day.isoformat():
        st.query_params["asof"] = day.isoformat()
    st.session_state["asof_in_url"] = day.isoformat()


def keep_a_day(default_day: date) -> None:
    """The date field emptied: the default date again (a view always has one)."""
    if st.session_state.get("asof") is None:
        st.session_state["asof"] = default_day


def episode_choice_label(choice: str) -> str:
    """How an episode choice is shown, and written in the URL (the bound widget writes the label)."""
    return {"current": "Current episode", "all": "All episodes"}.get(choice) or episode_label(choice)


def default_as_of(newest: date | None) -> date:
    configured = settings.get("as_of")
    return date.fromisoformat(configured) if configured else newest or date.today()


def last_day(default_day: date) -> date:
    """The last as-of date shown: today (UTC), or the default date when it is later."""
    return max(datetime.now(UTC).date(), default_day)


def sidebar(gaz: Gazetteer, default_day: date, revision: int) -> dict:
    """The view's controls, bound to the URL, and the link that shares it. The as-of date is written to the
    URL by this page (show_day_in_url), not by a binding: a binding leaves a default or unreadable date out of
    the address, and a link without one shows another day once newer reports come in."""
    latest = last_day(default_day)
    follow_url_day(latest)
    with st.sidebar:
        st.header("View")
        as_of = st.date_input(
            "As of",
            value=None,  # the date comes from session state (read_link, follow_url_day): no second default
            min_value=min(FIRST_DAY, default_day),
            max_value=latest,
            key="asof",
            on_change=keep_a_day,
            args=(default_day,),
            help="Everything shown is what reports published on or before this date say. Default: the newest "
            "report's date. Pick a day, or type one (YYYY/MM/DD) and press Enter.",
        )
        as_of = as_of or default_day
        show_day_in_url(as_of)
        province = st.selectbox(
            "Province",
            province_order(gaz),
            index=None,
            key="province",
            bind="query-params",
            placeholder="Click the map or choose",
            format_func=lambda c: gaz.provinces[c].name,
        )
        episode = st.selectbox(
            "Episode",
            EPISODE_CHOICES,
            key="episode",
            bind="query-params",
            format_func=lambda e: (
                "The episode going on at the as-of date"
                if e == "current"
                else "All episodes"
                if e == "all"
                else episode_label(e)
            ),
            help="Tolls count one episode: the July 2025 clashes and the December fighting are not added up.",
        )
        metrics = st.multiselect("Figures", list(METRICS), default=list(METRICS), key="metric", bind="query-params")
        sides = st.multiselect(
            "Side", list(SIDES.values()), default=list(SIDES.values()), key="side", bind="query-params"
        )
        st.markdown("**Share this view**")
        link = {
            "province": gaz.provinces[province].name if province else None,
            "asof": as_of.isoformat(),
            "episode": episode_choice_label(episode) if episode != "current" else None,
            "metric": metrics if set(metrics) != set(METRICS) else None,
            "side": sides if set(sides) != set(SIDES.values()) else None,
        }
        share_slot = st.empty()  # filled at the end of the run, once the monitoring views' widgets have checked theirs
        st.caption(
            "The link keeps the as-of date, the province, the episode and the filters: it shows the same "
            "view next week."
        )
        live_status(revision)
    chosen = current_episode(as_of) if episode == "current" else None if episode == "all" else episode
    return {
        "as_of": as_of,
        "province": province,
        "episode": chosen,
        "episode_choice": episode,
        "metrics": metrics or list(METRICS),
        "sides": sides or list(SIDES.values()),
        "link": link,
        "share_slot": share_slot,
    }


def share_link(view: dict) -> None:
    """The view's link, from the values the widgets kept (a value a widget dropped is not carried on)."""
    monitor = {k: st.session_state.get(k) or None for k in MONITOR_PARAMS if k != "event"}
    if monitor.get("tgroup"):
        monitor["tgroup"] = GROUP_LABELS.get(monitor["tgroup"], monitor["tgroup"])
    for default, key in (("killed", "tmetric"), ("Thailand", "tside"), ("total (group not stated)", "tgroup")):
        if monitor.get(key) == default:
            monitor[key] = None
    link = {**view["link"], **monitor, "event": st.session_state.get("event_choice")}
    view["share_slot"].code(share_url(st.context.url or "", link), language=None, wrap_lines=True)


def title(counts: queries.ReportCounts, as_of: date, episode: str | None) -> None:
    st.title("Border Watch", anchor=False)
    later = counts.total - counts.known - counts.undated_later
    estimated = f" ({counts.estimated:,} dated by an estimate from their text)" if counts.estimated else ""
    notes = [f"{plural(counts.known, 'report')} known{estimated}"]
    if later:
        notes.append(f"{later:,} published later")
    undated = counts.undated + counts.undated_later
    if undated:
        notes.append(
            f"{plural(undated, 'report')} with no date found: they count from the day they were stored"
            + (f", {counts.undated_later:,} of them after this date" if counts.undated_later else "")
        )
    st.caption(
        f"Thailand–Cambodia border conflict · as of **{as_of:%-d %B %Y}** · tolls: "
        f"{episode_label(episode) if episode else 'all episodes'} · " + " · ".join(notes)
    )


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
    view = sidebar(gaz, default_day, revision)
    admin = is_admin()
    uploads_open(admin)
    if admin:
        from dashboard.ui.admin import add_report_panel

        with st.sidebar:
            add_report_panel(open_store)

    as_of, province, episode = view["as_of"], view["province"], view["episode"]
    toll_episode = episode or current_episode(as_of)  # the headline never adds episodes up
    seen = view_revision(db, revision, as_of)
    shot = snapshot(db, seen, as_of, toll_episode)
    q = SharedQueries(db, seen)
    title(report_counts(db, revision, as_of), as_of, toll_episode)
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
    st.caption(f"{ATTRIBUTION}. Extracted from news reports: every figure links to its quote and report.")
    share_link(view)
    with st.sidebar:
        download_view(db, seen, view)


main()
