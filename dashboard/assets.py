"""Leaflet served by the app itself: copied from the xstatic-leaflet package into Streamlit's static
folder (`dashboard/static/`, served at /app/static/ with server.enableStaticServing), never a CDN."""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet

LEAFLET_JS_URL = "/app/static/vendor/leaflet/leaflet.js"
LEAFLET_CSS_URL = "/app/static/vendor/leaflet/leaflet.css"
LEAFLET_FILES = (
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)


def ensure_leaflet(static_dir: Path) -> Path:
    """Copy Leaflet's files into the static folder (beside the app's main script) if they are not there
    (or differ in size)."""
    source, target = Path(xleaflet.BASE_DIR), static_dir / "vendor" / "leaflet"
    for name in LEAFLET_FILES:
        src, dst = source / name, target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    return target
