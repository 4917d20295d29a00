"""Place mentions: spellings, ambiguous names, governments named by their capitals, precision."""

import pytest

from dashboard.extract import extract
from dashboard.extract.places import find_places
from dashboard.extract.sentences import split_sentences
from dashboard.read import make_report


def places(text, gaz):
    senses = {}
    return [p for s in split_sentences(text) for p in find_places(s, "r", gaz, senses)]


def names(text, gaz):
    return [(p.name, p.kind, p.admin1) for p in places(text, gaz)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelters opened in Sa Kaew.", ("Sa Kaeo", "province", "TH-27")),
        ("Shelters opened in Sa Kaeo.", ("Sa Kaeo", "province", "TH-27")),
        ("Families fled Buri Ram.", ("Buriram", "province", "TH-31")),
        ("Troops gathered near Ta Moan Thom.", ("Prasat Ta Muen Thom", "temple", "TH-32")),
        ("Troops gathered near Ta Muen Thom.", ("Prasat Ta Muen Thom", "temple", "TH-32")),
        ("The gate at Osmach was closed.", ("O'Smach", "town", "KH-22")),
        ("The gate at O'Smach was closed.", ("O'Smach", "town", "KH-22")),
        ("Shells fell on Preah Vihear temple.", ("Preah Vihear Temple", "temple", "KH-13")),
        ("Shells fell in Preah Vihear province.", ("Preah Vihear", "province", "KH-13")),
        ("Talks were held in Kuala Lumpur.", ("Kuala Lumpur", "city", None)),
        ("Speaking to reporters in Bangkok, the minister said little.", ("Bangkok", "capital", "TH-10")),
        # the golden table of ambiguous names: each must resolve to one stable place
        ("Shelters opened in Surin.", ("Surin", "province", "TH-32")),
        ("Shelters opened in Surin town.", ("Surin", "town", "TH-32")),
        ("Shells fell on Prasat district.", ("Prasat", "district", "TH-32")),
        ("Troops massed at Prasat Ta Muen Thom.", ("Prasat Ta Muen Thom", "temple", "TH-32")),
        ("Troops massed near Preah Vihear.", ("Preah Vihear", "province", "KH-13")),
    ],
)
def test_spellings_and_types_resolve(gaz, text, expected):
    assert names(text, gaz) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Bangkok and Phnom Penh accused each other of breaking the truce.",
        "Bangkok has accused Phnom Penh of planting new mines.",
        "Bangkok later denied that any deal had been reached.",
        "Beijing's envoy arrived on Sunday.",
        "Both Bangkok and Phnom Penh have said they want peace.",
        "The embassy row soured relations with Bangkok.",
        "Cambodia froze its trade ties with Bangkok last month.",
        # the government whose count a figure is: "according to Bangkok"
        "At least 26 Thai soldiers died, according to Bangkok, and 30 Cambodian civilians, according to Phnom Penh.",
        "The toll stood at 41, according to Phnom Penh.",
    ],
)
def test_capitals_used_for_governments_are_not_places(gaz, text):
    assert names(text, gaz) == []


def test_a_capital_where_something_is_told_is_still_a_place(gaz):
    assert [n[0] for n in names("Protesters gathered in Bangkok, according to police.", gaz)] == ["Bangkok"]


def test_a_city_naming_an_agreement_is_not_a_place(gaz):
    assert names("Both sides recommitted to the Kuala Lumpur Peace Agreement.", gaz) == []


def test_a_bare_name_takes_the_sense_the_report_gave_it_before(gaz):
    text = "Fighting flared near the Preah Vihear temple.\nA grenade exploded near Preah Vihear on Monday."
    assert {p.kind for p in places(text, gaz)} == {"temple"}


def test_people_named_like_towns_are_not_places(gaz):
    assert names("Prime Minister Hun Manet and Anutin spoke to reporters.", gaz) == []


def test_precision_follows_acled(gaz):
    by_name = {
        p.name: p.precision
        for p in places("Shells hit Aranyaprathet. Families fled Surin province. Troops massed near Poipet.", gaz)
    }
    assert by_name == {"Aranyaprathet": 1, "Surin": 3, "Poipet": 2}


