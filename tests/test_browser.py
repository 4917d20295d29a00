"""The app in a real browser: Debian's Chromium driven by Playwright, offline."""

import pytest

from tests.browser_support import MAP, click_province, details, map_frame, running_app, wait_for_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


def test_click_a_province_see_its_talks_share_the_link(page, browser, app_url):
    page.goto(app_url)
    wait_for_app(page)
    click_province(page, "TH-22")
    panel = details(page)
    panel.get_by_text("Chanthaburi (TH-22)").wait_for(timeout=30_000)
    assert "Wed 24 Dec 2025" in panel.inner_text()
    panel.get_by_text("What each report says").first.click()
    assert panel.get_by_text("3 reports").count() >= 1
    page.wait_for_function("() => location.search.includes('province=Chanthaburi')", timeout=10_000)
    shared = page.locator("[data-testid='stSidebar'] [data-testid='stCode']").inner_text().strip()
    assert "asof=2025-12-23" in shared and "province=Chanthaburi" in shared

    other = browser.new_page()
    other.goto(shared)
    wait_for_app(other)
    details(other).get_by_text("Chanthaburi (TH-22)").wait_for(timeout=30_000)
    assert "Wed 24 Dec 2025" in details(other).inner_text()
    other.close()
    assert page.requested_hosts == {"localhost"}


# The page position of the first circle marker whose tooltip contains a text, scrolled into view.
MARKER_AT = f"""text => {{ const m = {MAP}; m.getContainer().scrollIntoView({{block: 'center'}}); let at = null;
  m.eachLayer(l => {{ const t = l.getTooltip && l.getTooltip(); if (!at && l.getLatLng && t
    && String(t.getContent()).includes(text)) {{ const p = m.latLngToContainerPoint(l.getLatLng()),
      r = m.getContainer().getBoundingClientRect(); at = [r.left + p.x, r.top + p.y]; }} }}); return at; }}"""


def test_a_click_on_a_marker_selects_the_province_it_stands_in(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    map_frame(page)
    x, y = page.evaluate(MARKER_AT, "<br>Chanthaburi<br>")  # the talks' venue (the ASEAN one is off the map)
    page.mouse.click(x, y)
    details(page).get_by_text("Chanthaburi (TH-22)").wait_for(timeout=30_000)


def choose_province(page, name):
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(has_text="Province").click()
    page.keyboard.type(name)
    page.keyboard.press("Enter")


def test_reclicking_a_province_after_choosing_another_in_the_list_works(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    click_province(page, "TH-22")
    details(page).get_by_text("Chanthaburi (TH-22)").wait_for(timeout=30_000)
    choose_province(page, "Battambang")
    details(page).get_by_text("Battambang (KH-2)").wait_for(timeout=30_000)
    wait_for_app(page)
    click_province(page, "TH-22")
    details(page).get_by_text("Chanthaburi (TH-22)").wait_for(timeout=30_000)


def test_the_map_draws_offline_with_the_app_own_leaflet(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    frame = map_frame(page)
    assert frame.evaluate("() => L.version") == "1.9.3"
    assert frame.locator(".leaflet-control-attribution").inner_text().count("OpenStreetMap") == 1
    assert page.requested_hosts == {"localhost"}


def test_a_province_spelled_another_way_in_the_link_is_selected(page, app_url):
    page.goto(f"{app_url}/?province=chanthaburi")
    wait_for_app(page)
    details(page).get_by_text("Chanthaburi (TH-22)").wait_for(timeout=30_000)
    page.goto(f"{app_url}/?province=Narnia")
    wait_for_app(page)
    page.get_by_text("does not know: “Narnia”").wait_for(timeout=30_000)
    assert page.locator("[data-testid='stException']").count() == 0


def test_the_first_screen_at_1366x768_shows_the_headline(browser, app_url):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(app_url)
    wait_for_app(page)
    map_frame(page)  # the page as it settles: the map drawn, its first value sent back, the rerun done
    wait_for_app(page)
    page.wait_for_timeout(500)
    title = page.locator("h1").first.bounding_box()
    assert title["y"] < 80  # no blank band above the title
    for text in ("Killed", "Displaced", "Next meeting", "Since the fighting began"):
        box = page.get_by_text(text, exact=False).first.bounding_box()
        assert box and box["y"] + box["height"] < 768, text
    page.close()
