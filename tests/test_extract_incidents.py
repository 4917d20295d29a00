"""Incidents: kind, place, who reports, whom they accuse, denials."""

from datetime import date

import pytest

from dashboard.extract import extract
from dashboard.read import make_report
from tests.test_incidents_sides import told


def incidents(text):
    return extract(make_report(text, published=date(2025, 12, 20))).incidents


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thai jets carried out airstrikes on positions near Anlong Veng.", "airstrike"),
        ("Artillery shells landed in a village in Surin province.", "artillery"),
        ("Rockets hit a market in Sisaket province.", "rocket"),
        ("A drone dropped explosives on a base in Sa Kaeo province.", "drone"),
        ("A soldier stepped on a landmine near Chong Chom checkpoint.", "landmine"),
        ("Troops clashed near Ta Muen Thom temple on Sunday.", "armed_clash"),
        ("Soldiers launched an attack on a border post near Ta Muen Thom temple on Sunday.", "armed_clash"),
        ("Warplanes dropped bombs on a depot in Banteay Meanchey province on Sunday.", "airstrike"),
        ("Thai jets struck a depot in Banteay Meanchey province on Sunday.", "airstrike"),
        ("Soldiers encroached on a hill in Trat province on Sunday before being pushed back.", "armed_clash"),
    ],
)
def test_incident_kinds(text, kind):
    [i] = incidents(text)
    assert i.kind == kind and i.admin1


def test_accusation_and_denial():
    [i] = incidents("Cambodia accused Thailand of firing rockets near Poipet, a claim Thailand denies.")
    assert (i.kind, i.accused, i.denied_by, i.reported_by) == ("rocket", "TH", "TH", "KH")
    assert i.admin1 == ("KH-1",)


def test_a_dated_incident():
    [i] = incidents("Thai troops fired shells into Battambang province on Monday.")
    assert i.date == date(2025, 12, 15)


def test_general_talk_of_fighting_is_not_an_incident():
    assert incidents("The ceasefire was meant to end the fighting.") == []


def units(text):
    return sorted((i.kind, a) for i in incidents(text) for a in (i.admin1 or (None,)))


def test_a_clash_that_breaks_the_ceasefire_is_still_a_clash():
    [i] = incidents("Troops clashed near Ta Muen Thom temple on Sunday, breaking the ceasefire.")
    assert (i.kind, i.admin1) == ("armed_clash", ("TH-32",))


@pytest.mark.parametrize(
    "text",
    [
        "The fighting has included air strikes, rockets and artillery.",
        "Since fighting reignited on December 8, both sides have used artillery and rockets.",
        "Families uprooted by the fighting in Surin province are staying in temples.",
        "Relief efforts are underway in Sa Kaeo, where shelters have been set up to house families.",
        "Both sides agreed to clear landmines along the border in Preah Vihear province.",
        "Analysts said the shelling in Oddar Meanchey suggests that the army wants leverage.",
        "Thailand warned it could launch airstrikes if attacks on its territory continued.",
        "Diplomats gathered on Monday to end the escalating border clashes.",
        # the fighting as the time of what the sentence tells
        "At the height of the fighting, 400,000 people in Surin, Sisaket and Trat stayed in temporary shelters.",
        "At the peak of the clashes, schools across Buriram province served as shelters.",
        "Throughout the shelling, families in Kantharalak district slept in bunkers.",
    ],
)
def test_summaries_backgrounds_relief_agendas_and_threats_are_not_incidents(text):
    assert incidents(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Heavy fighting around Ta Krabey temple has threatened to wreck a truce agreed months ago.",
        "The clash near Ta Muen Thom temple on Sunday threatens the truce, officials said.",
        "Rockets struck Kantharalak district, and it is unclear whether the talks will go ahead.",
    ],
)
def test_a_threat_or_question_voids_only_what_is_told_after_it(text):
    assert incidents(text)


def test_each_kind_a_sentence_names_is_its_own_incident():
    assert units("The military reported using tanks and airstrikes on Monday morning.") == [
        ("airstrike", None),
        ("armed_clash", None),
    ]


def test_each_place_goes_to_the_kind_told_before_it():
    text = "One ranger was wounded by indirect fire in Surin province and another by a grenade close to Preah Vihear."
    assert units(text) == [("artillery", "TH-32"), ("other", "KH-13")]


def test_one_attack_on_several_provinces_is_one_incident_with_all_of_them():
    [i] = incidents("Cambodian rockets hit Sisaket and Surin provinces on Monday.")
    assert (i.kind, set(i.admin1), i.accused) == ("rocket", {"TH-33", "TH-32"}, "KH")


