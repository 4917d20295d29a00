"""The queries behind the views, on SQLite and PostgreSQL alike: as of a date, bounded, the same answers."""

from dataclasses import replace
from datetime import date

import pytest

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.queries import MeetingSummary
from dashboard.read import read_reports
from dashboard.store import Store
from tests.conftest import SEEDS


def summary(day, statuses) -> MeetingSummary:
    return MeetingSummary("m", day, "Chanthaburi", "TH-22", None, None, [], statuses, 1, [])


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeds(request, tmp_path_factory, gaz):
    """A store holding the five seeds, on each backend."""
    if request.param == "sqlite":
        location = str(tmp_path_factory.mktemp("q") / "seeds.sqlite3")
    else:
        from tests.pg_support import fresh_database

        location = fresh_database(request.getfixturevalue("pg_server"), "seeds_queries")
    store = Store(location)
    reports, _ = read_reports([SEEDS])
    for r in reports:
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    return store


DAY = date(2025, 12, 23)


def test_figure_ranges_keep_every_side_and_say_when_sources_disagree(seeds):
    sides = ["Thailand", "Cambodia", "Side not stated"]
    ranges = queries.figure_ranges(seeds, DAY, "dec2025", ["killed", "displaced"], sides)
    killed_kh = ranges[(ranges["metric"] == "killed") & (ranges["side"] == "Cambodia")].iloc[0]
    # 19 in a report of 22 Dec, and 20 that a report of the 23rd says the ministry gave on Monday the 22nd: the
    # later report's higher count of the same day is an update
    assert (killed_kh["low"], killed_kh["high"], killed_kh["disagree"]) == (19, 20, False)
    killed_both = ranges[(ranges["metric"] == "killed") & (ranges["side"] == "Both sides or not stated")].iloc[0]
    assert not killed_both["disagree"]  # at least 40 and at least 60 the same day: lower bounds that agree
    displaced_th = ranges[(ranges["metric"] == "displaced") & (ranges["side"] == "Thailand")].iloc[0]
    assert (displaced_th["low"], displaced_th["disagree"]) == (167000, False)


def test_the_tolls_are_the_newest_figure_per_side_with_the_spread_of_sources(seeds):
    tolls = {(t.metric, t.side): t for t in queries.latest_tolls(seeds, DAY, "dec2025")}
    killed_kh = tolls[("killed", "KH")]
    assert killed_kh.latest.value == 20 and killed_kh.report.published == DAY
    assert (killed_kh.low, killed_kh.high, killed_kh.sources) == (20, 20, 2)  # 19, then 20 a report later: no spread
    killed_both = tolls[("killed", "both")]  # at least 40 and at least 60: lower bounds that agree, no spread
    assert (killed_both.low, killed_both.high) == (killed_both.latest.value, killed_both.latest.value)
    earlier = {(t.metric, t.side): t for t in queries.latest_tolls(seeds, date(2025, 12, 22), "dec2025")}
    assert earlier[("killed", "KH")].latest.value == 19  # the 23 December report is not known yet


def test_reports_disagree_on_when_the_fighting_resumed(seeds):
    claims = {c.date: c.reports for c in queries.onset_claims(seeds, DAY, "dec2025")}
    assert claims == {date(2025, 12, 7): 1, date(2025, 12, 8): 3}
    assert queries.onset_claims(seeds, DAY, "jul2025") == []


def test_the_24_december_talks_are_one_meeting_told_by_three_reports(seeds):
    [talks] = [g for g in queries.meetings(seeds, DAY) if g.date == date(2025, 12, 24)]
    assert talks.admin1 == "TH-22" and talks.reports == 3
    quotes = queries.meeting_quotes(seeds, DAY, talks, 10)
    assert len({r.id for _, r in quotes}) == 3 and all(m.date == date(2025, 12, 24) for m, _ in quotes)
    assert [g.date for g in queries.meetings(seeds, date(2025, 12, 21)) if g.date] == []  # none known yet


