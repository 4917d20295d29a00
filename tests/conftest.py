from pathlib import Path
from urllib.parse import urlparse

import pytest

from dashboard.gazetteer import Gazetteer, gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return gazetteer()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    from tests.browser_support import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every host it requests (page.requested_hosts)."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    page = context.new_page()
    page.requested_hosts = set()
    page.on("request", lambda r: page.requested_hosts.add(urlparse(r.url).hostname))
    yield page
    context.close()