def test_the_same_attack_told_twice_is_one_incident():
    text = (
        "Cambodian troops fired rockets into Kantharalak district on Monday.\n"
        "The rockets that landed in Kantharalak on Monday damaged a school."
    )
    assert len(incidents(text)) == 1


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Cambodian forces continued to bombard Thai positions in Sa Kaeo province on Monday.", "KH"),
        ("A house in Banteay Meanchey province was damaged by Thai artillery shelling.", "TH"),
        ("Thai authorities confirmed launching airstrikes in Oddar Meanchey, accusing Cambodia of provocation.", "TH"),
        ("Rockets fired by Cambodian troops hit a market in Sisaket.", "KH"),
        ("Thai navy gunboats shelled positions in Koh Kong province on Sunday, officials in Cambodia said.", "TH"),
        ("The ministry said Thailand used cluster munitions in Oddar Meanchey province on Sunday.", "TH"),
        ("Cambodian soldiers intruded into Thai territory in Trat province on Sunday.", "KH"),
    ],
)
def test_the_attacker_comes_from_the_clause_and_the_speaker(text, attacker):
    [i] = incidents(text)
    assert i.accused == attacker


def test_a_denial_in_the_next_sentence_answers_the_accusation():
    text = "Cambodia said Thai F-16s bombed positions in Oddar Meanchey on Monday. Thailand denied targeting civilians."
    i = told(incidents(text))
    assert (i.accused, i.denied_by) == ("TH", "TH")


def test_a_clock_time_anchors_an_incident_but_gives_no_day_of_its_own():
    [i] = incidents("At 6.30am, Cambodian troops fired mortars at a Thai outpost.")
    assert (i.kind, i.date, i.timing, i.accused) == ("artillery", None, "reported", "KH")


def test_a_consequence_in_the_conditional_does_not_unmake_an_attack():
    [i] = incidents("Thai artillery hit positions in Oddar Meanchey on Monday, which could prolong the conflict.")
    assert (i.kind, i.admin1, i.accused) == ("artillery", ("KH-22",), "TH")


def test_a_single_shell_is_artillery():
    [i] = incidents("A shell landed in a village in Kantharalak district on Tuesday.")
    assert (i.kind, i.admin1) == ("artillery", ("TH-33",))


def test_fire_exchanged_by_both_sides_names_no_attacker():
    [i] = incidents("Cambodian troops and Thai soldiers exchanged fire near Prasat Ta Krabey early on Tuesday.")
    assert (i.kind, i.admin1, i.accused) == ("armed_clash", ("TH-32",), None)


# Structural rules (invented sentences).


@pytest.mark.parametrize(
    "text",
    [
        "There were no reports of shelling in Surin province on Sunday.",
        "The army said its troops did not fire on positions near Anlong Veng on Monday.",
        "Officials said there was no gunfire in Sa Kaeo province overnight.",
    ],
)
def test_a_negated_attack_is_not_an_incident(text):
    assert incidents(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thai troops didn't fire on positions near Anlong Veng on Monday, the army said.",
        "Cambodian troops didn\u2019t shell Surin province on Monday.",
        "Neither side reported clashes near Ta Muen Thom temple on Monday.",
        "The army said it will retaliate with airstrikes on Oddar Meanchey if provoked again on Monday.",
        "The Thai navy is ready to launch rockets at positions in Koh Kong province.",
    ],
)
def test_contracted_negations_futures_and_readiness_are_no_incidents(text):
    assert incidents(text) == []


def test_a_capital_as_dateline_is_not_the_incidents_place():
    [i] = incidents("BANGKOK, Dec 20 - Artillery shells landed in a village in Surin province on Saturday.")
    assert i.admin1 == ("TH-32",)


@pytest.mark.parametrize(
    "text",
    [
        "SURIN, Dec 20 (Wire) - Artillery shells landed in a village in Sa Kaeo province on Saturday.",
        "Surin, Thailand, Dec 20 - Artillery shells landed in a village in Sa Kaeo province on Saturday.",
    ],
)
def test_a_border_town_as_dateline_is_not_the_incidents_place(text):
    [i] = incidents(text)
    assert i.admin1 == ("TH-27",)


def test_a_place_opening_a_sentence_as_its_subject_is_the_incidents_place():
    [i] = incidents("Surin province was hit by artillery shells on Saturday - the army said.")
    assert i.admin1 == ("TH-32",)


