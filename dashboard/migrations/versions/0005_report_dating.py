"""When: how each report's publication date was found (`reports.dated_by`: metadata, url, dateline, text; NULL for
a report with nothing to date it, which counts from the day it was stored). Reports stored without a date
are dated now from their URL and text (dashboard.pubdate), so they count from that day; their records are
recomputed with the new extractor version, and every view's answers once. `incidents.timing` says whether an
incident's sentence gives its day (stated), only its report's (reported) or an earlier period (earlier).

Revision ID: 0005
Revises: 0004
"""

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

from dashboard import pubdate

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("dated_by", sa.String(16)))
    op.execute("UPDATE reports SET dated_by = 'metadata' WHERE published IS NOT NULL")
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("timing", sa.Text))
    op.execute("UPDATE incidents SET timing = CASE WHEN date IS NULL THEN 'reported' ELSE 'stated' END")
    conn = op.get_bind()
    reports = sa.table(
        "reports",
        sa.column("id"),
        sa.column("text"),
        sa.column("url"),
        sa.column("added_at"),
        sa.column("published", sa.Date),
        sa.column("known_from", sa.Date),
        sa.column("dated_by"),
    )
    undated = conn.execute(
        sa.select(reports.c.id, reports.c.text, reports.c.url, reports.c.added_at).where(reports.c.published.is_(None))
    ).all()
    for row in undated:
        found = pubdate.find(row.text, url=row.url, today=datetime.fromisoformat(row.added_at).date())
        if found.day:
            conn.execute(
                reports.update()
                .where(reports.c.id == row.id)
                .values(published=found.day, known_from=found.day, dated_by=found.how)
            )
    if not undated:
        return
    for table in ("places", "figures", "meetings", "incidents", "onsets", "statements"):
        known = f"(SELECT known_from FROM reports WHERE reports.id = {table}.report_id)"
        op.execute(f"UPDATE {table} SET known_from = {known}")
    # What every view knew may have moved: their answers are recomputed once.
    op.execute("UPDATE revision SET value = value + 1")
    first_day = sa.bindparam("first_day", date.min, type_=sa.Date)
    op.execute(
        sa.text("INSERT INTO changes (revision, since) SELECT value, :first_day FROM revision").bindparams(first_day)
    )


def downgrade() -> None:
    # not batch mode: on SQLite that copies `reports` anew, and dropping the old one cascades to every record
    op.execute("ALTER TABLE reports DROP COLUMN dated_by")
    op.execute("ALTER TABLE incidents DROP COLUMN timing")
