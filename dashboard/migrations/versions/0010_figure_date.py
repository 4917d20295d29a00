"""`figures.date`: the day a figure's sentence says the toll stood at ("by Tuesday, 20 had been killed");
NULL when it gives none (the figure stands at its report's date). Extractions are recomputed.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("date", sa.Date))


def downgrade() -> None:
    op.execute("ALTER TABLE figures DROP COLUMN date")