def test_a_capital_standing_for_its_government_is_not_the_incidents_place():
    found = incidents("Phnom Penh said Thai artillery shelled Oddar Meanchey province on Saturday.")
    assert [(i.kind, i.admin1) for i in found] == [("artillery", ("KH-22",))]


@pytest.mark.parametrize(
    "text",
    [
        "Speaking in Phnom Penh on Saturday, the defence minister said shells had hit Oddar Meanchey province.",
        "The foreign ministry in Bangkok said on Saturday that a landmine had wounded a ranger in Surin province.",
        "An army spokesman told reporters in Bangkok that a landmine wounded a ranger in Surin province on Saturday.",
    ],
)
def test_a_capital_where_the_speaker_was_is_not_the_incidents_place(text):
    [i] = incidents(text)
    assert len(i.admin1) == 1 and i.admin1[0] not in ("TH-10", "KH-12")


def test_a_capital_told_as_the_scene_is_the_incidents_place():
    [i] = incidents("Officials said artillery shells landed in Phnom Penh on Saturday.")
    assert i.admin1 == ("KH-12",)


def test_the_accuser_and_the_accused_from_the_clause():
    [i] = incidents("Cambodia accused Thailand of shelling villages in Oddar Meanchey province on Saturday.")
    assert (i.reported_by, i.accused) == ("KH", "TH")


@pytest.mark.parametrize(
    ("text", "speaker", "accused"),
    [
        (
            "Thailand's defence minister blamed the other side for a mine blast that hurt a ranger near Chong Chom "
            "checkpoint on Sunday.",
            "TH",
            "KH",
        ),
        (
            "The Cambodian defence ministry said Thai troops violated the truce by shelling Pursat province on Sunday.",
            "KH",
            "TH",
        ),
        (
            "The Thai army chief said a landmine that went off in Kantharalak district on Sunday was an act by "
            "Cambodia.",
            "TH",
            "KH",
        ),
        ("Cambodia accused its neighbour of firing shells into Banteay Meanchey province on Sunday.", "KH", "TH"),
        ("The Cambodian side said Thai soldiers opened fire near Chong Chom checkpoint on Sunday.", "KH", "TH"),
    ],
)
def test_the_speaker_blaming_the_other_side_names_the_accused(text, speaker, accused):
    [i] = incidents(text)
    assert (i.reported_by, i.accused) == (speaker, accused)


def test_the_side_denying_an_attack_is_the_one_accused_of_it():
    [i] = incidents("The Thai army denied Cambodian claims that it had shelled homes in Oddar Meanchey on Saturday.")
    assert (i.kind, i.accused, i.denied_by) == ("artillery", "TH", "TH")


def test_an_attack_told_as_a_time_reference_in_its_own_clause_is_an_incident():
    found = incidents("Troops were put on alert after a landmine wounded two rangers in Si Sa Ket province on Friday.")
    assert [(i.kind, i.admin1, i.date) for i in found] == [("landmine", ("TH-33",), date(2025, 12, 19))]


def test_the_attacker_of_a_passive_clause():
    [i] = incidents("Thai positions in Surin province were shelled by Cambodian troops on Saturday.")
    assert i.accused == "KH"


def test_the_denial_in_the_next_sentence_joins_the_accusation():
    i = told(
        incidents(
            "Thailand accused Cambodia of firing rockets into Si Sa Ket province on Saturday. Cambodia denied it."
        )
    )
    assert (i.accused, i.denied_by) == ("KH", "KH")


def test_one_event_told_twice_is_one_incident():
    found = incidents(
        "Rockets hit a market in Si Sa Ket province on Saturday. "
        "The rockets that struck Si Sa Ket province on Saturday damaged shops."
    )
    assert [(i.kind, i.admin1) for i in found] == [("rocket", ("TH-33",))]


@pytest.mark.parametrize(
    "text",
    [
        "A Thai ranger lost a foot in a landmine explosion near Chong Chom checkpoint on Sunday.",
        "A landmine wounded two Thai soldiers in Kantharalak district on Sunday.\n"
        "The blast, in Kantharalak district, went off during a patrol on Sunday, an explosion heard for miles.",
    ],
)
def test_a_landmine_told_again_as_an_explosion_is_one_landmine(text):
    assert [i.kind for i in incidents(text)] == ["landmine"]


