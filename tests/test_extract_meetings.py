"""Meetings: date, venue, body, status; one meeting per event within and across reports."""

from datetime import date

import pytest

from dashboard.export import document
from dashboard.extract import extract, extract_all
from dashboard.read import make_report, read_reports
from dashboard.reconcile import merge_meetings
from tests.conftest import SEEDS

TUESDAY_23 = date(2025, 12, 23)


def meetings(text, published=TUESDAY_23):
    return extract(make_report(text, published=published)).meetings


def test_a_scheduled_meeting_with_date_venue_and_body():
    [m] = meetings(
        "Defence officials will meet on Wednesday (24th) in Chanthaburi province under the General Border Committee."
    )
    assert (m.date, m.venue, m.admin1, m.body, m.status) == (
        date(2025, 12, 24),
        "Chanthaburi",
        "TH-22",
        "General Border Committee",
        "scheduled",
    )


def test_participants_are_named():
    [m] = meetings("Thai and Cambodian defence officials will meet on 24 December in Trat, with ASEAN observers.")
    assert set(m.participants) == {"Thailand", "Cambodia", "ASEAN"}


def test_a_held_meeting_abroad():
    [m] = meetings("ASEAN foreign ministers convened in Kuala Lumpur on Monday.")
    assert (m.date, m.venue, m.admin1, m.status) == (date(2025, 12, 22), "Kuala Lumpur", None, "held")
    assert m.body == "special ASEAN foreign ministers' meeting"


def test_a_meeting_months_ahead_in_the_future_tense_keeps_its_year():
    # read in the past tense, 26 October would be last year's; the future tense of the clause says this one
    [m] = meetings("The General Border Committee will meet in Kuala Lumpur on 26 October.", date(2025, 8, 5))
    assert m.date == date(2025, 10, 26)


def test_a_proposed_meeting():
    [m] = meetings("The minister proposed that the Regional Border Committee meet in Trat next month.")
    assert m.status == "proposed" and m.admin1 == "TH-23"


def test_later_this_week_stays_undated():
    [m] = meetings("Military officials from both sides will meet again later this week.")
    assert m.date is None and m.status == "scheduled"


def test_the_start_of_the_fighting_is_not_a_meeting_date():
    found = meetings("The talks in Kuala Lumpur were the first meeting since fighting resumed on December 8.")
    assert found and all(m.date != date(2025, 12, 8) for m in found)


def test_press_conferences_and_one_sides_meetings_are_not_meetings():
    assert meetings("The spokesman told a press conference on Monday that the army was ready.") == []
    assert meetings("After a meeting of the National Security Council on December 22, the premier spoke.") == []


def test_mentions_of_one_meeting_in_a_report_merge():
    text = (
        "Both sides agreed to meet again later this week.\n"
        "Defence officials will meet on Wednesday (24th) in Chanthaburi."
    )
    [m] = meetings(text)
    assert m.date == date(2025, 12, 24) and m.venue == "Chanthaburi"


def test_the_24_december_chanthaburi_talks_are_one_meeting_with_three_sources():
    reports, _ = read_reports([SEEDS])
    groups = merge_meetings([m for e in extract_all(reports) for m in e.meetings])
    [talks] = [g for g in groups if g.date == date(2025, 12, 24)]
    assert talks.meeting.admin1 == "TH-22" and len(talks.report_ids) == 3
    assert set(talks.statuses) == {"scheduled"}
    assert "General Border Committee" in talks.bodies and "Joint Boundary Commission" in talks.bodies


def test_the_document_links_each_mention_to_its_merged_meeting():
    reports, _ = read_reports([SEEDS])
    doc = document(extract_all(reports))
    merged = {m["meeting_id"]: m for m in doc["merged_meetings"]}
    for mention in doc["meetings"]:
        assert mention["report_id"] in merged[mention["meeting_id"]]["report_ids"]


def test_two_meetings_on_one_day_stay_apart():
    text = (
        "Foreign ministers of ASEAN met in Kuala Lumpur on Monday (December 22).\n"
        "On Monday, the joint border committee also met in Trat."
    )
    assert len(meetings(text)) == 2


def test_an_envoy_meeting_one_side_is_not_talks_between_the_parties():
    assert meetings("On Monday, a Japanese special envoy met the Thai foreign minister in Bangkok.") == []
    [m] = meetings("On Monday, the special envoy met Thai and Cambodian officials in Trat.")
    assert m.date == date(2025, 12, 22)


def test_a_date_next_to_another_event_is_not_the_meetings():
    # the ceasefire's, the decision's and the fighting's dates are not the talks'
    found = meetings(
        "The GBC meeting will review the July 28 ceasefire agreement signed in Kuala Lumpur.\n"
        "The special meeting follows the decision of the three prime ministers on Dec 11.\n"
        "Despite the announcement of new talks, fighting went on along the border on the morning of December 20."
    )
    assert all(m.date is None for m in found)
    assert all(m.status != "held" for m in found)


def test_a_request_or_a_proposal_is_not_held():
    [m] = meetings("The Cambodian side is requesting that the GBC meeting move to Kuala Lumpur.")
    assert m.status == "proposed"
    [m] = meetings("The GBC meeting, set for Friday in Trat, has been postponed.")
    assert m.status == "postponed"
    [m] = meetings("The GBC meeting planned in Trat was called off.")
    assert m.status == "cancelled"


def test_a_protest_crowd_is_not_a_meeting():
    assert meetings("About 200 villagers gathered to protest near the border marker in Trat on Monday.") == []


def test_the_venue_is_where_the_clause_puts_the_meeting():
    [m] = meetings("Leaders held peace talks in the Malaysian city of Kuala Lumpur on Monday.")
    assert m.venue == "Kuala Lumpur"
    found = meetings("The GBC meeting was originally planned in Trat but will be held on Friday under Malaysia's care.")
    assert [m.venue for m in found] == [None]
    [m] = meetings("Officials held a secretariat discussion on Monday, ahead of the Regional Border Committee meeting.")
    assert m.body is None and m.date == date(2025, 12, 22)


