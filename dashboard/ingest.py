"""Every way reports come in — files, HTML pages, feeds, URLs, pasted text, an inbox folder — into the store,
each item reported as ingested, duplicate or rejected with the reason (and, in the inbox, a late sidecar as
updated). One bad item never stops the others; an error of the store itself (sqlite3.Error) does.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

import sqlalchemy as sa

from dashboard import pubdate
from dashboard.bulk import BatchFailed, Progress, batches, executor_for, run_batches
from dashboard.extract import EXTRACTOR_VERSION, extract, extract_all
from dashboard.fetch import fetch
from dashboard.gazetteer import gazetteer
from dashboard.read import (
    MAX_BYTES,
    MAX_FEED_BYTES,
    REPORT_SUFFIXES,
    ReportError,
    decode,
    looks_like_feed,
    make_report,
    read_capped,
    read_feed,
    read_html,
    read_report,
    read_sidecar,
    report_files,
)
from dashboard.records import Rejected, Report
from dashboard.store import Store

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
ACCEPTED = REPORT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES
SETTLE_S = 2.0  # an inbox file not modified for this long is whole (written, or moved in)
SIDECAR_WAIT_S = 10.0  # how long (since it was last modified) a report waits for its NAME.json
RETRY_FIRST_S = 1.0  # the watch's first pause after the store failed; doubled at each failure in a row
RETRY_MAX_S = 60.0  # and never longer than this


@dataclass(frozen=True)
class Outcome:
    source: str
    status: str  # ingested | duplicate | rejected | updated (a late sidecar's metadata, in the inbox)
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


def _store_all(store: Store, items: Iterable[Report | Rejected]) -> Iterator[Outcome]:
    for item in items:
        if isinstance(item, Rejected):
            yield Outcome(item.path, "rejected", item.reason)
        else:
            yield store_report(store, item)


def read_file(path: Path) -> list[Report | Rejected]:
    """The reports in one file, by its kind."""
    suffix = path.suffix.lower()
    if suffix in REPORT_SUFFIXES:
        return [read_report(path)]
    if suffix in HTML_SUFFIXES:
        return [read_html(read_capped(path), str(path))]
    if suffix in FEED_SUFFIXES:
        return read_feed(read_capped(path, MAX_FEED_BYTES, " for a feed"), str(path))
    raise ReportError(f"unsupported file type {suffix or '(none)'}: expected one of {', '.join(ACCEPTED)}")


def iter_ingest_file(store: Store, path: Path) -> Iterator[Outcome]:
    """The file's outcomes (one per feed entry), each as soon as it is stored."""
    try:
        items = read_file(path)
    except ReportError as exc:
        yield Outcome(str(path), "rejected", str(exc))
        return
    except OSError as exc:
        yield Outcome(str(path), "rejected", f"cannot read: {exc.strerror or exc}")
        return
    yield from _store_all(store, items)


def ingest_file(store: Store, path: Path) -> list[Outcome]:
    return list(iter_ingest_file(store, path))


BATCH = 100  # reports stored in one transaction by a bulk ingest


def _read_items(path: Path) -> list[Report | Rejected]:
    try:
        return read_file(path)
    except ReportError as exc:
        return [Rejected(str(path), str(exc))]
    except OSError as exc:
        return [Rejected(str(path), f"cannot read: {exc.strerror or exc}")]


def _store_batch(store: Store, batch: list[Report]) -> Iterator[Outcome]:
    """Store reports in one transaction; their outcomes in the order they came."""
    known = {r.id for r in batch if store.has_report(r.id)}
    fresh = {r.id: r for r in batch if r.id not in known}
    gaz = gazetteer()
    extractions = extract_all(fresh.values(), gaz)
    added = store.add_many(list(zip(fresh.values(), extractions, strict=True)), EXTRACTOR_VERSION) if fresh else set()
    for r in batch:
        if r.id in added and fresh.get(r.id) is r:
            yield Outcome(r.path, "ingested", None, r.id)
        else:
            yield Outcome(r.path, "duplicate", "same text as a stored report", r.id)


def iter_ingest_paths(store: Store, paths: Iterable[Path], batch: int | None = None) -> Iterator[Outcome]:
    """Every outcome as soon as its batch is stored (the command line prints them so), in file order."""
    batch = batch or BATCH
    pending: list[Report] = []
    for f in report_files(list(paths), ACCEPTED):
        for item in _read_items(f):
            if isinstance(item, Report):
                pending.append(item)
                if len(pending) < batch:
                    continue
            yield from _store_batch(store, pending)
            pending = []
            if isinstance(item, Rejected):
                yield Outcome(item.path, "rejected", item.reason)
    yield from _store_batch(store, pending)