def test_chanthaburi_has_places_and_a_province_nobody_mentions_is_empty(seeds):
    counts = queries.province_counts(seeds, DAY, "TH-22")
    assert counts.mentions >= 2 and not counts.empty
    [place] = queries.province_places(seeds, DAY, "TH-22", 5)
    assert place.name == "Chanthaburi" and place.mentions == counts.mentions and place.report.label
    assert queries.province_counts(seeds, DAY, "TH-63").empty


def test_the_map_counts_what_is_said_of_each_province(seeds):
    activity = queries.province_activity(seeds, DAY)
    assert activity["TH-22"] >= 2 and activity["TH-63"] == 0
    assert activity["KH-2"] >= 1  # Battambang: a place and an incident


def test_report_counts_say_how_many_are_known_and_undated(seeds):
    assert queries.report_counts(seeds, DAY) == queries.ReportCounts(known=5, total=5, undated=0)
    assert queries.report_counts(seeds, date(2025, 12, 22)).known == 3
    assert queries.newest_day(seeds) == DAY


def test_a_toll_nobody_repeated_in_the_last_week_is_marked_stale(seeds):
    fresh = {(t.metric, t.side): t for t in queries.latest_tolls(seeds, DAY, "dec2025")}
    stale = {(t.metric, t.side): t for t in queries.latest_tolls(seeds, date(2026, 1, 15), "dec2025")}
    assert fresh[("killed", "KH")].sources == 2
    kh = stale[("killed", "KH")]
    assert kh.sources == 0 and kh.low == kh.high == kh.latest.value == 20  # the newest figure, alone


def _store_of(tmp_path, gaz, texts):
    from dashboard.read import make_report

    store = Store(str(tmp_path / "m.sqlite3"))
    for i, (text, day) in enumerate(texts):
        r = make_report(text, path=f"t{i}.txt", published=day, url=f"https://example.org/{i}")
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    return store


def test_an_undated_held_mention_confirms_the_dated_meeting_and_is_not_listed_again(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee will meet on 27 December in Chanthaburi province.", date(2025, 12, 25)),
            ("The ceasefire was signed at the General Border Committee meeting in Trat province.", date(2025, 12, 27)),
        ],
    )
    found = queries.meetings(store, date(2025, 12, 29))
    [g] = found
    assert g.date == date(2025, 12, 27) and g.reports == 2
    assert "held" in g.statuses
    # the held place beats the planned one
    assert g.venue_text == "Trat"
    assert queries.count_undated_meetings(store, date(2025, 12, 29)) == 0


def test_the_newest_report_gives_the_status_and_a_proposal_is_never_held():
    from dashboard.summary import meeting_status

    g = summary(date(2025, 12, 30), ["scheduled", "postponed"])
    g.newest_status = "postponed"
    assert meeting_status(g, date(2025, 12, 29)) == "postponed"
    g = summary(date(2025, 12, 20), ["proposed"])
    assert meeting_status(g, date(2025, 12, 29)) == "past, not confirmed"


def test_a_planned_meeting_on_the_day_an_agreement_was_signed_is_held_per_the_agreements_file():
    from dashboard.summary import HELD_PER_FILE, meeting_status

    g = summary(date(2025, 10, 26), ["scheduled"])  # the Kuala Lumpur accord's day (agreements.csv)
    assert meeting_status(g, date(2025, 10, 20)) == "scheduled"
    assert meeting_status(g, date(2025, 11, 12)) == HELD_PER_FILE == "held (agreements file)"


def test_two_held_places_for_one_meeting_are_one_meeting_with_the_dispute_said(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee met on 27 December in Trat province.", date(2025, 12, 28)),
            ("The General Border Committee met on 27 December in Chanthaburi province.", date(2025, 12, 28)),
        ],
    )
    [g] = queries.meetings(store, date(2025, 12, 29))
    assert g.venue_text == "Chanthaburi / Trat (reports differ)" and g.reports == 2


