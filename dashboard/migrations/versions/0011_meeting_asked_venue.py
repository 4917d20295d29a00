"""`meetings.asked_venue`, `meetings.asked_by`: the venue a proposed meeting's sentence tells one side asking for,
and that side (dashboard.extract.meetings.asked_venue), read once at extraction instead of from the sentence at
every query. NULL until the meeting is extracted again; extractions are recomputed (the extractor's version
changes with its sources).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("asked_venue", sa.Text))
        batch.add_column(sa.Column("asked_by", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("asked_by")
        batch.drop_column("asked_venue")
