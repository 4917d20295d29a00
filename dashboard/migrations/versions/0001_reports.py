"""The store as it first shipped: reports, one JSON extraction per report, inbox files, a revision counter.

Stores made before Alembic (SQLite `PRAGMA user_version` 1 or 2) are stamped at this revision.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("dropped_paragraphs", sa.Integer, nullable=False, server_default="0"),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.Column("name", sa.Text),
    )
    op.create_table(
        "extractions",
        sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("extracted_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "inbox_files",
        sa.Column("path", sa.Text, primary_key=True),
        sa.Column("size", sa.BigInteger, primary_key=True),
        sa.Column("mtime_ns", sa.BigInteger, primary_key=True),
        sa.Column("outcome", sa.Text, nullable=False),
    )
    revision_table = op.create_table(
        "revision",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("value", sa.BigInteger, nullable=False),
        sa.Column("changed_at", sa.String(40)),
    )
    op.bulk_insert(revision_table, [{"id": 1, "value": 0, "changed_at": None}])
