"""`admin_failures`: the wrong admin tokens of the last window (a digest of the client's address and the
time), so that the delay and the lockout hold across script runs, sessions and app processes that share one
PostgreSQL store (dashboard.ui.admin.TokenGate).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admin_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("client", sa.String(32), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_index("ix_admin_failures_client", "admin_failures", ["client"])
    op.create_index("ix_admin_failures_at", "admin_failures", ["at"])


def downgrade() -> None:
    op.drop_table("admin_failures")
