"""Months of reports: the app over the generated corpus and real reports, the as-of date as a point in
time, links that keep their meaning, provenance, bounded views."""

import json
import os
import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.fixtures import HOSTILE_URLS, write_corpus
from dashboard.ingest import ingest_paths
from dashboard.read import make_report
from dashboard.records import Report
from dashboard.store import Store
from dashboard.summary import METRICS, SIDES, meeting_status, province_order, split_meetings
from dashboard.ui.links import resolve_province
from dashboard.ui.widgets import source_line
from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")
DEV = ROOT.parent / "shared" / "eval" / "corpus" / "dev"


@pytest.fixture(scope="module")
def store(generated):
    return Store(generated[1])


def app(db, **query) -> AppTest:
    os.environ["BORDER_WATCH_DB"] = str(db)
    at = AppTest.from_file(APP, default_timeout=90)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    return at


def page_text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    return "\n".join(parts + [w.value for w in at.warning] + [i.value for i in at.info])


def assert_clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not [e.value for e in at.error], [e.value for e in at.error]


@pytest.fixture(autouse=True)
def _restore_env(monkeypatch):
    monkeypatch.delenv("BORDER_WATCH_ADMIN_TOKEN", raising=False)
    monkeypatch.setenv("BORDER_WATCH_DB", os.environ.get("BORDER_WATCH_DB", ""))


# --- the generated corpus -------------------------------------------------------------------------------


def test_the_generated_corpus_has_every_kind_of_report(generated):
    folder = generated[0]
    sidecars = [json.loads(p.read_text()) for p in folder.glob("*.json")]
    texts = list(folder.glob("*.txt"))
    assert len(texts) >= 300 and len(sidecars) < len(texts)  # some reports come without a sidecar
    assert any("published" not in s for s in sidecars) and any("outlet" not in s for s in sidecars)
    assert any(s.get("url") in HOSTILE_URLS for s in sidecars) and any(s.get("url") is None for s in sidecars)
    assert any(re.search("[\u0e00-\u0e7f]", p.read_text()) for p in texts)  # Thai script
    published = sorted(date.fromisoformat(s["published"]) for s in sidecars if s.get("published"))
    assert published[0] < date(2025, 7, 28) and published[-1] > date(2026, 1, 15)


def test_the_generated_corpus_is_the_same_on_every_run(tmp_path):
    a = write_corpus(tmp_path / "a", reports=40)
    b = write_corpus(tmp_path / "b", reports=40)
    assert [p.read_text() for p in a] == [p.read_text() for p in b]


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"asof": "2025-07-26"},
        {"asof": "2025-10-01", "province": "Surin"},
        {"asof": "2025-12-20", "province": "Si Sa Ket"},
        {"asof": "2026-01-20", "province": "Oddar Meanchey", "episode": "all"},
        {"asof": "2026-02-15", "province": "Banteay Meanchey", "episode": "jul2025", "side": "Cambodia"},
    ],
    ids=["default", "july", "between", "december", "january", "february"],
)
def test_no_view_raises_on_the_generated_corpus(generated, query):
    at = app(generated[1], **query)
    assert_clean(at)
    assert at.title[0].value == "Border Watch"
    assert at.dataframe or "No figure matches" in page_text(at)


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared eval corpus is not beside the project")
def test_no_view_raises_on_real_reports(tmp_path, monkeypatch):
    monkeypatch.setenv("BORDER_WATCH_REPORTS", str(DEV))
    for query in ({}, {"province": "Si Sa Ket"}, {"asof": "2025-07-27", "province": "Surin"}):
        at = app(tmp_path / "dev.sqlite3", **query)
        assert_clean(at)


def test_codes_reach_the_screen_as_words(generated):
    text = page_text(app(generated[1], asof="2025-12-26", province="Surin"))
    assert "December 2025 fighting" in text and "accuses" in text
    assert not re.search(r"\b(dec2025|jul2025|armed_clash|accusing TH|accusing KH|at_least)\b", text)


# --- the as-of date as a point in time ------------------------------------------------------------------


def test_everything_as_of_a_date_comes_from_reports_known_by_then(store):
    day = date(2025, 12, 15)
    counts = queries.report_counts(store, day)
    assert 0 < counts.known < counts.total
    rows, total = queries.figure_rows(store, day, None, list(METRICS), list(SIDES.values()), limit=100_000)
    assert total == len(rows) > 0 and rows["published"].max() <= day
    for g in queries.meetings(store, day):
        assert all(r.counts_from <= day for _, r in queries.meeting_quotes(store, day, g, 1000))
    later, _ = queries.figure_rows(store, date(2026, 1, 31), None, list(METRICS), list(SIDES.values()), 100_000)
    assert len(later) > len(rows)