def test_a_grenade_beside_a_clash_is_an_incident_of_its_own():
    text = "Troops clashed near Ta Muen Thom temple on Sunday, and a grenade wounded a ranger near Ta Muen Thom temple."
    assert units(text) == [("armed_clash", "TH-32"), ("other", "TH-32")]


def test_an_attack_told_again_without_its_place_on_the_same_day_is_one_incident():
    text = (
        "Cambodian rockets hit Kantharalak district in Si Sa Ket province on Saturday.\n"
        "The rocket attack on Saturday wounded five people, the army said."
    )
    assert units(text) == [("rocket", "TH-33")]


def test_an_attack_of_another_day_without_a_place_stays_its_own():
    text = (
        "Cambodian rockets hit Kantharalak district in Si Sa Ket province on Saturday.\n"
        "On Friday, Cambodian rockets landed near the border."
    )
    assert sorted((i.kind, i.admin1) for i in incidents(text)) == [("rocket", ()), ("rocket", ("TH-33",))]


# --- when: the day a sentence gives, only its report's, or an earlier period ---------------------------------


def incidents_on(text, published):
    return extract(make_report(text, published=published)).incidents


def test_an_attack_dated_in_its_sentence_keeps_that_day_in_a_later_report():
    [i] = incidents_on("The rocket strike on Sisaket province of 24 July killed eight people.", date(2025, 8, 2))
    assert (i.date, i.timing) == (date(2025, 7, 24), "stated")


def test_an_undated_attack_is_only_reported_on_its_reports_day():
    [i] = incidents_on("Cambodian troops fired mortars at a village in Surin province.", date(2025, 8, 2))
    assert (i.date, i.timing) == (None, "reported")


@pytest.mark.parametrize(
    "text",
    [
        "Villagers held a memorial for those killed by rocket fire in Kantharalak district in July.",
        "Photo: houses in Surin province damaged by Cambodian shelling in December.",
        "Artillery has struck villages in Sa Kaeo province repeatedly in recent years, residents said.",
        "A year ago, rockets hit a market in Sisaket province.",
        "Last month shells landed in a village in Surin province.",
    ],
)
def test_retrospectives_memorials_and_captions_tell_an_earlier_period(text):
    found = incidents_on(text, date(2026, 1, 12))
    assert found and all(i.timing == "earlier" and i.date is None for i in found)


@pytest.mark.parametrize(
    "text",
    [
        "A school in Kantharalak district hit by Cambodian rockets is pictured above.",
        "Photo: a clinic in Surin province damaged by shelling.",
        "Villagers in Sa Kaeo province are repairing homes destroyed by artillery.",
    ],
)
def test_a_caption_or_aftermath_of_damage_tells_an_earlier_attack(text):
    found = incidents_on(text, date(2026, 1, 12))
    assert found and all(i.timing == "earlier" for i in found)


def test_damage_told_as_news_is_reported_on_its_reports_day():
    [i] = incidents_on(
        "Two houses were damaged by Cambodian shelling in Surin province, officials said.", date(2025, 12, 9)
    )
    assert i.timing == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Cambodian rockets hit Surin province, breaking the truce agreed in October.",
        "Fighting near Ta Krabey temple strains a ceasefire signed months ago.",
    ],
)
def test_a_period_that_dates_an_agreement_does_not_make_the_attack_earlier(text):
    [i] = incidents_on(text, date(2025, 12, 11))
    assert i.timing == "reported"


def test_the_worst_since_a_month_is_no_retrospective():
    [i] = incidents_on("Cambodian rockets hit Surin province, the worst attack since July.", date(2025, 12, 9))
    assert i.timing == "reported"


def test_the_reports_own_month_is_no_earlier_period():
    [i] = incidents_on("Shelling hit a village in Surin province in December, officials said.", date(2025, 12, 20))
    assert i.timing == "reported"


# --- anchors: what makes a told attack an incident --------------------------------------------------------------


def test_a_kind_told_after_a_scene_without_a_place_of_its_own_is_at_that_scene():
    text = "Villagers in Phanom Dong Rak district heard artillery fire from 4:30 am, and gunfire lit up the hills."
    assert units(text) == [("armed_clash", "TH-32"), ("artillery", "TH-32")]


@pytest.mark.parametrize(
    "text",
    [
        "Although the review period ended on Tuesday, officials cited worries over Cambodian drones along the border.",
        "Heavy shelling has gone on for days, the ministry said in a statement on Wednesday.",
    ],
)
def test_a_day_named_in_another_clause_does_not_anchor_a_placeless_attack(text):
    assert incidents(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Thai jets carried out airstrikes along the border.",
        "Cambodian troops fired rockets across the border on Monday night.",
        "At 6.30am, Cambodian troops fired mortars at a Thai outpost.",
    ],
)
def test_a_day_in_the_attacks_own_clause_or_opening_the_sentence_anchors_it(text):
    assert len(incidents(text)) == 1


