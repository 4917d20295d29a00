"""What a figure counts (dashboard.extract.figures): `scope` (total: an episode's running total; incident;
province; period), `both_sides` (it counts the people of both countries) and `part_of_total` (a part of a
total stated beside it). Extractions are recomputed (the extractor version changes with the new code).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("scope", sa.Text))
        batch.add_column(sa.Column("both_sides", sa.Boolean))
        batch.add_column(sa.Column("part_of_total", sa.Boolean))


def downgrade() -> None:
    for column in ("scope", "both_sides", "part_of_total"):
        op.execute(f"ALTER TABLE figures DROP COLUMN {column}")
