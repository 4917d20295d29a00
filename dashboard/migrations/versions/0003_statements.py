"""Statements about the ceasefire and its provisions (agreed, in effect, violated, suspended; done, in
progress, disputed), one row per statement with its report and evidence. Extractions are recomputed (the
extractor version changes with the new extraction code).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("known_from", sa.Date),
        *(sa.Column(c, sa.Text) for c in ("topic", "stance", "side")),
        sa.Column("date", sa.Date),
        sa.Column("sentence", sa.Text),
        sa.Column("start", sa.BigInteger),
        sa.Column("end", sa.BigInteger),
        sa.Column("quote", sa.Text),
        sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_index("ix_statements_known_from", "statements", ["known_from"])
    op.create_index("ix_statements_report_id", "statements", ["report_id"])
    op.create_index("ix_statements_topic_known_from", "statements", ["topic", "known_from"])


def downgrade() -> None:
    op.drop_table("statements")
