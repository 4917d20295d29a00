"""Meetings (session 12, unseen batches 3 and 4): a venue settled anew beats the plan it replaces, a meeting named only
as the time of another is no new meeting, a dateline's date or a title is no meeting, the dateline's capital is the
venue of a meeting told in it, a proposal told in a relative clause or an ask is not the meeting's standing."""

from datetime import date

from dashboard.extract import extract
from dashboard.read import make_report


def meetings(text, published):
    return extract(make_report(text, published=published)).meetings


TUE_23 = date(2025, 12, 23)

MOVED = (
    "Border talks moved to Chanthaburi\n\n"
    "KUALA LUMPUR/BANGKOK — Military talks aimed at ending more than two weeks of fighting between Thailand and "
    "Cambodia will be held at a border checkpoint in Thailand's Chanthaburi province rather than in the Malaysian "
    "capital, officials said on Tuesday, a day after ASEAN foreign ministers met in emergency session.\n\n"
    "At the end of Monday's special meeting in Kuala Lumpur, Malaysian Foreign Minister Mohamad Hasan announced that "
    "the two countries had agreed to convene their General Border Committee and that Malaysia would host it in Kuala "
    "Lumpur on Wednesday, December 24.\n\n"
    "On Tuesday afternoon, Thailand's Defence Ministry said both sides had agreed to hold the meeting at the Ban "
    "Pakkard border checkpoint in Pong Nam Ron district of Chanthaburi, opposite Cambodia's Pailin province."
)


def test_a_meeting_held_at_x_rather_than_in_y_is_at_x_the_later_venue_beating_the_plan():
    found = {m.date: m for m in meetings(MOVED, TUE_23)}
    gbc = found[date(2025, 12, 24)]
    assert (gbc.body, gbc.admin1, gbc.status) == ("General Border Committee", "TH-22", "scheduled")
    assert gbc.venue != "Kuala Lumpur"
    assert None not in found  # the lede's move and the ministers' agreement are this meeting, no undated one


def test_a_venue_set_aside_in_other_words_is_not_the_venue():
    text = (
        "The Regional Border Committee will meet in Trat on 14 January.\n\n"
        "The committee will now convene in Cambodia's Pailin province rather than in Trat, a spokesman said on "
        "Monday."
    )
    [m] = meetings(text, date(2026, 1, 5))
    assert (m.date, m.venue, m.admin1) == (date(2026, 1, 14), "Pailin", "KH-24")
    # a request: the meeting keeps the venue it has, the place asked for is no settled venue
    text = (
        "The General Border Committee will meet in Chanthaburi on 24 December.\n\n"
        "Cambodia has asked that the GBC meeting be held in Kuala Lumpur rather than in Thailand."
    )
    [m] = [m for m in meetings(text, TUE_23) if m.date]
    assert m.admin1 == "TH-22" and m.venue == "Chanthaburi"


def test_a_meeting_named_as_the_time_of_another_is_no_new_meeting():
    text = (
        "Military talks aimed at ending the fighting will be held at a border checkpoint in Thailand's Chanthaburi "
        "province rather than in the Malaysian capital, officials said on Tuesday, a day after ASEAN foreign "
        "ministers met in emergency session."
    )
    [m] = meetings(text, TUE_23)
    assert (m.body, m.venue, m.admin1) == (None, "Chanthaburi", "TH-22")
    own = "Talks on the truce will open in Trat soon, hours after the Joint Boundary Commission met in Phnom Penh."
    [m] = meetings(own, TUE_23)
    assert (m.body, m.admin1) == (None, "TH-23")
    # the clause gives its own day: a meeting of its own; "after four days of talks": the meeting's length
    text = "The GBC will meet in Trat on Friday after the two defence ministers met in Bangkok on Monday."
    days = sorted(m.date for m in meetings(text, TUE_23))
    assert days == [date(2025, 12, 22), date(2025, 12, 26)]
    text = "KUALA LUMPUR, Aug 8 - The committee meeting wrapped up on Thursday after four days of talks."
    [m] = meetings(text, date(2025, 8, 8))
    assert (m.date, m.date_text) == (date(2025, 8, 4), "4 August to 7 August")


