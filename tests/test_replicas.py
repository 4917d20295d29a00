"""Two app processes (`streamlit run dashboard/server.py`, as `make run` starts it) behind one nginx with the
deployment's configuration (deploy/nginx.conf), on one PostgreSQL store: a visitor stays on one replica, a
report added through one replica's admin panel shows on a page the other serves, and a page whose replica is
killed goes on, on the other, showing the same view, without the visitor doing anything.

Which replica answered is the header `X-Upstream` that the test's nginx adds (behind_nginx(show_upstream=True));
a browser is put on a replica by its routing cookie (`bw_route`), as nginx gave it to an earlier new visitor."""

import os
import signal
import urllib.request
import uuid

import pytest

from tests.browser_support import (
    behind_nginx,
    click_province,
    details,
    map_frame,
    running_app,
    upstream_address,
    wait_for_app,
)
from tests.pg_support import fresh_database

pytestmark = pytest.mark.browser
TOKEN = "Zr8Kq2Wm5Tx9Vb4N"
REFRESH_S = 2
# A report of our own, dated by its dateline, about Sisaket: its sentence shows among Sisaket's incidents.
REPORT = (
    "SISAKET, 23 December 2025 — Rockets struck a morning market in Sisaket province, killing 3 people, officials said."
)


@pytest.fixture(scope="module")
def replicas(pg_server):
    """(the proxy's URL, {replica address: its app URL (with its pid)}): two apps started on one empty store,
    which each would fill with the seeds on its first visit (only once: the store ignores a report it has)."""
    db = fresh_database(pg_server, f"replicas_{uuid.uuid4().hex[:8]}")
    env = {"BORDER_WATCH_DB": db, "BORDER_WATCH_ADMIN_TOKEN": TOKEN, "BORDER_WATCH_REFRESH_S": str(REFRESH_S)}
    with running_app(env) as a, running_app(env) as b, behind_nginx(a, b, show_upstream=True) as proxy:
        yield proxy, {upstream_address(a): a, upstream_address(b): b}


def routing_cookies(proxy: str) -> dict[str, str]:
    """{replica address: a routing cookie that leads to it}: what nginx gives new visitors, until both
    replicas have one (a new visitor's replica is random: 64 tries all on one would be a broken spread)."""
    found: dict[str, str] = {}
    for _ in range(64):
        answer = urllib.request.urlopen(f"{proxy}/_stcore/health", timeout=10)
        found.setdefault(answer.headers["X-Upstream"], routing_cookie(answer))
        if len(found) == 2:
            return found
    raise AssertionError(f"64 new visitors, all sent to {found}")


def routing_cookie(answer) -> str | None:
    """The value of the `bw_route` cookie an answer sets, if it sets one."""
    pairs = (c.split(";")[0].split("=", 1) for c in answer.headers.get_all("Set-Cookie") or [])
    return next((value for name, value in pairs if name == "bw_route"), None)


def put_on(page, proxy: str, cookie: str) -> None:
    page.context.add_cookies([{"name": "bw_route", "value": cookie, "url": proxy}])


def test_a_visitor_stays_on_one_replica_and_new_visitors_spread(replicas):
    proxy, apps = replicas
    cookies = routing_cookies(proxy)
    assert set(cookies) == set(apps)
    for replica, cookie in cookies.items():
        for _ in range(5):
            request = urllib.request.Request(f"{proxy}/_stcore/health", headers={"Cookie": f"bw_route={cookie}"})
            answer = urllib.request.urlopen(request, timeout=10)
            assert answer.headers["X-Upstream"] == replica
            assert routing_cookie(answer) is None  # the browser keeps the one it has


