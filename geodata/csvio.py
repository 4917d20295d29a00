"""The gazetteer's CSV files: the columns of a place row, and one way to write a table (UTF-8, `\\n`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

PLACE_FIELDS = [
    "id",
    "name",
    "kind",
    "country",
    "admin1",
    "lat",
    "lon",
    "population",
    "aliases",
    "border_km",
    "border_distance_km",
    "side",
    "source",
    "confidence",
]


def write_rows(path: Path, fields: list[str], rows: Iterable[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
