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
    for text in ("Killed", "Displaced", "Next meeting", "the fighting"):  # "Since the fighting began", or its span
        box = page.get_by_text(text, exact=False).first.bounding_box()
        assert box and box["y"] + box["height"] < 768, text
    for key in ("ceasefire", "tolls"):  # the ceasefire status and the tolls whole
        box = page.locator(f".st-key-{key}").bounding_box()
        assert box["y"] + box["height"] <= 768, key
    box = page.locator(".bw-map").bounding_box()
    assert box["y"] + box["height"] / 2 <= 768  # the map's upper half
    page.close()


# Where the legend is (relative to the map's frame), whether it is open, and how many points of the border line
# (given as [lat, lon]) and of the Trat and Koh Kong outlines it covers. (The map is drawn in its component's shadow
# root: the page's document does not hold its elements, the map's container does.)
LEGEND_COVERS = f"""([line, south]) => {{ const m = {MAP}, box = m.getContainer().querySelector('.bw-legend'),
  r = box.getBoundingClientRect(), f = m.getContainer().getBoundingClientRect();
  const inside = ([lat, lon]) => {{ const p = m.latLngToContainerPoint([lat, lon]);
    const x = f.left + p.x, y = f.top + p.y; return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom; }};
  return {{open: box.open, right: f.right - r.right, top: r.top - f.top, line: line.filter(inside).length,
           south: south.filter(inside).length}}; }}"""


def test_the_legend_opens_on_demand_and_covers_neither_the_border_nor_the_south(browser, app_url, gaz):
    import shapely

    from dashboard.ui.mapview import coarse_polygons

    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(app_url)
    wait_for_app(page)
    map_frame(page).evaluate(f"() => {MAP}.getContainer().scrollIntoView({{block: 'center'}})")
    line = [[lat, lon] for lon, lat in gaz.border.line.coords]
    south = [
        [lat, lon] for code in ("TH-23", "KH-9") for lon, lat in shapely.get_coordinates(coarse_polygons(gaz)[code])
    ]
    closed = page.evaluate(LEGEND_COVERS, [line, south])
    assert closed["open"] is False and closed["right"] < 20 and closed["top"] < 20  # top right, closed
    page.locator(".bw-legend summary").click()
    opened = page.evaluate(LEGEND_COVERS, [line, south])
    assert opened["open"] is True
    for state in (closed, opened):
        assert state["line"] == 0 and state["south"] == 0, state
    page.close()


# The open tooltip's box against the map's frame (px inside each edge: negative is clipped), and its text.
TOOLTIP_BOX = f"""() => {{ const c = {MAP}.getContainer(), f = c.getBoundingClientRect();
  const t = [...c.querySelectorAll('.leaflet-tooltip')].find(e => getComputedStyle(e).opacity !== '0');
  if (!t) return null; const r = t.getBoundingClientRect();
  return {{left: r.left - f.left, top: r.top - f.top, right: f.right - r.right, bottom: f.bottom - r.bottom,
           text: t.innerText}}; }}"""


def test_a_tooltip_at_the_maps_edge_stays_inside_the_map(browser, app_url):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(app_url)
    wait_for_app(page)
    map_frame(page).evaluate(f"() => {MAP}.getContainer().scrollIntoView({{block: 'center'}})")
    page.wait_for_timeout(300)
    frame = f"() => {{ const r = {MAP}.getContainer().getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }}"
    f = page.evaluate(frame)
    edges = [(f[0] + f[2] * k / 10, f[1] + 4) for k in range(1, 10)]  # along the top edge
    edges += [(f[0] + f[2] - 4, f[1] + f[3] * k / 10) for k in range(1, 8)]  # the right edge, above the controls
    seen = []
    for x, y in edges:
        page.mouse.move(x - 12, y + 12)
        page.mouse.move(x, y, steps=3)
        page.wait_for_timeout(250)  # fitted on the next frame
        box = page.evaluate(TOOLTIP_BOX)
        if box:
            seen.append(box)
            assert min(box["left"], box["top"], box["right"], box["bottom"]) >= 0, box
    assert len(seen) >= 5  # provinces along both edges
    page.close()