def test_the_tolls_as_of_a_date_use_only_reports_published_by_then(store):
    early = {(t.metric, t.side): t for t in queries.latest_tolls(store, date(2025, 12, 12), "dec2025")}
    late = {(t.metric, t.side): t for t in queries.latest_tolls(store, date(2025, 12, 26), "dec2025")}
    killed = ("killed", "TH")
    assert early[killed].report.counts_from <= date(2025, 12, 12) < late[killed].report.counts_from
    assert early[killed].latest.value < late[killed].latest.value
    july = queries.latest_tolls(store, date(2025, 12, 26), "jul2025")
    assert july and all(t.latest.period == "jul2025" and t.report.counts_from < date(2025, 12, 1) for t in july)


def test_the_days_since_the_fighting_began_belong_to_the_episode(store):
    december = queries.onset_claims(store, date(2025, 12, 26), "dec2025")
    assert {c.date for c in december} == {date(2025, 12, 8)}
    july = queries.onset_claims(store, date(2025, 12, 26), "jul2025")
    assert {c.date for c in july} == {date(2025, 7, 24)}


@pytest.fixture(scope="module")
def talks(tmp_path_factory, gaz):
    store = Store(tmp_path_factory.mktemp("talks") / "talks.sqlite3")
    for text, published, name in (
        (
            "Officials from both countries will meet on 24 December in Chanthaburi under the General Border Committee.",
            date(2025, 12, 20),
            "announced",
        ),
        (
            "Thai and Cambodian officials met in Chanthaburi on Wednesday for the General Border Committee talks.",
            date(2025, 12, 26),
            "confirmed",
        ),
    ):
        r = make_report(text, f"{name}.txt", published=published, name=name)
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    return store


@pytest.mark.parametrize(
    ("as_of", "status", "upcoming"),
    [
        (date(2025, 12, 21), "scheduled", True),
        (date(2025, 12, 24), "scheduled", True),
        (date(2025, 12, 25), "past, not confirmed", False),
        (date(2025, 12, 26), "held", False),
    ],
)
def test_a_meeting_status_is_as_of_the_date(talks, as_of, status, upcoming):
    meetings = queries.meetings(talks, as_of)
    [group] = [g for g in meetings if g.date == date(2025, 12, 24)]
    assert meeting_status(group, as_of) == status
    assert (group in split_meetings(meetings, as_of)[0]) == upcoming


def test_a_report_without_a_publication_date_counts_from_its_ingest(tmp_path, gaz):
    store = Store(tmp_path / "s.sqlite3")
    undated = make_report("At least 5 people were killed in Surin province.", "u.txt")
    store.add(undated, extract(undated, gaz), EXTRACTOR_VERSION)
    today = date.today()
    assert queries.report_counts(store, today - timedelta(days=1)).known == 0
    counts = queries.report_counts(store, today)
    assert (counts.known, counts.total, counts.undated, counts.undated_later) == (1, 1, 1, 0)
    assert [r.id for r in counts.undated_reports] == [undated.id]  # listed, so a reader can open it
    stored = store.report(undated.id)
    assert f"undated \\(counted from the day it was stored, {today:%-d %b %Y}\\)" in source_line(stored)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def both(request, tmp_path_factory, gaz):
    folder = tmp_path_factory.mktemp(f"both-{request.param}")
    if request.param == "sqlite":
        location = str(folder / "s.sqlite3")
    else:
        from tests.pg_support import fresh_database

        location = fresh_database(request.getfixturevalue("pg_server"), "generated_both")
    store = Store(location)
    ingest_paths(store, write_corpus(folder / "reports", reports=150, seed=7))
    return store


ANSWERS = {}


def _counts(counts: queries.ReportCounts) -> queries.ReportCounts:
    """The counts with the undated reports listed by id: each backend read its copy of the corpus from its own
    folder, so their paths differ."""
    return replace(counts, undated_reports=tuple(r.id for r in counts.undated_reports))


