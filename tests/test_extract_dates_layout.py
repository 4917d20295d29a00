"""A report's layout dates its sentences: a day-by-day piece's day headers, a live blog's entry stamps."""

from datetime import date

import pytest

from dashboard.extract import extract
from dashboard.extract.dates import find_dates, stated_day
from dashboard.read import make_report

# The unseen batch 4 tester's day-by-day piece (published 28 December)
DAY_BY_DAY = (
    "How the fighting unfolded\n\n"
    "Monday, Dec. 8 — One Thai soldier is killed and eight wounded. Thailand launches F-16 strikes on what it calls "
    "Cambodian military targets. Cambodia says four civilians are killed in Oddar Meanchey and Preah Vihear.\n\n"
    "Thursday, Dec. 11 — The Thai army says nine soldiers have now been killed.\n\n"
    "Saturday, Dec. 13 — A rocket kills two villagers in Sisaket's Phu Sing district.\n\n"
    "Tuesday, Dec. 16 — Two Thai soldiers are killed in Sa Kaeo. A 62-year-old woman is killed by shelling in "
    "Oddar Meanchey's Banteay Ampil district.\n\n"
    "The first night\n"
    "The Thai army said on Sunday that drones had crossed over Thai positions in Sa Kaeo on Saturday night."
)

# Our own phrasing: headers on lines of their own, the day before the month, no weekday on one of them
OWN_HEADERS = (
    "A week on the border\n\n"
    "9 December\n"
    "Artillery shells hit a school in Kantharalak district, Sisaket, residents said.\n"
    "Later, mortar rounds fell near Ban Kruat in Buriram.\n\n"
    "Friday 12 December\n"
    "A drone dropped grenades on a checkpoint in Ta Phraya district, Sa Kaeo, the army said.\n"
)


def incidents(text, published):
    return extract(make_report(text, published=published)).incidents


def test_a_weekday_apposed_to_a_date_is_that_date():
    found = find_dates("Saturday, Dec. 13 — A rocket kills two villagers.", date(2025, 12, 28), future=False)
    assert [(d.text, d.date) for d in found] == [("Saturday, Dec. 13", date(2025, 12, 13))]
    # a weekday alone is still the nearest such day
    assert [d.date for d in find_dates("It fell on Saturday.", date(2025, 12, 28), future=False)] == [
        date(2025, 12, 27)
    ]


def test_day_headers_date_the_events_under_them():
    days = {i.admin1: i.date for i in incidents(DAY_BY_DAY, date(2025, 12, 28))}
    assert days[("TH-33",)] == date(2025, 12, 13)
    assert days[("KH-22",)] == date(2025, 12, 16)  # the header's second sentence
    strikes = [i for i in incidents(DAY_BY_DAY, date(2025, 12, 28)) if i.kind == "airstrike"]
    assert [i.date for i in strikes] == [date(2025, 12, 8)]


def test_a_title_line_ends_the_last_header_s_entry():
    from dashboard.extract.dates_layout import entry_days
    from dashboard.extract.sentences import split_sentences

    sentences = split_sentences(DAY_BY_DAY)
    days = entry_days(sentences, date(2025, 12, 28))
    assert days[-1] is None  # under "The first night": the report's own day ("on Sunday": 28 December)
    assert days[-3] == date(2025, 12, 16)


def test_day_headers_date_the_figures_under_them():
    figures = extract(make_report(DAY_BY_DAY, published=date(2025, 12, 28))).figures
    days = {(f.metric, f.value): f.date for f in figures}
    assert days[("killed", 9)] == date(2025, 12, 11)
    assert days[("killed", 4)] == date(2025, 12, 8)  # no date in its own sentence


def test_header_lines_of_their_own_date_the_paragraphs_under_them():
    days = {i.admin1: i.date for i in incidents(OWN_HEADERS, date(2025, 12, 15))}
    assert days[("TH-33",)] == date(2025, 12, 9)
    assert days[("TH-31",)] == date(2025, 12, 9)  # the next sentence of the entry
    assert days[("TH-27",)] == date(2025, 12, 12)