def test_a_deadline_weekday_is_not_a_meeting_date():
    found = meetings("The discussions must produce an outcome before Thursday, the GBC chair said.")
    assert all(m.date is None for m in found)


WEDNESDAY_17 = date(2025, 12, 17)


def dated(text, published=WEDNESDAY_17):
    return [(m.date, m.status) for m in meetings(text, published)]


def test_a_signing_by_both_sides_is_a_held_meeting():
    found = meetings("The defence ministers of both countries signed a joint statement in Kuala Lumpur on Saturday.")
    assert [(m.date, m.venue, m.status) for m in found] == [(date(2025, 12, 20), "Kuala Lumpur", "held")]
    assert len(meetings("The document was signed by the Thai co-chair and his Cambodian counterpart.")) == 1


def test_an_agreement_named_as_a_document_is_not_a_meeting():
    assert meetings("Both sides remain bound by the Kuala Lumpur Peace Declaration signed in October.") == []


def test_a_meeting_to_be_hosted_by_one_side_without_a_venue():
    assert dated("The next GBC meeting, to be hosted by Cambodia, will take place on 3 January.") == [
        (date(2026, 1, 3), "scheduled")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weekday of a statement is not the meeting's; each weekday is read in its own clause's tense
        ("Officials said on Monday that the talks will resume on Thursday.", date(2025, 12, 18)),
        ("The RBC will meet on Wednesday, the army said.", date(2025, 12, 17)),
        ("The RBC will meet next Wednesday.", date(2025, 12, 24)),
        ("Commanders met on Monday and will meet again on Friday.", date(2025, 12, 15)),
    ],
)
def test_weekdays_resolve_in_the_tense_of_their_clause(text, expected):
    assert dated(text)[0][0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister told a press conference on Tuesday that talks had stalled.",
        "The ceasefire will take effect at midnight on Friday, the two sides announced.",
        "Last Friday, the ministry confirmed that its delegation will attend the meeting.",
        "AMMAN, Dec 15 (Petra) - The two sides agreed to a ceasefire after talks, officials announced.",
        "The leaders spoke by phone on Monday and agreed that talks should continue.",
    ],
)
def test_announcements_press_events_and_ceasefire_times_give_no_meeting_date(text):
    assert all(d is None for d, _ in dated(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prime Minister Anutin told reporters on Sunday that he would not attend the talks.", []),
        ("The ministry said in a statement on Friday that talks would resume on Monday.", [date(2025, 12, 22)]),
        ("The ministers said talks would resume on Monday.", [date(2025, 12, 22)]),
    ],
)
def test_the_day_something_was_said_to_whom_or_where_is_not_the_meeting_day(text, expected):
    assert [d for d, _ in dated(text) if d] == expected


# Talks between the two parties only (invented sentences).


@pytest.mark.parametrize(
    "text",
    [
        "The National Security Council held a meeting on Monday to discuss the border.",
        "China's foreign minister met his Cambodian counterpart in Beijing on Monday.",
        "The Thai cabinet met on Monday to review the evacuation.",
        "The Thai prime minister spoke by phone with his Cambodian counterpart on Monday.",
    ],
)
def test_one_sides_meetings_and_calls_are_not_meetings(text):
    assert meetings(text) == []


def test_a_date_after_one_sides_meeting_is_not_the_talks_date():
    [m] = meetings(
        "After a session of the National Security Council on the evening of 21 December, "
        "Thailand and Cambodia agreed that their defence officials would meet in Chanthaburi."
    )
    assert m.date is None


def test_talks_between_both_sides_without_a_joint_body():
    [m] = meetings("Thai and Cambodian defence officials met on Monday in Chanthaburi province.")
    assert (m.date, m.status) == (date(2025, 12, 22), "held")


def test_talks_whose_date_is_yet_to_be_set_are_proposed():
    [m] = meetings("The two sides agreed that a GBC meeting would follow, its date yet to be set by the co-chairs.")
    assert m.status == "proposed"


def test_an_event_word_that_is_the_meetings_topic_does_not_take_its_date():
    [m] = meetings(
        "The two sides agreed to hold a meeting of their joint committee at the level of field officers"
        " on 26 December about a possible ceasefire."
    )
    assert m.date == date(2025, 12, 26)


# --- where a meeting is: a later or explicit venue beats a plan ---------------------------------------------------


def test_a_meeting_moved_elsewhere_is_at_the_place_it_was_moved_to():
    [m] = meetings(
        "PHNOM PENH, Dec 22 - The GBC meeting set here in Phnom Penh for December 24 was moved to Trat province."
    )
    assert (m.date, m.admin1) == (date(2025, 12, 24), "TH-23")


def test_a_meeting_planned_in_one_place_and_held_in_another_is_one_meeting_at_the_second():
    text = (
        "Cambodia proposed holding the GBC meeting of December 24 in Phnom Penh.\n"
        "The GBC meeting on December 24 was held in Trat province."
    )
    [m] = meetings(text, date(2025, 12, 26))
    assert (m.date, m.admin1, m.status) == (date(2025, 12, 24), "TH-23", "held")


def test_a_later_report_of_where_the_meeting_was_held_beats_the_earlier_plan():
    plan = extract(make_report("The GBC will meet on December 24 in Phnom Penh, the army said.", published=TUESDAY_23))
    held = extract(make_report("The GBC met on December 24 in Trat province.", published=date(2025, 12, 26)))
    [group] = merge_meetings(plan.meetings + held.meetings)
    assert (group.meeting.admin1, group.meeting.status, len(group.mentions)) == ("TH-23", "held", 2)


