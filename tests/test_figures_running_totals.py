"""Figures from phrasings of the third and fourth unseen-report audits (session 12): which count is a side's running
total — not one day's count under a day's header, not the harm of one kind of weapon over a time, not a figure an
earlier version of the article gave; the newest total of a report is the one over the longer span; a count of each
side is one per side; people elided in a list or a predicate are the ones counted before."""

from datetime import date

import pytest

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract, figures
from dashboard.read import make_report
from dashboard.store import Store

DEC = date(2025, 12, 28)


def _figures(gaz, text, published=DEC):
    r = make_report(text, "r.txt", published=published, name="r", outlet="Outlet")
    return [(f.metric, f.value, f.country, f.group, f.scope, f.both_sides) for f in extract(r, gaz).figures]


def _of(found, value):
    return [f for f in found if f[1] == value]


# --- one day's count under a day's header ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Monday, Dec. 8 - One Thai soldier is killed and eight wounded.", 8),
        ("Wednesday, 10 December: Three Cambodian villagers are killed and 14 hurt in Preah Vihear.", 14),
    ],
)
def test_a_count_under_a_days_header_is_that_days_count(gaz, text, value):
    [hit] = _of(_figures(gaz, text), value)
    assert hit[4] == "day"


def test_a_count_in_a_paragraph_under_a_days_header_is_that_days_count(gaz):
    found = _figures(gaz, "Tuesday, 9 December: Shelling hits Surin. Local officials say 12 villagers were hurt.")
    assert _of(found, 12)[0][4] == "day"
    found = _figures(gaz, "Shelling hit Surin on Tuesday. Local officials say 12 villagers were hurt.")
    assert _of(found, 12)[0][4] != "day"


@pytest.mark.parametrize(
    "text",
    [
        "Thursday, Dec. 11 - The Thai army says nine soldiers have now been killed.",
        "SURIN, Thailand, Dec. 11 - The Thai army says nine soldiers were killed in the fighting.",
    ],
)
def test_a_running_total_under_a_days_header_or_a_dateline_is_no_days_count(gaz, text):
    [hit] = _of(_figures(gaz, text), 9)
    assert hit[4] != "day"


# --- the harm of one kind of weapon over a time --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "The army says at least 14 Thai soldiers have been wounded by landmines along the border since July, "
            "including six who lost limbs.",
            14,
        ),
        ("Including yesterday's blast, mines have wounded 18 of our soldiers since July.", 18),
        ("Since August, unexploded ordnance has injured 9 Cambodian farmers in Oddar Meanchey.", 9),
    ],
)
def test_a_count_of_one_kind_of_weapons_harm_is_no_toll(gaz, text, value):
    [hit] = _of(_figures(gaz, text), value)
    assert hit[4] == "cause"


def test_one_blast_or_the_fighting_is_no_kind_of_weapons_count(gaz):
    assert _of(_figures(gaz, "A landmine wounded three Thai soldiers near Ban Nong Ya Kaeo on Monday."), 3)[0][4] == (
        "incident"
    )
    assert _of(_figures(gaz, "The clashes have killed 12 Thai soldiers."), 12)[0][4] is None


# --- the day a count counts to ------------------------------------------------------------------------------------


def test_a_count_over_a_stated_span_counts_to_its_end_and_a_count_since_a_day_to_the_reports_day():
    counts_to = figures.counts_to
    said = "Thailand says 22 soldiers were killed and more than 290 wounded between Dec. 8 and Dec. 27."
    assert counts_to(said, DEC) == date(2025, 12, 27)
    assert counts_to("The ministry counts 40 wounded from December 8 to December 20.", DEC) == date(2025, 12, 20)
    assert counts_to("Thailand says 21 of its soldiers have been killed since December 8.", DEC) == DEC
    assert counts_to("Two soldiers were killed on Dec. 8 in Surin.", DEC) == date(2025, 12, 8)


# --- a count of each side -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "According to the authorities of the two countries, more than 100 civilians were injured on each side.",
        "Each side has lost about 100 civilians, the monitors estimate.",
    ],
)
def test_a_count_of_each_side_is_one_per_side(gaz, text):
    found = _of(_figures(gaz, text), 100)
    assert sorted(f[2] for f in found) == ["KH", "TH"] and not any(f[5] for f in found)


def test_a_count_on_both_sides_stays_one_count_of_both(gaz):
    [hit] = _of(_figures(gaz, "Thirty people were killed on both sides of the border."), 30)
    assert hit[2] is None and hit[5]