def test_a_datelines_date_is_not_the_day_of_talks_told_of_other_days():
    text = (
        "YUXI, Yunnan, Dec. 30 — Chinese Foreign Minister Wang Yi held talks with the Cambodian and Thai foreign "
        "ministers in Yuxi on Sunday and Monday, the Chinese Foreign Ministry said on Tuesday."
    )
    assert [m.date for m in meetings(text, date(2025, 12, 30))] == [date(2025, 12, 28)]
    own = (
        "SIEM REAP, Cambodia, Feb. 13 — Mine action officials of both countries met in Siem Reap on Thursday, "
        "the Cambodian Mine Action Centre said."
    )
    assert [m.date for m in meetings(own, date(2026, 2, 13))] == [date(2026, 2, 12)]
    # no other day told: a meeting of the dateline's day stays
    same = "BANGKOK, Dec. 30 — Thai and Cambodian defence officials met in Bangkok on Dec. 30 to discuss the truce."
    assert [m.date for m in meetings(same, date(2025, 12, 30))] == [date(2025, 12, 30)]


def test_the_capital_of_a_report_filed_from_one_is_the_venue():
    text = (
        "Generals seal plan\n\n"
        "KUALA LUMPUR, Aug 8 — Malaysia said on Friday that the ceasefire had held.\n\n"
        "The extraordinary meeting of the General Border Committee (GBC), which wrapped up on Thursday at a hotel in "
        "the capital after four days of talks among officials, was co-chaired by the two defence ministers."
    )
    [m] = meetings(text, date(2025, 8, 8))
    assert (m.body, m.venue, m.date) == ("General Border Committee", "Kuala Lumpur", date(2025, 8, 4))
    own = "Talks\n\nPHNOM PENH, Jan 9 — Border officials of both sides met in the capital on Thursday."
    [m] = meetings(own, date(2026, 1, 9))
    assert m.venue == "Phnom Penh"
    # a dateline that is no capital does not say which capital
    other = "Talks\n\nSISAKET, Jan 9 — Calm held.\n\nBorder officials of both sides met in the capital on Thursday."
    assert all(m.venue is None for m in meetings(other, date(2026, 1, 9)))


def test_a_signing_told_in_the_datelines_sentence_is_at_the_dateline():
    text = (
        "Thailand, Cambodia sign accord\n\n"
        "KUALA LUMPUR, Oct 26 - The leaders of Thailand and Cambodia signed an expanded peace agreement on Sunday on "
        "the sidelines of the ASEAN summit, in a ceremony witnessed by Malaysian Prime Minister Anwar Ibrahim."
    )
    [m] = meetings(text, date(2025, 10, 26))
    assert (m.date, m.venue, m.body) == (date(2025, 10, 26), "Kuala Lumpur", "ASEAN Summit")
    own = "Truce talks\n\nBANGKOK, Jan 9 — Both countries' defence ministers met on Thursday and agreed a hotline."
    [m] = meetings(own, date(2026, 1, 9))
    assert m.venue == "Bangkok"
    # planned, not held: the dateline is only where the report was filed
    ahead = "Truce talks\n\nBANGKOK, Jan 9 — Both countries' defence ministers will meet on Monday."
    [m] = meetings(ahead, date(2026, 1, 9))
    assert m.venue is None


def test_a_proposal_told_in_a_relative_clause_is_not_the_meetings_standing():
    text = (
        "The Ministry of Defence said the extraordinary General Border Committee meeting, which Cambodia had proposed "
        "to host, will instead be held in Kuala Lumpur from 4 August, at Thailand's request, with Malaysia as a "
        "facilitator."
    )
    [m] = meetings(text, date(2025, 7, 30))
    assert (m.date, m.venue, m.status) == (date(2025, 8, 4), "Kuala Lumpur", "scheduled")
    own = "The RBC session, which Thailand first suggested in October, is to take place in Surin on 14 November."
    [m] = meetings(own, date(2025, 11, 5))
    assert m.status == "scheduled"
    # still only proposed: the main clause sets nothing
    still = "The RBC session, which Thailand suggested in October, has not been confirmed by Phnom Penh."
    assert [m.status for m in meetings(still, date(2025, 11, 5))] in ([], ["proposed"])


