"""Robustness of the main extraction decisions on texts phrased unlike the dev corpus (written for these tests):
whose people a figure counts, who accuses whom and who denies, negated and hypothetical clashes, planned and held
meetings. Each decision must follow from the sentence's structure, not from one report's wording."""

from datetime import date

import pytest

from dashboard.extract import extract
from dashboard.read import make_report

PUBLISHED = date(2025, 12, 20)  # a Saturday


def extraction(text):
    return extract(make_report(text, published=PUBLISHED))


# --- whose people a figure counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metric", "value", "country"),
    [
        ("Cambodia said Thai bombardments had wounded 40 of its civilians.", "injured", 40, "KH"),
        ("Thai shells and missiles have killed 11 people, Phnom Penh said.", "killed", 11, "KH"),
        ("Rockets fired by Thai forces wounded 6 Cambodian civilians.", "injured", 6, "KH"),
        ("Attacks by Cambodia have left 5 Thai soldiers dead.", "killed", 5, "TH"),
        ("Thai strikes have killed 11 people in Cambodia, according to its information ministry.", "killed", 11, "KH"),
        (
            "Over 100,000 Cambodians have been evacuated from villages near the border, Phnom Penh said.",
            "displaced",
            100000,
            "KH",
        ),
        ("The toll on the Cambodian side has climbed to 18, officials in Phnom Penh said.", "killed", 18, "KH"),
    ],
)
def test_the_people_counted_are_the_side_hit_not_the_side_attacking(text, metric, value, country):
    [f] = extraction(text).figures
    assert (f.metric, f.value, f.country) == (metric, value, country)


def test_a_count_on_both_sides_is_no_one_sides():
    [f] = extraction("At least 30 people have died on both sides.").figures
    assert (f.country, f.both_sides) == (None, True)


def test_families_are_not_people():
    assert extraction("Some 2,300 families from Oddar Meanchey were sheltering in pagodas.").figures == []


# --- who denies -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "accused", "denied_by"),
    [
        (
            "Thailand says Cambodian forces shelled homes in Surin province on Thursday, an accusation Phnom Penh "
            "rejects.",
            "KH",
            "KH",
        ),
        (
            "Cambodia accused Thai troops of shelling a school in Banteay Meanchey province on Friday, a charge "
            "Bangkok "
            "dismisses.",
            "TH",
            "TH",
        ),
        (
            "Cambodia accused Thai troops of shelling a school in Banteay Meanchey province on Friday, a charge "
            "Bangkok "
            "denied.",
            "TH",
            "TH",
        ),
    ],
)
def test_a_denial_in_any_tense_names_the_side_denying(text, accused, denied_by):
    [i] = extraction(text).incidents
    assert (i.accused, i.denied_by) == (accused, denied_by)


# --- planned, held, or only told of -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bangkok and Phnom Penh gave differing readouts of the talks on Friday.",
        "Officials of both countries published their versions of the meeting on Thursday.",
        "A summary of the negotiations between the two sides was released on Tuesday.",
    ],
)
def test_talks_named_as_what_an_account_tells_of_are_not_dated_by_it(text):
    assert extraction(text).meetings == []


# --- who attacked -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("The Thai army said it was Cambodian troops who first fired at a Thai outpost in Sa Kaeo on Friday.", "KH"),
        (
            "Cambodia said Thai soldiers, who allegedly opened fire at dawn, crossed into Oddar Meanchey on Monday.",
            "TH",
        ),
        ("Phnom Penh charged that Thai F-16s had bombed a temple in Preah Vihear province on Monday.", "TH"),
        ("Thailand's army accused Cambodian troops of firing mortars at its base in Trat on Sunday.", "KH"),
    ],
)
def test_the_side_named_acting_is_the_attacker_whatever_the_clause_shape(text, accused):
    [i] = extraction(text).incidents
    assert i.accused == accused


def test_an_accusation_in_the_passive_names_the_accuser_after_by():
    [i] = extraction(
        "Thai forces were accused by Cambodia of shelling a market in Pursat province on Monday."
    ).incidents
    assert (i.reported_by, i.accused) == ("KH", "TH")


# --- negated and hypothetical attacks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If Cambodian troops shell Thai villages again, the army will answer with air strikes in Oddar Meanchey.",
        "Unless Thai soldiers pull back, Cambodian artillery will open up on positions in Surin, a commander said.",
        "There was no fighting reported along the border in Surin overnight.",
        "Neither side fired a shot in Trat province on Sunday, monitors said.",
        "The army has not reported any clashes in Buriram province since Wednesday.",
        "Residents of Si Sa Ket said they had heard no gunfire on Tuesday.",
    ],
)
def test_conditions_and_negations_tell_no_attack(text):
    assert extraction(text).incidents == []


