"""The reports each inbox file gave, so that a file read again after it changed (written on after a pause
longer than the settle time, or replaced) puts its new reports in place of those it gave before instead of
adding to them. Filled from what the inbox already read: reports stored from a path the inbox remembers.

Revision ID: 0007
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_reports",
        sa.Column("path", sa.Text, primary_key=True),
        sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_inbox_reports_report_id", "inbox_reports", ["report_id"])
    op.execute(
        "INSERT INTO inbox_reports (path, report_id) SELECT path, id FROM reports"
        " WHERE path IN (SELECT path FROM inbox_files)"
    )


def downgrade() -> None:
    op.drop_table("inbox_reports")
