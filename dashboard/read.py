"""Reading reports, bytes → `Report`: text files with an optional JSON sidecar, HTML pages, RSS/Atom feeds
and pages fetched from a URL; decoded, normalised, dated (`dashboard.pubdate`), with a stable id.
`dashboard.ingest` takes them into the store.

Bad input never stops a batch: each file that cannot be read is returned as a `Rejected` with the
reason, and the other files are still read.
"""

from __future__ import annotations

import calendar
import codecs
import hashlib
import json
import os
import re
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import feedparser
import trafilatura
from charset_normalizer import from_bytes

from dashboard import pubdate
from dashboard.records import Rejected, Report
from dashboard.untrusted import clean_metadata, safe_url

REPORT_SUFFIXES = (".txt", ".md")
MAX_BYTES = 2_000_000  # a news report is a few kB; anything this large is not one
MAX_SIDECAR_BYTES = 100_000
MAX_BAD_UTF8 = 8  # stray bytes in otherwise valid UTF-8 text that are replaced rather than re-decoded
BOMS = (  # byte-order marks of encodings with NUL bytes; UTF-32 LE's starts with UTF-16 LE's: it comes first
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SIDECAR_FIELDS = ("id", "url", "outlet", "title", "published")

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\u2013": "-",
        "\u2014": " - ",
        "\u2212": "-",
        "\u2026": "...",
        "\u200b": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)


class ReportError(ValueError):
    """Input that cannot be read as a report; the message says why."""


_SPACES = re.compile(r"[ \t\f\v]+")


# A paragraph opened by a label ("VERDICT: FALSE.", "Q: …", "ARMY: …"): a labelled layout repeats its lines by
# design (a fact-check's verdict under each claim), so its repeats are the report's content, not a page's boilerplate.
# A label is one capitalised word or words in capitals ("Verdict:", "CLAIM:", "Q:", "THAI ARMY:"), not a clause
# ("He said: …").
_LABELLED = re.compile(r"(?:[A-Z][a-z]*|[A-Z][A-Z'’.]*(?: [A-Z][A-Z'’.]*){0,2}): ")


def normalise(text: str) -> tuple[str, int]:
    """Normalised text (typography, whitespace) without repeated paragraphs (but those opened by a label, which a
    labelled layout repeats: _LABELLED), and how many were dropped."""
    if not text.isascii():  # the typography table maps only characters beyond ASCII
        text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept, seen = [], set()
    written = 0  # paragraphs with any text
    if "  " in text or "\t" in text or "\f" in text or "\v" in text:  # else every run is one space already
        text = _SPACES.sub(" ", text)
    for line in text.split("\n"):
        para = line.strip()
        if not para:
            continue
        written += 1
        key = para.casefold()
        if key in seen and not _LABELLED.match(para):
            continue
        seen.add(key)
        kept.append(para)
    return "\n".join(kept), written - len(kept)


def report_id(text: str) -> str:
    """A normalised text's id: of its paragraphs without any repeat, so that keeping a labelled layout's repeats
    (_LABELLED) leaves the ids of reports stored before unchanged."""
    seen: set[str] = set()
    kept = []
    for para in text.split("\n"):
        if para.casefold() not in seen:
            seen.add(para.casefold())
            kept.append(para)
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()[:16]


def too_large(size: int, limit: int, what: str = "") -> ReportError:
    return ReportError(f"too large{what}: {size:,} bytes (limit {limit:,})")


def read_capped(path: Path, limit: int = MAX_BYTES, what: str = "") -> bytes:
    """A file's bytes; one over the limit is refused by its size, before it is read (and never more than
    limit + 1 bytes are read, should it grow meanwhile)."""
    with path.open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise too_large(size, limit, what)
        data = f.read(limit + 1)
    if len(data) > limit:
        raise ReportError(f"too large{what}: more than {limit:,} bytes")
    return data


