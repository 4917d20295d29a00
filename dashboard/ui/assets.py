"""Files the app serves itself from Streamlit's static folder (`dashboard/static/`, served at /app/static/ with
server.enableStaticServing), never a CDN: Leaflet, copied from the xstatic-leaflet package, and generated JSON
(the map's data per store revision and view, the provinces' outlines) written once under a name that carries a
hash of its content, older ones pruned after a day."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from functools import cache
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"  # served at /app/static/ (server.enableStaticServing)
GENERATED = "generated"  # files written here at run time (not committed)
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


@cache
def ensure_leaflet(static_dir: Path) -> Path:
    """Copy Leaflet's files into the static folder (beside the app's main script) if they are not there
    (or differ in size): once per process, not on every run."""
    source, target = Path(xleaflet.BASE_DIR), static_dir / "vendor" / "leaflet"
    for name in LEAFLET_FILES:
        src, dst = source / name, target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    return target


KEEP_S = 24 * 3600  # a generated file older than this, of a name that got a newer one, is removed


def static_json(name: str, text: str) -> str:
    """Write `text` (JSON) once as a static file whose name carries a hash of its content (a browser may keep
    it as long as it likes), and return its URL. Writing one removes the files of the same name not written
    or used for KEEP_S seconds (older store revisions' maps), so the folder does not grow with the store."""
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    path = STATIC_DIR / GENERATED / f"{name}-{digest}.json"
    if path.exists():
        path.touch()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        prune(name, keep=path)
    return f"/app/static/{GENERATED}/{path.name}"


def prune(name: str, keep: Path) -> None:
    now = time.time()
    for old in (STATIC_DIR / GENERATED).glob(f"{name}-*.json"):
        try:
            if old != keep and now - old.stat().st_mtime > KEEP_S:
                old.unlink()
        except FileNotFoundError:  # another process removed it first
            pass


def json_text(value) -> str:
    return json.dumps(value, separators=(",", ":"))
