"""Words and rules the views share, and links."""

from datetime import date

import pytest

from dashboard.summary import incident_words, meeting_status, split_meetings
from dashboard.ui.links import share_url
from dashboard.ui.safe import md_escape, safe_url
from tests.test_queries import summary


def test_markdown_escaping_shows_text_literally():
    escaped = md_escape("[click](javascript:alert(1)) **bold** <b>x</b> $x$")
    assert "](" not in escaped.replace("\\](", "") and "<b>" not in escaped and "\\*\\*" in escaped


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("//example.org", False),
        ("", False),
        (None, False),
        (float("nan"), False),
    ],
)
def test_only_http_links_are_shown(url, ok):
    assert (safe_url(url) is not None) == ok


def test_share_url_keeps_the_view_and_drops_what_is_not_set():
    url = share_url(
        "http://localhost:8501/?old=1",
        {"province": "Sa Kaeo", "asof": "2025-12-23", "metric": ["killed", "injured"], "side": None},
    )
    assert url == "http://localhost:8501/?province=Sa+Kaeo&asof=2025-12-23&metric=killed&metric=injured"
    assert share_url("http://localhost:8501/", {"province": None}) == "http://localhost:8501/"


@pytest.mark.parametrize(
    ("statuses", "day", "as_of", "expected"),
    [
        (["scheduled"], date(2025, 12, 24), date(2025, 12, 20), "scheduled"),
        (["proposed"], date(2025, 12, 24), date(2025, 12, 24), "proposed"),
        (["scheduled"], date(2025, 12, 24), date(2025, 12, 25), "past, not confirmed"),
        (["scheduled", "held"], date(2025, 12, 24), date(2025, 12, 25), "held"),
    ],
)
def test_a_meeting_status_is_said_as_of_a_date(statuses, day, as_of, expected):
    assert meeting_status(summary(day, statuses), as_of) == expected


def test_meetings_split_around_the_as_of_date():
    held_today = summary(date(2025, 12, 22), ["held"])
    planned_today = summary(date(2025, 12, 22), ["scheduled"])
    upcoming, past, _ = split_meetings([held_today, planned_today], date(2025, 12, 22))
    assert upcoming == [planned_today] and past == [held_today]


def test_incidents_are_told_in_words():
    from dashboard.records import Evidence, Incident

    i = Incident(Evidence("r", "s", 0, 1, "s"), "rocket", (), (), None, "TH", "KH", "KH")
    assert incident_words(i) == "Thailand accuses Cambodia; Cambodia denies"


def test_an_outlet_known_only_by_an_address_is_an_unnamed_site():
    from dashboard.records import Report
    from dashboard.summary import outlet_name

    assert outlet_name(Report("a", "p", "t", url="http://203.0.113.5/world/story")) == "unnamed site (203.0.113.5)"
    assert outlet_name(Report("a", "p", "t", url="https://www.news.example/story")) == "news.example"


def test_an_empty_column_says_when_reports_tell_of_meetings_without_a_date():
    from dashboard.ui.meetings import empty_caption

    held, planned = summary(None, ["held"]), summary(None, ["scheduled"])
    as_of = date(2025, 7, 30)
    assert empty_caption([held], as_of, held=True) == "none with a date; 1 held meeting without one below"
    assert empty_caption([held], as_of, held=False) == "none reported"
    assert empty_caption([planned, planned], as_of, held=True) == "none reported"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Officials said about 3,400 villagers were displaced by the shelling.", "about 3,400"),
        ("Officials said nearly 3,400 villagers were displaced by the shelling.", "nearly 3,400"),
        ("Officials said almost 3,400 villagers were displaced by the shelling.", "nearly 3,400"),
        ("Officials said more than 3,400 villagers were displaced by the shelling.", "more than 3,400"),
        ("Officials said at least 3,400 villagers were displaced by the shelling.", "at least 3,400"),
        ("Officials said up to 3,400 villagers were displaced by the shelling.", "up to 3,400"),
        ("Officials said over 3,400 villagers were displaced by the shelling.", "more than 3,400"),
        ("Officials said some 3,400 villagers were displaced by the shelling.", "about 3,400"),
        ("Officials said 3,400 villagers were displaced by the shelling.", "3,400"),
    ],
)
def test_a_figures_qualifier_is_shown_in_words_before_its_number(text, shown):
    """Signs like "< ~3,400" read as "less than about": a reader sees the report's meaning in words."""
    from dashboard.extract.figures import find_figures
    from dashboard.extract.sentences import split_sentences
    from dashboard.summary import display_value

    [f] = [f for s in split_sentences(text) for f in find_figures(s, "r", date(2025, 12, 20))]
    assert display_value(f) == shown


