"""The store: reports and their extractions in SQLite (WAL), one transaction per report.

Narrow on purpose, so that a PostgreSQL backend can implement the same methods later:
`add`, `reports`, `extractions`, `revision`, `last_updated`, `seen_file`/`mark_file`, `close`.
Reports are keyed by their content id, so adding the same report twice changes nothing. Extractions are
stored with the extractor's version and recomputed when it changes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
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


class Store:
    """SQLite store at `path` (created on first use), in WAL mode so readers never block the writer."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for i, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.db.executescript(f"BEGIN IMMEDIATE; {script}; PRAGMA user_version = {i}; COMMIT;")

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def has_report(self, report_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone() is not None

    def add(self, report: Report, extraction: Extraction, extractor_version: str) -> bool:
        """Store a report with its extraction in one transaction; False if it was already there."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if self.has_report(report.id):
                self.db.execute("ROLLBACK")
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
            self.db.execute("COMMIT")
            return True
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

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
            self.db.execute("BEGIN IMMEDIATE")
            self._put_extraction(report.id, extraction, extractor_version)
            self.db.execute("COMMIT")
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
        st = path.stat()
        self.db.execute(
            "INSERT OR REPLACE INTO inbox_files VALUES (?, ?, ?, ?)", (str(path), st.st_size, st.st_mtime_ns, outcome)
        )