def test_a_province_and_a_place_in_it_are_one_venue_not_a_dispute(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            (
                "The General Border Committee met on 27 December at the Ban Pak Kard checkpoint in Pong Nam Ron "
                "district.",
                date(2025, 12, 28),
            ),
            (
                "After two days of talks, the General Border Committee meeting held in Chanthaburi province ended.",
                date(2025, 12, 28),
            ),
        ],
    )
    [g] = queries.meetings(store, date(2025, 12, 29))
    assert g.venue_text == "Ban Pak Kard checkpoint" and g.reports == 2


def test_an_undated_signing_the_day_after_joins_the_meeting_held_then(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee met on 27 December in Chanthaburi province.", date(2025, 12, 27)),
            ("The truce was signed by the Thai and Cambodian prime ministers.", date(2025, 12, 28)),
        ],
    )
    [g] = queries.meetings(store, date(2025, 12, 29))
    assert g.date == date(2025, 12, 27) and g.reports == 2
    assert queries.count_undated_meetings(store, date(2025, 12, 29)) == 0


def test_an_undated_mention_with_no_body_joins_no_meeting_when_two_were_held_that_day(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee met on 27 December in Chanthaburi province.", date(2025, 12, 27)),
            ("ASEAN foreign ministers met on 27 December in Kuala Lumpur.", date(2025, 12, 27)),
            ("The truce was signed by the Thai and Cambodian prime ministers.", date(2025, 12, 28)),
        ],
    )
    assert queries.count_undated_meetings(store, date(2025, 12, 29)) == 1


def test_a_country_and_a_building_in_its_capital_are_one_meeting_at_the_building(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("Thailand and Cambodia held talks in Malaysia on 4 August.", date(2025, 8, 5)),
            (
                "KUALA LUMPUR, Aug 5 - Thai and Cambodian officers met at Menara Kastam here on 4 August.",
                date(2025, 8, 5),
            ),
        ],
    )
    [g] = queries.meetings(store, date(2025, 8, 6))
    assert g.venue_text == "Menara Kastam, Kuala Lumpur" and g.reports == 2


def test_two_names_of_a_venue_abroad_are_not_called_a_dispute(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("Thai and Cambodian leaders met at Istana Negara on 4 August.", date(2025, 8, 5)),
            ("Thailand and Cambodia agreed a truce after talks in Kuala Lumpur.", date(2025, 8, 5)),
        ],
    )
    [g] = queries.meetings(store, date(2025, 8, 6))
    assert g.venue_text == "Istana Negara / Kuala Lumpur (reports name it differently)"


def test_a_meeting_only_proposed_somewhere_says_so(tmp_path, gaz):
    store = _store_of(
        tmp_path, gaz, [("Cambodia proposed that the GBC meet on 30 December in Trat province.", date(2025, 12, 27))]
    )
    [g] = queries.meetings(store, date(2025, 12, 28))
    assert g.venue_text == "Trat (proposed)"


def test_an_undated_meeting_put_off_tells_of_no_later_meeting_of_its_body(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The planned meeting of the General Border Committee was postponed, officials said.", date(2025, 12, 20)),
            ("The General Border Committee met on 24 December in Chanthaburi province.", date(2025, 12, 25)),
        ],
    )
    found = queries.meetings(store, date(2025, 12, 26))
    assert sorted((g.date, g.reports) for g in found if g.date) == [(date(2025, 12, 24), 1)]
    # the plan is not listed on its own either: the meeting of its body held after it closes it
    assert queries.count_undated_meetings(store, date(2025, 12, 26)) == 0
    assert queries.count_undated_meetings(store, date(2025, 12, 23)) == 1  # not yet known to have met


def test_a_passing_mention_of_a_meeting_held_joins_the_newest_dated_one_of_its_body(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee met in Trat province on 3 March.", date(2025, 3, 4)),
            ("The General Border Committee met in Trat province on 9 April.", date(2025, 4, 10)),
            (
                "Officials cited progress made at the last General Border Committee meeting, which was held in Trat.",
                date(2025, 5, 20),
            ),
            ("Earlier talks of the Regional Border Committee were held in Trat.", date(2025, 5, 20)),
        ],
    )
    found = queries.meetings(store, date(2025, 6, 1))
    assert sorted((g.date, g.reports) for g in found if g.date) == [(date(2025, 3, 3), 1), (date(2025, 4, 9), 2)]
    # no dated meeting of the Regional Border Committee: that mention stays a held meeting of its own
    assert [(g.body_text, g.statuses) for g in found if g.date is None] == [("Regional Border Committee", ["held"])]


