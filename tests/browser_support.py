"""Running the app and Debian's Chromium for browser tests and the browser benchmark."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
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
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"  # Debian's nginx-light (make nginx)
APP_ENTRY = os.environ.get("BORDER_WATCH_TEST_ENTRY", "server.py")  # as deployed: the app behind its upload gate
# The map (dashboard/ui/map/border_map.js) is drawn in the page itself and exposes its Leaflet map for tests.
MAP = "window.borderWatchMap"
MAP_DRAWN_JS = (  # an expression: the map has its province polygons (more than 40) on its canvas
    f"(() => {{ const m = {MAP}; if (!m) return false; let n = 0;"
    " m.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.code) n++; });"
    " return n > 40 && !!m.getRenderer && m.getPane('overlayPane').querySelector('canvas') !== null; })()"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppURL(str):
    """The app's base URL, knowing the server's process id (for CPU measurements)."""

    pid: int


@contextmanager
def running_app(env: dict[str, str] | None = None, timeout: float = 60):
    """Start `streamlit run dashboard/server.py` (as deployed) on a free port; yield its base URL; stop it."""
    port = free_port()
    env = {"BORDER_WATCH_DB": str(Path(tempfile.mkdtemp()) / "store.sqlite3"), **(env or {})}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "dashboard" / APP_ENTRY),
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


NGINX_MAIN = """user {user};  # the workers write the cache in this process's temporary folder
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi; uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
    include {dir}/border_watch.conf;
}}
"""


def upstream_address(url: str) -> str:
    """An app's address as nginx names it (`$upstream_addr`): by IP, so that one app is one server (nginx would
    make `localhost` two, 127.0.0.1 and ::1)."""
    return url.removeprefix("http://").replace("localhost", "127.0.0.1")


@contextmanager
def behind_nginx(*urls: AppURL, show_upstream: bool = False) -> Iterator[AppURL]:
    """The app behind nginx with the deployment's configuration (deploy/nginx.conf: Streamlit's frontend and
    the static files cached and compressed by the proxy), on a free port; the URL keeps the (first) app's pid,
    and every app's (`pids`). Several apps are the deployment's replicas. `show_upstream` adds the header
    `X-Upstream` (the replica's address as in the apps' URLs; after a failed try, the addresses tried) to what
    the app answers, but not to the static files."""
    folder = Path(tempfile.mkdtemp(prefix="bw-nginx-"))
    port = free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    line = re.search(r"^ *server app:8501([^;\n]*);", conf, re.M)
    servers = [f"    server {upstream_address(u)}{line.group(1)};" for u in urls]
    conf = conf.replace(line.group(0), "\n".join(servers))
    if show_upstream:
        cookie = "add_header Set-Cookie $bw_route_cookie;"
        conf = conf.replace(cookie, f"{cookie} add_header X-Upstream $upstream_addr;")
        conf = conf.replace("limit_req_status 429;", "limit_req_status 429; add_header X-Upstream $upstream_addr;")
    conf = conf.replace("listen 8080;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("127.0.0.1:8081", f"127.0.0.1:{free_port()}")  # the inner, compressing server
    conf = conf.replace("/var/cache/nginx/border_watch", str(folder / "cache"))
    (folder / "border_watch.conf").write_text(conf)
    (folder / "nginx.conf").write_text(NGINX_MAIN.format(dir=folder, user=getpass.getuser()))
    proc = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"])
    proxied = AppURL(f"http://127.0.0.1:{port}")
    proxied.pid, proxied.proxy_pid = urls[0].pid, proc.pid
    proxied.pids = [u.pid for u in urls]
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                if urllib.request.urlopen(f"{proxied}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((folder / "error.log").read_text()[-2000:]) from None
                time.sleep(0.2)
        yield proxied
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Streamlit's own e2e wait: connected, then the script not running."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
    page.wait_for_timeout(200)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


PROVINCES_DRAWN = f"() => {MAP_DRAWN_JS}"


def map_frame(page):
    """The page once the Leaflet map's province polygons are drawn (on a canvas: no SVG paths to count). The map
    is in the page, not in a frame: what a test evaluates or locates there, it does on the page."""
    page.wait_for_function(PROVINCES_DRAWN, timeout=60_000)
    return page


def province_point(code: str) -> tuple[float, float]:
    """A point inside the province as the map draws it when it opens (the coarse outline)."""
    from dashboard.gazetteer import gazetteer
    from dashboard.ui.mapview import coarse_polygons

    point = coarse_polygons(gazetteer())[code].representative_point()
    return point.y, point.x


def click_province(page, code: str) -> None:
    """Click with the mouse at a point inside the province, as a visitor does (whatever is drawn there)."""
    map_frame(page)
    click_at(page, *province_point(code))


# The page position of a point of the map; a point outside the map's frame (or within 30 px of its edge) is first
# brought into view by panning, as a visitor would drag the map.
PAGE_POINT = f"""([lat, lon]) => {{ const m = {MAP}, size = m.getSize();
  let p = m.latLngToContainerPoint([lat, lon]);
  if (p.x < 30 || p.y < 30 || p.x > size.x - 30 || p.y > size.y - 30) {{
    m.panTo([lat, lon], {{animate: false}}); p = m.latLngToContainerPoint([lat, lon]); }}
  const r = m.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }}"""


def click_at(page, lat: float, lon: float) -> None:
    """Click with the mouse at a point of the map (the map scrolled into the middle of the window first)."""
    page.evaluate(f"() => {MAP}.getContainer().scrollIntoView({{block: 'center'}})")
    page.wait_for_timeout(200)
    x, y = page.evaluate(PAGE_POINT, [lat, lon])
    page.mouse.click(x, y)


def details(page):
    """The province details column beside the map."""
    return page.locator(".st-key-province_details")