@pytest.mark.parametrize(
    ("metric", "first", "second"),
    [
        ("displaced", ("nearly", 4200), ("more_than", 5100)),
        ("displaced", ("more_than", 5100), ("nearly", 4200)),
        ("killed", ("exact", 38), ("at_least", 40)),
        ("injured", ("about", 20), ("exact", 9)),
    ],
)
def test_two_reports_of_one_day_with_different_counts_are_steps_of_a_running_total(metric, first, second):
    """Reports carry their day, not their hour: of two counts told the same day, the higher is the later."""
    from dashboard.summary import at_odds

    day = (date(2025, 12, 9), date(2025, 12, 9))
    assert not at_odds(metric, [(day, *first), (day, *second)])
    # a later day's count of the killed that cannot reach an earlier one still is
    later = (date(2025, 12, 11), date(2025, 12, 11))
    assert at_odds("killed", [(day, "at_least", 40), (later, "exact", 31)])


def test_a_meeting_held_per_the_agreements_file_shows_what_was_signed_above_the_reports_plans():
    """The reports of a meeting may all be plans ("we hope to see the signing"): the signing the curated file
    records, with its source, is its newest telling."""
    from dashboard.ui.meetings import signed_line

    line = signed_line(date(2025, 10, 26))  # the Kuala Lumpur accord's day (agreements.csv)
    assert "*Kuala Lumpur Peace Accord \\(joint declaration\\)*" in line and "[source](https://" in line


def test_a_plan_announced_without_a_day_is_upcoming_until_it_goes_stale():
    from dataclasses import replace

    from dashboard.summary import current_plans

    held = summary(None, ["held"])
    planned = replace(summary(None, ["scheduled"]), newest_status="scheduled", _seen=date(2025, 9, 10))
    assert current_plans([held, planned], date(2025, 9, 15)) == ([planned], [held])
    assert current_plans([held, planned], date(2025, 11, 1)) == ([], [held, planned])


def _row(id_, day, kind, title, source="https://example.org/a"):
    from dashboard.agreements import Agreement

    return Agreement(id_, day, "", False, kind, title, "", None, None, (), source, "a source")


def test_curated_rows_of_one_day_kind_and_source_are_one_fact():
    from dashboard.summary import one_fact

    rows = [
        _row("a", date(2025, 3, 9), "implementation", "Regional Border Committee meets"),
        _row("b", date(2025, 3, 9), "implementation", "Army commanders meet in the Regional Border Committee"),
        _row("c", date(2025, 3, 9), "implementation", "Observers deployed", source="https://example.org/b"),
    ]
    assert [[a.id for a in fact] for fact in one_fact(rows)] == [["a", "b"], ["c"]]


def test_a_curated_meeting_row_tells_of_the_reports_meeting_of_its_body_family_on_its_days():
    from dataclasses import replace

    from dashboard.summary import meeting_of_row

    gbc = replace(summary(date(2025, 3, 4), ["held"]), end=date(2025, 3, 7), keys=[("TH-22", "border")])
    summit = replace(summary(date(2025, 3, 6), ["held"]), id="s", keys=[(None, "asean-summit")])
    met = _row("a", date(2025, 3, 7), "implementation", "The General Border Committee meets (4-7 March)")
    assert meeting_of_row(met, [summit, gbc]) is gbc
    assert meeting_of_row(replace(met, date=date(2025, 3, 8)), [summit, gbc]) is None  # not one of its days
    assert meeting_of_row(replace(met, kind="agreement"), [gbc]) is None  # what was signed there is no meeting
    assert meeting_of_row(replace(met, title="Observers deployed"), [gbc]) is None  # names no body


def test_the_timeline_shows_a_meeting_the_agreements_file_tells_of_once():
    from dataclasses import replace

    from dashboard.agreements import agreements
    from dashboard.ui.timeline import timeline_items

    row = next(a for a in agreements() if a.kind == "implementation" and "General Border Committee" in a.title)
    gbc = replace(
        summary(row.date, ["held"]), id="m-gbc", keys=[("TH-22", "border")], bodies=["General Border Committee"]
    )
    items = timeline_items([], [gbc], row.date, row.date)
    assert f"a-{row.id}" not in {i.id for i in items}
    [meeting] = [i for i in items if i.id == "m-gbc"]
    assert meeting.label.startswith(row.title)
    assert f"a-{row.id}" in meeting.aliases  # a shared link naming the curated row finds the one item
    # rows under two instruments from one source on one day (the commanders meet in the RBC) are one item
    later = timeline_items([], [], date(2025, 9, 1), date(2025, 9, 5))
    days = [(i.day, i.label) for i in later]
    assert len(days) == len({d for d, _ in days})
    assert any(i.aliases for i in later)  # the second row's id leads to the item it is told in
