"""Records in tables instead of one JSON blob per report: places, figures, meetings, incidents and onsets,
each row with its report, the day the report counts from (`known_from`) and its evidence, indexed for the
queries by as-of date, province and episode. Extractions are recomputed (the extractor version changes).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _record_table(name: str, *columns: sa.Column, indexes: tuple[tuple[str, ...], ...] = ()) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("known_from", sa.Date),
        *columns,
        sa.Column("sentence", sa.Text),
        sa.Column("start", sa.BigInteger),
        sa.Column("end", sa.BigInteger),
        sa.Column("quote", sa.Text),
        sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_index(f"ix_{name}_known_from", name, ["known_from"])
    op.create_index(f"ix_{name}_report_id", name, ["report_id"])
    for cols in indexes:
        op.create_index(f"ix_{name}_{'_'.join(cols)}", name, list(cols))


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("known_from", sa.Date))
        batch.create_index("ix_reports_known_from", ["known_from"])
    bind = op.get_bind()
    day = "substr(added_at, 1, 10)" if bind.dialect.name == "sqlite" else "CAST(substr(added_at, 1, 10) AS DATE)"
    op.execute(f"UPDATE reports SET known_from = COALESCE(published, {day})")

    op.drop_table("extractions")
    op.create_table(
        "extractions",
        sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("extracted_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_extractions_extractor_version", "extractions", ["extractor_version"])

    text, num, flt, day_t = sa.Text, sa.BigInteger, sa.Float, sa.Date
    _record_table(
        "places",
        *(sa.Column(c, text) for c in ("name", "written", "place_id", "kind", "country", "admin1")),
        sa.Column("lat", flt),
        sa.Column("lon", flt),
        sa.Column("precision", num),
        sa.Column("border_km", flt),
        sa.Column("border_distance_km", flt),
        indexes=(("admin1", "known_from"), ("place_id",)),
    )
    _record_table(
        "figures",
        sa.Column("metric", text),
        sa.Column("value", num),
        *(sa.Column(c, text) for c in ("value_text", "qualifier", "country", "group", "source", "period")),
        sa.Column("provinces", text),
        indexes=(("period", "metric", "known_from"),),
    )
    _record_table(
        "meetings",
        sa.Column("date", day_t),
        *(sa.Column(c, text) for c in ("date_text", "venue", "admin1")),
        sa.Column("lat", flt),
        sa.Column("lon", flt),
        *(sa.Column(c, text) for c in ("body", "participants", "status", "place_key", "family")),
        indexes=(("date",),),
    )
    _record_table(
        "incidents",
        *(sa.Column(c, text) for c in ("kind", "places", "admin1")),
        sa.Column("date", day_t),
        *(sa.Column(c, text) for c in ("reported_by", "accused", "denied_by")),
        sa.Column("episode", sa.String(16)),
        indexes=(("episode",),),
    )
    _record_table("onsets", sa.Column("date", day_t), indexes=(("date",),))