def test_a_sentence_does_not_end_inside_brackets():
    text = "Troops clashed at 5:15 a.m. local time (0415 a.m. GMT) near the border in Banteay Meanchey province."
    [i] = incidents(text)
    assert (i.kind, i.admin1) == ("armed_clash", ("KH-1",))


def test_an_attack_told_without_a_place_is_at_the_scene_of_the_sentence_before():
    text = (
        "Thai marines spotted Cambodian bunkers on a hill in Trat province. "
        "The spokesman said Thai forces launched a military operation to clear them."
    )
    [i] = incidents(text)
    assert (i.kind, i.admin1, i.accused) == ("armed_clash", ("TH-23",), "TH")


def test_talk_of_fighting_after_a_place_is_not_an_attack_there():
    text = "Evacuees reached a shelter in Surin province. Both sides have used artillery in recent days."
    assert incidents(text) == []


def test_each_attack_takes_the_side_named_acting_nearest_before_it():
    text = (
        "Cambodian troops fired rockets into Sisaket province, and later Thai jets carried out airstrikes "
        "in Oddar Meanchey."
    )
    assert sorted((i.kind, i.accused) for i in incidents(text)) == [("airstrike", "TH"), ("rocket", "KH")]


def test_weapons_deployed_are_no_attack():
    assert incidents("Cambodia was deploying drones near the border in Sa Kaeo province, the army said.") == []


def test_generic_fighting_by_a_side_after_a_place_is_no_attack_there():
    text = "Evacuees reached a shelter in Surin province. Cambodian forces fired first and the fighting spread."
    assert incidents(text) == []


def test_an_attack_told_from_the_day_the_fighting_began_is_background():
    [i] = incidents_on(
        "Tensions have run high since a clash on May 28 killed a soldier in Preah Vihear.", date(2025, 7, 24)
    )
    assert (i.date, i.timing) == (None, "earlier")


# --- the fighting placed as a whole ------------------------------------------------------------------------------

THEATRE = (
    "Heavy fighting raged for a second day, with rockets and artillery fire killing six people, officials said "
    "on Tuesday.\n"
    "The fighting centred on Ta Krabey temple.\n"
    "Cambodian drones and Thai jets struck targets across the frontier."
)


def test_attacks_told_without_place_or_time_are_where_the_report_places_the_fighting():
    kinds = {i.kind: (i.admin1, i.accused) for i in incidents(THEATRE)}
    assert kinds["rocket"][0] == kinds["artillery"][0] == kinds["drone"][0] == ("TH-32",)
    assert kinds["drone"][1] == "KH"


def test_attacks_told_without_place_or_time_are_no_incidents_where_the_report_places_no_fighting():
    text = THEATRE.replace("The fighting centred on Ta Krabey temple.", "Leaders called for calm.")
    assert incidents(text) == []


def test_fighting_placed_in_two_provinces_places_no_loose_attack():
    text = THEATRE.replace("on Ta Krabey temple", "on Surin province and Oddar Meanchey province")
    assert {i.kind for i in incidents(text)} == {"armed_clash"}


@pytest.mark.parametrize("credit", ["AFP/Jane Doe", "Photo: Reuters/A. Somchai", "KT/Chan Dara"])
def test_a_sentence_a_photo_credit_follows_is_a_caption_of_earlier_damage(credit):
    text = f"Talks went on in Bangkok.\n\nA school in Kantharalak district hit by Cambodian rockets. {credit}\n\nMore."
    [caption] = extract(make_report(text, published=date(2026, 1, 5))).incidents
    assert caption.timing == "earlier"
    [news] = extract(make_report(text.replace(f" {credit}", ""), published=date(2026, 1, 5))).incidents
    assert news.timing == "reported"


# --- the clause, the sentences around it (issue 19) ---------------------------------------------------------


def test_the_day_of_the_saying_is_not_the_day_of_the_attack():
    [i] = incidents(
        "An army spokesman on Friday gave an update, saying that from 2pm on December 17, "
        "Cambodian troops attacked a Thai outpost in Ban Nong Chan, Sa Kaeo province."
    )
    assert (i.date, i.timing) == (date(2025, 12, 17), "stated")