def test_one_date_opening_a_paragraph_is_no_layout():
    text = (
        "9 December - Artillery shells hit a school in Kantharalak district, Sisaket, residents said.\n"
        "Mortar rounds fell near Ban Kruat in Buriram."
    )
    days = {i.admin1: (i.date, i.timing) for i in incidents(text, date(2025, 12, 15))}
    assert days[("TH-31",)] == (None, "reported")


# The unseen batch 2 tester's live blog (latest first), and our own with stamps in another style
BLOG = (
    "LIVE: border talks\n\n"
    "07:10 Tue - The Royal Thai Army says Cambodian troops fired small arms at Thai positions at Phu Makhuea in "
    "Sisaket after the ceasefire came into force.\n\n"
    "00:20 Tue - Reporters in Kap Choeng district (Surin) say the last artillery they heard was around 23:30.\n\n"
    "15:10 Mon - Shelling continued near Chong An Ma in Ubon Ratchathani, residents said."
)
OWN_BLOG = (
    "Border live\n\n"
    "[6.05pm, Sunday] Rockets landed near Ban Sai Taku in Buriram, the army said.\n\n"
    "[9.40am, Monday] Troops exchanged fire near the Ta Kwai temple in Surin overnight.\n"
)


def test_a_blog_s_stamps_date_its_entries():
    days = {i.admin1: i.date for i in incidents(BLOG, date(2025, 7, 28))}
    assert days[("TH-33",)] == date(2025, 7, 29)  # "Tue": the Tuesday nearest the blog's date, after it
    assert days.get(("TH-32",)) in (None, date(2025, 7, 28))  # 23:30 told at 00:20: the evening before
    assert days[("TH-34",)] == date(2025, 7, 28)  # "Mon": the blog's own date, stated by its stamp
    own = {i.admin1: i.date for i in incidents(OWN_BLOG, date(2025, 12, 15))}  # a Monday
    assert own[("TH-31",)] == date(2025, 12, 14)
    assert own[("TH-32",)] == date(2025, 12, 15)


def test_a_time_alone_states_no_day():
    text = (
        "Live\n\n09:10 – Shelling continued near Chong An Ma in Ubon Ratchathani, residents said.\n\n"
        "11:30 – Rockets landed near Ban Sai Taku in Buriram, the army said."
    )
    assert {(i.date, i.timing) for i in incidents(text, date(2025, 7, 28))} == {(None, "reported")}


def test_a_count_over_a_span_of_days_stood_at_its_last_day():
    text = "Thailand says 22 soldiers were killed between Dec. 8 and Dec. 27, along with three civilians."
    assert stated_day(text, date(2025, 12, 28)) == date(2025, 12, 27)
    assert stated_day("The ministry said 12 died December 8-10.", date(2025, 12, 28)) == date(2025, 12, 10)
    assert stated_day("The ministry said 12 died on December 8.", date(2025, 12, 28)) == date(2025, 12, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Monday - talks went on. Tuesday - talks went on.",  # one paragraph: no entries
        "At 10:00 the council met.\nAt 11:00 it adjourned.",  # a time in a sentence is no stamp
    ],
)
def test_no_layout(text):
    from dashboard.extract.dates_layout import entry_days
    from dashboard.extract.sentences import split_sentences

    assert set(entry_days(split_sentences(text), date(2025, 12, 15))) == {None}


@pytest.mark.parametrize(
    "text",
    [
        "Fighting broke out on the morning of Thursday, July 24, near the Ta Muen Thom temple in Surin.",
        "Clashes erupted on Sunday, 7 December, near Chong An Ma in Ubon Ratchathani.",
    ],
)
def test_the_outbreak_told_at_its_place_is_an_event_of_its_day(text):
    found = incidents(text, date(2025, 12, 28))
    assert found and all(i.timing == "stated" and i.date is not None for i in found)


def test_the_outbreak_as_a_period_is_background():
    text = "Since clashes erupted on 7 December near Chong An Ma in Ubon Ratchathani, schools have closed."
    assert all(i.timing == "earlier" for i in incidents(text, date(2025, 12, 28)))