@pytest.mark.parametrize("day", [date(2025, 7, 27), date(2025, 12, 20), date(2026, 2, 1)])
def test_both_backends_give_the_same_answers(both, day):
    """Run for SQLite first, then PostgreSQL: the second compares with the first."""
    answers = {
        "counts": _counts(queries.report_counts(both, day)),
        "tolls": [
            (t.metric, t.side, t.latest.value, t.low, t.high, t.sources)
            for t in queries.latest_tolls(both, day, "dec2025") + queries.latest_tolls(both, day, "jul2025")
        ],
        "onsets": queries.onset_claims(both, day, None),
        "meetings": [
            (g.id, g.date, g.venue, g.reports, sorted(g.statuses)) for g in queries.meetings(both, day) if g.date
        ],
        "activity": sorted(queries.province_activity(both, day).items()),
        "places": sorted(queries.map_places(both, day), key=lambda p: p.place_id),
        "surin": queries.province_counts(both, day, "TH-32"),
        "ranges": queries.figure_ranges(both, day, None, list(METRICS), list(SIDES.values())).to_dict("records"),
        "events": [
            (e.id, e.day, e.last_day, e.reports, e.accused, e.deniers)
            for e in queries.incident_events(both, day, date(2025, 7, 1))
        ],
        "tracker": [
            (f.value, f.qualifier, r.id)
            for f, r in queries.toll_figures(both, day, "dec2025", "killed", "KH", None)
            + queries.toll_figures(both, day, "jul2025", "displaced", "TH", "civilian")
        ],
        "displacement": queries.displacement_rows(both, day, "dec2025").to_dict("records"),
        "statements": sorted(queries.statement_counts(both, day, date(2025, 7, 1)), key=lambda c: (c.topic, c.stance)),
    }
    seen = ANSWERS.setdefault(day, answers)
    assert answers == seen


# --- links -----------------------------------------------------------------------------------------------


def test_the_share_link_always_carries_the_as_of_date(generated):
    at = app(generated[1])
    [link] = [c.value for c in at.code]
    # the default, the newest publication date (not the day the undated reports were ingested), is written
    assert "asof=2026-02-15" in link
    at = app(generated[1], asof="2025-12-20", province="Surin")
    [link] = [c.value for c in at.code]
    assert "asof=2025-12-20" in link and "province=Surin" in link


@pytest.mark.parametrize("written", ["Si Sa Ket", "sisaket", "Si+Sa+Ket", "SRISAKET", "th-33", "Srisaket"])
def test_a_province_in_a_link_resolves_through_the_gazetteer(gaz, written):
    assert resolve_province(gaz, written.replace("+", " ")) == "TH-33"


def test_a_province_spelled_another_way_in_the_url_is_selected(generated):
    at = app(generated[1], province="sisaket", asof="2025-12-20")
    assert_clean(at)
    assert at.selectbox(key="province").value == "TH-33"
    assert "Sisaket (TH-33)" in [s.value for s in at.subheader]


def test_an_unknown_province_in_the_url_is_said(generated):
    at = app(generated[1], province="Atlantis")
    assert at.selectbox(key="province").value is None
    assert any("Atlantis" in w.value for w in at.warning)


# --- provenance ------------------------------------------------------------------------------------------


def test_a_citation_names_outlet_date_title_link_and_report():
    r = Report(
        id="abcdef0123456789",
        path="x.txt",
        text="t",
        published=date(2025, 12, 22),
        url="https://www.mekongwire.example/2025/12/22/a",
        title="Talks *resume*",
        name="gen0007",
    )
    line = source_line(r)
    assert line.startswith("mekongwire\\.example · 22 Dec 2025 · [Talks \\*resume\\*](https://www.mekongwire")
    assert line.endswith("report gen0007")
    assert "Mekong Wire ·" in source_line(replace(r, outlet="Mekong Wire"))
    assert "(no link)" in source_line(replace(r, url="javascript:alert(1)"))


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_hostile_link_stays_one_link_to_its_own_host(url):
    line = source_line(Report(id="0" * 16, path="", text="t", url=url, title="T", outlet="O"))
    links = re.findall(r"(!?)\[([^\]]*)\]\(([^)]*)\)", line.replace("\\[", "").replace("\\]", ""))
    assert len(links) <= 1
    for bang, _, target in links:
        assert not bang and target.startswith("https://example.org/")
        assert not set(target) & set(" ()\"'<>[]")


def test_seeds_are_cited_by_their_file_name(tmp_path):
    at = app(tmp_path / "seeds.sqlite3", province="Chanthaburi")
    assert "report 001\\_9975a1b93f00d8a2" in page_text(at) or "report 001_9975a1b93f00d8a2" in page_text(at)


# --- bounded views ---------------------------------------------------------------------------------------