def decode(data: bytes) -> str:
    """Text of a file: by its byte-order mark, UTF-8 (a few stray bytes replaced), or the encoding
    charset-normalizer detects; binary is refused."""
    if not data.strip():
        raise ReportError("empty file")
    if len(data) > MAX_BYTES:
        raise too_large(len(data), MAX_BYTES)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ReportError(f"not valid {encoding.upper()} although it starts with its byte-order mark") from None
    if b"\x00" in data:
        raise ReportError("binary file (contains NUL bytes)")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad <= MAX_BAD_UTF8 and any(ord(c) > 127 and c != "\ufffd" for c in text):
        return text  # UTF-8 text (it has valid multi-byte characters) with a few broken bytes
    best = from_bytes(data).best()
    if best is None:
        raise ReportError("not UTF-8 and no text encoding could be detected")
    return str(best)


def parse_sidecar(raw: str) -> dict:
    """Metadata from a sidecar's JSON text: id, url, outlet, title (blank: None), published (YYYY-MM-DD or null)."""
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReportError(f"malformed sidecar: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(meta, dict):
        raise ReportError("malformed sidecar: expected a JSON object")
    out = {k: meta.get(k) for k in SIDECAR_FIELDS}
    if isinstance(out["id"], int):
        out["id"] = str(out["id"])
    for k in ("id", "url", "outlet", "title"):
        if out[k] is not None and not isinstance(out[k], str):
            raise ReportError(f"malformed sidecar: {k} must be a string")
        if isinstance(out[k], str):
            out[k] = out[k].strip() or None
    if out["published"] is not None:
        try:
            out["published"] = date.fromisoformat(str(out["published"]))
        except ValueError:
            raise ReportError(f"malformed sidecar: published {out['published']!r} is not YYYY-MM-DD") from None
    return out


def make_report(
    text: str, path: str = "", published: date | None = None, html: str | None = None, today: date | None = None, **meta
) -> Report:
    """A report from raw text and its metadata (url, outlet, title, published), dated as dashboard.pubdate
    finds it when the metadata gives no date (`html`: the page it came from, for its meta tags)."""
    if len(text) > MAX_BYTES:
        raise ReportError(f"too large: {len(text):,} characters (limit {MAX_BYTES:,})")
    normalised, dropped = normalise(text)
    if not normalised:
        raise ReportError("no text after normalisation")
    meta = clean_metadata(meta)  # no direction overrides or zero-width characters in outlet, title, name, url
    found = pubdate.find(normalised, published=published, url=meta.get("url"), html=html, today=today)
    return Report(
        id=report_id(normalised),
        path=path,
        text=normalised,
        dropped_paragraphs=dropped,
        published=found.day,
        dated_by=found.how,
        **meta,
    )


def read_sidecar(path: Path) -> dict:
    """The metadata in a NAME.json sidecar (see parse_sidecar)."""
    try:
        data = read_capped(path, MAX_SIDECAR_BYTES, " for a sidecar")
    except ReportError as exc:
        raise ReportError(f"malformed sidecar: {exc}") from None
    return parse_sidecar(decode(data))


def read_report(path: Path) -> Report:
    text = decode(read_capped(path))
    sidecar = path.with_suffix(".json")
    meta = read_sidecar(sidecar) if sidecar.exists() else {}
    name = meta.pop("id", None) or path.stem
    return make_report(text, str(path), name=name, **meta)


def report_files(paths: list[Path], suffixes: tuple[str, ...] = REPORT_SUFFIXES) -> list[Path]:
    """The files named, folders expanded to their files with one of the suffixes (sorted)."""
    files = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in suffixes))
        else:
            files.append(p)
    return files


def read_reports(paths: list[Path]) -> tuple[list[Report], list[Rejected]]:
    """Every readable report under the paths, and every file rejected with its reason."""
    reports, rejected = [], []
    for f in report_files(paths):
        try:
            reports.append(read_report(f))
        except ReportError as exc:
            rejected.append(Rejected(str(f), str(exc)))
        except OSError as exc:
            rejected.append(Rejected(str(f), f"cannot read: {exc.strerror or exc}"))
    return reports, rejected


# --- reports from the web: HTML pages (main text and metadata by trafilatura), RSS/Atom feeds (feedparser,
# one report per entry, its link and date kept) -----------------------------------------------------------------

MIN_HTML_TEXT = 40  # characters: less is a navigation bar or an error page, not a report
MAX_FEED_BYTES = 10_000_000  # a feed file; one from the web is held to MAX_BYTES like any page
MAX_FEED_ENTRIES = 500


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
        html=html,
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
