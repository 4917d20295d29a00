"""Every way in: files, HTML pages, feeds, URLs, pasted text and the inbox; bad items are rejected alone."""

import http.server
import threading
from datetime import date
from functools import partial

import pytest

from dashboard.ingest import MAX_BYTES
from dashboard.intake import ingest_paths, ingest_text, ingest_upload, ingest_url, watch
from dashboard.store import Store

GOOD = "Shelling in Surin province killed at least 4 civilians on Sunday, officials said."
HTML = """<html><head><title>Shelling in Surin</title><meta property="og:site_name" content="Test Daily">
<meta name="date" content="2025-12-21"></head><body><nav>Home | World | Sport</nav><article>
<h1>Shelling in Surin</h1><p>Shelling in Surin province killed at least 4 civilians on Sunday, officials said,
as both sides traded accusations over the weekend along the disputed frontier near the temples.</p>
<p>Thai officials said more than 2,000 residents were evacuated from border villages to temporary shelters
in Surin and Sisaket provinces while the army reinforced positions near Ta Muen Thom temple.</p>
</article><footer>Copyright Test Daily</footer></body></html>"""
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>https://example.org/</link>
<item><title>Talks set</title><link>https://example.org/talks</link><pubDate>Tue, 23 Dec 2025 08:00:00 GMT</pubDate>
<description>Defence officials will meet on Wednesday in Chanthaburi province, the minister said.</description></item>
<item><title>Empty</title><link>https://example.org/empty</link><description></description></item>
<item><title>Evacuations</title><link>javascript:alert(1)</link>
<description>&lt;p&gt;More than 1,000 people were evacuated in Trat province.&lt;/p&gt;</description></item>
</channel></rss>"""


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "s.sqlite3")
    yield s
    s.close()


def statuses(outcomes):
    return [(o.source.rsplit("/", 1)[-1], o.status) for o in outcomes]


@pytest.mark.parametrize(
    ("name", "content", "sidecar", "reason"),
    [
        ("empty.txt", b"", None, "empty"),
        ("binary.txt", b"\x00\x01\x02 binary", None, "binary"),
        ("huge.txt", b"a" * (MAX_BYTES + 1), None, "too large"),
        ("garbled.txt", bytes(range(128, 256)) * 4, None, "no text encoding"),
        ("sidecar.txt", GOOD.encode(), "{broken", "malformed sidecar"),
        ("page.html", b"<html><body><nav>Home</nav></body></html>", None, "no article text"),
        ("feed.xml", b"<?xml version='1.0'?><rss><channel><item>", None, "feed"),
        ("image.png", b"\x89PNG....", None, "unsupported file type"),
    ],
)
def test_each_bad_input_is_rejected_with_its_reason_and_the_rest_ingested(
    tmp_path, store, name, content, sidecar, reason
):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a_good.txt").write_text(GOOD)
    (inbox / name).write_bytes(content)
    if sidecar:
        (inbox / name).with_suffix(".json").write_text(sidecar)
    outcomes = {o.source.rsplit("/", 1)[-1]: o for o in ingest_paths(store, [inbox / "a_good.txt", inbox / name])}
    assert outcomes["a_good.txt"].status == "ingested"
    bad = [o for o in outcomes.values() if o.status == "rejected"]
    assert len(bad) == 1 and reason in bad[0].reason
    assert store.count() == 1


def test_an_html_page_gives_its_text_and_metadata(tmp_path, store):
    (tmp_path / "page.html").write_text(HTML)
    [outcome] = ingest_paths(store, [tmp_path / "page.html"])
    [report] = store.reports()
    assert outcome.status == "ingested" and report.title == "Shelling in Surin" and report.outlet == "Test Daily"
    assert report.published == date(2025, 12, 21) and "Home | World" not in report.text


def test_a_feed_gives_one_report_per_entry_and_rejects_broken_entries(tmp_path, store):
    (tmp_path / "wire.xml").write_text(FEED)
    outcomes = ingest_paths(store, [tmp_path / "wire.xml"])
    assert statuses(outcomes) == [
        ("wire.xml#entry1", "ingested"),
        ("wire.xml#entry2", "rejected"),
        ("wire.xml#entry3", "ingested"),
    ]
    by_title = {r.title: r for r in store.reports()}
    assert by_title["Talks set"].url == "https://example.org/talks"
    assert by_title["Talks set"].published == date(2025, 12, 23) and by_title["Talks set"].outlet == "Test Wire"
    assert by_title["Evacuations"].url is None  # only http(s) links are kept
    assert "<p>" not in by_title["Evacuations"].text


@pytest.fixture
def web(tmp_path):
    (tmp_path / "article.html").write_text(HTML)
    (tmp_path / "feed.xml").write_text(FEED)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_page_and_a_feed_from_a_url(store, web):
    assert [o.status for o in ingest_url(store, f"{web}/article.html")] == ["ingested"]
    assert [o.status for o in ingest_url(store, f"{web}/feed.xml")] == ["ingested", "rejected", "ingested"]
    assert store.reports()[0].url == f"{web}/article.html"


def test_bad_urls_are_rejected(store, web):
    assert "could not fetch" in ingest_url(store, f"{web}/missing.html")[0].reason
    assert "not an http(s) URL" in ingest_url(store, "file:///etc/passwd")[0].reason


def test_pasted_text_and_uploads(store):
    assert ingest_text(store, GOOD, outlet="Desk").status == "ingested"
    assert ingest_text(store, GOOD).status == "duplicate"
    assert ingest_text(store, "   ").status == "rejected"
    assert [o.status for o in ingest_upload(store, "p.html", HTML.encode())] == ["ingested"]
    assert ingest_upload(store, "x.exe", b"MZ")[0].reason.startswith("unsupported file type")


def test_the_inbox_ingests_each_dropped_file_once(tmp_path, store):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(GOOD)
    (inbox / "one.json").write_text('{"outlet": "Inbox Times", "published": "2025-12-21"}')
    assert statuses(watch(store, inbox, once=True)) == [("one.txt", "ingested")]
    assert list(watch(store, inbox, once=True)) == []
    (inbox / "two.txt").write_text("Rockets hit a market in Sisaket province, killing 3 people.")
    assert statuses(watch(store, inbox, once=True)) == [("two.txt", "ingested")]
    assert {r.outlet for r in store.reports()} == {"Inbox Times", None}