def test_places_carry_border_position(gaz):
    [p] = places("The crossing at Aranyaprathet was closed.", gaz)
    assert 400 < p.border_km < 520 and p.border_distance_km < 10


def test_seed_places_do_not_include_governments(gaz):
    from dashboard.read import read_reports
    from tests.conftest import SEEDS

    reports, _ = read_reports([SEEDS / "002_370c05daa2c68e05.txt"])
    assert {p.name for p in extract(reports[0], gaz).places} == {"Kuala Lumpur"}


def test_spans_point_at_what_was_written(gaz):
    report = make_report("Relief reached Sa Kaew and Buri Ram.\nMore went to Sisaket.")
    for p in extract(report, gaz).places:
        assert report.text[p.evidence.start : p.evidence.end] == p.evidence.quote == p.written


def report_places(text, published=None):
    return [(p.name, p.kind, p.admin1) for p in extract(make_report(text, published=published)).places]


# Golden table of names the official lists make ambiguous: the report's other places decide.
@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Shells fell on Samrong overnight. Oddar Meanchey's governor ordered schools shut.", "Samraong", "KH-22"),
        ("Farmers near Samrong in Ubon Ratchathani province heard the guns.", "Samrong", "TH-34"),
        ("Evacuees left Ou Chrov for Sisophon. Banteay Meanchey opened more shelters.", "Ou Chrov", "KH-1"),
        ("Rockets struck near O'Chrov on the border.", "Ou Chrov", "KH-1"),
        ("Families in Phanom Dong Rak district of Surin moved to shelters.", "Phanom Dong Rak", "TH-32"),
        ("The market in Pong Nam Ron was closed.", "Pong Nam Ron", "TH-22"),
        ("Villagers from Ban Kruat were bussed to Buriram town.", "Ban Kruat", "TH-31"),
    ],
)
def test_context_chooses_among_namesakes(text, name, admin1):
    assert (name, admin1) in {(n, a) for n, _, a in report_places(text)}


def test_a_village_counts_only_in_a_report_about_its_province():
    assert report_places("Residents of Prey Chan were told to leave.") == []
    found = report_places("Residents of Prey Chan were told to leave. Banteay Meanchey sent buses.")
    assert ("Prey Chan", "village", "KH-1") in found


def test_a_name_shared_by_many_units_needs_its_province():
    assert report_places("Evacuees gathered in Mueang district.") == []
    assert ("Mueang Buri Ram", "district", "TH-31") in report_places(
        "Evacuees gathered in Mueang district, Buriram province."
    )


def test_a_small_place_far_from_the_border_in_a_province_never_named_is_dropped():
    # Ban Phue is a district of Udon Thani, 300 km from the line; this report is about Sisaket.
    found = report_places("Shells hit Ban Phue in Kantharalak district of Sisaket on Monday.")
    assert {a for _, _, a in found} == {"TH-33"}


@pytest.mark.parametrize(
    ("text", "admin1", "kind"),
    [
        ("A rocket hit Ban Khok Noi Tai village, Kantharalak district, Sisaket province.", "TH-33", "village"),
        ("A shell damaged a house in Krasang Thmei village, Oddar Meanchey province.", "KH-22", "village"),
    ],
)
def test_a_village_the_gazetteer_lacks_is_placed_by_the_province_written_after_it(text, admin1, kind):
    place = next(p for p in extract(make_report(text)).places if p.kind == kind)
    assert place.admin1 == admin1 and place.precision >= 2


def test_the_province_written_after_a_village_overrides_a_namesake_elsewhere():
    # the official list has a village of this name only in another province
    text = "Shelling damaged homes in Boeng Trakuon village, Banteay Meanchey province. Boeng Trakuon was empty."
    assert {a for _, _, a in report_places(text)} == {"KH-1"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("BANGKOK (Reuters) - The army said on Tuesday it had repelled an attack.", "Bangkok"),
        ("PHNOM PENH, Dec 16 - The ministry said it wanted talks.", "Phnom Penh"),
        ("The two foreign ministers met in Hanoi on Monday.", "Hanoi"),
        ("Envoys will hold talks in Yuxi, in China's Yunnan province.", "Yuxi"),
    ],
)
def test_datelines_and_venues_abroad_are_places(text, name):
    assert name in {n for n, _, _ in report_places(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Lianhe Zaobao reported that the envoy would visit.",
        "Wang Yi spoke to both foreign ministers.",
        "Hanoi said it was concerned by the fighting.",
    ],
)
def test_regional_cities_named_as_people_papers_or_governments_are_not_places(text):
    assert report_places(text) == []


