"""One incident event across reports, as the ceasefire panel and the timeline show it: what it was, where and
when, who accuses whom and who denies, and each side's version side by side with every quote."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.queries import Queries
from dashboard.reconcile import IncidentEvent, Telling, reports_among
from dashboard.summary import (
    COUNTRY_NAMES,
    event_days,
)
from dashboard.ui.safe import md_escape
from dashboard.ui.widgets import bounded, bounded_list, plural, quote_block

ACCUSED_WORDS = {
    "TH": "Thailand is accused",
    "KH": "Cambodia is accused",
    "both": "each side accuses the other",
    None: "no side is accused",
}


ACCUSED_COLOURS = dict(zip(ACCUSED_WORDS.values(), ("#3b82f6", "#ef4444", "#a855f7", "#6b7280"), strict=True))


KIND_WORDS = {
    "airstrike": "airstrike",
    "drone": "drone attack",
    "rocket": "rocket fire",
    "artillery": "shelling",
    "landmine": "landmine blast",
    "armed_clash": "armed clash",
    "confrontation": "crowd confrontation",
    "other": "other attack",
    # alleged violations that are no attack
    "airspace": "alleged airspace violation",
    "encroachment": "alleged encroachment",
    "provocation": "alleged provocation",
    "violation": "alleged ceasefire violation",  # told with no place nor kind of attack (claimed_violations)
}


MAX_KEYS = 200  # ways of telling one event asked for at once


def kind_word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.replace("_", " "))


def kinds_words(e: IncidentEvent) -> str:
    """Its kind, with the kinds of fire a clash included: "Armed clash (airstrike, shelling, rocket fire)"."""
    weapons = ", ".join(kind_word(k) for k in e.kinds[1:])
    return kind_word(e.kind).capitalize() + (f" ({weapons})" if weapons else "")


def event_title(e: IncidentEvent) -> str:
    days = event_days(e)
    where = ", ".join(e.places) or ", ".join(e.admin1) or "place not stated"
    return f"{kinds_words(e)} · {days} · {where}"


def who_says_what(e: IncidentEvent) -> str:
    parts = []
    for side in e.accusers:
        accused = {t.incident.accused for t in e.tellings if t.incident.reported_by == side and t.incident.accused}
        parts.append(f"{COUNTRY_NAMES[side]} accuses " + (" and ".join(COUNTRY_NAMES[a] for a in accused) or "no one"))
    if not e.accusers and e.accused in COUNTRY_NAMES:
        parts.append(f"{COUNTRY_NAMES[e.accused]} is accused")
    parts += [f"{COUNTRY_NAMES[side]} denies" for side in e.deniers]
    return "; ".join(parts) or "no side named"


def event_view(q: Queries, as_of: date, e: IncidentEvent, key: str, compact: bool = False) -> None:
    """One incident across reports: what it was, where and when, its sources, and each side's version side
    by side (accusations and denials), every quote with its outlet, date and report."""
    precision = {1: "", 2: " (near)", 3: " (province only)"}.get(e.point[2] if e.point else 3, "")
    st.markdown(f"**{md_escape(event_title(e))}**{precision} · {md_escape(who_says_what(e))}")
    told = plural(e.reports, "report")  # a report that tells it in two sentences counts once
    st.caption(f"told in {told} · outlets include {md_escape(', '.join(e.outlets))} · event {md_escape(e.id)}")
    versions = e.versions()
    with st.expander("Each side's version", expanded=not compact):
        cols = st.columns(3 if versions[None] else 2)
        heads = ("What Thailand says", "What Cambodia says", "Reports naming no speaker")
        for col, side, head in zip(cols, ("TH", "KH", None), heads, strict=False):
            with col:
                told = versions[side]
                st.markdown(f"*{head}* · {plural(reports_among(told), 'report')}" if told else f"*{head}*")
                if not told:
                    st.caption("nothing reported")
                bounded_list(f"{key}_{side}", told, _telling, page=3)
    if not compact and e.told > 1:
        with st.expander(f"Every telling of it ({e.told:,})"):
            # the ways it is told most often (a query names each; SQLite caps an expression's depth)
            keys = tuple(t.key for t in sorted(e.tellings, key=lambda t: -t.reports) if t.key)[:MAX_KEYS]
            bounded(f"{key}_all", e.told, lambda n: q.event_tellings(as_of, keys, n), _pair)


def _telling(t: Telling) -> None:
    quote_block(t.incident.evidence, t.report)
    if t.reports > 1:
        st.caption(f"… and {plural(t.reports - 1, 'other report')} telling it alike")


def _pair(pair) -> None:
    quote_block(pair[0].evidence, pair[1])