def test_a_meeting_moved_to_a_country_is_at_that_country_not_at_the_plan():
    text = (
        "Cambodia invited Thai officials to the GBC meeting on January 5 in Pailin province.\n"
        "Thailand then asked to move the GBC meeting to Malaysia, and Cambodia agreed on the change."
    )
    found = meetings(text, date(2025, 12, 30))
    assert [(m.date, m.venue, m.admin1) for m in found] == [(date(2026, 1, 5), "Malaysia", None)]


# --- several meetings in one sentence, relative days, venues that are no gazetteer place (issue 19) ---------


def test_a_sentence_naming_two_dated_meetings_gives_both_with_their_own_bodies():
    text = (
        "The shelling breaches the communique of the 2nd Special GBC Meeting of 9 November 2025 "
        "and the record of the JBC meeting of 3 September 2025, the ministry said."
    )
    found = meetings(text, date(2026, 1, 20))
    assert sorted((m.date, m.body, m.status) for m in found) == [
        (date(2025, 9, 3), "Joint Boundary Commission", "held"),
        (date(2025, 11, 9), "General Border Committee", "held"),
    ]


def test_dates_of_one_meeting_with_no_meeting_word_between_stay_one_meeting():
    found = meetings("The GBC talks opened on 24 December and are due to run until 26 December.", TUESDAY_23)
    assert [m.date for m in found] == [date(2025, 12, 24)]


def test_the_following_day_counts_from_the_date_the_sentence_gives():
    text = (
        "The minister announced on 20 December that talks between Thailand and Cambodia "
        "would be held in Trat the following day."
    )
    [m] = meetings(text, date(2025, 12, 22))
    assert (m.date, m.admin1) == (date(2025, 12, 21), "TH-23")


def test_a_place_where_an_agreement_was_signed_is_not_the_venue_of_the_meeting_named_with_it():
    text = (
        "Cambodia listed demands for the GBC meeting, including respect for the truce agreement signed in Kuala Lumpur."
    )
    found = meetings(text)
    assert [m.venue for m in found] == [None]


def test_a_requested_move_leaves_the_meeting_at_its_planned_venue():
    text = "Cambodia asked to relocate the planned border talks with Thailand from Trat province to Kuala Lumpur."
    [m] = meetings(text)
    assert (m.venue, m.admin1, m.status) == ("Trat", "TH-23", "proposed")


def test_a_country_is_a_venue_but_an_ambassador_to_it_is_not():
    [held] = meetings("The two defence ministers held talks in Malaysia on Monday.")
    assert (held.date, held.venue, held.admin1) == (date(2025, 12, 22), "Malaysia", None)
    found = meetings("The GBC meeting on Monday was attended by the Chinese ambassador to Malaysia.")
    assert [m.venue for m in found] == [None]


def test_a_country_venue_and_a_city_in_it_are_one_meeting_at_the_city():
    text = (
        "Foreign ministers from the region convened in Malaysia on Monday to discuss the Thai-Cambodian border.\n"
        "Envoys from Thailand and Cambodia joined the talks in Kuala Lumpur."
    )
    assert [(m.date, m.venue) for m in meetings(text)] == [(date(2025, 12, 22), "Kuala Lumpur")]


def test_a_building_is_a_venue_and_here_is_the_dateline_city():
    text = (
        "KUALA LUMPUR, Dec 22 - Thai and Cambodian officers began talks at Menara Kastam, the customs tower here, "
        "on Monday.\nThe leaders had met at Istana Negara on 15 December, during a meeting hosted by the king."
    )
    found = meetings(text)
    assert sorted((m.date, m.venue, m.admin1) for m in found) == [
        (date(2025, 12, 15), "Istana Negara", None),
        (date(2025, 12, 22), "Menara Kastam, Kuala Lumpur", None),
    ]


def test_a_meeting_on_one_sides_territory_is_not_that_sides_alone():
    text = (
        "The GBC talks began on Wednesday (24th).\n"
        "The meeting, held at a checkpoint on the Thai side near Chanthaburi province, set an agenda."
    )
    [m] = meetings(text)
    assert (m.date, m.admin1) == (date(2025, 12, 24), "TH-22")


def test_a_meeting_that_goes_on_to_a_later_day_is_one_meeting():
    text = "The GBC talks opened on Monday and the session continues on Wednesday, officials from both sides said."
    assert [m.date for m in meetings(text)] == [date(2025, 12, 22)]


def test_a_country_the_talks_are_about_is_not_their_venue():
    [m] = meetings("Thai and Cambodian officers held a meeting on the situation in Cambodia on Monday.")
    assert (m.date, m.venue) == (date(2025, 12, 22), None)


def test_the_abbreviation_in_brackets_names_the_body():
    # a report that writes one body's words with another's abbreviation: the abbreviation is the name it uses
    [m] = meetings("Thai and Cambodian officers will meet on 24 December at the General Border Committee (JBC).")
    assert m.body == "Joint Boundary Commission"


def test_event_words_read_once_per_text():
    """The words of other events and of the meeting are found once per text (`_event_spans`) for all the dates
    and places a sentence's meeting asks about; what each date is told to be stays as before."""
    from dashboard.extract.meetings import _event_spans, _of_other_event

    text = "After the ceasefire of 12 March, the two sides will meet on 20 March in Trat."
    others, meeting = _event_spans(text)
    assert [text[s:e] for s, e in others] == ["ceasefire"]
    assert [text[s:e] for s, e in meeting] == ["meet"]
    assert _of_other_event(text, text.index("12 March"), text.index("12 March") + 8)
    assert not _of_other_event(text, text.index("20 March"), text.index("20 March") + 8)
    # the topic of the talks is no other event, and a text without other events has no meeting words read
    assert _event_spans("Talks on a possible ceasefire will be held on Monday.") == ((), ())