FILES_PER_TASK = 100  # files a worker of a parallel ingest reads and stores in one task


def ingest_files_task(location: str, files: list[str]) -> tuple[int, list[Outcome]]:
    """A worker's task of a parallel ingest: these files, their reports stored BATCH to a transaction (each
    transaction whole or not at all; a report stored before is a duplicate, not extracted again). (How many
    files, their outcomes.)"""
    try:
        return len(files), list(iter_ingest_paths(Store(location), [Path(f) for f in files]))
    except Exception as exc:
        failed = BatchFailed.of(location, exc)
        if failed is None:
            raise
        raise failed from None


def iter_ingest_bulk(
    store: Store,
    paths: Iterable[Path],
    workers: int = 1,
    files_per_task: int = FILES_PER_TASK,
    progress: TextIO | None = sys.stderr,
) -> Iterator[Outcome]:
    """Ingest the files under `paths`. With one worker, or files for one task: here, each outcome as soon as
    its transaction is committed, in file order (iter_ingest_paths). Else on `workers` processes,
    `files_per_task` files to a task, each task's outcomes once it is done (in any order), progress on
    `progress`; a store error raises BatchFailed, and the outcomes of the tasks under way are then not listed
    (what they committed stays: a rerun lists it as duplicate)."""
    files = report_files(list(paths), ACCEPTED)
    tasks = batches([str(f) for f in files], files_per_task)
    if min(workers, len(tasks)) <= 1:
        yield from iter_ingest_paths(store, files)
        return
    meter = Progress(len(files), "files", progress)
    with executor_for(workers, len(tasks)) as (executor, at_once):
        for count, outcomes in run_batches(ingest_files_task, (store.location,), tasks, executor, 2 * at_once):
            meter.add(count)
            yield from outcomes


def ingest_paths(store: Store, paths: Iterable[Path]) -> list[Outcome]:
    return list(iter_ingest_paths(store, paths))


def ingest_url(store: Store, url: str) -> list[Outcome]:
    try:
        return list(_store_all(store, read_url(url)))
    except ReportError as exc:
        return [Outcome(url, "rejected", str(exc))]


def ingest_upload(store: Store, name: str, data: bytes) -> list[Outcome]:
    """A file uploaded in the app: a text report, an HTML page or a feed, by its name."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in HTML_SUFFIXES:
            return list(_store_all(store, [read_html(data, name)]))
        if suffix in FEED_SUFFIXES:
            return list(_store_all(store, read_feed(data, name)))
        if suffix in REPORT_SUFFIXES:
            return list(_store_all(store, [make_report(decode(data), name)]))
        raise ReportError(f"unsupported file type {suffix or '(none)'}")
    except ReportError as exc:
        return [Outcome(name, "rejected", str(exc))]


def ingest_text(store: Store, text: str, source: str = "pasted text", **meta) -> Outcome:
    try:
        return store_report(store, make_report(text, source, **meta))
    except ReportError as exc:
        return Outcome(source, "rejected", str(exc))


def _age(path: Path) -> float | None:
    """Seconds since the file was last modified; None if it is gone."""
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return None


def _report_beside(sidecar: Path) -> Path | None:
    return next((r for s in REPORT_SUFFIXES if (r := sidecar.with_suffix(s)).is_file()), None)


def update_from_sidecar(store: Store, report_path: Path, sidecar: Path) -> list[Outcome]:
    """A sidecar that came after its report was read. A stored report gets the new metadata (and a new
    extraction, which depends on the published date); it is found by the path it was read from. A report
    that was not stored (rejected, e.g. for a malformed sidecar) is read again, with this sidecar."""
    stored = store.report_at(str(report_path))
    if stored is None:
        return ingest_inbox_file(store, report_path)
    try:
        meta = read_sidecar(sidecar)
    except ReportError as exc:
        return [Outcome(str(sidecar), "rejected", str(exc))]
    except OSError as exc:
        return [Outcome(str(sidecar), "rejected", f"cannot read: {exc.strerror or exc}")]
    name, published = meta.pop("id") or stored.name, meta.pop("published")
    found = pubdate.find(stored.text, published=published, url=meta.get("url"), today=stored.ingested)
    report = replace(stored, name=name, published=found.day, dated_by=found.how, **meta)
    store.update_metadata(report, extract(report, gazetteer()), EXTRACTOR_VERSION)
    return [Outcome(str(sidecar), "updated", f"metadata of {report_path.name}", report.id)]


def ingest_inbox_file(store: Store, path: Path) -> list[Outcome]:
    """An inbox file's report, in place of the one it gave when it was read before (Store.put_file): a file
    written on after a pause longer than the settle time is read twice, half and whole, and counts once. The
    same text under another name is still a duplicate. A feed's entries add up as elsewhere."""
    items = _read_items(path)
    found = [i for i in items if isinstance(i, Report)]
    if not found or path.suffix.lower() in FEED_SUFFIXES:
        return list(_store_all(store, items))
    gaz = gazetteer()
    added, removed = store.put_file(str(path), [(r, extract(r, gaz)) for r in found], EXTRACTOR_VERSION)
    replacing = f"replaces {', '.join(sorted(removed))}, read from this file before it changed" if removed else None
    return [
        Outcome(r.path, "ingested", replacing and f"{r.id}; {replacing}", r.id)
        if r.id in added
        else Outcome(r.path, "duplicate", "same text as a stored report", r.id)
        for r in found
    ]


