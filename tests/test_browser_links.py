"""A phishing link opened in a real browser (Debian's Chromium, offline): the notice shows the link's words as
they were written, with no link, no image, no request to another host, and the address names the day shown."""

from urllib.parse import urlencode

import pytest

from dashboard.ui.safe import LINK_VALUE_SHOWN
from tests.browser_support import running_app, wait_for_app

pytestmark = pytest.mark.browser

PHISHING = "Sisaket”. **URGENT: Log in again at [border-watch-login.example](https://evil.example/login)**"
IMAGE = "x ![p](http://127.0.0.1:8559/p.png)"


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


def test_a_phishing_link_shows_its_words_as_text(page, app_url):
    page.goto(f"{app_url}/?{urlencode({'province': PHISHING, 'asof': IMAGE})}")
    wait_for_app(page, timeout=120_000)  # a cold server on a busy machine
    alerts = page.locator("[data-testid='stAlert']")
    alerts.filter(has_text="does not know").wait_for(timeout=30_000)
    assert page.locator("a[href^='https://evil.example']").count() == 0
    assert page.locator("img[src*='127.0.0.1']").count() == 0
    text = alerts.all_inner_texts()
    shown = "\n".join(text).replace("\u2060", "")  # the word joiner that keeps "https://…" from becoming a link
    assert f"“{PHISHING[:LINK_VALUE_SHOWN]}…”" in shown and f"“{IMAGE}”" in shown  # long values shortened
    assert alerts.locator("strong, a, img").count() == 0  # no bold, no link, no image inside a notice
    page.wait_for_function("() => location.search.includes('asof=2025-12-23')", timeout=10_000)
    assert "127.0.0.1" not in page.requested_hosts and "evil.example" not in page.requested_hosts