def test_a_namesake_far_away_gives_way_to_the_district_written_after_it():
    text = "A shell landed in Ban Phue village in Kantharalak district, Si Sa Ket province, on Tuesday."
    assert ("Ban Phue", "village", "TH-33") in report_places(text)
    # alone, a small place 300 km from the line in a province the report never names is left out
    assert [a for n, _, a in report_places("Ban Phue residents fled after the shelling in Kantharalak.")] == ["TH-33"]


@pytest.mark.parametrize(
    "text",
    [
        # ", in" links an address; "Y province's Z district" puts it in Z, the nearer container
        "Surin was shelled too. A rocket hit a shop in Ban Phue, in Sisaket province's Kantharalak district.",
        "Surin's schools shut. Shells fell on Ban Phue, in Kantharalak district, Sisaket province, at noon.",
    ],
)
def test_an_address_after_a_comma_and_in_overrides_a_namesake_in_a_province_the_report_names(text):
    ban_phue = [p for p in extract(make_report(text)).places if p.name == "Ban Phue"]
    assert [(p.kind, p.admin1) for p in ban_phue] == [("village", "TH-33")]
    assert ban_phue[0].place_id.startswith("lm:13/")  # at Kantharalak district's point, not the province's


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Rockets fell on Ban Sok Samran, Sa Kaeo province, before dawn.", "Ban Sok Samran", "TH-27"),
        ("The talks were held in Phsar Kandal, Pailin province, on Friday.", "Phsar Kandal", "KH-24"),
        ("Troops dug in at Phum Thmei Chas, Oddar Meanchey province.", "Phum Thmei Chas", "KH-22"),
    ],
)
def test_a_village_prefix_or_a_locative_before_a_province_places_an_unknown_name(text, name, admin1):
    assert (name, admin1) in {(n, a) for n, _, a in report_places(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Envoys met in Cambodia, Thailand said on Friday.",
        "The talks were held in Phsar Kandal, Pailin, on Friday.",  # the province not written as one
    ],
)
def test_countries_and_untyped_provinces_do_not_place_unknown_names(text):
    assert all(n not in ("Cambodia", "Phsar Kandal") for n, _, _ in report_places(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a temple's name without "Prasat"
        ("Mortars landed by Ta Muen Toch at dawn.", ("Prasat Ta Muen Toch", "temple", "TH-32")),
        # a close spelling before a type word, the type word part of the known name or not
        ("Guards stood at the Preh Vihear temple gate.", ("Preah Vihear Temple", "temple", "KH-13")),
        ("Houses burned in O Bei Chorn Commune, O Chrov District.", ("Ou Beichoan", "commune", "KH-1")),
        # a close spelling after a landmark's generic word
        ("Patrols returned to Chong Songam.", ("Chong Sa-ngam checkpoint", "checkpoint", "TH-33")),
        ("Shells hit the Pha Mor E Daeng cliff.", ("Pha Mo I Daeng", "area", "TH-33")),
    ],
)
def test_spelling_variants_of_known_places_are_found(gaz, text, expected):
    assert expected in names(text, gaz)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Somchai Village spoke first.",  # a person's name before a type word
        "The Chong family moved to a new province.",  # a generic word alone
        "Officials of the Khao Sod Province desk replied.",  # no close spelling of a known place
    ],
)
def test_spelling_variants_are_not_guessed_from_unrelated_names(gaz, text):
    assert names(text, gaz) == []


@pytest.mark.parametrize(
    "text",
    [
        "The call was set for 8pm, Singapore time.",
        "Ministers present were Ana Lopez (Singapore) and Ben Tan (Manila).",
    ],
)
def test_a_time_zone_or_a_person_s_country_tag_is_not_a_place(gaz, text):
    assert names(text, gaz) == []


