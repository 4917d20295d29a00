"""Positions along the Thailand–Cambodia border line.

The line runs from the Laos tripoint (km 0, Emerald Triangle) to the coast near Hat Lek. Distances are
measured in UTM zone 48N, which covers the whole border, and scaled so that the last km mark equals
the line's geodesic length.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString, Point, shape

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