# --- spans of days, times with no day, who meets (issue 19, the meetings calendar) ----------------------------


def test_a_meeting_over_a_span_of_days_is_dated_by_its_first_day_and_keeps_the_span():
    from dashboard.extract.dates import range_end

    [m] = meetings("The General Border Committee will meet in Kuala Lumpur from 4 to 7 August.", date(2025, 8, 1))
    assert (m.date, m.date_text.rstrip("."), m.status) == (date(2025, 8, 4), "4 to 7 August", "scheduled")
    assert range_end(m.date_text, m.date) == date(2025, 8, 7)


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("The secretariats' talks, which opened on 24 December and will run until 26 December, are in Trat.", 26),
        ("Border talks in Trat began on December 24 and are expected to conclude on December 27.", 27),
        # a verb of the talks' work on the later day is no end of a span
        ("Border talks in Trat began on December 24 and endorsed a plan on December 26.", None),
    ],
)
def test_a_span_told_by_its_first_and_last_days_verbs_keeps_its_last_day(text, last):
    from dashboard.extract.dates import range_end

    [m] = meetings(text, date(2025, 12, 25))
    assert m.date == date(2025, 12, 24)
    assert range_end(m.date_text, m.date) == (date(2025, 12, last) if last else None)


def test_a_meeting_held_at_two_places_joined_by_and_at_has_both_venues():
    text = (
        "Both delegations signed the joint statement at the General Border Committee meeting in Poipet, Banteay "
        "Meanchey province, Cambodia, and at Ban Khlong Luek, Sa Kaeo province, Thailand, on 27 December."
    )
    [m] = meetings(text, date(2025, 12, 28))
    assert (m.venue, m.admin1) == ("Poipet and Ban Khlong Luek checkpoint", "KH-1")  # the map keeps the first
    # a place the clause tells of something else is no second venue
    [m] = meetings("The General Border Committee met in Aranyaprathet and bombs fell in Poipet on 27 December.")
    assert m.venue == "Aranyaprathet"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Cambodia asked to relocate the border talks from Trat province to Kuala Lumpur, Malaysia.",
            ("KH", "Kuala Lumpur"),
        ),
        (
            "The request, made by Thailand's defence minister to his counterpart, proposes Bangkok as a neutral venue.",
            ("TH", "Bangkok"),
        ),
        ("The ministers requested that the talks be held in Singapore.", (None, "Singapore")),
        ("Cambodia accepted Thailand's formal request to move the talks to Bangkok.", ("TH", "Bangkok")),
        # a new day asked for is no venue; a plan told without asking is no request
        ("Thai officials asked to move the talks to Monday.", None),
        ("The talks were moved to Kuala Lumpur on Friday.", None),
    ],
)
def test_a_venue_one_side_asks_for_and_who_asks(text, asked):
    from dashboard.extract.meetings import asked_venue

    assert asked_venue(text) == asked


def test_a_proposed_meeting_carries_the_venue_asked_for_and_who_asks():
    # read once when the report is extracted (stored with the meeting), not from its sentence at every query
    text = "Cambodia asked to relocate the General Border Committee talks set for 24 December to Kuala Lumpur."
    [m] = meetings(text, date(2025, 12, 21))
    assert (m.status, m.asked_venue, m.asked_by) == ("proposed", "Kuala Lumpur", "KH")
    # a meeting told as planned asks for nothing
    [m] = meetings("The General Border Committee will meet in Chanthaburi on 24 December.", date(2025, 12, 21))
    assert (m.status, m.asked_venue, m.asked_by) == ("scheduled", None, None)


def test_a_held_meeting_that_tells_its_own_time_is_not_the_summit_still_to_come():
    text = (
        "Regional leaders will gather in Kuala Lumpur for their summit from 26 to 28 October.\n"
        "The foreign ministers of both countries met in Kuala Lumpur over the weekend to review the truce."
    )
    found = meetings(text, date(2025, 10, 21))
    assert sorted((m.date, m.date_text, m.status) for m in found if m.date is None) == [
        (None, "over the weekend", "held")
    ]
    assert [(m.date, m.status) for m in found if m.date] == [(date(2025, 10, 26), "scheduled")]


def test_the_parties_named_as_who_meets_make_a_meeting_with_no_date_body_or_venue():
    [m] = meetings("Officials hope the meeting of the three parties will help rebuild trust.")
    assert (m.date, m.venue, m.body) == (None, None, None)
    # a word for both sides that does not say who meets is no meeting
    assert meetings("He hoped the talks would allow both sides to speak frankly.") == []


def test_a_meeting_told_only_by_its_month_keeps_the_month():
    [m] = meetings("The truce builds on a declaration signed at the ASEAN Summit last October.")
    assert (m.date, m.date_text, m.status) == (None, "last October", "held")


def test_two_committees_joined_before_a_plural_meeting_word_are_two_meetings():
    found = meetings("The session also set the agenda for the upcoming GBC and RBC meetings.", date(2025, 9, 10))
    assert sorted((m.body, m.status) for m in found) == [
        ("General Border Committee", "scheduled"),
        ("Regional Border Committee", "scheduled"),
    ]