def test_a_busy_province_is_bounded_and_offers_more(generated, tmp_path, gaz):
    db = tmp_path / "busy.sqlite3"
    store = Store(db)
    for i in range(300):
        r = make_report(
            f"Cambodian troops fired rockets into Surin province on Monday, the Thai army said. (Item {i}.)",
            f"busy{i}.txt",
            published=date(2025, 12, 15),
            outlet=f"Outlet {i % 30}",
        )
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    store.close()
    at = app(db, province="Surin")
    assert_clean(at)
    assert len(at.markdown) < 120
    more = [b for b in at.button if b.label.startswith("Show 5 more (of 300)")]
    assert more
    before = len(at.markdown)
    more[0].click().run()
    assert len(at.markdown) > before


def test_border_provinces_come_first_in_border_order(gaz):
    order = province_order(gaz)
    border = [
        c for c in order if gaz.provinces[c].border_distance_km is not None and gaz.provinces[c].border_distance_km <= 2
    ]
    assert order[: len(border)] == border and len(border) >= 14
    kms = [gaz.provinces[c].border_km for c in border]
    assert kms == sorted(kms)
    assert order[0] in ("TH-34", "KH-13")  # Ubon Ratchathani / Preah Vihear at the Laos tripoint
    assert {"TH-23", "KH-9"} <= set(order[len(border) - 3 : len(border)])  # Trat and Koh Kong at the sea


def test_visitors_never_see_tracebacks():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"


# --- ceasefire monitoring --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("asof", "expected"),
    [
        ("2025-08-15", "Ceasefire in force** since 28 Jul 2025 24:00 (18 days): Ceasefire agreed in Putrajaya"),
        ("2025-12-15", "No ceasefire in force** — Fighting resumes"),
        ("2026-01-10", "Ceasefire in force** since 27 Dec 2025 12:00 (14 days): Joint statement of the 3rd Special"),
    ],
)
def test_the_status_panel_names_the_ceasefire_in_force(generated, asof, expected):
    at = app(generated[1], asof=asof)
    assert_clean(at)
    assert any(expected in m.value for m in at.markdown), [m.value for m in at.markdown][:5]


def test_alleged_violations_count_from_the_ceasefire_on(tmp_path, gaz):
    store = Store(tmp_path / "v.sqlite3")
    for name, published, text in (
        ("before", date(2025, 12, 26), "Cambodian troops fired rockets into Surin province on Friday, Thailand said."),
        (
            "after",
            date(2025, 12, 29),
            "Thailand accused Cambodian troops of firing mortars into Sa Kaeo province "
            "on Sunday, in violation of the ceasefire.",
        ),
    ):
        r = make_report(text, f"{name}.txt", published=published, name=name)
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    since = date(2025, 12, 27)
    [event] = queries.incident_events(store, date(2026, 1, 5), since)
    assert (event.day, event.accused) == (date(2025, 12, 28), "KH")
    [telling] = event.tellings
    assert telling.report.name == "after" and "TH-27" in telling.incident.admin1
    assert queries.incident_events(store, date(2025, 12, 28), since) == []  # not reported yet


@pytest.mark.parametrize("written", ["jul2025", "July 2025 clashes"])
def test_an_episode_in_a_link_is_read_by_id_or_label(generated, written):
    at = app(generated[1], asof="2025-12-26", episode=written)
    assert_clean(at)
    assert at.selectbox(key="episode").value == "jul2025"
    [link] = [c.value for c in at.code]
    assert "episode=July+2025+clashes" in link


def test_all_episodes_never_adds_episodes_up_in_the_headline(generated):
    at = app(generated[1], asof="2026-02-10", episode="All episodes")
    assert_clean(at)
    text = page_text(at)
    table = next(m.value for m in at.markdown if m.value.startswith("| |"))  # the headline's tolls come first
    killed = next(line for line in table.splitlines() if line.startswith("| **Killed**"))
    assert "| Thailand |" in table and killed.count("**") > 2
    assert "reports disagree: 24 Jul 2025" not in text and "Ceasefire in force** since 27 Dec 2025" in text


def test_an_unknown_episode_in_a_link_is_said(generated):
    at = app(generated[1], episode="Narnia war")
    assert any("Narnia war" in w.value for w in at.warning)


def test_an_incident_between_episodes_belongs_to_none(tmp_path, gaz):
    store = Store(tmp_path / "e.sqlite3")
    r = make_report(
        "Cambodian troops fired rockets into Surin province on Monday, the army said.",
        "oct.txt",
        published=date(2025, 10, 15),
    )
    store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    assert queries.incident_episodes(store, date(2025, 10, 31), "TH-32") == [(None, 1)]