# --- people elided in a list or a predicate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "side", "group"),
    [
        (
            "19 civilians were killed in Cambodia and three in Thailand in the December hostilities.",
            3,
            "TH",
            "civilian",
        ),
        ("Twelve soldiers died in Thailand and five more in Cambodia, the monitors said.", 5, "KH", "military"),
        (
            "The army confirmed that 16 Thai soldiers have been killed and 212 wounded since clashes with Cambodian "
            "forces resumed on December 8.",
            212,
            "TH",
            "military",
        ),
        (
            "Eleven Cambodian civilians have been killed and 30 injured since Thai forces opened fire on Monday.",
            30,
            "KH",
            "civilian",
        ),
        (
            "Thailand says 22 soldiers were killed and more than 290 wounded between Dec. 8 and Dec. 27, along with "
            "three civilians.",
            3,
            "TH",
            "civilian",
        ),
        ("The Thai army said 21 soldiers have died, as well as four civilians.", 4, "TH", "civilian"),
    ],
)
def test_people_elided_are_the_ones_counted_before(gaz, text, value, side, group):
    [hit] = _of(_figures(gaz, text), value)
    assert (hit[0] in ("killed", "injured"), hit[2], hit[3]) == (True, side, group)
    if "along with" in text or "as well as" in text:
        assert hit[0] == "killed"


def test_an_item_with_people_of_its_own_keeps_them(gaz):
    found = _figures(
        gaz, "Shelling killed 20 Thai soldiers and one Thai monk, and 30 cattle were lost along with 12 goats."
    )
    assert _of(found, 1)[0][3] is None
    assert not _of(found, 12)


def test_more_people_between_a_count_and_its_verb_are_read_past(gaz):
    assert _of(_figures(gaz, "At least 23 Thai soldiers and two Thai civilians have been killed since then."), 23)
    said = "Some 40 Cambodian soldiers and more than 60 Cambodian civilians have been wounded."
    assert _of(_figures(gaz, said), 40)[0][:3] == ("injured", 40, "KH")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thirteen Cambodians, eight of them civilians, have lost their lives in the shelling.", 13),
        ("Forty people, 12 of whom were children, died in the attacks.", 40),
    ],
)
def test_a_partitive_aside_between_a_count_and_its_verb_is_read_past(gaz, text, value):
    assert _of(_figures(gaz, text), value)[0][0] == "killed"


# --- a figure an earlier version gave ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Correction, December 17: An earlier version of this article, published on Tuesday, said that 21 Cambodian "
        "civilians had been killed since fighting resumed.",
        "A previous version of this report incorrectly stated that 300 Thai soldiers had been wounded.",
    ],
)
def test_a_figure_an_earlier_version_gave_is_no_figure(gaz, text):
    assert _figures(gaz, text) == []


def test_a_figure_of_earlier_fighting_is_a_figure(gaz):
    assert _of(_figures(gaz, "The earlier clashes killed 12 Thai soldiers, the army said."), 12)


# --- totals set by a verb, the displaced forced from their homes, those who remain ---------------------------------


@pytest.mark.parametrize(
    ("text", "metric", "value", "side", "both"),
    [
        ("That brings the number of people killed on both sides to at least 35.", "killed", 35, None, True),
        ("That puts the known toll at no fewer than 46 on both sides.", "killed", 46, None, True),
        (
            "Cambodia's information ministry puts the number of displaced people on its side at more than 135,000.",
            "displaced",
            135000,
            "KH",
            False,
        ),
        ("The update raised the number of Thai soldiers wounded in the clashes to 57.", "injured", 57, "TH", False),
        (
            "Five days of fighting from July 24 killed at least 42 people on both sides, most of them on the Thai "
            "side, and forced more than 270,000 people from their homes.",
            "displaced",
            270000,
            None,
            True,
        ),
        ("The shelling forced about 5,000 Thai villagers from their homes.", "displaced", 5000, "TH", False),
    ],
)
def test_a_total_set_by_a_verb_or_people_forced_from_their_homes(gaz, text, metric, value, side, both):
    [hit] = _of(_figures(gaz, text), value)
    assert (hit[0], hit[2], hit[5]) == (metric, side, both)