def test_an_undated_plan_is_closed_by_a_later_meeting_of_its_body_family(tmp_path, gaz):
    from dashboard.summary import current_plans, split_meetings

    store = _store_of(
        tmp_path,
        gaz,
        [
            ("A planned meeting of army commanders from both sides was postponed.", date(2025, 3, 1)),
            ("The General Border Committee will meet soon, officials said.", date(2025, 3, 2)),
            ("The Regional Border Committee met in Trat province on 20 March.", date(2025, 3, 21)),
        ],
    )

    def listed(as_of):
        _, _, undated = split_meetings(queries.meetings(store, as_of), as_of)
        plans, others = current_plans(undated, as_of)
        return sorted(g.body_text for g in plans + others)

    assert listed(date(2025, 3, 10)) == ["General Border Committee", "military talks"]
    # the commanders met in the RBC: the generic plan is closed; the GBC plan is another body's, still open
    assert listed(date(2025, 3, 25)) == ["General Border Committee"]


def test_an_undated_plan_with_no_news_for_a_month_is_no_upcoming_meeting():
    from dashboard.summary import meeting_status

    g = replace(summary(None, ["postponed"]), newest_status="postponed", _seen=date(2025, 7, 29))
    assert meeting_status(g, date(2025, 8, 15)) == "postponed"
    assert meeting_status(g, date(2025, 11, 1)) == "postponed, no news since 29 Jul 2025"


# --- the calendar a monitor keeps (issue 19): spans of days, counted days, plans, names --------------------------


def test_a_meeting_over_a_span_of_days_takes_in_the_meetings_told_on_its_days(tmp_path, gaz):
    from dashboard.summary import meeting_status

    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee will meet in Kuala Lumpur from 4 to 7 August.", date(2025, 8, 1)),
            ("Secretariat officials of Thailand and Cambodia held talks in Kuala Lumpur today.", date(2025, 8, 4)),
            ("The General Border Committee met in Kuala Lumpur on 7 August.", date(2025, 8, 8)),
        ],
    )
    [g] = queries.meetings(store, date(2025, 8, 10))
    assert (g.date, g.end, g.when_text, g.reports) == (date(2025, 8, 4), date(2025, 8, 7), "4–7 Aug 2025", 3)
    assert g.body_text == "General Border Committee"
    assert len(queries.meeting_quotes(store, date(2025, 8, 10), g, 10)) == 3
    [under_way] = queries.meetings(store, date(2025, 8, 5))
    assert meeting_status(under_way, date(2025, 8, 5)) == "under way"


def test_a_day_counted_from_the_day_words_were_said_yields_to_the_day_its_report_states(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            (
                "Cambodia asked to move the General Border Committee talks scheduled for 24 December from "
                "Chanthaburi to Kuala Lumpur.\nThe Thai foreign minister announced on 22 December that talks with "
                "Cambodia would take place in Chanthaburi the following day.",
                date(2025, 12, 23),
            ),
        ],
    )
    found = queries.meetings(store, date(2025, 12, 29))
    assert [(g.date, g.reports) for g in found if g.date] == [(date(2025, 12, 24), 1)]
    assert len(queries.meeting_quotes(store, date(2025, 12, 29), found[0], 10)) == 2