def test_a_held_meeting_dated_only_by_the_statement_of_its_outcome_keeps_those_words_not_a_date():
    # a Wednesday's report: the talks may have ended before the statement; the record stays undated
    [m] = meetings(
        "Bangkok, March 5 - The two sides agreed to reopen the crossing after talks in Ipoh, the mediator said on "
        "Wednesday.",
        date(2025, 3, 5),
    )
    assert (m.date, m.date_text, m.status) == (None, "said on Wednesday", "held")
    # a plan announced on a day tells no day by which it was held
    [plan] = meetings(
        "The defence ministers will hold talks in Ipoh, the mediator announced on Wednesday.", date(2025, 3, 5)
    )
    assert plan.status != "held" and plan.date_text is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the future word is the truce's, in a clause that tells of it: the talks were held
        (
            "After two days of talks, the Regional Border Committee meeting, held in Surin province, reached terms "
            "for a truce, which will take effect on Friday.",
            "held",
        ),
        # a clause of the meeting itself, or one telling of holding it, is the meeting's future
        ("The Regional Border Committee meeting, which will be held in Surin province, sets the terms.", "scheduled"),
        ("The Regional Border Committee will meet in Surin province, officials said.", "scheduled"),
    ],
)
def test_an_undated_meetings_tense_is_not_read_from_a_clause_about_another_thing(text, status):
    [m] = meetings(text)
    assert (m.date, m.status) == (None, status)


def test_talks_told_held_are_not_the_meeting_of_the_same_body_set_for_a_later_day():
    """A report of Tuesday: the secretariat's talks were held; the ministers will meet on Friday. Two meetings, not
    the Friday one told as held."""
    held_then_planned = (
        "After two days of talks, the General Border Committee secretariat meeting, held in Surin province, "
        "reached terms for a truce.\n\nDefence ministers will attend a General Border Committee meeting in Surin "
        "on Friday."
    )
    found = sorted(meetings(held_then_planned), key=lambda m: m.date or date.min)
    assert [(m.date, m.status) for m in found] == [(None, "held"), (date(2025, 12, 26), "scheduled")]
    # a mention with no verb that tells it held (a headline's "the meeting in Surin") is still the one to come
    plain = (
        "Officials prepare for the General Border Committee meeting in Surin.\n\n" + held_then_planned.split("\n\n")[1]
    )
    assert [(m.date, m.status) for m in meetings(plain)] == [(date(2025, 12, 26), "scheduled")]


# --- session 10: phrasings of the unseen-report audit (items 13, 23-31), each with a text of our own ------------

JUL_29 = date(2025, 7, 29)  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "No talks between the two sides have been scheduled.",
        "There will be no new GBC meeting before the rainy season, a Thai general said.",
        "The two defence ministers have not met since the fighting began.",
        "Talks between Thai and Cambodian commanders in Trat province have not yet been scheduled, the army said.",
        "The two sides have yet to meet since the ceasefire collapsed on December 8.",
        "Talks between the two sides in Trat province haven't been scheduled yet.",
        "Cambodia refused to meet Thai officials in Trat on Monday.",
    ],
)
def test_a_meeting_told_as_not_taking_place_is_no_meeting(text):
    assert meetings(text) == []


def test_no_date_for_a_meeting_still_tells_the_meeting():
    [m] = meetings("The next regular GBC meeting is expected in Thailand, but no date has been set.")
    assert (m.body, m.venue, m.status) == ("General Border Committee", "Thailand", "scheduled")


@pytest.mark.parametrize(
    "text",
    [
        # the shooting's day and place are the claim's, not the meeting's
        "The meeting came days after a Thai army claim that Cambodian troops had fired small arms at Thai "
        "positions in Sisaket's Khun Han district on Wednesday, which Phnom Penh rejected as baseless.",
        "The session followed shelling near Chong Chom in Surin province on Sunday.",
        # people who gathered are a crowd
        "Cambodia's information ministry said Thai troops fired on residents of Prey Chan village, in Banteay "
        "Meanchey province, who had gathered near a barbed-wire fence erected by Thai soldiers.",
        "Villagers who had gathered at the temple in Kantharalak district fled when shells landed on Sunday.",
    ],
)
def test_another_events_clause_and_a_crowd_tell_no_meeting(text):
    assert meetings(text, published=date(2025, 8, 7)) == []


def test_a_meeting_keeps_its_own_day_and_place_beside_another_events_clause():
    [m] = meetings("The Regional Border Committee met in Trat province on Monday after clashes in Surin on Sunday.")
    assert (m.date, m.admin1, m.status) == (date(2025, 12, 22), "TH-23", "held")
    # a clause after the meeting that names the meeting is the meeting's
    [m] = meetings("After the meeting in Trat province on Monday, both defence ministers spoke.")
    assert (m.date, m.admin1) == (date(2025, 12, 22), "TH-23")


def test_ministers_who_gathered_are_a_meeting():
    [m] = meetings("Foreign ministers of both countries gathered in Kuala Lumpur on Monday.")
    assert (m.date, m.venue, m.status) == (date(2025, 12, 22), "Kuala Lumpur", "held")


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "Acting Prime Minister Phumtham Wechayachai will travel to Kuala Lumpur on Monday for talks with "
            "Cambodian Prime Minister Hun Manet hosted by Malaysia, the government spokesman said.",
            "Kuala Lumpur",
        ),
        (
            "The foreign minister will fly to Phnom Penh on Friday for talks with his Cambodian counterpart.",
            "Phnom Penh",
        ),
        # a journey not made for the talks is not their venue
        ("The minister, who flew to Phnom Penh last week, said the talks will be held in Trat on Friday.", "Trat"),
    ],
)
def test_the_end_of_a_journey_made_for_talks_is_their_venue(text, venue):
    [m] = meetings(text, published=date(2025, 7, 27))
    assert (m.venue, m.status) == (venue, "scheduled")


def test_a_mediator_meeting_one_side_is_still_no_meeting():
    assert meetings("Malaysia's prime minister held talks with Hun Manet in Kuala Lumpur on Monday.") == []


@pytest.mark.parametrize(
    ("text", "published", "status"),
    [
        (
            "Local commanders from both armies met as planned at 7 a.m. on Tuesday at the Chong Chom checkpoint "
            "in Surin to discuss how to keep the truce in place, Thai officials said.",
            JUL_29,
            "held",
        ),
        ("Border officers of the two sides convened in Trat province on Tuesday as scheduled.", JUL_29, "held"),
        ("Border officers of the two sides will meet as planned in Trat province on Tuesday.", JUL_29, "scheduled"),
    ],
)
def test_as_planned_tells_no_future(text, published, status):
    [m] = meetings(text, published=published)
    assert (m.date, m.status) == (JUL_29, status)