def test_a_number_set_by_a_verb_that_counts_no_people_is_no_figure(gaz):
    assert _figures(gaz, "The talks bring the number of meetings held this year to 4.") == []
    assert _figures(gaz, "Soldiers forced 30 passengers from a bus at the checkpoint.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In Thailand, authorities report that all but about 9,000 evacuees have left temporary shelters.",
        "All but 700 evacuees have now left the camps in Oddar Meanchey.",
    ],
)
def test_all_but_a_count_of_the_displaced_are_those_who_remain(gaz, text):
    [hit] = [f for f in _figures(gaz, text) if f[0] == "displaced"]
    assert hit[4] == "remaining"


# --- the headline ------------------------------------------------------------------------------------------------


def _cells(tmp_path, gaz, reports, as_of):
    store = Store(tmp_path / "t.sqlite3")
    for name, published, text in reports:
        r = make_report(text, f"{name}.txt", published=published, name=name, outlet=name)
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    return {
        (t.metric, t.side, t.latest.group): (t.latest.value, t.report.name)
        for t in queries.latest_tolls(store, as_of, "dec2025")
    }


DAY_BY_DAY = (
    "How the December fighting unfolded, day by day.\n\n"
    "Sunday, Dec. 7 - Shots are exchanged near Chong An Ma. The Thai army says two soldiers are wounded by Cambodian "
    "fire.\n\n"
    "Monday, Dec. 8 - One Thai soldier is killed and eight wounded. Thailand launches air strikes.\n\n"
    "Thursday, Dec. 11 - The Thai army says nine soldiers have now been killed.\n\n"
    "Saturday, Dec. 27 - A ceasefire takes effect at noon.\n\n"
    "Thailand says 22 soldiers were killed and more than 290 wounded between Dec. 8 and Dec. 27, along with three "
    "civilians."
)


def test_the_headline_takes_a_reports_total_over_the_longest_span_not_a_days_count(tmp_path, gaz):
    cells = _cells(tmp_path, gaz, [("daybyday", DEC, DAY_BY_DAY)], date(2026, 1, 10))
    assert cells[("killed", "TH", "military")] == (22, "daybyday")
    assert cells[("killed", "TH", "civilian")] == (3, "daybyday")
    assert cells[("injured", "TH", "military")] == (290, "daybyday")
    assert ("injured", "TH", None) not in cells  # not the 8 of one day


def test_a_province_in_another_clause_or_in_what_a_total_includes_is_not_the_totals(tmp_path, gaz):
    reports = [
        ("title", date(2025, 12, 20), "Army: ceasefire breached in Sisaket; Thai death toll revised to 29."),
        (
            "venue",
            date(2025, 12, 23),
            "Thailand says 31 of its soldiers have been killed since December 8, along with three civilians, "
            "including a man killed by shelling in Sa Kaeo on Saturday.",
        ),
        ("surin", date(2025, 12, 24), "In Surin province alone, 93 soldiers have been wounded."),
    ]
    cells = _cells(tmp_path, gaz, reports, date(2025, 12, 24))
    assert cells[("killed", "TH", "military")] == (31, "venue")
    assert cells[("killed", "TH", "civilian")] == (3, "venue")
    assert ("injured", "TH", "military") not in cells  # one province's count
    assert _cells(tmp_path / "x", gaz, reports[:1], date(2025, 12, 21))[("killed", "TH", None)] == (29, "title")


def test_a_count_that_is_no_running_total_after_a_clause_naming_a_province_is_that_provinces(tmp_path, gaz):
    said = (
        "On December 17 Thai troops fired tear gas at villagers at Prey Chan, in Banteay Meanchey; Cambodia said 23 "
        "people were hurt."
    )
    assert ("injured", "KH", None) not in _cells(tmp_path, gaz, [("teargas", date(2025, 12, 18), said)], DEC)


def test_the_tracker_takes_a_reports_total_over_the_longest_span_wherever_the_report_tells_it(tmp_path, gaz):
    text = (
        "Thailand says 22 soldiers were killed between Dec. 8 and Dec. 27.\n\n"
        "Thursday, Dec. 11 - The Thai army says nine soldiers have now been killed."
    )
    store = Store(tmp_path / "t.sqlite3")
    r = make_report(text, "recap.txt", published=DEC, name="recap", outlet="Recap")
    store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    pairs = queries.tracker.toll_figures(store, date(2026, 1, 10), "dec2025", "killed", "TH", "military")
    [latest] = queries.tracker.latest_per_source(pairs)
    assert latest.latest.value == 22