def test_upcoming_meetings_announced_at_a_session_are_not_that_session(tmp_path, gaz):
    from dashboard.summary import current_plans, split_meetings

    store = _store_of(
        tmp_path,
        gaz,
        [
            (
                "The General Border Committee met on 10 September in Koh Kong province.\n"
                "The session also set the agenda for upcoming General Border Committee meetings.",
                date(2025, 9, 10),
            ),
        ],
    )
    as_of = date(2025, 9, 15)
    found = queries.meetings(store, as_of)
    _, past, undated = split_meetings(found, as_of)
    assert [g.date for g in past] == [date(2025, 9, 10)]
    plans, _ = current_plans(undated, as_of)
    assert [(g.body_text, g.statuses) for g in plans] == [("General Border Committee", ["scheduled"])]
    assert (
        current_plans(
            split_meetings(queries.meetings(store, date(2025, 11, 1)), date(2025, 11, 1))[2], date(2025, 11, 1)
        )[0]
        == []
    )


def test_an_undated_plan_from_the_store_goes_stale_after_a_month(tmp_path, gaz):
    from dashboard.summary import meeting_status

    store = _store_of(
        tmp_path,
        gaz,
        [("The planned meeting of the General Border Committee was postponed, officials said.", date(2025, 7, 29))],
    )
    [g] = queries.meetings(store, date(2025, 11, 1))
    assert meeting_status(g, date(2025, 11, 1)) == "postponed, no news since 29 Jul 2025"


def test_the_body_most_reports_give_is_the_meetings_name_another_body_one_reports_account(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee will meet on 24 December in Chanthaburi province.", date(2025, 12, 22)),
            ("Defence officials will meet on 24 December under the Joint Boundary Commission.", date(2025, 12, 22)),
            ("The General Border Committee met on 24 December in Chanthaburi province.", date(2025, 12, 25)),
            ("Military representatives of both sides will meet on 24 December in Chanthaburi.", date(2025, 12, 23)),
        ],
    )
    [g] = queries.meetings(store, date(2025, 12, 29))
    # the Joint Boundary Commission is another standing body: one report's account, not another name of the GBC;
    # "defence officials" tells who meets, no name
    assert g.body_text == "General Border Committee (one report says Joint Boundary Commission)"


def test_a_meeting_held_over_the_weekend_is_dated_by_the_weekend_its_report_tells_of(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [("The foreign ministers of both countries met in Kuala Lumpur over the weekend.", date(2025, 10, 21))],
    )
    [g] = queries.meetings(store, date(2025, 11, 1))
    assert (g.date, g.end, g.venue) == (date(2025, 10, 18), date(2025, 10, 19), "Kuala Lumpur")
    assert g.when_text == "18–19 Oct 2025 (the weekend its report tells of)"
    assert queries.count_undated_meetings(store, date(2025, 11, 1)) == 0


def test_a_held_mention_naming_only_its_month_confirms_the_one_meeting_of_that_month(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("Regional leaders will hold the ASEAN Summit in Kuala Lumpur from 26 to 28 October.", date(2025, 10, 21)),
            ("The truce builds on a declaration signed at the ASEAN Summit last October.", date(2025, 12, 22)),
        ],
    )
    [g] = queries.meetings(store, date(2025, 12, 29))
    assert (g.date, g.reports, "held" in g.statuses) == (date(2025, 10, 26), 2, True)


def test_a_span_whose_first_day_alone_is_told_held_is_not_called_held(tmp_path, gaz):
    from dashboard.summary import meeting_status

    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee will meet in Trat province from 10 to 13 March.", date(2026, 3, 5)),
            ("Secretariat officials of Thailand and Cambodia held talks in Trat province today.", date(2026, 3, 10)),
        ],
    )
    [g] = queries.meetings(store, date(2026, 3, 20))
    assert meeting_status(g, date(2026, 3, 20)) == "began 10 Mar, end not confirmed"


def test_a_held_meeting_whose_outcome_was_told_on_a_day_is_past_by_that_day(tmp_path, gaz):
    from dashboard.summary import split_meetings

    store = _store_of(
        tmp_path,
        gaz,
        [
            (
                "The two sides agreed to reopen the crossing after talks in Ipoh, the mediator said on Wednesday.",
                date(2025, 3, 5),
            )
        ],
    )
    _, past, undated = split_meetings(queries.meetings(store, date(2025, 3, 7)), date(2025, 3, 7))
    [g] = past
    assert undated == [] and g.date == date(2025, 3, 5) and g.when_text.startswith("Wed 5 Mar 2025 (by this day")
    assert queries.count_undated_meetings(store, date(2025, 3, 7)) == 0


