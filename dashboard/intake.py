"""Every way reports come in — files, HTML pages, feeds, URLs, pasted text, an inbox folder — into the store,
each item reported as ingested, duplicate or rejected with the reason. One bad item never stops the others.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.gazetteer import gazetteer
from dashboard.ingest import REPORT_SUFFIXES, ReportError, decode, make_report, read_report, report_files
from dashboard.ingest_web import read_feed, read_html, read_url
from dashboard.records import Rejected, Report
from dashboard.store import Store

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
ACCEPTED = REPORT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES


@dataclass(frozen=True)
class Outcome:
    source: str
    status: str  # ingested | duplicate | rejected
    reason: str | None = None
    report_id: str | None = None

    def __str__(self) -> str:
        detail = self.reason or self.report_id or ""
        return f"{self.status:<9} {self.source}" + (f": {detail}" if detail else "")


def store_report(store: Store, report: Report) -> Outcome:
    if store.has_report(report.id):
        return Outcome(report.path, "duplicate", "same text as a stored report", report.id)
    added = store.add(report, extract(report, gazetteer()), EXTRACTOR_VERSION)
    return Outcome(report.path, "ingested" if added else "duplicate", None, report.id)


def _store_all(store: Store, items: Iterable[Report | Rejected]) -> list[Outcome]:
    out = []
    for item in items:
        if isinstance(item, Rejected):
            out.append(Outcome(item.path, "rejected", item.reason))
        else:
            out.append(store_report(store, item))
    return out


def read_file(path: Path) -> list[Report | Rejected]:
    """The reports in one file, by its kind."""
    suffix = path.suffix.lower()
    if suffix in REPORT_SUFFIXES:
        return [read_report(path)]
    if suffix in HTML_SUFFIXES:
        return [read_html(path.read_bytes(), str(path))]
    if suffix in FEED_SUFFIXES:
        return read_feed(path.read_bytes(), str(path))
    raise ReportError(f"unsupported file type {suffix or '(none)'}: expected one of {', '.join(ACCEPTED)}")


def ingest_file(store: Store, path: Path) -> list[Outcome]:
    try:
        items = read_file(path)
    except ReportError as exc:
        return [Outcome(str(path), "rejected", str(exc))]
    except OSError as exc:
        return [Outcome(str(path), "rejected", f"cannot read: {exc.strerror or exc}")]
    return _store_all(store, items)


def ingest_paths(store: Store, paths: Iterable[Path]) -> list[Outcome]:
    return [o for f in report_files(list(paths), ACCEPTED) for o in ingest_file(store, f)]


def ingest_url(store: Store, url: str) -> list[Outcome]:
    try:
        return _store_all(store, read_url(url))
    except ReportError as exc:
        return [Outcome(url, "rejected", str(exc))]


def ingest_upload(store: Store, name: str, data: bytes) -> list[Outcome]:
    """A file uploaded in the app: a text report, an HTML page or a feed, by its name."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in HTML_SUFFIXES:
            return _store_all(store, [read_html(data, name)])
        if suffix in FEED_SUFFIXES:
            return _store_all(store, read_feed(data, name))
        if suffix in REPORT_SUFFIXES:
            return _store_all(store, [make_report(decode(data), name)])
        raise ReportError(f"unsupported file type {suffix or '(none)'}")
    except ReportError as exc:
        return [Outcome(name, "rejected", str(exc))]


def ingest_text(store: Store, text: str, source: str = "pasted text", **meta) -> Outcome:
    try:
        return store_report(store, make_report(text, source, **meta))
    except ReportError as exc:
        return Outcome(source, "rejected", str(exc))


def is_sidecar(path: Path) -> bool:
    """A NAME.json beside a NAME.txt or NAME.md: read with its report, not on its own."""
    return path.suffix.lower() == ".json" and any(path.with_suffix(s).exists() for s in REPORT_SUFFIXES)


def watch(store: Store, inbox: Path, interval_s: float = 5.0, once: bool = False) -> Iterable[Outcome]:
    """Ingest files dropped into the inbox folder, each (path, size, mtime) once; yields outcomes."""
    inbox.mkdir(parents=True, exist_ok=True)
    while True:
        for f in sorted(p for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".")):
            if is_sidecar(f) or store.seen_file(f):
                continue
            outcomes = ingest_file(store, f)
            store.mark_file(f, ", ".join(o.status for o in outcomes))
            yield from outcomes
        if once:
            return
        time.sleep(interval_s)
