"""A report dated only by a bound (dashboard.pubdate "bound"): it looks ahead weeks past its own dates, so it was
written some day between its latest own date and the latest day it can have been written. It is shown from that
bound (its news never before it can have been known), said "by" the bound wherever its date is given, and its
days told relative to when it was written ("on Tuesday", "over the weekend") are firm only where every day it can
have been written gives them alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dashboard import pubdate, queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.read import make_report
from dashboard.records import Figure, Incident, Report
from dashboard.store import Store

TODAY = date(2026, 12, 7)

# Its own latest date is 3 September; it looks ahead to 30 September (a Tuesday): written by 23 September, the
# Tuesday before (the weekday it names). A Tuesday lies in the window: the shelling's day is not known.
LOOKS_AHEAD = (
    "Thai troops fired artillery shells at a Cambodian village in Oddar Meanchey province on Tuesday, the "
    "Cambodian defence ministry said. The shelling followed a clash near the Ta Moan Thom temple on 3 September "
    "2025. The two defence ministers will meet in Kuala Lumpur on 30 September 2025."
)
# Its own latest date is Tuesday 16 September; it looks ahead to 25 September: written between the 16th and the
# Saturday it names (the 20th). "Will meet on Saturday" is the 20th whichever day of that window it was written.
SHORT_WINDOW = (
    "Fighting near the Ta Krabey temple on 16 September 2025 killed two soldiers. Officials said the regional "
    "committee will meet on Saturday in Chanthaburi, and the ministers will hold talks on 25 September 2025."
)
# Met "over the weekend", in a report written some day between 2 and 25 October.
WEEKEND = (
    "The foreign ministers of both countries met in Kuala Lumpur over the weekend. A clash near the temple on "
    "2 October 2025 wounded a soldier. The leaders will sign the accord on 26 October 2025."
)


def bound_report(text: str, name: str = "b") -> Report:
    return make_report(text, path=f"{name}.txt", today=TODAY, url=f"https://example.org/{name}")


# --- dating --------------------------------------------------------------------------------------------------------


def test_a_report_looking_weeks_ahead_is_dated_by_a_bound_and_its_window_is_known():
    found = pubdate.find(LOOKS_AHEAD, today=TODAY)
    assert (found.day, found.how) == (date(2025, 9, 23), "bound")
    assert pubdate.written_between(LOOKS_AHEAD, TODAY) == (date(2025, 9, 3), date(2025, 9, 23))


def test_an_estimate_from_the_latest_own_date_is_no_bound():
    text = "Shelling hit Surin on 9 December 2025. Talks will be held on 12 December in Chanthaburi."
    assert pubdate.find(text, today=TODAY).how == "text"
    assert pubdate.written_between(text, TODAY) is None


def test_redating_a_report_stored_as_an_estimate_makes_it_a_bound():
    stored = replace(bound_report(LOOKS_AHEAD), dated_by="text", ingested=TODAY)
    assert pubdate.redate(stored).dated_by == "bound"
    again = pubdate.redate(replace(stored, dated_by="bound"))
    assert (again.published, again.dated_by) == (date(2025, 9, 23), "bound")


# --- extraction: relative days ------------------------------------------------------------------------------------


def test_a_weekday_the_window_does_not_fix_gives_no_day(gaz):
    report = bound_report(LOOKS_AHEAD)
    incidents = extract(report, gaz).incidents
    shelling = next(i for i in incidents if "Tuesday" in i.evidence.sentence)
    assert (shelling.date, shelling.timing) == (None, "reported")  # not the bound's Tuesday, 23 September
    clash = next(i for i in incidents if "3 September" in i.evidence.sentence)
    assert clash.date == date(2025, 9, 3)  # a day it states in full stays


def test_the_same_report_with_a_date_of_its_own_keeps_the_weekday(gaz):
    report = replace(bound_report(LOOKS_AHEAD), published=date(2025, 9, 23), dated_by="metadata")
    shelling = next(i for i in extract(report, gaz).incidents if "Tuesday" in i.evidence.sentence)
    assert shelling.date == date(2025, 9, 23)


def test_a_weekday_every_day_of_the_window_gives_alike_is_kept(gaz):
    report = bound_report(SHORT_WINDOW)
    assert (report.published, report.dated_by) == (date(2025, 9, 20), "bound")
    days = {m.date_text: m.date for m in extract(report, gaz).meetings}
    assert days["Saturday"] == date(2025, 9, 20)
    assert days["25 September 2025"] == date(2025, 9, 25)


# --- store, queries and what the screen says -----------------------------------------------------------------------


def test_a_bound_round_trips_through_the_store_and_is_counted(store_location, gaz):
    store = Store(store_location)
    report = bound_report(WEEKEND)
    store.add(report, extract(report, gaz), EXTRACTOR_VERSION)
    firm = make_report("Shelling hit Surin on 9 December 2025.", path="f.txt", today=TODAY)
    store.add(firm, extract(firm, gaz), EXTRACTOR_VERSION)
    [back] = store.reports_by_id([report.id])
    assert (back.published, back.dated_by) == (date(2025, 10, 25), "bound")
    assert pubdate.redate(back) == back
    counts = queries.report_counts(store, date(2025, 12, 31))
    assert (counts.known, counts.undated, counts.estimated, counts.bounded) == (2, 0, 1, 1)  # the other: dateline


def test_a_weekend_in_a_bound_report_gets_no_firm_days(tmp_path, gaz):
    store = Store(str(tmp_path / "w.sqlite3"))
    report = bound_report(WEEKEND)
    store.add(report, extract(report, gaz), EXTRACTOR_VERSION)
    [g] = [g for g in queries.meetings(store, date(2025, 11, 1)) if g.venue == "Kuala Lumpur" and g.date is None]
    assert g.end is None
    assert g.when_text == "a weekend before 25 Oct 2025: its report's own day is not known"


def _report(dated_by: str) -> Report:
    return Report("r", "r.txt", "x", published=date(2025, 10, 21), outlet="Wire", dated_by=dated_by)


def test_a_bound_is_said_by_that_day_wherever_the_report_is_cited():
    from dashboard.summary import day_of, incident_when, report_day

    bound, firm = _report("bound"), _report("dateline")
    assert day_of(bound, "%-d %b") == "by 21 Oct" and day_of(firm, "%-d %b") == "21 Oct"
    assert report_day(bound).startswith("written by 21 Oct 2025")
    assert report_day(firm) == "21 Oct 2025, from its dateline"
    undated = Incident(None, "artillery", (), (), None, None, None, None, "reported")
    assert incident_when(undated, bound) == "reported by 21 Oct 2025 (no date given)"


def test_a_toll_from_a_bound_report_is_sourced_by_that_day():
    from dashboard.summary import Toll
    from dashboard.ui.headline import _toll_value

    fig = Figure(None, "killed", 48, "48", "exact", "TH", None, None, "jul2025")
    toll = Toll("killed", "TH", fig, _report("bound"), 48, 48, 1)
    assert "(Wire, by 21 Oct)" in _toll_value(toll)
    assert "(estimated)" not in _toll_value(toll)


def test_the_newest_of_a_stance_count_says_when_it_is_a_bound():
    from dashboard.queries.ceasefire import StanceCount

    assert StanceCount("ceasefire", "agreed", 3, date(2025, 10, 21), True).newest_text == "by 21 Oct"
    assert StanceCount("ceasefire", "agreed", 3, date(2025, 10, 21)).newest_text == "21 Oct"


def test_downloads_and_tables_say_the_date_is_a_bound():
    from dashboard.queries.export import _cite, _source
    from dashboard.summary import dated_how

    assert _cite(_report("bound")) == "Wire · by 2025-10-21"
    assert _cite(_report("dateline")) == "Wire · 2025-10-21"
    assert dated_how(_report("bound")) == "the latest it can have been written (from its text)"
    assert _source(_report("bound"))["report_dated_by"] == dated_how(_report("bound"))


def test_the_caption_counts_the_bounds_among_the_estimates(monkeypatch):
    from dashboard import app
    from dashboard.queries.common import ReportCounts

    said = []
    monkeypatch.setattr(app.st, "title", lambda *a, **k: None)
    monkeypatch.setattr(app.st, "caption", lambda text, **k: said.append(text))
    app.title(ReportCounts(12, 45, 0, 3, 6, 1), date(2025, 11, 1), None)
    assert "12 reports known (6 estimated from their text, 1 by a bound)" in said[0]
