"""Two things the queries used to work out on every call, kept by the store instead:

- `figures.counts_incident`: the figure is told in a sentence that also tells an incident, so it counts that
  incident, not a side's toll (was a correlated subquery on every toll query);
- `changes`: one row per write, the store revision it made and the earliest day (`known_from`) of the records
  it touched, so that a view as of an earlier day keeps its answers when a later report arrives.

Revision ID: 0004
Revises: 0003
"""

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("counts_incident", sa.Boolean, nullable=False, server_default=sa.false()))
    op.execute(
        "UPDATE figures SET counts_incident = EXISTS (SELECT 1 FROM incidents WHERE incidents.report_id = "
        "figures.report_id AND incidents.sentence = figures.sentence)"
    )
    op.create_table(
        "changes",
        sa.Column("revision", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("since", sa.Date, nullable=False),
    )
    op.create_index("ix_changes_since", "changes", ["since"])
    # What was stored before counts from the first day: every view's answers are recomputed once.
    first_day = sa.bindparam("first_day", date.min, type_=sa.Date)
    op.execute(
        sa.text("INSERT INTO changes (revision, since) SELECT value, :first_day FROM revision").bindparams(first_day)
    )


def downgrade() -> None:
    op.drop_table("changes")
    with op.batch_alter_table("figures") as batch:
        batch.drop_column("counts_incident")