def test_a_mediator_meeting_one_sides_leader_is_no_meeting_of_the_parties():
    assert extraction("Malaysia's prime minister met Hun Manet in Phnom Penh on Monday.").meetings == []


def test_the_two_leaders_named_by_name_meet_as_the_parties():
    [m] = extraction("Anutin and Hun Manet met in Kuala Lumpur on Monday to discuss the border.").meetings
    assert (m.status, m.date, set(m.participants) >= {"Thailand", "Cambodia"}) == ("held", date(2025, 12, 15), True)


@pytest.mark.parametrize(
    "text",
    [
        "Cambodia has asked that the GBC meeting be held in a third country rather than in Thailand.",
        "Thailand insists the RBC talks be moved to Chanthaburi.",
    ],
)
def test_a_meeting_in_the_mood_of_a_demand_is_proposed(text):
    assert [m.status for m in extraction(text).meetings] == ["proposed"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The GBC will convene in Chanthaburi on 5 January, officials said.", "scheduled"),
        ("Thai and Cambodian defence officials are due to meet in Chanthaburi on Wednesday.", "scheduled"),
        ("The talks on the GBC will be held in Trat on 28 December.", "scheduled"),
        ("Defence ministers of the two countries met in Kuala Lumpur on Monday.", "held"),
        ("Thailand proposed that the RBC meet in Sa Kaeo next week.", "proposed"),
        ("A meeting of the GBC scheduled for 24 December in Phnom Penh has been called off.", "cancelled"),
    ],
)
def test_planned_held_proposed_and_cancelled_meetings(text, status):
    assert [m.status for m in extraction(text).meetings] == [status]


@pytest.mark.parametrize(
    ("text", "reported_by", "accused"),
    [
        ("Phnom Penh charged that Thai F-16s had bombed a temple in Preah Vihear province on Monday.", "KH", "TH"),
        (
            "Cambodian officials alleged that Thai soldiers laid fresh landmines near the border in Si Sa Ket on "
            "Monday.",
            "KH",
            "TH",
        ),
        ("Bangkok claimed that Cambodian gunners shelled a school in Surin on Monday.", "TH", "KH"),
    ],
)
def test_the_accuser_is_who_alleges_and_the_accused_the_subject_of_what_is_alleged(text, reported_by, accused):
    [i] = extraction(text).incidents
    assert (i.reported_by, i.accused) == (reported_by, accused)


@pytest.mark.parametrize(
    "text",
    [
        "Thailand and Cambodia traded artillery fire in Oddar Meanchey on Sunday.",
        "Thai and Cambodian gunners exchanged heavy mortar rounds near Chong Chom checkpoint on Monday.",
    ],
)
def test_fire_traded_whatever_its_weapon_names_no_attacker(text):
    [i] = extraction(text).incidents
    assert i.accused is None


def test_a_count_for_each_country_in_one_list_keeps_each_ones_side():
    found = extraction(
        "The clashes have displaced more than 300,000 people in Thailand and 150,000 in Cambodia."
    ).figures
    assert sorted((f.metric, f.value, f.country) for f in found) == [
        ("displaced", 150000, "KH"),
        ("displaced", 300000, "TH"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Some 60,000 Thai villagers have gone back to their homes.",
        "About 60,000 Thai evacuees headed back to their villages on Friday.",
        "Around 60,000 Thai residents went back home after the truce.",
    ],
)
def test_people_going_back_home_are_the_returned(text):
    [f] = extraction(text).figures
    assert (f.metric, f.value, f.country) == ("returned", 60000, "TH")


@pytest.mark.parametrize(
    ("text", "value", "country"),
    [
        ("The Thai side has lost 16 soldiers so far, an army spokesman said.", 16, "TH"),
        ("Cambodia has lost 12 of its troops since the fighting began.", 12, "KH"),
    ],
)
def test_a_side_that_lost_people_counts_its_dead(text, value, country):
    [f] = extraction(text).figures
    assert (f.metric, f.value, f.country) == ("killed", value, country)


@pytest.mark.parametrize("text", ["The army lost 3 tanks in the clash.", "Farmers lost 40 percent of their crops."])
def test_things_lost_are_no_dead(text):
    assert extraction(text).figures == []
