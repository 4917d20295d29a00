"""The store: reports and their extracted records, in SQLite (embedded, the default) or PostgreSQL (a
server for a shared deployment), through one schema (`dashboard.schema`) and Alembic migrations.

`Store(location)` takes a file path (SQLite, WAL mode) or a `postgresql://` URL. One transaction per report:
a report and all its records are stored together or not at all. Reports are keyed by their content id, so
adding the same report twice changes nothing. Each report's records are stored with the extractor's
version and recomputed when it changes (`refresh_stale` here, `dashboard.bulk` over worker processes), a
batch's new records replacing the old in the transaction that marks them current (`replace_stale`). A store
that cannot be used (damaged, emptied, from a newer version, a server that cannot be reached) raises
`StoreError` with a message that says so.
Reading what the views show is `dashboard.queries`' job; the store writes, and reads single reports; it also
keeps the admin token's wrong attempts (`token_attempt`), shared by every process of a store.

Opening a store (engines, migrations, `StoreError`, `failure_reason`, `release`) is in `dashboard.store_open`,
records as rows and back (`record_from_row`, `report_from_row`) in `dashboard.store_rows`; this module
re-exports those names.

Size: one class, the store's whole write interface (add, replace, re-extract, the admin token's attempts), each
method one transaction; split further it would scatter one schema's writes.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from dashboard.records import Extraction, Report
from dashboard.schema import (
    RECORD_TABLES,
    admin_failures,
    changes,
    extractions,
    inbox_files,
    inbox_reports,
    reports,
    revision,
)
from dashboard.store_open import (  # noqa: F401 (re-exported: code that imports them from here)
    StoreError,
    _alembic,
    _head,
    _open,
    failure_reason,
    lost_to_another_writer,
    release,
)
from dashboard.store_rows import record_from_row, record_row, report_context, report_from_row  # noqa: F401

_PG_TOKEN_LOCK = 4_270_427  # pg_advisory_xact_lock key: one admin-token check at a time (all processes)
WRITE_ATTEMPTS = 8  # a write transaction that lost to another writer is run again up to this many times in all
RETRY_PAUSE_S = (0.05, 2.0)  # the pause before a retry: random, up to base * 2**attempt, capped
T = TypeVar("T")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Store:
    """A store at a SQLite path (created on first use) or a PostgreSQL URL.

    Raises StoreError when it is empty (truncated), not a database, damaged, from a newer version or out of
    reach.
    """

    def __init__(self, location: str | Path):
        self.location = str(location)
        self.engine = _open(self.location)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        """Connections go back to the process's pool (shared by every Store of the same location)."""

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.info["write"] = True
            with conn.begin():
                yield conn

    def _transact(self, work: Callable[[Connection], T]) -> T:
        """`work(conn)` in one write transaction, its result. Every write goes through here: a transaction
        that lost to another writer (lost_to_another_writer) is rolled back whole and run again, at most
        WRITE_ATTEMPTS times, after a random pause (jitter, so the two do not meet again) that grows."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._write() as conn:
                    return work(conn)
            except sa.exc.DBAPIError as exc:
                if attempt == WRITE_ATTEMPTS or not lost_to_another_writer(exc):
                    raise
            base, cap = RETRY_PAUSE_S
            time.sleep(random.uniform(0, min(cap, base * 2**attempt)))
        raise AssertionError("unreachable")

    def _insert(self, table: sa.Table):
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    def has_report(self, report_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(reports.c.id).where(reports.c.id == report_id)).first() is not None

    def add(self, report: Report, extraction: Extraction, extractor_version: str) -> bool:
        """Store a report with its records in one transaction; False if it was already there."""
        return bool(self.add_many([(report, extraction)], extractor_version))

    def add_many(self, items: list[tuple[Report, Extraction]], extractor_version: str) -> set[str]:
        """Store reports with their records in one transaction (each report whole, or none of them); the ids
        of those that were new (the others were stored before, perhaps a moment ago by another writer)."""
        return self._transact(lambda conn: self._add(conn, items, extractor_version))

    def _add(
        self,
        conn: Connection,
        items: list[tuple[Report, Extraction]],
        extractor_version: str,
        since: date | None = None,
    ) -> set[str]:
        added_at = _now()
        today = datetime.fromisoformat(added_at).date()
        rows = {
            r.id: {
                "id": r.id,
                "path": r.path,
                "text": r.text,
                "published": r.published,
                "dated_by": r.dated_by if r.published else None,
                "url": r.url,
                "outlet": r.outlet,
                "title": r.title,
                "dropped_paragraphs": r.dropped_paragraphs,
                "added_at": added_at,
                "name": r.name,
                "known_from": r.published or today,
            }
            for r, _ in items
        }
        if not rows:
            return set()
        insert = self._insert(reports).on_conflict_do_nothing(index_elements=["id"]).returning(reports.c.id)
        # rows in id order: writers of the same reports take their locks in the same order
        new = {row_id for _, row in sorted(rows.items()) for row_id in conn.execute(insert.values(row)).scalars()}
        fresh = {r.id: (r.id, rows[r.id]["known_from"], e) for r, e in items if r.id in new}
        self._insert_records(conn, list(fresh.values()), extractor_version, since=since)
        return new

    def put_file(
        self, path: str, items: list[tuple[Report, Extraction]], extractor_version: str
    ) -> tuple[set[str], set[str]]:
        """The reports read from an inbox file, in place of those the same file gave when it was read before
        (it changed since: written on after a pause, or replaced), in one transaction. The earlier reports
        are removed with their records unless another inbox file gave them too, or they were not stored
        from the inbox (an ingest or upload of the same text). The ids (added, removed)."""

        def work(conn: Connection) -> tuple[set[str], set[str]]:
            ids = {r.id for r, _ in items}
            before = set(
                conn.execute(sa.select(inbox_reports.c.report_id).where(inbox_reports.c.path == path)).scalars()
            )
            conn.execute(inbox_reports.delete().where(inbox_reports.c.path == path))
            still_given = sa.select(inbox_reports.c.report_id)
            from_inbox = sa.select(inbox_files.c.path)
            gone = conn.execute(
                sa.select(reports.c.id, reports.c.known_from).where(
                    reports.c.id.in_(sorted(before - ids)),
                    reports.c.id.not_in(still_given),
                    reports.c.path.in_(from_inbox),
                )
            ).all()
            if gone:
                conn.execute(reports.delete().where(reports.c.id.in_([g.id for g in gone])))  # records cascade
            since = min((g.known_from or date.min for g in gone), default=None)
            added = self._add(conn, items, extractor_version, since=since)
            if ids:
                conn.execute(inbox_reports.insert(), [{"path": path, "report_id": i} for i in sorted(ids)])
            if gone and not added:
                self._bump_revision(conn, since)
            return added, {g.id for g in gone}

        return self._transact(work)

    def _insert_records(
        self,
        conn: Connection,
        items: list[tuple[str, date | None, Extraction]],
        version: str,
        since: date | None = None,
    ) -> None:
        """Records of reports that have none yet (executemany per table), their version, a new revision that
        changes the views from the earliest day they count from (or `since`, if earlier)."""
        if not items:
            return
        about = {rid: report_context(e) for rid, _, e in items}
        for name, table in RECORD_TABLES.items():
            rows = [
                record_row(name, r, known_from, about[rid]) for rid, known_from, e in items for r in getattr(e, name)
            ]
            if rows:
                conn.execute(table.insert(), rows)
        now = _now()
        conn.execute(
            extractions.insert(),
            [{"report_id": rid, "extractor_version": version, "extracted_at": now} for rid, _, _ in items],
        )
        days = [d for d in (since, *(known_from for _, known_from, _ in items)) if d is not None]
        self._bump_revision(conn, min(days, default=date.min), now)

    def _bump_revision(self, conn: Connection, since: date | None, now: str | None = None) -> None:
        """A new revision, which changes the views from `since` on."""
        now = now or _now()
        conn.execute(revision.update().values(value=revision.c.value + 1, changed_at=now))
        made = conn.execute(sa.select(revision.c.value)).scalar_one()
        conn.execute(changes.insert().values(revision=made, since=since or date.min))

    def _replace_records(
        self,
        conn: Connection,
        items: list[tuple[str, date | None, Extraction]],
        version: str,
        since: date | None = None,
    ) -> None:
        """Replace reports' records (a new extractor version, new metadata; `since` the day their old records
        counted from, if it moved)."""
        ids = [rid for rid, _, _ in items]
        for table in (*RECORD_TABLES.values(), extractions):
            conn.execute(table.delete().where(table.c.report_id.in_(ids)))
        self._insert_records(conn, items, version, since=since)

    def update_metadata(self, report: Report, extraction: Extraction, extractor_version: str) -> bool:
        """Replace a stored report's metadata (name, url, outlet, title, published) and its records, which
        depend on the published date; False if there is no report with that id."""

        def work(conn: Connection) -> bool:
            row = conn.execute(
                sa.select(reports.c.added_at, reports.c.known_from).where(reports.c.id == report.id)
            ).first()
            if row is None:
                return False
            known_from = report.published or datetime.fromisoformat(row.added_at).date()
            conn.execute(
                reports.update()
                .where(reports.c.id == report.id)
                .values(
                    name=report.name,
                    url=report.url,
                    outlet=report.outlet,
                    title=report.title,
                    published=report.published,
                    dated_by=report.dated_by if report.published else None,
                    known_from=known_from,
                )
            )
            self._replace_records(conn, [(report.id, known_from, extraction)], extractor_version, row.known_from)
            return True

        return self._transact(work)

    def report(self, report_id: str) -> Report | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(reports).where(reports.c.id == report_id)).mappings().first()
        return report_from_row(row) if row else None

    def report_at(self, path: str) -> Report | None:
        """The report last stored from this path, if any."""
        query = sa.select(reports).where(reports.c.path == path).order_by(reports.c.added_at.desc()).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return report_from_row(row) if row else None

    def reports(self) -> list[Report]:
        """Every report, oldest first (for small stores and tests; the views use dashboard.queries)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(reports).order_by(reports.c.added_at, reports.c.id)).mappings().all()
        return [report_from_row(r) for r in rows]

    def extraction(self, report: Report) -> Extraction:
        """A stored report's records."""
        out = Extraction(report)
        with self.engine.connect() as conn:
            for name, table in RECORD_TABLES.items():
                query = sa.select(table).where(table.c.report_id == report.id).order_by(table.c.id)
                getattr(out, name).extend(record_from_row(name, r) for r in conn.execute(query).mappings())
        return out

    def stale(self, extractor_version: str, limit: int | None = None) -> list[str]:
        """Ids of reports whose records come from another extractor version (or from none)."""
        query = (
            sa.select(reports.c.id)
            .outerjoin(extractions, extractions.c.report_id == reports.c.id)
            .where(
                sa.or_(extractions.c.extractor_version.is_(None), extractions.c.extractor_version != extractor_version)
            )
            .order_by(reports.c.known_from.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def reports_by_id(self, ids: list[str]) -> list[Report]:
        """The stored reports of these ids (those that are gone are left out), in id order."""
        query = sa.select(reports).where(reports.c.id.in_(ids)).order_by(reports.c.id)
        with self.engine.connect() as conn:
            return [report_from_row(r) for r in conn.execute(query).mappings()]

    def replace_stale(self, items: list[tuple[Report, Extraction]], extractor_version: str) -> set[str]:
        """New records of stored reports, in one transaction that also marks them current: a report shows its
        old records until its new ones are committed. Reports that are current already (another run did them
        meanwhile) or gone are left as they are: running it twice changes nothing. The ids replaced."""

        def work(conn: Connection) -> set[str]:
            ids = sorted({r.id for r, _ in items})
            lock = sa.select(reports.c.id, reports.c.published, reports.c.dated_by, reports.c.known_from)
            lock = lock.where(reports.c.id.in_(ids)).order_by(reports.c.id)
            if self.dialect == "postgresql":  # SQLite's write lock covers it; rows locked in one order
                lock = lock.with_for_update()
            there = {row.id: row for row in conn.execute(lock)}
            current = sa.select(extractions.c.report_id).where(
                extractions.c.report_id.in_(ids), extractions.c.extractor_version == extractor_version
            )
            todo = set(there) - set(conn.execute(current).scalars())
            fresh = {r.id: (r.id, r.published or r.ingested, e) for r, e in items if r.id in todo}
            since = self._redated(conn, [r for r, _ in items if r.id in todo], there)
            if fresh:
                self._replace_records(conn, [fresh[i] for i in sorted(fresh)], extractor_version, since)
            return set(fresh)

        return self._transact(work)

    @staticmethod
    def _redated(conn: Connection, items: list[Report], stored: dict) -> date | None:
        """Store the new dates of reports dated again (an estimate improved): the earliest day their records
        counted from before, for the revisions of the days between (None if no date moved)."""
        since = None
        for r in items:
            row = stored[r.id]
            dated_by = r.dated_by if r.published else None
            if (r.published, dated_by) == (row.published, row.dated_by):
                continue
            values = {"published": r.published, "dated_by": dated_by, "known_from": r.published or r.ingested}
            conn.execute(reports.update().where(reports.c.id == r.id).values(**values))
            since = min(since or row.known_from, row.known_from)
        return since

    def refresh_stale(self, extractor_version: str, extract: Callable[[Report], Extraction], batch: int = 200) -> int:
        """Re-extract the reports of other extractor versions, newest first, a batch per transaction; how many
        (several processes may run it at once: see replace_stale; dashboard.bulk runs it over workers)."""
        done = 0
        while ids := self.stale(extractor_version, batch):
            fresh = [(e.report, e) for e in map(extract, self.reports_by_id(ids))]  # as `extract` dated it
            done += len(self.replace_stale(fresh, extractor_version))
        return done

    def extractions(self, extractor_version: str, extract: Callable[[Report], Extraction]) -> list[Extraction]:
        """Every report's records, stale ones recomputed first (for small stores, exports and tests)."""
        self.refresh_stale(extractor_version, extract)
        return [self.extraction(r) for r in self.reports()]

    def revision(self) -> int:
        """A number that grows with every write: caches key on it."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(revision.c.value)).scalar_one()

    def revision_at(self, as_of: date) -> int:
        """The newest revision that changed what is known at the as-of date (a write whose records all count
        from a later day leaves it as it was): what caches of views as of that date key on."""
        query = sa.select(sa.func.max(changes.c.revision)).where(changes.c.since <= as_of)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar() or 0

    def last_updated(self) -> datetime | None:
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(revision.c.changed_at)).scalar_one()
        return datetime.fromisoformat(value) if value else None

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(reports)).scalar_one()

    def seen_file(self, path: Path) -> bool:
        st = path.stat()
        query = sa.select(inbox_files.c.outcome).where(
            inbox_files.c.path == str(path), inbox_files.c.size == st.st_size, inbox_files.c.mtime_ns == st.st_mtime_ns
        )
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def mark_file(self, path: Path, outcome: str) -> None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return  # gone since it was read: nothing to remember
        row = {"path": str(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns, "outcome": outcome}
        insert = self._insert(inbox_files).values(row)
        upsert = insert.on_conflict_do_update(index_elements=["path", "size", "mtime_ns"], set_={"outcome": outcome})
        self._transact(lambda conn: conn.execute(upsert))

    def token_attempt(
        self, client: str, now: float, window_s: float, judge: Callable[[list[float], list[float]], tuple]
    ):
        """One admin-token check, alone (SQLite's write lock, a PostgreSQL advisory lock: every process of a
        shared store waits its turn). `judge` gets the times of the wrong tokens of the last `window_s` seconds
        (this client's, everyone's, oldest first) and returns (answer, what_happened): "failed" records a wrong
        token of this client now, "passed" forgets this client's. Older wrong tokens are dropped. The answer."""
        with self._write() as conn:
            if self.dialect == "postgresql":
                conn.execute(sa.text(f"SELECT pg_advisory_xact_lock({_PG_TOKEN_LOCK})"))
            conn.execute(admin_failures.delete().where(admin_failures.c.at < now - window_s))
            rows = conn.execute(sa.select(admin_failures.c.client, admin_failures.c.at)).all()
            everyone = sorted(at for _, at in rows)
            answer, happened = judge(sorted(at for who, at in rows if who == client), everyone)
            if happened == "failed":
                conn.execute(admin_failures.insert().values(client=client, at=now))
            elif happened == "passed":
                conn.execute(admin_failures.delete().where(admin_failures.c.client == client))
        return answer