def test_a_place_before_a_purpose_clause_is_the_meetings():
    [m] = meetings(
        "Local commanders from both armies met on Tuesday at the Chong Chom checkpoint in Surin to discuss how "
        "to keep the truce in place.",
        published=JUL_29,
    )
    assert m.venue is not None and "Chong Chom" in m.venue
    [m] = meetings(
        "Military officers from the two sides would meet on Wednesday under the General Border Committee at a "
        "checkpoint in Chanthaburi province to work out the terms of a new ceasefire."
    )
    assert (m.date, m.admin1) == (date(2025, 12, 24), "TH-22")


@pytest.mark.parametrize(
    "text",
    [
        "Southeast Asian foreign ministers urged Thailand and Cambodia on Monday to stop fighting and return to the "
        "peace deal they signed in October, at a special meeting in Kuala Lumpur.",
        "ASEAN foreign ministers met in Kuala Lumpur on Monday to push both sides toward a ceasefire.",
    ],
)
def test_a_day_before_a_purpose_clause_is_the_meetings(text):
    [m] = meetings(text)
    assert (m.date, m.venue) == (date(2025, 12, 22), "Kuala Lumpur")


def test_a_day_beside_another_events_word_is_still_that_events():
    found = meetings("The GBC meeting in Trat province discussed the December 7 clashes.")
    assert found and all(m.date != date(2025, 12, 7) for m in found)


@pytest.mark.parametrize(
    ("text", "published", "day", "venue"),
    [
        (
            'Leaders of the two countries agreed on Monday to an "immediate and unconditional" ceasefire at talks in '
            "Putrajaya, Malaysia's administrative capital, hosted by Prime Minister Anwar Ibrahim.",
            JUL_29,
            date(2025, 7, 28),
            "Putrajaya",
        ),
        (
            "Both defence ministers announced on Thursday, at the close of the GBC session in Kuala Lumpur, "
            "that observers would be deployed.",
            date(2025, 8, 8),
            date(2025, 8, 7),
            "Kuala Lumpur",
        ),
    ],
)
def test_what_was_said_at_the_meeting_is_dated_by_the_meetings_day(text, published, day, venue):
    [m] = meetings(text, published=published)
    assert (m.date, m.venue, m.status) == (day, venue, "held")


def test_a_day_something_was_said_about_talks_to_come_is_not_theirs():
    [m] = meetings("Thailand said on Monday that talks with Cambodia would be held in Trat province on Friday.")
    assert (m.date, m.status) == (date(2025, 12, 26), "scheduled")


@pytest.mark.parametrize(
    ("text", "day", "venue"),
    [
        (
            "A Regional Border Committee meeting planned for January 20 in Aranyaprathet was postponed twice, then "
            "finally held last Tuesday, January 27, in Siem Reap, at Cambodia's request.",
            date(2026, 1, 27),
            "Siem Reap",
        ),
        (
            "The JBC session set for 3 March in Bangkok was put off once and finally took place on 10 March in "
            "Phnom Penh.",
            date(2026, 3, 10),
            "Phnom Penh",
        ),
    ],
)
def test_a_meeting_put_off_and_then_held_is_held_on_its_later_day_and_place(text, day, venue):
    [m] = meetings(text, published=date(2026, 3, 15))
    assert (m.date, m.venue, m.status) == (day, venue, "held")


def test_a_meeting_put_off_to_be_held_later_is_not_held():
    [m] = meetings("The JBC session set for 3 March was postponed, to be held on 10 March.", published=date(2026, 3, 1))
    assert m.status == "postponed"


@pytest.mark.parametrize(
    ("text", "published", "first", "last"),
    [
        (
            "KUALA LUMPUR, Aug 7 (CP) - Thailand and Cambodia agreed on Thursday to let Southeast Asian observers "
            "monitor their fragile ceasefire, at the end of a four-day extraordinary meeting of their General Border "
            "Committee in the Malaysian capital.\n\nThe talks, which opened on Monday, also covered the detained "
            "soldiers.",
            date(2025, 8, 7),
            date(2025, 8, 4),
            date(2025, 8, 7),
        ),
        (
            "The Joint Boundary Commission's talks began on 2 March in Siem Reap.\n\nThe JBC meeting concluded on "
            "5 March with a joint record.",
            date(2026, 3, 6),
            date(2026, 3, 2),
            date(2026, 3, 5),
        ),
    ],
)
def test_a_meeting_told_opening_on_one_day_and_held_on_a_later_one_is_one_meeting_over_those_days(
    text, published, first, last
):
    from dashboard.extract.dates import range_end

    [m] = meetings(text, published=published)
    assert (m.date, range_end(m.date_text, m.date), m.status) == (first, last, "held")


def test_two_meetings_a_week_apart_with_no_opening_stay_two():
    found = meetings(
        "The GBC met on 2 March in Trat province.\n\nThe GBC met again on 9 March in Trat province.",
        published=date(2026, 3, 10),
    )
    assert sorted(m.date for m in found) == [date(2026, 3, 2), date(2026, 3, 9)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Six days ago, on the sidelines of the ASEAN summit in Kuala Lumpur, the prime ministers of Thailand and "
            "Cambodia signed a joint declaration.",
            date(2025, 10, 26),
        ),
        ("Two weeks ago, the defence ministers of both countries met in Kuala Lumpur.", date(2025, 10, 18)),
        ("Several days ago, the defence ministers of both countries met in Kuala Lumpur.", None),
    ],
)
def test_a_day_counted_back_from_the_report_dates_the_meeting(text, day):
    [m] = meetings(text, published=date(2025, 11, 1))
    assert (m.date, m.venue, m.status) == (day, "Kuala Lumpur", "held")


