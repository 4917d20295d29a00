"""The one cache of answers shared between visitors: every view asks it, nothing else caches an answer.

An answer is keyed by the store (`db`), the store's revision as seen from the as-of date (`view_revision`: a
report that counts from a later day leaves the answers of an earlier view, and a link to it, as they were) and
the view's parameters. What is cached is plain data — records, data frames, dicts, figures made of plain
JSON values — shared by every session and never changed by a view; never a class defined in the app script
(a pickled one cannot be unpickled while another session's run redefines it).

| what | keyed by | for how long |
|---|---|---|
| `snapshot`: the top of the page (tolls, onsets, meetings, activity, places) | view revision, as-of, episode | 64 |
| `map_url`: the base map's data, written once as a static file | view revision, as-of, episode, window | 64 |
| `shared_answer`: one query's answer (what `SharedQueries` asks) | view revision, query, its arguments | 1024, 1 h |
| `shared_build`: a table, figure or list built from answers (`shared`) | name, view revision, view parameters | 512 |
| `view_revision`: the newest revision that changed what a date knows | store revision, as-of | 256 |
| `report_counts`: the reports known at a date, in all, undated | store revision, as-of | 64 |
| `newest_day`: the default as-of date | store revision | 8 |
| `store_status`: the store's revision, last update, report count | db | 1 s |
| `view_files`: the view's downloads (CSV tables, GeoJSON), built when a button asks | view revision, view | 16 |
| `load_gazetteer`: the gazetteer | — | server |
| `prepare_store`: seeds into an empty store, stale reports re-extracted, `gc.freeze` | db | runs once |
| constant data: `dashboard.gazetteer` `gazetteer` (loaded once) | — | process |
| constant data: `dashboard.gazetteer` `BorderLine.length_km` `BorderLine._utm` `BorderLine._scale` | line | process |
| constant data: `dashboard.agreements` `agreements` (the curated CSV) | its path | process |
| constant data: `dashboard.chronology` `turning_points` (the chronology's cues) | — | process |
| constant data: `dashboard.ui.mapview` `_far_outline` `coarse_polygons` `fine_outlines_url` | the gazetteer | process |
| constant data: `dashboard.ui.assets` `ensure_leaflet` (Leaflet's files copied once) | static folder | process |
| constant data: `dashboard.queries.timeline` `_gazetteer` `_place_point` (a place's point) | name, provinces | 20,000 |
| hand-kept: `dashboard.store_open` `_engines` `_migrated` (an engine per store; stores migrated) | location | process |
| hand-kept: `dashboard.records` `_OWN_FIELDS` (a record type's own fields) | record type | process |
| pure function of text: `dashboard.extract` `_stages` | — | process |
| pure function of text: `dashboard.extract.sentences` `_split_paragraph` `per_text` | text (and date) | S |
| pure function of text: `dashboard.extract.actors` `_placed_cues` `attackers_in` `victim_side` | text | 512 |
| pure function of text: `dashboard.extract.actors` `speaker_side` | text | 512 |
| pure function of text: `dashboard.extract.actors` `countries_in` `one_country` `attribution` | text | 512 |
| pure function of text: `dashboard.extract.dates` `_near_year` `_weekday` (a day's date) | day, date | 1024 |
| pure function of text: `dashboard.extract.dates` `_find_dates` | text, date | S |
| pure function of text: `dashboard.extract.dates` `_date_matches` `_earlier_words` | text | S |
| pure function of text: `dashboard.extract.dates` `_stated_day` | text, date | 4096 |
| pure function of text: `dashboard.extract.figures` `_stated` | text | S |
| pure function of text: `dashboard.extract.meetings` `_read` `_told` `_worded_status` `_future` | text (and date) | S |
| pure function of text: `dashboard.extract.meetings` `_future_clause` `_not_meeting_date` | text, a date's place | S |
| pure function of text: `dashboard.extract.meetings` `_names_new_venue` `_tells_move` `_event_spans` | text | S |
| pure function of text: `dashboard.extract.places` `_scan` | text | S |
| pure function of text: `dashboard.extract.places` `_name_start` (a capitalised word's key) | gazetteer, word | S |
| pure function of text: `dashboard.extract.incidents` `_told` `_denial` `_denied_kinds` `_acts` | text | S |
| pure function of text: `dashboard.extract.incidents` `_timing` `_dating` | text, date | S |
| pure function of text: `dashboard.extract.incidents_rated` `_claim` `_rating` | text | S |
| pure function of text: `dashboard.extract.statements` `_mentions` (the topics a text names) | text | S |
| pure function of text: `dashboard.extract.lexicon` `_passed` (the pre-checks a text passes) | text | 64 |

"view revision" is (db, `view_revision`); a number alone is the most entries kept (least recently used dropped);
S is `SENTENCE_CACHE` texts; "server"/"process": as long as it runs. The first eleven rows are the answers shared
between visitors, in this module; the others are no answers: data that never changes while the process runs
and pure functions of a text, memoised where they are computed. tests/test_cache.py checks that this table
names every cache in the code (`st.cache_*`, `functools` caches, `cached_property`), and nothing else, and that
the hand-kept ones it names exist.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable
from contextlib import closing
from datetime import date

import orjson
import plotly.graph_objects as go
import streamlit as st

from dashboard import queries, settings
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.gazetteer import Gazetteer, gazetteer
from dashboard.pubdate import redate
from dashboard.queries import Queries
from dashboard.queries import export as qx
from dashboard.queries.timeline import window_start
from dashboard.store import Store
from dashboard.ui.mapview import map_data
from dashboard.ui.mapview import map_url as map_url_of

STATUS_TTL_S = 1.0  # how long open pages share one reading of the store's status


def open_store() -> Store:
    """The configured store (its engine and connection pool are shared by the whole process)."""
    return Store(settings.get("db"))


@st.cache_resource
def load_gazetteer() -> Gazetteer:
    return gazetteer()


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
            target=store.refresh_stale, args=(EXTRACTOR_VERSION, lambda r: extract(redate(r), gaz)), daemon=True
        ).start()
    # Streamlit runs a full garbage collection after every script and fragment run (runner.postScriptGC): with
    # the gazetteer and the libraries loaded that walked ~0.15 s of objects each time, the largest share of a
    # visit's CPU. What is loaded now lives as long as the server, so it is moved out of the collector's sight.
    gc.collect()
    gc.freeze()


@st.cache_resource(max_entries=64, show_spinner=False)
def snapshot(db: str, revision: int, as_of: date, episode: str | None) -> queries.Snapshot:
    """What every visitor of one as-of date and episode sees, once per store revision as seen from that date
    (see view_revision): shared, not copied."""
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


class SharedQueries(Queries):
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


@st.cache_data(max_entries=16, show_spinner=False)
def view_files(db: str, revision: int, view: qx.View) -> dict[str, str]:
    """Every file of one view at one store revision: the CSV tables and the GeoJSON (`map.geojson`); built
    off the page's script when a download button asks (dashboard.ui.downloads)."""
    with closing(Store(db)) as store:
        q = Queries(store)
        rows = qx.tables(q, gazetteer(), qx.view_data(q, view))
    return {**qx.csv_tables(rows), "map.geojson": qx.geojson_text(qx.geojson(rows, view))}