def test_a_time_of_day_goes_on_from_the_day_told_before():
    found = incidents(
        "From 2pm on December 17, Cambodian troops attacked a Thai outpost in Ban Nong Chan, Sa Kaeo province.\n\n"
        "Later at 6pm, Cambodian gunners fired rockets at a ranger camp in Kantharalak district, Si Sa Ket province."
    )
    rocket = next(i for i in found if i.kind == "rocket")
    assert (rocket.date, rocket.timing) == (date(2025, 12, 17), "stated")


def test_clashes_at_fronts_in_two_provinces_are_two_clashes():
    found = incidents("Fierce clashes went on at two fronts: Ban Nong Chan in Sa Kaeo and Chong Chom in Surin.")
    assert sorted(i.admin1 for i in found if i.kind == "armed_clash") == [("TH-27",), ("TH-32",)]


def test_one_strike_on_two_provinces_stays_one_incident():
    [i] = incidents("Cambodian rockets hit villages in Surin and Buriram provinces on Tuesday.")
    assert set(i.admin1) == {"TH-31", "TH-32"}


def test_harm_told_at_places_after_a_placeless_attack_places_it():
    found = incidents(
        "Officials said Cambodian support weapons struck civilian areas, causing casualties. "
        "In Ban Phraiwan, Kantharalak district, Si Sa Ket province, three villagers were killed.\n\n"
        "In Kap Choeng district, Surin province, two houses were damaged.\n\n"
        "The army condemned the attacks."
    )
    [i] = found
    assert (i.kind, i.accused) == ("artillery", "KH")
    assert set(i.admin1) == {"TH-33", "TH-32"}


def test_harm_after_a_summary_of_fighting_places_no_clash():
    assert (
        incidents(
            "The fighting has been heavy all week. In Kap Choeng district, Surin province, two villagers were injured."
        )
        == []
    )


def test_the_blast_retold_with_its_hour_is_the_same_landmine():
    [i] = incidents(
        "Two Thai rangers were hurt by a landmine along the border in Si Sa Ket province.\n\n"
        "One of them lost a leg in the explosion at about 8am on Thursday."
    )
    assert (i.kind, i.admin1, i.date) == ("landmine", ("TH-33",), date(2025, 12, 18))


def test_a_sentence_about_the_attack_just_told_names_its_attacker():
    [i] = incidents(
        "Two Thai rangers were hurt by a landmine along the border in Si Sa Ket province on Thursday.\n\n"
        "The minister said the mine had been laid recently.\n\n"
        "\u201cThis is an act by a Cambodia that ignores the truce,\u201d Gen Somchai said."
    )
    assert (i.kind, i.accused, i.reported_by) == ("landmine", "KH", "TH")


def test_the_speaker_who_owns_an_attack_and_accuses_the_other_side_tells_it():
    [i] = incidents(
        "Thai officials confirmed launching airstrikes near Anlong Veng on Monday, accusing Cambodia of massing troops."
    )
    assert (i.kind, i.accused, i.reported_by) == ("airstrike", "TH", "TH")


def test_damage_from_the_fighting_of_an_earlier_month_is_an_earlier_attack():
    text = (
        "Homes in Kap Choeng district, Surin province, were damaged by Cambodian rockets during the December fighting."
    )
    [i] = extract(make_report(text, published=date(2026, 1, 5))).incidents
    assert i.timing == "earlier"
    [i] = extract(make_report(text, published=date(2025, 12, 20))).incidents
    assert i.timing == "reported"


def test_both_sides_named_in_another_clause_do_not_make_the_fire_mutual():
    [i] = incidents(
        "At 3.10pm, Thai troops fired tear gas at the crowd near Ban Nong Chan, forcing both sides to pull back."
    )
    assert (i.kind, i.accused) == ("confrontation", "TH")  # force used against a crowd


def test_police_keeping_order_on_their_side_are_no_side_accused():
    # crowd control by a side's own police is not an attack by its forces that anyone is said to accuse
    [i] = incidents("At 3.10pm, Thai border police fired tear gas at the crowd near Ban Nong Chan.")
    assert i.accused is None


def test_fire_both_sides_traded_names_no_attacker():
    [i] = incidents("Thai and Cambodian troops exchanged fire near Chong Chom checkpoint on Sunday.")
    assert i.accused is None