def test_talks_with_one_party_by_someone_named_only_by_name_need_a_host_named_to_be_the_parties():
    # no host named: the one who meets may be the mediator himself
    assert meetings("Prime Minister Anwar Ibrahim will hold talks with Hun Manet in Kuala Lumpur on Monday.") == []


def test_a_meeting_opening_is_no_span_into_another_committees_meeting():
    found = meetings(
        "The General Border Committee talks opened on 2 March in Trat province.\n\nThe Regional Border Committee "
        "met on 5 March in Trat province.",
        published=date(2026, 3, 6),
    )
    assert sorted(m.date for m in found) == [date(2026, 3, 2), date(2026, 3, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "The GBC meeting that was supposed to take place in Trat on Monday did not happen.",
        "The GBC meeting that was supposed to take place in Trat on Monday didn't go ahead.",
    ],
)
def test_a_meeting_told_as_not_having_happened_is_no_meeting_held(text):
    [m] = meetings(text)
    assert (m.date, m.status) == (date(2025, 12, 22), "cancelled")


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        (
            "Talks began on Wednesday at the Ban Pak Kard checkpoint in Chanthaburi and ended on Saturday with a "
            "joint statement.",
            date(2025, 12, 24),
            date(2025, 12, 27),
        ),
        ("The three-day GBC meeting ended on Saturday in Chanthaburi.", date(2025, 12, 25), date(2025, 12, 27)),
        (
            "Thailand and Cambodia agreed on Saturday to let observers monitor the ceasefire, at the end of a four-day "
            "extraordinary meeting of their General Border Committee in Chanthaburi.",
            date(2025, 12, 24),
            date(2025, 12, 27),
        ),
        # a last day with no length nor opening day told is one day
        ("The GBC meeting ended on Saturday in Chanthaburi.", date(2025, 12, 27), None),
    ],
)
def test_a_sentence_telling_a_meetings_length_or_opening_and_end_gives_its_days(text, first, last):
    from dashboard.extract.dates import range_end

    [m] = meetings(text, published=date(2025, 12, 28))
    assert (m.date, range_end(m.date_text, m.date), m.status) == (first, last, "held")


def test_a_time_told_with_before_keeps_the_meetings_place():
    [m] = meetings("The General Border Committee will meet before the end of the month in Trat province.")
    assert (m.admin1, m.status) == ("TH-23", "scheduled")


# --- session 11: the unseen reports of tester 2 ----------------------------------------------------------------------

MONDAY_27_OCT = date(2025, 10, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The General Border Committee met in Kuala Lumpur in early August and again in Koh Kong, Cambodia, on "
            "September 10, where the two sides agreed to cooperate on demining.",
            {(date(2025, 9, 10), "Koh Kong"), (None, "Kuala Lumpur")},
        ),
        (
            "Defence officials held talks in Chanthaburi in mid-September and met again on October 20 in Trat.",
            {(date(2025, 10, 20), "Trat"), (None, "Chanthaburi")},
        ),
    ],
)
def test_each_date_takes_the_venue_of_its_own_coordinated_phrase(text, expected):
    found = meetings(text, MONDAY_27_OCT)
    assert {(m.date, m.venue) for m in found} == expected
    month = next(m for m in found if m.date is None)
    assert month.status == "held" and month.date_text in ("early August", "mid-September")


def test_two_dates_of_a_meeting_told_again_are_two_meetings_each_at_its_own_venue():
    found = meetings("The GBC met in Trat on October 3, and on 24 November it will meet again in Surin.", MONDAY_27_OCT)
    assert {(m.date, m.venue, m.body, m.status) for m in found} == {
        (date(2025, 10, 3), "Trat", "General Border Committee", "held"),
        (date(2025, 11, 24), "Surin", "General Border Committee", "scheduled"),
    }


def test_places_joined_with_no_time_of_their_own_stay_one_meeting():
    [m] = meetings("The talks were held in Trat and Surin on October 3.", MONDAY_27_OCT)
    assert (m.date, m.venue) == (date(2025, 10, 3), "Trat")


def test_a_month_of_a_signed_document_is_no_meeting_of_its_own():
    [m] = meetings(
        "ASEAN foreign ministers urged both sides on Monday to return to the deal they signed in October, at a "
        "special meeting in Kuala Lumpur.",
        TUESDAY_23,
    )
    assert m.date == date(2025, 12, 22)


def test_leaders_signing_takes_no_committee_from_a_meeting_expected_later():
    found = meetings(
        "When Anutin Charnvirakul and Hun Manet signed their joint declaration in Kuala Lumpur on Sunday, with Donald "
        "Trump and Anwar Ibrahim looking on, it was tempting to treat the border war as closed. A Regional Border "
        "Committee meeting is expected in mid-November to work out the withdrawal timetable.",
        MONDAY_27_OCT,
    )
    signing = next(m for m in found if m.date == date(2025, 10, 26))
    assert signing.body is None and signing.status == "held"
    later = next(m for m in found if m.date is None)
    assert (later.body, later.status, later.date_text) == ("Regional Border Committee", "scheduled", "mid-November")


def test_a_meeting_expected_without_a_day_is_a_plan():
    [m] = meetings("A meeting of the GBC secretariats is expected in late November in Trat province.", MONDAY_27_OCT)
    assert (m.status, m.date_text) == ("scheduled", "late November")


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "The date itself was set at a special meeting of ASEAN foreign ministers in Kuala Lumpur on Monday, "
            "December 22.",
            date(2025, 12, 29),
            date(2025, 12, 22),
        ),
        (
            "Defence officials of both sides met on Friday, 14 November, in Sa Kaeo.",
            date(2025, 11, 21),
            date(2025, 11, 14),
        ),
    ],
)
def test_a_weekday_in_apposition_to_a_date_is_that_date(text, published, day):
    [m] = meetings(text, published)
    assert (m.date, m.status) == (day, "held")


