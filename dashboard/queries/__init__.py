"""What the views show, asked of the store: every query takes the as-of date (a report counts from its
publication date, else from the day it was ingested) and is bounded — aggregates, or pages with a limit.

No query reads the whole corpus into memory; the same SQL runs on SQLite and PostgreSQL. Results are plain
records (`dashboard.records`) or small summaries, each carrying the report it comes from. One module per view:

| module | what it asks |
|---|---|
| `common` | the tables, the as-of condition, records with their reports; the reports known at a date |
| `headline` | the top of the page (`snapshot`) and each side's latest toll |
| `meetings` | meetings merged across reports, and what each report says of one |
| `meeting_summary` | one merged meeting: its days, venues, bodies, statuses, and how they are said |
| `meeting_days` | a meeting's days where reports give no plain date: a span, a counted day, a weekend, a month |
| `province` | the map's province activity and places; one province's counts, places, incidents, figures |
| `figures` | the figures by source: ranges, values, rows |
| `timeline` | incidents as events across reports, their tellings, the window's first day |
| `tracker` | the toll tracker's running totals and sources; displacement and returns |
| `ceasefire` | alleged violations of a ceasefire; what reports say of it and of its provisions |

This package re-exports every public name (`from dashboard.queries import meetings`), and `Queries` binds
them all to one store.
"""

from __future__ import annotations

import functools

from dashboard.queries.ceasefire import (
    StanceCount,
    alleged_violations,
    ceasefire_denials,
    claimed_violations,
    provision_topic,
    statement_counts,
    statement_quotes,
    statement_sides,
    timeline_events,
    violations_since,
    with_claims,
)
from dashboard.queries.common import (
    COUNTRY_OF_SIDE,
    REPORT_COLUMNS,
    ReportCounts,
    newest_day,
    report_counts,
)
from dashboard.queries.figures import (
    figure_ranges,
    figure_rows,
)
from dashboard.queries.headline import (
    Snapshot,
    latest_tolls,
    onset_claims,
    snapshot,
)
from dashboard.queries.meeting_summary import VENUE_RANK, MeetingSummary
from dashboard.queries.meetings import (
    HELD_BEFORE,
    PLANNED_AFTER,
    count_undated_meetings,
    meeting_quotes,
    meetings,
)
from dashboard.queries.province import (
    MapPlace,
    PlaceSummary,
    ProvinceCounts,
    incident_episodes,
    map_places,
    province_activity,
    province_counts,
    province_figures,
    province_incidents,
    province_places,
)
from dashboard.queries.timeline import (
    TELLING_KEY,
    count_incident_tellings,
    event_tellings,
    incident_events,
    locate_incident,
    undated_tellings,
    window_start,
)
from dashboard.queries.tracker import (
    SourceLatest,
    disagreement,
    displacement_rows,
    incident_counts,
    latest_per_source,
    newest_per_province,
    provincial_counts,
    source_of,
    toll_figures,
    with_sides,
)
from dashboard.store import Store

__all__ = [
    "Queries",
    "COUNTRY_OF_SIDE",
    "HELD_BEFORE",
    "MapPlace",
    "MeetingSummary",
    "PLANNED_AFTER",
    "PlaceSummary",
    "ProvinceCounts",
    "REPORT_COLUMNS",
    "ReportCounts",
    "Snapshot",
    "SourceLatest",
    "StanceCount",
    "TELLING_KEY",
    "VENUE_RANK",
    "alleged_violations",
    "ceasefire_denials",
    "claimed_violations",
    "timeline_events",
    "with_claims",
    "count_incident_tellings",
    "count_undated_meetings",
    "disagreement",
    "displacement_rows",
    "event_tellings",
    "figure_ranges",
    "figure_rows",
    "incident_counts",
    "incident_episodes",
    "incident_events",
    "latest_per_source",
    "latest_tolls",
    "locate_incident",
    "map_places",
    "meeting_quotes",
    "meetings",
    "newest_day",
    "newest_per_province",
    "onset_claims",
    "provision_topic",
    "province_activity",
    "province_counts",
    "province_figures",
    "province_incidents",
    "province_places",
    "provincial_counts",
    "report_counts",
    "snapshot",
    "source_of",
    "statement_counts",
    "statement_quotes",
    "statement_sides",
    "toll_figures",
    "undated_tellings",
    "violations_since",
    "window_start",
    "with_sides",
]


class Queries:
    """The queries of this package bound to one store: `q.meetings(as_of)` is `meetings(store, as_of)`. The
    app's cache layer (dashboard.ui.cache) subclasses it to share each answer among visitors until the store
    changes."""

    def __init__(self, store: Store):
        self.store = store

    def __getattr__(self, name: str):
        query = globals().get(name) if name in __all__ else None
        if name.startswith("_") or not callable(query):
            raise AttributeError(name)
        return functools.partial(query, self.store)