def test_a_city_in_brackets_after_a_common_word_stays_a_place(gaz):
    assert ("Kuala Lumpur", "city", None) in names("Officials met at the summit (Kuala Lumpur) on Sunday.", gaz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prisoners were handed over at the Khlong Ya Border Checkpoint in Trat province.", ("checkpoint", "TH-23")),
        ("Aid arrived through the Sok Chea International Crossing, Pailin province.", ("checkpoint", "KH-24")),
        ("Rangers patrolled Ban Nong Ya village in Sa Kaeo province.", ("village", "TH-27")),
        ("Troops dug in on Khao Lon Mountain, Trat province, overnight.", ("area", "TH-23")),
    ],
)
def test_a_named_crossing_or_village_the_gazetteer_lacks_is_placed_by_the_province_after_it(gaz, text, expected):
    found = [(p.kind, p.admin1) for p in places(text, gaz)]
    assert expected in found


def test_an_address_written_as_a_chain_places_its_first_name_in_its_district():
    """ "X, Y subdistrict, Z district, W province": X lies in Z, whatever namesake the gazetteer has elsewhere."""
    text = "A rocket hit a shop in Ban Phue, Nong Ya Lat subdistrict, Kantharalak district, Si Sa Ket province."
    found = {(p.name, p.admin1): p for p in extract(make_report(text)).places}
    assert ("Ban Phue", "TH-33") in found and ("Ban Phue", "TH-32") not in found
    kantharalak = found["Kantharalak", "TH-33"]
    assert (found["Ban Phue", "TH-33"].lat, found["Ban Phue", "TH-33"].lon) == (kantharalak.lat, kantharalak.lon)


def test_a_unit_placed_only_at_its_provinces_point_takes_its_districts(gaz):
    """The official list gives some subdistricts only their province's point: they take their district's
    seat when the gazetteer has it (precision 2), and keep the province's when it does not."""
    [unit] = [p for p in gaz.resolve("Dom Pradit") if p.admin1 == "TH-34"]
    [seat] = [p for p in gaz.resolve("Nam Yuen") if p.kind == "district" and p.admin1 == "TH-34"]
    assert (unit.lat, unit.lon, unit.precision) == (seat.lat, seat.lon, 2)
    provincial = [p for p in gaz.places if p.id[:3] == "th:" and p.precision == 3]
    assert provincial and all(p.lat == gaz.provinces[p.admin1].lat for p in provincial if p.admin1 in gaz.provinces)


def test_capitalised_type_words_in_an_address_are_type_words_not_part_of_the_name():
    text = "Shells hit homes in Ban Kruat Subdistrict, Ban Kruat District, Buriram Province, on Friday."
    found = {(p.name, p.kind, p.admin1) for p in extract(make_report(text)).places}
    assert {("Ban Kruat", "subdistrict", "TH-31"), ("Ban Kruat", "district", "TH-31")} <= found
    assert not [n for n, _, _ in found if "District" in n or "Subdistrict" in n]


def test_a_name_the_gazetteer_lacks_inside_a_known_name_is_no_second_place():
    text = "Troops dug trenches near O Bei Chorn Commune, O Chrov District, Banteay Meanchey Province."
    names_found = [p.name for p in extract(make_report(text)).places]
    assert "Bei Chorn" not in names_found


def test_a_word_of_nearness_counts_only_right_before_the_name(gaz):
    """A text is first asked whether it holds a word of nearness at all; a name is near only with one in the 40
    characters before it, in any script."""
    far = "Troops stood near the river for many long days and nights while shells hit Aranyaprathet."
    assert {p.name: p.precision for p in places(far, gaz)} == {"Aranyaprathet": 1}
    assert {p.name: p.precision for p in places("Shells hit Aranyaprathet. Troops massed NEAR Poipet.", gaz)} == {
        "Aranyaprathet": 1,
        "Poipet": 2,
    }
    assert {p.name: p.precision for p in places("Troops massed near Poipet — a café shut.", gaz)} == {"Poipet": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the known place it is written in or near gives its province (and its point)
        ("A monk at Sila Ngam temple in Phanom Dong Rak heard the shells.", ("Sila Ngam temple", "temple", "TH-32")),
        ("Troops fired near Wat Nong Bua pagoda in Kantharalak district.", ("Wat Nong Bua pagoda", "temple", "TH-33")),
        # else the one province its sentence names
        ("On Monday Khao Lon mountain was shelled, Trat officials said.", ("Khao Lon mountain", "area", "TH-23")),
        ("Evacuees reached the Nong Pho camp, some way from Ta Phraya.", ("Nong Pho camp", "area", "TH-27")),
        # a namesake of a known village elsewhere that the context leaves out does not hide the feature
        (
            "Guns were heard near Banthat Mountain, said a monk from Noen Sai in Trat.",
            ("Banthat Mountain", "area", "TH-23"),
        ),
        # a named area, its district given after an aside
        (
            "Deminers cleared the Phlov Dambang area, a strip between two posts, in Thma Puok District.",
            ("Phlov Dambang area", "area", "KH-1"),
        ),
    ],
)
def test_a_feature_the_gazetteer_lacks_is_placed_by_its_head_word_and_the_places_near_it(text, expected):
    assert expected in report_places(text)


