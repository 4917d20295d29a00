"""Meetings: date, venue, body, status; one meeting per event within and across reports."""

from datetime import date

from dashboard.export import document
from dashboard.extract import extract, extract_all
from dashboard.ingest import make_report, read_reports
from dashboard.merge import merge_meetings
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
        "On Monday, China's special envoy also met Thai Prime Minister Anutin."
    )
    assert len(meetings(text)) == 2