def test_a_sideless_count_below_one_sides_count_is_no_headline_toll(tmp_path, gaz):
    texts = [
        (
            "Shelling near the frontier on Thursday killed at least 2 civilians, a local official said.",
            date(2025, 7, 24),
        ),
        ("Thailand's health ministry said 9 Thai civilians have been killed in the clashes so far.", date(2025, 7, 25)),
    ]
    store = _store_of(tmp_path, gaz, texts)
    tolls = {
        (t.metric, t.side, t.latest.group): t.latest.value for t in queries.latest_tolls(store, DAY_JUL, "jul2025")
    }
    # 2 cannot be a total of both sides beside Thailand's 9 alone: no headline cell (the figures by source keep it)
    assert tolls == {("killed", "TH", "civilian"): 9}
    sourced = queries.figure_ranges(store, DAY_JUL, "jul2025", ["killed"], ["Thailand", "Side not stated"])
    assert 2 in set(sourced["low"])
    more = _store_of(
        tmp_path / "more", gaz, [*texts, ("The clashes have killed 14 civilians, officials said.", DAY_JUL)]
    )
    tolls = {(t.metric, t.side, t.latest.group): t.latest.value for t in queries.latest_tolls(more, DAY_JUL, "jul2025")}
    assert tolls[("killed", "both", "civilian")] == 14  # larger than one side's: it may be the total


DAY_JUL = date(2025, 7, 26)


def test_talks_told_by_the_days_they_began_and_go_on_to_are_one_meeting_over_those_days(tmp_path, gaz):
    text = "The secretariats' talks, which opened on 24 December and will run until 26 December, are in Trat province."
    store = _store_of(tmp_path, gaz, [(text, date(2025, 12, 25))])
    [g] = queries.meetings(store, date(2025, 12, 25))
    assert (g.date, g.end) == (date(2025, 12, 24), date(2025, 12, 26))
    assert g.when_text == "24–26 Dec 2025"


def test_a_venue_one_side_asked_for_is_said_beside_the_meetings_venue(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee will meet on 24 December in Chanthaburi province.", date(2025, 12, 22)),
            (
                "Cambodia requested to move the General Border Committee meeting of 24 December from Chanthaburi "
                "province to Kuala Lumpur, citing the shelling.",
                date(2025, 12, 23),
            ),
            ("The General Border Committee met on 24 December in Chanthaburi province.", date(2025, 12, 25)),
        ],
    )
    [g] = queries.meetings(store, date(2025, 12, 23))
    assert g.venue_text == "Chanthaburi · Cambodia asked for Kuala Lumpur (23 Dec)"  # asked, not moved
    [g] = queries.meetings(store, date(2025, 12, 29))
    assert g.venue_text == "Chanthaburi · Cambodia asked for Kuala Lumpur (23 Dec)"  # held where planned: still told


# --- session 10: the unseen-report audit's meetings (items 26-28, 31), each with texts of our own ---------------


def test_an_undated_plan_of_one_committee_is_not_a_meeting_of_another_committee_of_its_family(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The next regular GBC meeting is expected in Thailand before the end of the year.", date(2025, 11, 1)),
            (
                "A meeting of the Regional Border Committee that had been planned for Friday in Sa Kaeo province "
                "was postponed indefinitely, a Thai army spokesman said.",
                date(2025, 11, 12),
            ),
        ],
    )
    found = queries.meetings(store, date(2025, 11, 15))
    assert sorted((g.date is None, g.body_text) for g in found) == [
        (False, "Regional Border Committee"),
        (True, "General Border Committee"),
    ]


