"""Streamlit's upload endpoint, probed in a real browser against the app as deployed (`streamlit run
dashboard/server.py`): a visitor's session cannot store files there; the admin's can. (Before the gate, 150
files of 2 MB from a plain session were accepted and held until the session ended.)"""

import re
import urllib.request

import pytest

from tests.browser_support import running_app, wait_for_app

pytestmark = pytest.mark.browser
TOKEN = "k7Qe2Xv9Lp4Rz8Tw"
UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# PUT a 1 MB file to the upload endpoint for a session id, with the page's XSRF cookie as its header (as
# Streamlit's own uploader does); the HTTP status.
PROBE = """async ([sid, n]) => {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('_streamlit_xsrf='));
  const headers = cookie ? {'X-Xsrftoken': decodeURIComponent(cookie.split('=')[1])} : {};
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(1024 * 1024)]), 'probe.txt');
  const r = await fetch(`/_stcore/upload_file/${sid}/probe-${n}`, {method: 'PUT', body: form, headers});
  return r.status;
}"""


@pytest.fixture(scope="module")
def app():
    with running_app({"BORDER_WATCH_ADMIN_TOKEN": TOKEN}) as url:
        yield url


def session_ids(page) -> list[bytes]:
    """Every id-like string the server sent the page over its websocket (the session's id among them)."""
    found = []

    def frame(payload):
        found.extend(UUID.findall(payload if isinstance(payload, bytes) else payload.encode()))

    page.on("websocket", lambda ws: ws.on("framereceived", frame))
    return found


def held_upload_bytes(url) -> float:
    """What Streamlit's upload manager holds, from its metrics endpoint."""
    text = urllib.request.urlopen(f"{url}/_stcore/metrics", timeout=10).read().decode()
    return sum(float(v) for v in re.findall(r"^uploaded_file_manager\S* ([0-9.e+]+)$", text, re.M))


def probe(page, ids) -> list[int]:
    return [page.evaluate(PROBE, [sid.decode(), n]) for n, sid in enumerate(dict.fromkeys(ids))]


def test_a_visitors_session_cannot_store_files(page, app):
    ids = session_ids(page)
    page.goto(app)
    wait_for_app(page, timeout=180_000)
    assert ids
    statuses = probe(page, ids * 3)  # each id, three files
    assert 204 not in statuses and set(statuses) == {403}, statuses
    assert held_upload_bytes(app) == 0


def test_the_admins_session_can(page, app):
    ids = session_ids(page)
    page.goto(app)
    wait_for_app(page, timeout=180_000)
    page.get_by_text("Admin", exact=True).click()
    page.get_by_label("Admin token").fill(TOKEN)
    page.get_by_label("Admin token").press("Enter")
    page.get_by_text("Add report").first.wait_for(timeout=30_000)
    wait_for_app(page, timeout=180_000)
    assert 204 in probe(page, ids)
