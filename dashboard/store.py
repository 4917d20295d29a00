"""The store: reports and their extractions in SQLite (WAL), one transaction per report.

Narrow on purpose, so that a PostgreSQL backend can implement the same methods later:
`add`, `update_metadata`, `report_at`, `reports`, `extractions`, `revision`, `last_updated`,
`seen_file`/`mark_file`, `close`.
Reports are keyed by their content id, so adding the same report twice changes nothing. Extractions are
stored with the extractor's version and recomputed when it changes. A store that cannot be used (damaged,
emptied, from a newer version) raises `StoreError` with a message that says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path

from dashboard.records import Evidence, Extraction, Figure, Incident, Meeting, Onset, PlaceMention, Report

# Each migration takes the schema from version i to i + 1; never edit one that has shipped.
MIGRATIONS = (
    """
    CREATE TABLE reports (
        id TEXT PRIMARY KEY, path TEXT NOT NULL, text TEXT NOT NULL, published TEXT, url TEXT, outlet TEXT,
        title TEXT, dropped_paragraphs INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL);
    CREATE TABLE extractions (
        report_id TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        extractor_version TEXT NOT NULL, payload TEXT NOT NULL, extracted_at TEXT NOT NULL);
    CREATE TABLE inbox_files (
        path TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, outcome TEXT NOT NULL,
        PRIMARY KEY (path, size, mtime_ns));
    CREATE TABLE revision (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL, changed_at TEXT);
    INSERT INTO revision VALUES (1, 0, NULL);
    """,
    "ALTER TABLE reports ADD COLUMN name TEXT;",
)
# A migration is run statement by statement (in the transaction that read the version): no ";" inside one.
RECORDS = {"places": PlaceMention, "figures": Figure, "meetings": Meeting, "incidents": Incident, "onsets": Onset}
TUPLE_FIELDS = {"participants", "places", "admin1"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json_default(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def to_payload(extraction: Extraction) -> str:
    return json.dumps({k: [asdict(r) for r in getattr(extraction, k)] for k in RECORDS}, default=_json_default)


def _revive(cls, d: dict):
    d = dict(d, evidence=Evidence(**d["evidence"]))
    if d.get("date"):
        d["date"] = date.fromisoformat(d["date"])
    if cls is Incident or cls is Meeting:
        d.update({k: tuple(v) for k, v in d.items() if k in TUPLE_FIELDS and isinstance(v, list)})
    return cls(**d)


def from_payload(report: Report, payload: str) -> Extraction:
    doc = json.loads(payload)
    return Extraction(report, **{k: [_revive(cls, d) for d in doc.get(k, [])] for k, cls in RECORDS.items()})


def _report_from_row(row: sqlite3.Row) -> Report:
    return Report(
        id=row["id"],
        path=row["path"],
        text=row["text"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        dropped_paragraphs=row["dropped_paragraphs"],
        name=row["name"],
        ingested=datetime.fromisoformat(row["added_at"]).date(),
    )


class StoreError(Exception):
    """The store cannot be used; the message names the file, says what is wrong and what to do."""


def _migrate(db: sqlite3.Connection) -> None:
    """Apply the pending migrations in one transaction, the version read (again) inside it: two processes
    opening the store at once never run the same migration twice."""
    if db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
        return  # up to date: no write lock needed (versions only grow)
    with _transaction(db):
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"schema version {version} is newer than this program's ({len(MIGRATIONS)})")
        for i, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in filter(str.strip, script.split(";")):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {i}")


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # SQLite may have rolled back already (a full disk): keep the real error
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        raise


def _create(path: Path) -> None:
    """A new store, made whole in a temporary file and then linked into place: the store file never exists
    half made, so an empty one can only be damage, and of two processes creating it the first one wins."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.new")
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")  # kept in the file
            _migrate(db)
        finally:
            db.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)


