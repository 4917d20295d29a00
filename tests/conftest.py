import os
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest

from dashboard.gazetteer import Gazetteer, gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return gazetteer()


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """The generated months-long corpus (dashboard/fixtures.py), written and ingested once for the session:
    (folder of reports, store path)."""
    from dashboard.fixtures import write_corpus
    from dashboard.ingest import ingest_paths
    from dashboard.store import Store

    folder = tmp_path_factory.mktemp("generated")
    files = write_corpus(folder / "reports")
    db = folder / "store.sqlite3"
    store = Store(db)
    ingest_paths(store, [folder / "reports"])
    assert store.count() == len(files)
    store.close()
    return folder / "reports", db


@pytest.fixture
def store_path(tmp_path, monkeypatch):
    """A store of the test's own for the app (the seeds are ingested into it on the first run)."""
    monkeypatch.setenv("BORDER_WATCH_DB", str(tmp_path / "store.sqlite3"))
    monkeypatch.delenv("BORDER_WATCH_ADMIN_TOKEN", raising=False)
    return tmp_path / "store.sqlite3"


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the session (tests/pg_support.py); CI must have one, elsewhere it may skip."""
    from tests import pg_support

    if not pg_support.available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed: `make test` installs it (apt-get install postgresql)")
        pytest.skip("PostgreSQL is not installed (make test installs it)")
    with pg_support.postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, tmp_path):
    """A new, empty store's location on each backend: a SQLite file, a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite3")
    from tests.pg_support import fresh_database

    return fresh_database(request.getfixturevalue("pg_server"), f"t_{uuid.uuid4().hex[:12]}")


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
    # a blob: URL is the page's own memory (Streamlit loads a component's script from one), its host its origin's
    page.on("request", lambda r: page.requested_hosts.add(urlparse(r.url.removeprefix("blob:")).hostname))
    yield page
    context.close()