def test_a_running_total_after_a_placeless_attack_does_not_place_it():
    text = (
        "Thai jets bombed Cambodian positions near the border on Monday.\n\n"
        "Since the fighting began, 20 people have been killed in Oddar Meanchey and Preah Vihear provinces."
    )
    [i] = incidents(text)
    assert (i.kind, i.admin1) == ("airstrike", ())


@pytest.mark.parametrize(
    "after",
    [
        "It is unclear if Cambodian forces carried out the attack.",
        "It was not an act by Cambodian troops, Gen Hok said.",
    ],
)
def test_blame_doubted_or_negated_names_no_attacker(after):
    [i] = incidents(f"An explosion wounded two Thai rangers in Si Sa Ket province on Thursday.\n\n{after}")
    assert i.accused is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Thailand on Friday accused Cambodia of firing rockets into Surin province on Thursday.", 18),
        ("On Thursday, Cambodian rockets hit Surin province, and Thailand blamed Cambodia on Friday.", 18),
    ],
)
def test_the_day_of_an_accusation_is_not_the_day_of_the_attack(text, day):
    [i] = incidents(text)
    assert i.date == date(2025, 12, day)


# --- alleged violations that are no attack; deployments; confrontations ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cambodia's foreign ministry on Monday protested that Thai troops had dug a ditch near Chouk Chey village "
            "in Banteay Meanchey province, in breach of the joint statement.",
            ("encroachment", ("KH-1",), "KH", "TH"),
        ),
        (
            "The Thai army said three Cambodian drones flew over Thai positions in Surin province on Tuesday, "
            "calling the flights a violation of the truce.",
            ("airspace", ("TH-32",), "TH", "KH"),
        ),
        (
            "The Thai army reported that about 200 Cambodian villagers gathered to protest at a border marker in "
            "Sa Kaeo province on Friday, a provocation it said broke the ceasefire.",
            ("provocation", ("TH-27",), "TH", "KH"),
        ),
    ],
)
def test_an_alleged_violation_that_is_no_attack_is_an_incident_with_accuser_and_accused(text, expected):
    found = [(i.kind, i.admin1, i.reported_by, i.accused) for i in incidents(text)]
    assert found == [expected]


def test_the_allegation_may_be_told_in_the_sentence_after_the_act():
    text = (
        "On Thursday the Thai army reported that a crowd of Cambodian protesters massed at a gate in Sa Kaeo "
        "province.\n\nThe army's spokesman said the gathering violated the ceasefire agreement."
    )
    [i] = incidents(text)
    assert (i.kind, i.admin1, i.date, i.reported_by, i.accused) == (
        "provocation",
        ("TH-27",),
        date(2025, 12, 18),
        "TH",
        "KH",
    )


@pytest.mark.parametrize(
    "text",
    [
        "No drones flew over the border in Surin province on Tuesday, observers said.",  # negated
        "Thai troops have occupied the hill in Surin province since 1962.",  # no allegation: a state of things
        "The army is ready to act if protesters cross into Sa Kaeo province on Friday, calling it a provocation.",
        "The Thai army said Thai troops were stationed in Trat province on Sunday.",  # a deployment
    ],
)
def test_no_alleged_violation_without_an_allegation_of_an_act_told_as_done(text):
    assert [i for i in incidents(text) if i.kind in ("airspace", "encroachment", "provocation")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thai officials delayed the handover of the prisoners, citing concerns over dozens of Cambodian drones "
            "seen along the border.",
            ("airspace", "TH", "KH"),
        ),
        ("Cambodia lodged a protest note over Thai drones flying over its villages.", ("airspace", "KH", "TH")),
    ],
)
def test_a_charge_with_accuser_and_accused_named_is_an_alleged_violation_without_place_or_time(text, expected):
    [i] = incidents(text)
    assert (i.kind, i.reported_by, i.accused) == expected
    assert i.admin1 == () and i.date is None and i.timing == "reported"  # dated by its report


@pytest.mark.parametrize(
    "text",
    [
        "Officials voiced concerns over drones near the border.",  # no side named
        "Analysts expressed concerns over the use of drones in the war.",
        "Thailand said its own drones patrolled the border, and Cambodia complained.",  # one side's own act
    ],
)
def test_without_place_or_time_a_charge_needs_both_sides_named(text):
    assert [i for i in incidents(text) if i.kind in ("airspace", "encroachment", "provocation")] == []


def test_a_place_named_before_the_charge_is_not_the_side_complaining():
    text = (
        "Reporters saw Thai troops dig trenches near Chouk Chey village in Banteay Meanchey province on Monday, "
        "in breach of the truce."
    )
    [i] = incidents(text)
    assert (i.kind, i.reported_by, i.accused) == ("encroachment", None, "TH")


