"""The store's tables, one schema for SQLite and PostgreSQL (SQLAlchemy Core).

Each extracted record type of `dashboard.records` has its own table, with its report, the day the report
counts from (`known_from`: published, else ingested — what every as-of query filters on), its evidence
(sentence, span, quote) and a few columns derived for queries (a meeting's place and body family, an
incident's episode). Tuples are stored as '|a|b|' so that `LIKE '%|a|%'` finds a member.

The migrations in `dashboard/migrations/` build these tables; `tests/test_store.py` checks that they agree.
"""

from __future__ import annotations

import typing
from dataclasses import fields
from datetime import date

import sqlalchemy as sa

from dashboard.records import RECORD_TYPES, Evidence

metadata = sa.MetaData()

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.Date),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("dropped_paragraphs", sa.Integer, nullable=False, server_default="0"),
    sa.Column("added_at", sa.String(40), nullable=False),  # ISO 8601, UTC
    sa.Column("name", sa.Text),
    sa.Column("known_from", sa.Date, index=True),
    sa.Column("dated_by", sa.String(16)),  # how `published` was found (dashboard.pubdate.HOW); NULL: undated
)
extractions = sa.Table(
    "extractions",
    metadata,
    sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("extractor_version", sa.String(64), nullable=False, index=True),
    sa.Column("extracted_at", sa.String(40), nullable=False),
)
inbox_files = sa.Table(
    "inbox_files",
    metadata,
    sa.Column("path", sa.Text, primary_key=True),
    sa.Column("size", sa.BigInteger, primary_key=True),
    sa.Column("mtime_ns", sa.BigInteger, primary_key=True),
    sa.Column("outcome", sa.Text, nullable=False),
)
inbox_reports = sa.Table(  # the reports an inbox file gave when it was last read
    "inbox_reports",
    metadata,
    sa.Column("path", sa.Text, primary_key=True),
    sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    sa.Index("ix_inbox_reports_report_id", "report_id"),
)
revision = sa.Table(
    "revision",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("value", sa.BigInteger, nullable=False),
    sa.Column("changed_at", sa.String(40)),
)

changes = sa.Table(  # one row per write: the revision it made, the earliest day its records count from
    "changes",
    metadata,
    sa.Column("revision", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("since", sa.Date, nullable=False, index=True),
)

admin_failures = sa.Table(  # wrong admin tokens of the last window: the lockout every app process shares
    "admin_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("client", sa.String(32), nullable=False, index=True),  # a digest of the address, not the address
    sa.Column("at", sa.Float, nullable=False, index=True),  # seconds since the epoch
)

_SQL_TYPES = {str: sa.Text, int: sa.BigInteger, float: sa.Float, date: sa.Date, bool: sa.Boolean}
DERIVED = {  # record table -> columns computed from the record for queries (see store.derived)
    "figures": [
        sa.Column("provinces", sa.Text),
        sa.Column("counts_incident", sa.Boolean, nullable=False, server_default=sa.false()),
    ],
    "meetings": [sa.Column("place_key", sa.Text), sa.Column("family", sa.Text)],
    "incidents": [sa.Column("episode", sa.String(16))],
}
INDEXES = {
    "places": [("admin1", "known_from"), ("place_id",)],
    "figures": [("period", "metric", "known_from")],
    "meetings": [("date",)],
    "incidents": [("episode",)],
    "onsets": [("date",)],
    "statements": [("topic", "known_from")],
}


def _sql_type(hint) -> sa.types.TypeEngine:
    """A column type from a dataclass field's type: Optional unwrapped, tuples as text."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = typing.get_origin(hint) or hint
    if base is tuple:
        return sa.Text()
    if args and base not in (tuple,):
        return _sql_type(args[0])
    return _SQL_TYPES[base]()


def _derived_column(c: sa.Column) -> sa.Column:
    default = c.server_default.arg if c.server_default is not None else None
    return sa.Column(c.name, c.type, nullable=c.nullable, server_default=default)


def _record_table(name: str, cls: type) -> sa.Table:
    hints = typing.get_type_hints(cls)
    own = [sa.Column(f.name, _sql_type(hints[f.name])) for f in fields(cls) if f.name != "evidence"]
    evidence = [sa.Column(f.name, _sql_type(typing.get_type_hints(Evidence)[f.name])) for f in fields(Evidence)]
    table = sa.Table(
        name,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("known_from", sa.Date, index=True),
        *own,
        *[c for c in evidence if c.name != "report_id"],
        *[_derived_column(c) for c in DERIVED.get(name, [])],
        sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Index(f"ix_{name}_report_id", "report_id"),
    )
    for cols in INDEXES.get(name, []):
        sa.Index(f"ix_{name}_{'_'.join(cols)}", *[table.c[c] for c in cols])
    return table


RECORD_TABLES: dict[str, sa.Table] = {name: _record_table(name, cls) for name, cls in RECORD_TYPES.items()}
TUPLE_COLUMNS = {
    (name, f.name)
    for name, cls in RECORD_TYPES.items()
    for f in fields(cls)
    if typing.get_origin(typing.get_type_hints(cls)[f.name]) is tuple
}
