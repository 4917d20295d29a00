"""Running the app and Debian's Chromium for browser tests and the browser benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppURL(str):
    """The app's base URL, knowing the server's process id (for CPU measurements)."""

    pid: int


@contextmanager
def running_app(env: dict[str, str] | None = None, timeout: float = 60):
    """Start `streamlit run dashboard/app.py` on a free port; yield its base URL; stop it."""
    port = free_port()
    env = {"BORDER_WATCH_DB": str(Path(tempfile.mkdtemp()) / "store.sqlite3"), **(env or {})}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "dashboard" / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = AppURL(f"http://localhost:{port}")
    url.pid = proc.pid
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the app did not start: {proc.stdout.read().decode()[-2000:]}") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Streamlit's own e2e wait: connected, then the script not running."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
    page.wait_for_timeout(200)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


PROVINCES_DRAWN = """() => { if (!window.map || !window.map._loaded) return false; let n = 0;
  window.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.code) n++; });
  return n > 40 && document.querySelector('canvas.leaflet-zoom-animated') !== null; }"""


def map_frame(page):
    """The Leaflet map's frame, once its province polygons are drawn (on a canvas: no SVG paths to count)."""
    page.frame_locator(MAP_FRAME).locator(".leaflet-container").wait_for(state="attached", timeout=60_000)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    frame.wait_for_function(PROVINCES_DRAWN, timeout=60_000)
    return frame


def click_province(page, code: str) -> None:
    """Fire Leaflet's click on a province polygon (deterministic, unlike a pixel click on a concave shape)."""
    fired = map_frame(page).evaluate(
        """code => { let n = 0; window.map.eachLayer(l => { if (l.feature && l.feature.properties
             && l.feature.properties.code === code) { l.fire('click', {latlng: l.getBounds().getCenter()}, true);
             n++; } }); return n; }""",
        code,
    )
    assert fired == 1, f"no polygon for {code}"


def details(page):
    """The province details column beside the map."""
    return page.locator(".st-key-province_details")