def test_a_venue_one_side_offers_to_host_is_its_ask_not_the_venue():
    text = (
        "Thailand has proposed a General Border Committee meeting starting on Wednesday, 24 December, to negotiate "
        "the terms of a new ceasefire. Where it would take place is still disputed: Cambodia has offered to host in "
        "Koh Kong, while Bangkok wants the talks on Thai soil."
    )
    [m] = meetings(text, date(2025, 12, 21))
    assert (m.date, m.venue, m.asked_venue, m.asked_by) == (date(2025, 12, 24), None, "Koh Kong", "KH")
    own = (
        "Thailand offered to host the General Border Committee talks in Trat on 5 January, a proposal Phnom Penh has "
        "not answered."
    )
    [m] = meetings(own, date(2025, 12, 21))
    assert (m.venue, m.asked_venue, m.asked_by) == (None, "Trat", "TH")
    # a venue set, not offered, stays the venue
    [m] = meetings("The talks will be held in Trat on 5 January.", date(2025, 12, 21))
    assert m.venue == "Trat"


def test_a_live_blogs_entry_telling_talks_begun_dates_them_its_title_no_meeting_of_its_own():
    text = (
        "LIVE: Thailand and Cambodia leaders meet in Malaysia as border fighting enters fifth day\n\n"
        "09:10 – The Thai army says fighting continued overnight.\n\n"
        "15:10 – Talks have begun at the prime minister's official residence, Seri Perdana, in Putrajaya.\n\n"
        "18:50 – Military commanders of both sides will meet at 7 a.m. on Tuesday to de-escalate."
    )
    found = meetings(text, date(2025, 7, 28))
    assert [(m.date, m.venue) for m in found if m.status == "held"] == [(date(2025, 7, 28), "Putrajaya")]
    assert all(m.date is not None for m in found)
    [tuesday] = [m for m in found if m.date == date(2025, 7, 29)]
    assert tuesday.venue is None  # the leaders' venue is not the commanders'
    own = "Live updates\n\n11:45 — The meeting is now under way in Kuala Lumpur, with both defence ministers present."
    [m] = meetings(own, date(2025, 8, 4))
    assert (m.date, m.status) == (date(2025, 8, 4), "held")
    # an entry with no meeting under way dates none
    later = "Live updates\n\n11:45 — Both defence ministers are expected to meet in Kuala Lumpur."
    assert all(m.date is None for m in meetings(later, date(2025, 8, 4)))


def test_a_meeting_told_there_is_at_the_place_told_before():
    text = (
        MOVED + " Secretariat-level officers will meet from Wednesday to Friday, and the two defence ministers, "
        "Nattaphon and Cambodia's Tea Seiha, are expected to meet there on Saturday, December 27, \"if the "
        'secretariat talks make progress".'
    )
    [m] = [m for m in meetings(text, TUE_23) if m.date == date(2025, 12, 27)]
    assert m.admin1 == "TH-22"
    own = (
        "Border officials of both sides met at the Chong Chom checkpoint in Surin on Monday.\n\n"
        "Their commanders will convene there on Friday to sign the minutes."
    )
    [m] = [m for m in meetings(own, TUE_23) if m.date == date(2025, 12, 26)]
    assert m.admin1 == "TH-32"
    # "there will be talks": no place pointed back to
    other = (
        "Border officials of both sides met at the Chong Chom checkpoint in Surin on Monday.\n\n"
        "There will be talks between the two defence ministers on Friday."
    )
    [m] = [m for m in meetings(other, TUE_23) if m.date == date(2025, 12, 26)]
    assert m.admin1 is None


def test_a_third_countrys_official_meeting_the_parties_is_a_mediators_meeting_not_a_border_committees():
    text = "China's foreign minister is due to meet both defence ministers in Yunnan next week, Beijing said."
    [m] = meetings(text, date(2025, 12, 27))
    assert m.body == "envoy meeting"
    own = "Malaysia's prime minister held talks with the Thai and Cambodian foreign ministers on Friday."
    [m] = meetings(own, date(2025, 12, 27))
    assert (m.date, m.body) == (date(2025, 12, 26), "envoy meeting")
    # the parties' own officials meeting, a third country only telling it: no mediator's meeting
    theirs = "The defence ministers of both countries will meet in Trat next week, China said."
    [m] = meetings(theirs, date(2025, 12, 27))
    assert m.body == "military talks"