def _look_at(store: Store, f: Path, settle_s: float, sidecar_wait_s: float) -> list[Outcome]:
    """What one inbox file gives now: nothing while it (or its sidecar) is still settling or being waited for."""
    age = time.time() - f.stat().st_mtime
    if age < settle_s or store.seen_file(f):
        return []
    if f.suffix.lower() == ".json":
        report = _report_beside(f)
        if report is None or not store.seen_file(report):
            return []  # its report has not come yet: it will be read with it
        outcomes = update_from_sidecar(store, report, f)  # late: its report is already in
        store.mark_file(f, ", ".join(o.status for o in outcomes))
        return outcomes
    sidecar = f.with_suffix(".json") if f.suffix.lower() in REPORT_SUFFIXES else None
    if sidecar is not None:
        sidecar_age = _age(sidecar)
        if sidecar_age is None and age < sidecar_wait_s:
            return []  # its sidecar may still come
        if sidecar_age is not None and sidecar_age < settle_s:
            return []  # its sidecar is still being written
    outcomes = ingest_inbox_file(store, f)
    store.mark_file(f, ", ".join(o.status for o in outcomes))
    if sidecar is not None and sidecar.exists():
        store.mark_file(sidecar, "read with its report")
    return outcomes


def inbox_once(
    store: Store, inbox: Path, settle_s: float = SETTLE_S, sidecar_wait_s: float = SIDECAR_WAIT_S
) -> Iterator[Outcome]:
    """One look at the inbox. A file is read once it has not been modified for `settle_s` (so never half
    written), and each (path, size, mtime) only once. A report waits up to `sidecar_wait_s` for its
    NAME.json; a sidecar waits for its report; a sidecar that comes after its report updates its metadata."""
    for f in sorted(p for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".")):
        try:
            outcomes = _look_at(store, f, settle_s, sidecar_wait_s)
        except FileNotFoundError:
            continue  # moved away meanwhile
        yield from outcomes


def store_may_come_back(exc: BaseException) -> bool:
    """A failure of the store that may pass by itself: the server out of reach or restarting, a dropped
    connection, a write that lost to another writer, a full disk; not a damaged store or a bug."""
    return isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError) or (
        isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def watch(
    store: Store,
    inbox: Path,
    interval_s: float = 5.0,
    once: bool = False,
    settle_s: float = SETTLE_S,
    sidecar_wait_s: float = SIDECAR_WAIT_S,
    retry_max_s: float = RETRY_MAX_S,
    log: Callable[[str], None] = _say,
) -> Iterator[Outcome]:
    """Ingest files dropped into the inbox folder (see inbox_once), looking every `interval_s`; yields outcomes.

    When the store fails in a way that may pass (store_may_come_back), the look stops, the reason is
    logged, and the watch looks again after a pause that doubles at each failure in a row (from
    RETRY_FIRST_S up to `retry_max_s`); nothing is lost: a file is marked read only once it is stored, so it
    is read again. Any other failure of the store, or any failure with `once`, ends the watch (raised)."""
    inbox.mkdir(parents=True, exist_ok=True)
    failures = 0
    while True:
        try:
            yield from inbox_once(store, inbox, settle_s, sidecar_wait_s)
        except sa.exc.DBAPIError as exc:
            if once or not store_may_come_back(exc):
                raise
            failures += 1
            pause = min(retry_max_s, RETRY_FIRST_S * 2 ** (failures - 1))
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            log(f"the store failed ({type(exc.orig).__name__}: {reason}); looking again in {pause:g} s")
            time.sleep(pause)
            continue
        if failures:
            log("the store is back")
            failures = 0
        if once:
            return
        time.sleep(interval_s)


def read_url(url: str) -> list[Report | Rejected]:
    """A page or a feed on the web (fetched from public addresses only, see dashboard.fetch)."""
    data = fetch(url, MAX_BYTES)
    if looks_like_feed(data):
        return read_feed(data, url)
    return [read_html(data, url, url=url)]
