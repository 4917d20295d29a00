"""Every way in: files, HTML pages, feeds, URLs, pasted text and the inbox; bad items are rejected alone."""

import http.server
import os
import threading
import time
from datetime import date
from functools import partial

import pytest

from dashboard.extract import EXTRACTOR_VERSION
from dashboard.ingest import ingest_paths, ingest_text, ingest_upload, ingest_url, watch
from dashboard.read import MAX_BYTES, MAX_FEED_BYTES, MAX_FEED_ENTRIES
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
def web(tmp_path, monkeypatch):
    monkeypatch.setenv("BORDER_WATCH_ALLOW_PRIVATE_FETCH", "1")  # the server is on 127.0.0.1
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


def test_urls_on_internal_addresses_are_refused_by_default(store, web, monkeypatch):
    monkeypatch.delenv("BORDER_WATCH_ALLOW_PRIVATE_FETCH")
    [outcome] = ingest_url(store, f"{web}/article.html")
    assert outcome.status == "rejected" and "refused: 127.0.0.1 is a loopback address" in outcome.reason
    assert store.count() == 0


def test_pasted_text_and_uploads(store):
    assert ingest_text(store, GOOD, outlet="Desk").status == "ingested"
    assert ingest_text(store, GOOD).status == "duplicate"
    assert ingest_text(store, "   ").status == "rejected"
    assert [o.status for o in ingest_upload(store, "p.html", HTML.encode())] == ["ingested"]
    assert ingest_upload(store, "x.exe", b"MZ")[0].reason.startswith("unsupported file type")


