"""The deployment's reverse proxy (deploy/nginx.conf, as docker-compose.yml runs it) in a real browser: the page
and its websocket pass through, clicks work, and the static files are served from the proxy's cache."""

import urllib.error
import urllib.request

import pytest

from tests.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    behind_nginx,
    click_province,
    details,
    map_frame,
    running_app,
    wait_for_app,
)

pytestmark = pytest.mark.browser
SERVER_NAME = "border-watch.test"  # the browser reaches the proxy by a name, as visitors do, not as localhost


@pytest.fixture(scope="module")
def browser():
    """Chromium resolving SERVER_NAME to this machine: Streamlit lets any localhost origin open the websocket,
    so only a real name shows whether the proxy passes the Host (with its port) the origin is checked against."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {SERVER_NAME} 127.0.0.1"]
        )
        yield b
        b.close()


@pytest.fixture(scope="module")
def proxied():
    with running_app() as url, behind_nginx(url) as through_proxy:
        yield through_proxy


def test_the_page_works_through_the_proxy_under_the_servers_name(page, proxied):
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(f"{proxied.replace('127.0.0.1', SERVER_NAME)}/?province=Surin")
    wait_for_app(page)
    map_frame(page)
    details(page).get_by_text("Surin (TH-32)").wait_for(timeout=30_000)
    click_province(page, "TH-22")  # the websocket carries the click back and the new details out
    details(page).get_by_text("Chanthaburi (TH-22)").wait_for(timeout=30_000)
    static = [r for r in responses if "/static/js/" in r.url]
    assert static and all(r.status == 200 for r in static)
    assert page.requested_hosts == {SERVER_NAME}  # nothing from a CDN, through the proxy too


def test_the_proxy_serves_static_files_from_its_cache_compressed(proxied):
    def fetch(path: str):
        request = urllib.request.Request(f"{proxied}{path}", headers={"Accept-Encoding": "gzip"})
        return urllib.request.urlopen(request, timeout=10)

    first = fetch("/app/static/vendor/leaflet/leaflet.js")
    assert first.headers["X-Cache-Status"] in ("MISS", "HIT")
    first.read()
    again = fetch("/app/static/vendor/leaflet/leaflet.js")
    assert again.headers["X-Cache-Status"] == "HIT" and again.headers["Content-Encoding"] == "gzip"
    plain = urllib.request.urlopen(f"{proxied}/app/static/vendor/leaflet/leaflet.js", timeout=10)
    assert plain.headers.get("Content-Encoding") is None and plain.read(12) == b"/* @preserve"  # its own entry
    health = fetch("/_stcore/health")  # not cached: straight to the app
    assert health.read() == b"ok" and "X-Cache-Status" not in health.headers


def status_of(url: str, method: str, size: int) -> int | tuple[int, str]:
    request = urllib.request.Request(url, data=b"x" * size, method=method)
    try:
        return urllib.request.urlopen(request, timeout=30).status
    except urllib.error.HTTPError as exc:
        return (exc.code, exc.read().decode()) if exc.code == 403 else exc.code


def test_the_proxy_caps_bodies_at_the_apps_upload_limit(proxied):
    upload = f"{proxied}/_stcore/upload_file/some-session/some-file"
    assert status_of(upload, "PUT", 3 * 1024 * 1024) == 413  # above server.maxUploadSize: nginx refuses it
    assert status_of(f"{proxied}/", "POST", 100_000) == 413  # no other path takes a body
    # a report-sized file reaches the app, which refuses it too: no admin session sent it (dashboard/uploadgate.py)
    assert status_of(upload, "PUT", 1_000_000) == (403, "Uploads are open only to the admin panel.")