@st.cache_data(ttl=STATUS_TTL_S, max_entries=8, show_spinner=False)
def store_status(db: str) -> tuple:
    """The store's revision, last update and report count: asked at most once a second, however many pages
    are open."""
    with closing(open_store()) as store:
        return store.revision(), store.last_updated(), store.count()


def shared(q: Queries, name: str, params: tuple, build: Callable, *data):
    """`build(*data)`, once per store revision and `params` when the app shares its queries' answers (its
    SharedQueries carries a `revision_key`), else built anew. Keyed by those, not by hashing the data (which
    cost more than building). What it returns is shared by every visitor: read it, never change it."""
    key = getattr(q, "revision_key", None)
    if key is None:
        return build(*data)
    return shared_build(name, (*key, *params), build, data)


@st.cache_resource(max_entries=512, show_spinner=False)
def shared_build(name: str, key: tuple, _build: Callable, _data: tuple):
    """What `shared` builds, keyed by `name` and `key` only (the build and its data are not hashed)."""
    return _build(*_data)


def shared_figure(q: Queries, name: str, params: tuple, build: Callable, *data) -> go.Figure | None:
    """A figure as `shared` builds it, with plain data (see plain_figure): st.plotly_chart only serialises it."""

    def build_plain(*d):
        fig = build(*d)
        return plain_figure(fig) if fig is not None else None

    return shared(q, name, params, build_plain, *data)


class SharedFigure(go.Figure):
    """A figure built once and shared read-only by every visitor: its dict, which st.plotly_chart asks for on
    every run (a deep copy each time), is made once."""

    def to_dict(self) -> dict:
        if getattr(self, "_shared_dict", None) is None:
            self._shared_dict = super().to_dict()
        return self._shared_dict


def plain_figure(fig: go.Figure) -> SharedFigure:
    """The same figure with its data as plain JSON values instead of numpy arrays. st.plotly_chart serialises
    a figure on every run: numpy arrays of dates and strings cost it ~4× more (at 3,000 points, 38 ms against
    9 ms); a shared figure pays the conversion once."""
    return SharedFigure(orjson.loads(fig.to_json()))