def entries(n):
    items = "".join(
        f"<item><title>T{i}</title><description>Report {i} from Surin.</description></item>" for i in range(n)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>{items}</channel></rss>".encode()


def test_feeds_have_a_size_and_an_entry_limit(tmp_path, store):
    (tmp_path / "a_many.xml").write_bytes(entries(MAX_FEED_ENTRIES + 1))
    with (tmp_path / "b_huge.rss").open("wb") as f:
        f.write(entries(1))
        f.truncate(36_000_000)
    (tmp_path / "c_fine.xml").write_bytes(entries(2))
    outcomes = ingest_paths(store, [tmp_path])
    assert statuses(outcomes) == [
        ("a_many.xml", "rejected"),
        ("b_huge.rss", "rejected"),
        ("c_fine.xml#entry1", "ingested"),
        ("c_fine.xml#entry2", "ingested"),
    ]
    assert (
        outcomes[0].reason == f"too many entries: {MAX_FEED_ENTRIES + 1} (a feed may have at most {MAX_FEED_ENTRIES})"
    )
    assert outcomes[1].reason == f"too large for a feed: 36,000,000 bytes (limit {MAX_FEED_BYTES:,})"


@pytest.mark.parametrize("name", ["huge.txt", "huge.html", "huge.xml"])
def test_a_huge_sparse_file_is_rejected_by_its_size_without_being_read(tmp_path, store, name):
    with (tmp_path / name).open("wb") as f:
        f.truncate(1 << 30)
    started = time.monotonic()
    [outcome] = ingest_paths(store, [tmp_path / name])
    assert (
        outcome.status == "rejected"
        and outcome.reason.startswith("too large")
        and "1,073,741,824 bytes" in outcome.reason
    )
    assert time.monotonic() - started < 1  # reading 1 GB of zeros would take seconds and a gigabyte


def test_the_inbox_ingests_each_dropped_file_once(tmp_path, store):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(GOOD)
    (inbox / "one.json").write_text('{"outlet": "Inbox Times", "published": "2025-12-21"}')
    assert statuses(watch(store, inbox, once=True, settle_s=0)) == [("one.txt", "ingested")]
    assert list(watch(store, inbox, once=True, settle_s=0)) == []
    (inbox / "two.txt").write_text("Rockets hit a market in Sisaket province, killing 3 people.")
    assert statuses(watch(store, inbox, once=True, settle_s=0, sidecar_wait_s=0)) == [("two.txt", "ingested")]
    assert {r.outlet for r in store.reports()} == {"Inbox Times", None}


def age(path, seconds):
    """As if the file had last been modified `seconds` ago (written then, or moved in since)."""
    t = time.time() - seconds
    os.utime(path, (t, t))


def look(store, inbox, settle_s=1.0, sidecar_wait_s=5.0):
    return statuses(watch(store, inbox, once=True, settle_s=settle_s, sidecar_wait_s=sidecar_wait_s))


def test_a_file_being_written_is_read_only_once_it_has_settled(tmp_path, store):
    half = tmp_path / "report.txt"
    half.write_text(GOOD[:30])
    assert look(store, tmp_path) == []  # just written: it may be half done
    with half.open("a") as f:
        f.write(GOOD[30:])
    assert look(store, tmp_path) == []
    age(half, 10)
    assert look(store, tmp_path) == [("report.txt", "ingested")]
    [report] = store.reports()
    assert report.text == GOOD  # the whole file, and only once


def test_a_settled_report_waits_for_its_sidecar_then_is_read_with_it(tmp_path, store):
    (tmp_path / "r.txt").write_text(GOOD)
    age(tmp_path / "r.txt", 2)  # settled, but its sidecar may still come
    assert look(store, tmp_path) == []
    (tmp_path / "r.json").write_text('{"id": "wire-7", "outlet": "Late Wire", "published": "2025-12-21"}')
    assert look(store, tmp_path) == []  # the sidecar itself has not settled
    age(tmp_path / "r.json", 2)
    assert look(store, tmp_path) == [("r.txt", "ingested")]
    assert look(store, tmp_path) == []  # the sidecar was read with its report
    [report] = store.reports()
    assert (report.outlet, report.published, report.name) == ("Late Wire", date(2025, 12, 21), "wire-7")


def test_a_sidecar_dropped_first_waits_for_its_report(tmp_path, store):
    (tmp_path / "r.json").write_text('{"outlet": "Early Wire"}')
    age(tmp_path / "r.json", 60)
    assert look(store, tmp_path) == []  # not "unsupported file type": its report is coming
    (tmp_path / "r.txt").write_text(GOOD)
    age(tmp_path / "r.txt", 2)
    assert look(store, tmp_path) == [("r.txt", "ingested")]
    assert store.reports()[0].outlet == "Early Wire"


def test_a_report_without_sidecar_is_read_after_the_wait_and_a_late_sidecar_updates_it(tmp_path, store):
    (tmp_path / "r.txt").write_text("The General Border Committee will hold talks on Wednesday in Chanthaburi.")
    age(tmp_path / "r.txt", 6)  # longer than the sidecar wait
    assert look(store, tmp_path) == [("r.txt", "ingested")]
    [before] = store.reports()
    assert before.published is None and before.name == "r"
    (tmp_path / "r.json").write_text('{"id": "wire-9", "outlet": "Late Wire", "published": "2025-12-22"}')
    age(tmp_path / "r.json", 2)
    assert look(store, tmp_path) == [("r.json", "updated")]
    assert look(store, tmp_path) == []
    [after] = store.reports()
    assert after.id == before.id and store.count() == 1
    assert (after.outlet, after.published, after.name) == ("Late Wire", date(2025, 12, 22), "wire-9")
    # the extraction was redone with the published date: "Wednesday" is now the 24th
    [extraction] = store.extractions(EXTRACTOR_VERSION, lambda r: pytest.fail("the stored extraction is current"))
    assert [m.date for m in extraction.meetings] == [date(2025, 12, 24)]


def test_a_corrected_sidecar_lets_a_rejected_report_in(tmp_path, store):
    (tmp_path / "r.txt").write_text(GOOD)
    (tmp_path / "r.json").write_text('{"published": "22/12/2025"}')
    age(tmp_path / "r.txt", 2)
    age(tmp_path / "r.json", 2)
    [outcome] = watch(store, tmp_path, once=True, settle_s=1)
    assert outcome.status == "rejected" and "malformed sidecar" in outcome.reason
    (tmp_path / "r.json").write_text('{"published": "2025-12-22"}')
    age(tmp_path / "r.json", 1.5)
    assert look(store, tmp_path) == [("r.txt", "ingested")]
    assert store.reports()[0].published == date(2025, 12, 22)


def test_a_file_gone_during_a_look_is_skipped(tmp_path, store, monkeypatch):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(GOOD)
    (inbox / "b.txt").write_text("Rockets hit a market in Sisaket province, killing 3 people.")
    for f in inbox.iterdir():
        age(f, 60)
    monkeypatch.setattr(type(inbox), "is_file", lambda self: True)  # a.txt was there when the folder was listed
    (inbox / "a.txt").unlink()
    assert look(store, inbox) == [("b.txt", "ingested")]


HALF = "Shelling in Surin province killed at least 4 civilians on Sunday, officials said."
REST = " In Sisaket province at least 9 soldiers were wounded on Monday, the army said."


def figure_rows(store) -> int:
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM figures")).scalar_one()


def test_a_file_written_on_after_it_settled_replaces_its_first_half(tmp_path, store_location, gaz):
    """A writer that pauses longer than the settle time: the half is read and stored, then the whole,
    which takes its place (one report, each figure counted once)."""
    from dashboard.extract import extract
    from dashboard.read import make_report

    store = Store(store_location)
    f = tmp_path / "report.txt"
    f.write_text(HALF)
    age(f, 10)
    assert look(store, tmp_path) == [("report.txt", "ingested")]
    [half] = store.reports()
    with f.open("a") as out:
        out.write(REST)
    age(f, 5)
    [outcome] = watch(store, tmp_path, once=True, settle_s=1, sidecar_wait_s=5)
    assert outcome.status == "ingested" and f"replaces {half.id}" in outcome.reason
    [whole] = store.reports()
    assert whole.text == HALF + REST and whole.id != half.id
    expected = extract(make_report(HALF + REST, str(f)), gaz).figures
    assert len(expected) == 2 and figure_rows(store) == len(expected)
    assert look(store, tmp_path) == []


def test_the_same_text_under_two_names_is_a_duplicate_and_stays_when_one_changes(tmp_path, store_location):
    store = Store(store_location)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(HALF)
        age(tmp_path / name, 10)
    assert look(store, tmp_path) == [("a.txt", "ingested"), ("b.txt", "duplicate")]
    (tmp_path / "a.txt").write_text(HALF + REST)
    age(tmp_path / "a.txt", 10)
    assert look(store, tmp_path) == [("a.txt", "ingested")]
    assert sorted(r.text for r in store.reports()) == [HALF, HALF + REST]  # b.txt still gives the first text


def test_a_report_ingested_by_hand_is_not_removed_when_an_inbox_copy_changes(tmp_path, store_location):
    store = Store(store_location)
    assert ingest_text(store, HALF).status == "ingested"
    f = tmp_path / "in" / "copy.txt"
    f.parent.mkdir()
    f.write_text(HALF)
    age(f, 10)
    assert look(store, f.parent) == [("copy.txt", "duplicate")]
    f.write_text(HALF + REST)
    age(f, 10)
    assert look(store, f.parent) == [("copy.txt", "ingested")]
    assert store.count() == 2