def test_a_drone_that_drops_explosives_is_still_a_drone_attack():
    [i] = incidents("A drone flew over a base in Sa Kaeo province on Sunday and dropped explosives, the army said.")
    assert i.kind == "drone"


def test_a_place_forces_were_deployed_to_is_no_attack_site():
    found = incidents(
        "Cambodian forces shelled Ban Nong Ya in Surin province on Monday, while the navy deployed gunboats to "
        "secure Khlong Yai in Trat province."
    )
    assert [(i.kind, i.admin1) for i in found] == [("artillery", ("TH-32",))]


def test_a_crowd_confrontation_told_in_one_sides_account_accuses_the_other():
    text = (
        "The Thai army spokesman said villagers were brought to the wire at 2pm on Tuesday.\n\n"
        "At 3pm, riot police fired tear gas and rubber bullets to push the crowd back from the line.\n\n"
        "Later, the RTA accused Cambodia of breaking the agreements."
    )
    [i] = [i for i in incidents(text) if i.kind == "confrontation"]
    assert (i.reported_by, i.accused) == ("TH", "KH")


def test_the_extraction_document_keeps_attacks_and_alleged_violations_apart():
    from dashboard.export import document

    report = make_report(
        "Cambodia's foreign ministry on Monday protested that Thai troops had dug a ditch near Chouk Chey village in "
        "Banteay Meanchey province, in breach of the joint statement.\n\n"
        "Thai troops fired shells into Battambang province on Monday.",
        published=date(2025, 12, 20),
    )
    doc = document([extract(report)])
    assert [i["kind"] for i in doc["incidents"]] == ["artillery"]  # attacks: the benchmark's incidents
    assert [i["kind"] for i in doc["allegations"]] == ["encroachment"]


def test_a_protest_in_a_capital_is_no_alleged_violation_on_the_border():
    text = "On Sunday nationalist protesters gathered outside the embassy in Bangkok, calling the border deal illegal."
    assert [i for i in incidents(text) if i.kind == "provocation"] == []  # no side named
    text = "Cambodian protesters gathered in Bangkok on Sunday, calling the deal illegal, Thai police said."
    assert [i for i in incidents(text) if i.kind == "provocation"] == []  # a capital, not the border


def test_a_day_in_a_concessive_clause_does_not_date_the_act_of_the_main_clause():
    # the day dates the period conceded, not the drones: the charge is only reported on its report's day
    [i] = incidents(
        "Although the review period ended on Wednesday, Thai officials postponed the handover, citing concerns over "
        "dozens of Cambodian drones seen along the border."
    )
    assert (i.kind, i.reported_by, i.accused) == ("airspace", "TH", "KH")
    assert (i.date, i.timing) == (None, "reported")
    # a day in the main clause still dates it
    [i] = incidents(
        "Although talks were planned, Thai officials said on Wednesday that Cambodian drones flew over Thai "
        "positions in Surin province, calling the flights a violation of the truce."
    )
    assert i.date == date(2025, 12, 17)


def test_the_same_day_is_the_day_told_before():
    found = incidents(
        "On Tuesday, the interior ministry said the fighting had left 12 civilians dead.\n\n"
        "Officials there added that on the same day Thai gunners shelled houses in Pursat province."
    )
    [i] = [i for i in found if i.kind == "artillery"]
    assert (i.date, i.timing) == (date(2025, 12, 16), "stated")
    # with no day told before, "the same day" dates nothing: reported on its report's day
    [i] = incidents("Officials there added that on the same day Thai gunners shelled houses in Pursat province.")
    assert (i.date, i.timing) == (None, "reported")


def test_an_attack_told_as_the_fightings_beginning_is_on_the_day_the_report_says_it_began():
    text = (
        "Heavy fighting broke out along the border on the morning of December 19, both sides said.\n\n"
        "On December 10, Thailand recalled its ambassador.\n\n"
        "According to local media, the clashes began at about 6:45 a.m. near a temple in Oddar Meanchey province."
    )
    [i] = [i for i in incidents(text) if i.admin1 == ("KH-22",)]
    assert (i.date, i.timing) == (date(2025, 12, 19), "stated")
    # a beginning told long before the report (background) dates no attack of the report's days
    text = text.replace("December 19", "December 2")
    [i] = [i for i in incidents(text) if i.admin1 == ("KH-22",)]
    assert (i.date, i.timing) == (None, "reported")