def test_a_weekday_and_a_date_in_two_clauses_stay_two_days():
    found = meetings("The GBC met in Trat on Monday, and on 30 December it will meet again in Surin.", TUESDAY_23)
    assert {m.date for m in found} == {date(2025, 12, 22), date(2025, 12, 30)}


def test_a_live_blog_entry_telling_commanders_have_sat_down_is_their_meeting_held_that_day():
    report = (
        "09:40 Tue - The regional army commanders from both sides have sat down together at the border, as agreed in "
        "Putrajaya last night, a Thai army source tells us.\n\n"
        "19:05 Mon - The statement provides an informal meeting of the regional commanders at 07:00 tomorrow."
    )
    [m] = meetings(report, date(2025, 7, 28))
    assert (m.date, m.venue, m.body, m.status) == (date(2025, 7, 29), None, "Regional Border Committee", "held")


def test_a_stamped_entry_of_a_meeting_still_to_come_is_not_dated_by_its_stamp():
    found = meetings("14:05 Wed - Regional commanders of both armies will meet later this week.", date(2025, 8, 6))
    assert [m.date for m in found] == [None] and found[0].status == "scheduled"


def test_a_meeting_verb_in_the_present_perfect_is_held():
    [m] = meetings(
        "Regional military commanders of Thailand and Cambodia have met in Surin on 30 December.", TUESDAY_23
    )
    assert (m.body, m.status) == ("Regional Border Committee", "held")


@pytest.mark.parametrize(
    "text",
    [
        "Thailand and Cambodia agreed on Thursday to let ASEAN observers monitor the truce, at the end of four days "
        "of border talks in the Malaysian capital.",
        "Negotiators wrapped up three days of General Border Committee talks in Malaysia's capital on Thursday.",
    ],
)
def test_a_capital_named_by_its_country_is_that_city(text):
    [m] = meetings(text, date(2025, 8, 7))
    assert (m.venue, m.status) == ("Kuala Lumpur", "held") and m.lat is not None


def test_a_capital_of_another_event_is_no_venue():
    [m] = meetings("The GBC will meet on Friday, a day after the ceasefire collapsed in the Thai capital.", TUESDAY_23)
    assert m.venue is None


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said Thailand would use the meeting to present evidence of Cambodian violations, but that any "
        "ceasefire must be negotiated through the bilateral General Border Committee.",
        "Phnom Penh told the meeting that the boundary can only be settled within the Joint Boundary Commission.",
        "Bangkok wants the dispute handled only through the GBC, its spokesman said at the meeting.",
    ],
)
def test_a_body_named_as_where_a_thing_must_go_names_no_meeting(text):
    assert meetings(text, date(2025, 12, 15)) == []


def test_a_body_that_must_meet_is_still_a_meeting():
    [m] = meetings("The General Border Committee should meet in Trat on Friday to settle the matter.", TUESDAY_23)
    assert m.body == "General Border Committee" and m.venue == "Trat"


def test_a_meeting_agreed_somewhere_for_a_day_is_set_for_that_day_not_held_where_agreed():
    [m] = meetings(
        "The General Border Committee (GBC) meeting agreed in Putrajaya for 4 August will now take place in Kuala "
        "Lumpur rather than in Cambodia.",
        date(2025, 8, 1),
    )
    assert (m.date, m.venue, m.status) == (date(2025, 8, 4), "Kuala Lumpur", "scheduled")


def test_an_undated_mention_is_of_the_meeting_told_nearest_before_it():
    found = meetings(
        "Regional commanders of both sides met on Tuesday morning. The prime ministers of both countries held talks "
        "on Monday evening. Those talks took place in Putrajaya.",
        date(2025, 7, 30),
    )
    assert {(m.date, m.venue) for m in found} == {(date(2025, 7, 29), None), (date(2025, 7, 28), "Putrajaya")}


def test_leaders_meeting_is_not_the_commanders_meeting():
    found = meetings(
        "Thai and Cambodian leaders meet in Malaysia as the fighting goes on.\n\n"
        "The regional army commanders of both sides met on Tuesday. Both countries' prime ministers held talks on "
        "Monday.",
        date(2025, 7, 30),
    )
    assert {(m.date, m.venue) for m in found} == {(date(2025, 7, 29), None), (date(2025, 7, 28), "Malaysia")}


def test_an_undated_mention_naming_a_body_is_of_that_bodys_meeting_before_a_nearer_one():
    # a guard of the order of the rules (it passed before them): the body named beats the nearer meeting
    found = meetings(
        "The General Border Committee will meet on Wednesday. Officials of both sides will also hold talks on "
        "Thursday. The GBC meeting will take place in Chanthaburi.",
        TUESDAY_23,
    )
    assert {(m.date, m.venue, m.body) for m in found} == {
        (date(2025, 12, 24), "Chanthaburi", "General Border Committee"),
        (date(2025, 12, 25), None, None),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The minister will attend a special meeting of ASEAN foreign ministers, to be held in Kuala Lumpur on 22 "
        "December at the invitation of Malaysia.",
        "Defence ministers of both countries will meet in Putrajaya on Wednesday at Anwar's invitation.",
    ],
)
def test_a_meeting_held_at_a_hosts_invitation_is_scheduled_not_proposed(text):
    [m] = meetings(text, date(2025, 12, 15))
    assert m.status == "scheduled"


def test_an_invitation_to_meet_is_still_a_proposal():
    [m] = meetings("Malaysia sent an invitation to both sides to meet in Kuala Lumpur on Friday.", date(2025, 12, 15))
    assert m.status == "proposed"
