"""The sidebar's view controls and the link that shares a view: the as-of date (written to the URL by the page,
so the address always names the day shown), province, episode, figures and sides (widgets bound to the URL);
a link's values read once per visit (a province in any spelling the gazetteer knows, a checked date), what
cannot be read said on the page; and the share link built from what the widgets kept."""

from __future__ import annotations

from datetime import UTC, date, datetime

import streamlit as st

from dashboard import settings
from dashboard.episodes import EPISODES
from dashboard.gazetteer import Gazetteer
from dashboard.summary import METRICS, SIDES, current_episode, episode_label, province_order
from dashboard.ui.links import FIRST_DAY, MAX_CHARS, MAX_VALUES, capped, read_day, resolve_province, share_url
from dashboard.ui.safe import link_value
from dashboard.ui.tracker import GROUP_LABELS
from dashboard.ui.widgets import plural

EPISODE_CHOICES = ("current", *(ep.id for ep in EPISODES), "all")

# The monitoring views' own link keys (timeline filters, chosen event, tracker choices): the share link keeps them.


MONITOR_PARAMS = ("tkind", "taccused", "tprovince", "event", "tmetric", "tside", "tgroup")


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


def sidebar(gaz: Gazetteer, default_day: date) -> dict:
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