def test_a_report_uploaded_through_one_replica_shows_on_a_page_the_other_serves(page, browser, replicas, tmp_path):
    proxy, apps = replicas
    (a, a_cookie), (b, b_cookie) = routing_cookies(proxy).items()
    put_on(page, proxy, b_cookie)
    seen = page.goto(f"{proxy}/?province=Sisaket&asof=2025-12-23")
    assert seen.headers["x-upstream"] == b
    wait_for_app(page, timeout=180_000)
    panel = details(page)
    panel.get_by_text("Sisaket (TH-33)").wait_for(timeout=60_000)
    assert page.get_by_text("Rockets struck a morning market").count() == 0

    admin = browser.new_context(viewport={"width": 1400, "height": 950}).new_page()
    try:
        put_on(admin, proxy, a_cookie)
        uploads = []
        admin.on("response", lambda r: "/_stcore/upload_file/" in r.url and uploads.append(r))
        assert admin.goto(proxy).headers["x-upstream"] == a
        wait_for_app(admin, timeout=180_000)
        admin.get_by_text("Admin", exact=True).click()
        admin.get_by_label("Admin token").fill(TOKEN)
        admin.get_by_label("Admin token").press("Enter")
        admin.get_by_text("Add report").first.wait_for(timeout=30_000)
        wait_for_app(admin)
        admin.get_by_role("tab", name="Upload").click()
        (tmp_path / "market.txt").write_text(REPORT)
        form = admin.locator("[data-testid='stForm']").filter(has=admin.locator("[data-testid='stFileUploader']"))
        form.locator("input[type='file']").set_input_files(tmp_path / "market.txt")
        admin.wait_for_function("() => document.body.innerText.includes('market.txt')", timeout=30_000)
        form.get_by_role("button", name="Add", exact=True).click()
        admin.get_by_text("ingested: market.txt").first.wait_for(timeout=60_000)
        # the file went to the admin's session, on its own replica (Streamlit keeps it in that process)
        assert uploads and all(r.status == 204 and r.headers["x-upstream"] == a for r in uploads)
    finally:
        admin.context.close()

    # the page served by the other replica learns of it from the store within its refresh interval
    panel.get_by_text("Rockets struck a morning market").first.wait_for(timeout=(REFRESH_S + 30) * 1000)
    assert page.locator("[data-testid='stException']").count() == 0


def test_killing_the_replica_that_serves_a_page_leaves_it_working_on_the_other(page, replicas):
    proxy, apps = replicas
    (first, cookie), (other, _) = routing_cookies(proxy).items()
    put_on(page, proxy, cookie)
    assert page.goto(f"{proxy}/?province=Surin&asof=2025-12-20").headers["x-upstream"] == first
    wait_for_app(page, timeout=180_000)
    map_frame(page)
    details(page).get_by_text("Surin (TH-32)").wait_for(timeout=60_000)
    page.get_by_text("as of 20 December 2025").first.wait_for(timeout=30_000)

    with page.expect_websocket(timeout=60_000):  # Streamlit's frontend reconnects on its own
        os.kill(apps[first].pid, signal.SIGKILL)
    wait_for_app(page, timeout=180_000)
    # the same view, from the URL, on the other replica
    assert "province=" in page.url and "asof=2025-12-20" in page.url
    details(page).get_by_text("Surin (TH-32)").wait_for(timeout=60_000)
    page.get_by_text("as of 20 December 2025").first.wait_for(timeout=30_000)
    answer = page.evaluate("async () => (await fetch('/_stcore/health')).headers.get('x-upstream')")
    assert answer.split(", ")[-1] == other  # the visitor's cookie now leads to the live replica (maybe after a try)
    click_province(page, "TH-22")  # and the page answers: its websocket is open on the other replica
    details(page).get_by_text("Chanthaburi (TH-22)").wait_for(timeout=60_000)
    wait_for_app(page)
    # what that replica's new session ran is the link's view (its as-of date, not the newest day's)
    page.get_by_text("as of 20 December 2025").first.wait_for(timeout=30_000)
    assert "asof=2025-12-20" in page.url
    assert page.locator("[data-testid='stException']").count() == 0