def test_talks_planned_at_one_place_and_held_that_day_at_another_are_one_meeting(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            (
                "Acting Prime Minister Phumtham Wechayachai will travel to Kuala Lumpur on Monday for talks with "
                "Cambodian Prime Minister Hun Manet hosted by Malaysia.",
                date(2025, 7, 27),
            ),
            (
                "Leaders of the two countries agreed on Monday to a ceasefire at talks in Putrajaya hosted by "
                "Malaysia's prime minister.",
                date(2025, 7, 29),
            ),
        ],
    )
    [planned] = queries.meetings(store, date(2025, 7, 28))
    assert (planned.date, planned.venue_text, planned.newest_status) == (date(2025, 7, 28), "Kuala Lumpur", "scheduled")
    [held] = queries.meetings(store, date(2025, 7, 30))
    assert (held.date, held.venue_text, held.newest_status, held.reports) == (date(2025, 7, 28), "Putrajaya", "held", 2)


def test_two_meetings_of_other_bodies_the_same_day_stay_two(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee will meet on 22 December in Chanthaburi province.", date(2025, 12, 20)),
            ("ASEAN foreign ministers met in Kuala Lumpur on Monday.", date(2025, 12, 23)),
        ],
    )
    found = queries.meetings(store, date(2025, 12, 24))
    assert sorted(g.venue_text for g in found) == ["Chanthaburi", "Kuala Lumpur"]


def test_a_newer_reports_undated_plan_of_a_committee_tells_anew_where_its_next_meeting_stands(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The next regular GBC meeting will take place in Cambodia, the statement said.", date(2025, 8, 7)),
            ("The next regular GBC meeting is expected in Thailand before the end of the year.", date(2025, 11, 1)),
        ],
    )
    assert [g.venue_text for g in queries.meetings(store, date(2025, 9, 1))] == ["Cambodia"]
    assert [g.venue_text for g in queries.meetings(store, date(2025, 11, 15))] == ["Thailand"]


def test_a_meeting_told_opening_on_one_day_takes_in_another_reports_mention_of_its_last_day(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            (
                "Thailand and Cambodia agreed on Thursday to let observers monitor the ceasefire, at the end of an "
                "extraordinary meeting of their General Border Committee.\n\nThe talks, which opened on Monday, also "
                "covered the detained soldiers.",
                date(2025, 8, 7),
            ),
            (
                "Observers agreed at the General Border Committee meeting in Kuala Lumpur on Thursday.",
                date(2025, 8, 10),
            ),
        ],
    )
    [g] = queries.meetings(store, date(2025, 8, 11))
    assert (g.when_text, g.venue_text, g.body_text) == ("4–7 Aug 2025", "Kuala Lumpur", "General Border Committee")


def test_a_meeting_told_only_by_its_month_joins_that_months_meeting_not_its_reports_later_one(tmp_path, gaz):
    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee will meet from 4 to 7 August.", date(2025, 8, 1)),
            (
                "The General Border Committee met in Kuala Lumpur in early August and again in Koh Kong, Cambodia, on "
                "September 10.",
                date(2025, 10, 27),
            ),
        ],
    )
    found = {g.date: g for g in queries.meetings(store, date(2025, 11, 15))}
    assert set(found) == {date(2025, 8, 4), date(2025, 9, 10)}
    assert found[date(2025, 8, 4)].venue_text == "Kuala Lumpur" and "held" in found[date(2025, 8, 4)].statuses
    assert found[date(2025, 9, 10)].venue_text == "Koh Kong"


def test_a_span_told_ended_by_its_last_day_is_held_by_the_reports_not_only_per_the_agreements_file(tmp_path, gaz):
    from dashboard.summary import meeting_status

    store = _store_of(
        tmp_path,
        gaz,
        [
            ("The General Border Committee will meet on 4 August.", date(2025, 8, 1)),
            (
                "Both sides signed a 13-point accord on Thursday at the end of four days of General Border Committee "
                "talks in the Malaysian capital.",
                date(2025, 8, 7),
            ),
        ],
    )
    [g] = queries.meetings(store, date(2025, 11, 15))
    assert (g.when_text, g.venue_text) == ("4–7 Aug 2025", "Kuala Lumpur")
    assert meeting_status(g, date(2025, 11, 15)) == "held"  # the reports tell it held, not "per the agreements file"