class Store:
    """SQLite store at `path` (created on first use), in WAL mode so readers never block the writer.

    Raises StoreError when the file is empty (truncated), not a database, damaged or from a newer version.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.exists():
            _create(self.path)
        elif self.path.is_file() and self.path.stat().st_size == 0:
            raise StoreError(
                f"the store at {self.path} is empty (0 bytes) — was it truncated? Remove it to start a new store"
            )
        try:
            # mode=rw: never create a file here (only _create does, whole)
            self.db = sqlite3.connect(
                f"{self.path.absolute().as_uri()}?mode=rw",
                uri=True,
                timeout=30,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        try:
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            _migrate(self.db)
        except (sqlite3.OperationalError, StoreError) as exc:  # locked, unreadable, too new: not damage
            self.db.close()
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:  # not a database, malformed
            self.db.close()
            raise StoreError(f"the store at {self.path} is damaged: {exc}") from exc

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def has_report(self, report_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone() is not None

    def add(self, report: Report, extraction: Extraction, extractor_version: str) -> bool:
        """Store a report with its extraction in one transaction; False if it was already there."""
        with _transaction(self.db):
            if self.has_report(report.id):
                return False
            self.db.execute(
                "INSERT INTO reports (id, path, text, published, url, outlet, title, dropped_paragraphs, added_at,"
                " name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    report.id,
                    report.path,
                    report.text,
                    report.published.isoformat() if report.published else None,
                    report.url,
                    report.outlet,
                    report.title,
                    report.dropped_paragraphs,
                    _now(),
                    report.name,
                ),
            )
            self._put_extraction(report.id, extraction, extractor_version)
        return True

    def update_metadata(self, report: Report, extraction: Extraction, extractor_version: str) -> bool:
        """Replace a stored report's metadata (name, url, outlet, title, published) and its extraction, which
        depends on the published date; False if there is no report with that id."""
        with _transaction(self.db):
            updated = self.db.execute(
                "UPDATE reports SET name = ?, url = ?, outlet = ?, title = ?, published = ? WHERE id = ?",
                (
                    report.name,
                    report.url,
                    report.outlet,
                    report.title,
                    report.published.isoformat() if report.published else None,
                    report.id,
                ),
            ).rowcount
            if updated:
                self._put_extraction(report.id, extraction, extractor_version)
        return bool(updated)

    def report_at(self, path: str) -> Report | None:
        """The report last stored from this path, if any."""
        row = self.db.execute("SELECT * FROM reports WHERE path = ? ORDER BY rowid DESC LIMIT 1", (path,)).fetchone()
        return _report_from_row(row) if row else None

    def _put_extraction(self, report_id: str, extraction: Extraction, extractor_version: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?)",
            (report_id, extractor_version, to_payload(extraction), _now()),
        )
        self.db.execute("UPDATE revision SET value = value + 1, changed_at = ? WHERE id = 1", (_now(),))

    def reports(self) -> list[Report]:
        return [_report_from_row(r) for r in self.db.execute("SELECT * FROM reports ORDER BY rowid")]

    def extractions(self, extractor_version: str, extract: Callable[[Report], Extraction]) -> list[Extraction]:
        """Every report's extraction; stale ones (another extractor version) are recomputed and saved."""
        rows = self.db.execute(
            "SELECT r.*, e.extractor_version, e.payload FROM reports r LEFT JOIN extractions e ON e.report_id = r.id "
            "ORDER BY r.rowid"
        ).fetchall()
        out = []
        for row in rows:
            report = _report_from_row(row)
            if row["extractor_version"] == extractor_version:
                out.append(from_payload(report, row["payload"]))
                continue
            extraction = extract(report)
            with _transaction(self.db):
                self._put_extraction(report.id, extraction, extractor_version)
            out.append(extraction)
        return out

    def revision(self) -> int:
        """A number that grows with every write: caches key on it."""
        return self.db.execute("SELECT value FROM revision").fetchone()[0]

    def last_updated(self) -> datetime | None:
        value = self.db.execute("SELECT changed_at FROM revision").fetchone()[0]
        return datetime.fromisoformat(value) if value else None

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM reports").fetchone()[0]

    def seen_file(self, path: Path) -> bool:
        st = path.stat()
        return (
            self.db.execute(
                "SELECT 1 FROM inbox_files WHERE path = ? AND size = ? AND mtime_ns = ?",
                (str(path), st.st_size, st.st_mtime_ns),
            ).fetchone()
            is not None
        )

    def mark_file(self, path: Path, outcome: str) -> None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return  # gone since it was read: nothing to remember
        self.db.execute(
            "INSERT OR REPLACE INTO inbox_files VALUES (?, ?, ?, ?)", (str(path), st.st_size, st.st_mtime_ns, outcome)
        )