@pytest.mark.parametrize(
    "text",
    [
        "General Prem Temple spoke to reporters in Surin province.",  # a person's name
        "The Royal Thai Navy base in Trat province was on alert.",  # an organisation's
        "The Royal Mountain Company said in Surin province that sales fell.",  # a business's: a word follows
        "Shells fell near Phnom Khmoch mountain, between Surin province and Oddar Meanchey province.",  # two provinces
        "Evacuees slept at Lam Plai International Circuit, Mueang District, Buriram Province.",  # a business
        "Trade in the Greater Mekong area slowed, officials in Sa Kaeo province said.",  # a region
        "Troops clashed near the old Hindu temple in Surin province.",  # a description, not a name
        "A World Heritage temple in Preah Vihear province was damaged.",  # a status
        "Monks left the Buddhist pagoda in Oddar Meanchey province.",
        "Supporters gathered at Anutin's camp in Buriram province.",  # someone's
        "Hun Sen Camp in Oddar Meanchey province was quiet.",  # a leader's name
    ],
)
def test_a_head_word_in_a_person_s_or_an_organisation_s_name_makes_no_place(text):
    found = [n for n, _, _ in report_places(text)]
    assert not [
        n
        for n in found
        if any(
            w in n
            for w in ("Temple", "Navy", "Mountain", "Khmoch", "Circuit", "Mekong", "temple", "pagoda", "camp", "Camp")
        )
    ], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the type word before the list: each name is of that type, in the province written once after it
        (
            "Guns were heard in the villages of Ban Nong Kha, Ban Sok Thong and Ban Pho Si in Surin province.",
            {
                ("Ban Nong Kha", "village", "TH-32"),
                ("Ban Sok Thong", "village", "TH-32"),
                ("Ban Pho Si", "village", "TH-32"),
            },
        ),
        # the type word after the list; a known name takes its sense of that type (Khun Han the district)
        (
            "Schools shut in Kantharalak, Khun Han and Phu Sing districts of Si Sa Ket province.",
            {
                ("Kantharalak", "district", "TH-33"),
                ("Khun Han", "district", "TH-33"),
                ("Phu Sing", "district", "TH-33"),
            },
        ),
        (
            "Troops held the Phnom Khmoch and Phnom Trap hills, Oddar Meanchey province.",
            {("Phnom Khmoch", "area", "KH-22"), ("Phnom Trap", "area", "KH-22")},
        ),
    ],
)
def test_names_listed_under_one_plural_type_word_are_each_of_that_type_in_the_province_after_the_list(text, expected):
    assert expected <= set(report_places(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ban Nong Kha and Ban Sok Thong villages were emptied.",  # no province given for the list
        "The camps of Colonel Somchai and Lieutenant Boonmee moved, Surin province said.",  # people
        "The bases of the Suranaree Task Force and the Burapha Force, Sa Kaeo province, were shelled.",  # units
        "Shells fell in the Second and Third Army areas in Surin province.",  # units by their numbers
    ],
)
def test_a_list_under_a_plural_type_word_places_no_name_without_a_province_nor_a_person_or_a_unit(text):
    assert [p for p in report_places(text) if p[1] != "province"] == []


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Detainees walked home through the Chanthaburi-Pailin border checkpoint at noon.", "TH-22"),
        ("Lorries waited at the Banteay Meanchey-Sa Kaeo border crossing all day.", "KH-1"),
        ("Lorries waited at the Aranyaprathet-Poipet crossing all day.", "TH-27"),
    ],
)
def test_a_crossing_named_by_the_two_places_it_joins_is_a_checkpoint_on_the_line_between_them(gaz, text, admin1):
    [crossing] = [p for p in extract(make_report(text)).places if p.kind == "checkpoint"]
    assert crossing.admin1 == admin1 and crossing.border_distance_km < 5
    assert gaz.province_at(crossing.lat, crossing.lon) == admin1


