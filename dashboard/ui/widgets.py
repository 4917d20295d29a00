"""What every view of the page shares: plural words, a report's source line and a quote with it, lists bounded
to a page with "show more", and tables in their display form (no invisible characters, no cell a spreadsheet
would run as a formula). Report text goes through md_escape and links through md_link/safe_url."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from dashboard.queries import Queries
from dashboard.records import Evidence, Report
from dashboard.summary import (
    outlet_name,
    report_day,
)
from dashboard.ui.cache import shared
from dashboard.ui.safe import md_escape, md_link, safe_url
from dashboard.untrusted import display_frame

PRECISION = {1: "exact place", 2: "near a place", 3: "province only"}


PAGE = 5  # items a list shows before "show more"


SIDE_COLOURS = {"Thailand": "#3b82f6", "Cambodia": "#ef4444", "Side not stated": "#6b7280"}


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else words or word + 's'}"


def report_date(r: Report) -> str:
    return report_day(r)


def source_line(r: Report, when: str | None = None) -> str:
    """Outlet, date (or `when`, said instead), title (linked when the report has a safe link) and report id, as safe
    markdown."""
    title = md_link(r.title or "untitled report", r.url)
    link_note = "" if safe_url(r.url) else " (no link)"
    day = md_escape(when if when is not None else report_date(r))
    return f"{md_escape(outlet_name(r))} · {day} · {title}{link_note} · report {md_escape(r.label)}"


def quote_block(e: Evidence, r: Report) -> None:
    st.markdown(f"> {md_escape(e.sentence)}")
    quote = "" if e.quote == e.sentence else f"Quote: “{md_escape(e.quote)}” — "
    st.caption(f"{quote}{source_line(r)}")


def bounded(key: str, total: int, fetch: Callable[[int], Sequence], render: Callable, page: int = PAGE) -> None:
    """Render the first items `fetch(n)` gives (newest first); a button shows `page` more at a time. Only
    what is shown is fetched."""
    shown = st.session_state.get(f"more_{key}", page)
    for item in fetch(shown):
        render(item)
    more = f"Show {min(page, total - shown)} more (of {total:,})"
    if total > shown and st.button(more, key=f"btn_{key}"):
        st.session_state[f"more_{key}"] = shown + page
        st.rerun()


def table(q: Queries, name: str, params: tuple, build: Callable, *data, **dataframe_args) -> None:
    """A table `build(*data)` makes, shown as every table of the app is: built (as `shared` does) into its
    display form once — text cells without invisible characters, none a spreadsheet would run as a formula
    (the toolbar's "Download as CSV" gives what is shown) — then st.dataframe without the index."""

    def build_shown(*d):
        return display_frame(build(*d))

    st.dataframe(shared(q, name, params, build_shown, *data), hide_index=True, **dataframe_args)


def bounded_list(key: str, items: Sequence, render: Callable, page: int = PAGE) -> None:
    """`bounded` over a list already at hand."""
    bounded(key, len(items), lambda n: items[:n], render, page)
