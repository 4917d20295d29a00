"""Reports from the web: HTML pages (main text and metadata by trafilatura), RSS/Atom feeds (feedparser,
one report per entry, its link and date kept) and pages fetched from a URL."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime

import feedparser
import trafilatura

from dashboard.fetch import fetch
from dashboard.ingest import MAX_BYTES, ReportError, decode, make_report, too_large
from dashboard.records import Rejected, Report
from dashboard.ui.safe import safe_url

MIN_HTML_TEXT = 40  # characters: less is a navigation bar or an error page, not a report
MAX_FEED_BYTES = 10_000_000  # a feed file; one from the web is held to MAX_BYTES like any page
MAX_FEED_ENTRIES = 500


def _published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_html(data: bytes, source: str, url: str | None = None) -> Report:
    """The main text of an HTML page, with its title, outlet (site name), date and URL when the page has them."""
    html = decode(data)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    text = getattr(doc, "text", None) if doc else None
    if not text or len(text.strip()) < MIN_HTML_TEXT:
        raise ReportError(f"no article text found in the HTML page ({len((text or '').strip())} characters)")
    return make_report(
        text,
        source,
        url=safe_url(getattr(doc, "url", None) or url),
        outlet=getattr(doc, "sitename", None) or None,
        title=getattr(doc, "title", None) or None,
        published=_published(getattr(doc, "date", None)),
    )


def _entry_date(entry) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date() if parsed else None


def _entry_text(entry) -> str:
    parts = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    html = "\n".join(p for p in parts if p)
    if "<" not in html:
        return html.strip()
    return (trafilatura.extract(f"<html><body><article>{html}</article></body></html>") or "").strip()


def read_feed(data: bytes, source: str) -> list[Report | Rejected]:
    """One report per feed entry; an entry without text is rejected, the others still read. A feed over
    MAX_FEED_BYTES or with more than MAX_FEED_ENTRIES entries is rejected whole."""
    if len(data) > MAX_FEED_BYTES:
        raise too_large(len(data), MAX_FEED_BYTES, " for a feed")
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise ReportError(f"not a readable RSS/Atom feed: {feed.get('bozo_exception', 'unknown error')}")
    if len(feed.entries) > MAX_FEED_ENTRIES:
        raise ReportError(f"too many entries: {len(feed.entries):,} (a feed may have at most {MAX_FEED_ENTRIES})")
    outlet = feed.feed.get("title") or None
    out: list[Report | Rejected] = []
    for i, entry in enumerate(feed.entries, start=1):
        where = f"{source}#entry{i}"
        try:
            text = _entry_text(entry)
            if not text:
                raise ReportError("broken feed entry: no text")
            out.append(
                make_report(
                    text,
                    where,
                    url=safe_url(entry.get("link")),
                    outlet=outlet,
                    title=entry.get("title") or None,
                    published=_entry_date(entry),
                )
            )
        except ReportError as exc:
            out.append(Rejected(where, str(exc)))
    return out


def looks_like_feed(data: bytes) -> bool:
    head = data[:1000].lstrip().lower()
    return (
        head.startswith(b"<?xml")
        and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)
        or head.startswith((b"<rss", b"<feed"))
    )


def read_url(url: str) -> list[Report | Rejected]:
    """A page or a feed on the web (fetched from public addresses only, see dashboard.fetch)."""
    data = fetch(url, MAX_BYTES)
    if looks_like_feed(data):
        return read_feed(data, url)
    return [read_html(data, url, url=url)]