@pytest.mark.parametrize(
    "text",
    [
        "The Surin-Buriram crossing was shut for repairs.",  # both in Thailand: no border between them
        "Buses ran on the Chanthaburi-Pailin road again.",  # no crossing named
    ],
)
def test_a_pair_of_places_on_one_side_or_without_a_crossing_word_is_no_checkpoint(text):
    assert [p for p in extract(make_report(text)).places if p.kind == "checkpoint"] == []


def test_provinces_on_either_side_share_a_stretch_of_border_only_where_they_meet(gaz):
    lat, lon = gaz.shared_border_point("TH-22", "KH-24")
    assert gaz.border_position(lat, lon).distance_km < 5 and gaz.province_at(lat, lon) in ("TH-22", "KH-24")
    assert gaz.shared_border_point("TH-22", "KH-13") is None


def test_a_checkpoint_placed_by_its_province_alone_stands_on_the_line_not_at_the_province_s_centre(gaz):
    text = "Officers met at the Ban Nong Ri checkpoint, on the Thai side near Chanthaburi province, on Monday."
    found = {p.kind: p for p in extract(make_report(text)).places}
    checkpoint, province = found["checkpoint"], found["province"]
    assert checkpoint.admin1 == "TH-22" and gaz.border_position(checkpoint.lat, checkpoint.lon).distance_km < 5
    assert gaz.province_at(checkpoint.lat, checkpoint.lon) == "TH-22"  # its pin stands in its own province
    assert gaz.border_position(province.lat, province.lon).distance_km > 20
    # a temple placed the same way is not moved: temples stand inland too
    temple = [p for p in extract(make_report(text.replace("checkpoint", "temple"))).places if p.kind == "temple"]
    assert [(t.lat, t.lon) for t in temple] == [(province.lat, province.lon)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shells fell near Phnom Dey Krahom mountain. Surin province opened shelters.", {"TH-32"}),
        # the paragraph names two provinces: no guess
        ("Shells fell near Phnom Dey Krahom mountain. Surin and Oddar Meanchey provinces opened shelters.", set()),
        # the province is in another paragraph
        ("Shells fell near Phnom Dey Krahom mountain.\n\nSurin province opened shelters.", set()),
    ],
)
def test_a_feature_in_a_sentence_naming_no_place_takes_the_one_province_of_its_paragraph(text, expected):
    assert {a for n, _, a in report_places(text) if n.startswith("Phnom Dey")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shells hit Ban Sok Thong in Kantharalak district overnight.", {("Ban Sok Thong", "village", "TH-33")}),
        (
            "Families from Phum Ou Ta Lok reached shelters, Oddar Meanchey province said.",
            {("Phum Ou Ta Lok", "village", "KH-22")},
        ),
        ("UN Secretary-General Ban Ki-moon spoke in Surin province.", set()),  # a person's name
        ("Shells hit Ban Sok Thong overnight.", set()),  # no province anywhere near
    ],
)
def test_a_village_by_its_prefix_takes_the_province_of_the_places_near_it(text, expected):
    assert {p for p in report_places(text) if p[1] == "village"} == expected


def test_a_province_abroad_written_after_a_city_abroad_is_a_province_without_a_code():
    found = {
        p.name: p
        for p in extract(make_report("Envoys of both sides met in Kunming, Yunnan Province, on Monday.")).places
    }
    assert (found["Yunnan"].kind, found["Yunnan"].admin1) == ("province", None)
    assert (found["Yunnan"].lat, found["Yunnan"].lon) == (found["Kunming"].lat, found["Kunming"].lon)
    # after a place in TH or KH, the province written is that place's own
    found = report_places("Troops left Samraong, Oddar Meanchey Province, at dawn.")
    assert [p for p in found if p[1] == "province"] == [("Oddar Meanchey", "province", "KH-22")]
