"""date intervals: first day, last day and precision beside every date

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from dateline.timex.interval import DATED_TYPES, date_fields

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# table -> (key column, value column, prefix of the new columns)
DATED = {
    "documents": ("id", "published", "published"),
    "quotes": ("id", "date", "date"),
    "events": ("id", "date", "date"),
    "timexes": ("id", "value", "date"),
}


def upgrade() -> None:
    for table, (_, _, prefix) in DATED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(f"{prefix}_start", sa.String(length=10), nullable=True))
            batch_op.add_column(sa.Column(f"{prefix}_end", sa.String(length=10), nullable=True))
            batch_op.add_column(sa.Column(f"{prefix}_precision", sa.String(length=16),
                                          nullable=True))
            batch_op.create_index(batch_op.f(f"ix_{table}_{prefix}_start"), [f"{prefix}_start"],
                                  unique=False)
    backfill()


def backfill() -> None:
    """Give the rows stored before this revision their intervals."""
    bind = op.get_bind()
    for table, (key, column, prefix) in DATED.items():
        where = f" WHERE type IN {DATED_TYPES}" if table == "timexes" else ""
        rows = bind.execute(sa.text(
            f"SELECT {key}, {column} FROM {table}{where}")).all()  # noqa: S608 (fixed names)
        update = sa.text(
            f"UPDATE {table} SET {prefix}_start = :{prefix}_start, {prefix}_end = :{prefix}_end, "
            f"{prefix}_precision = :{prefix}_precision WHERE {key} = :key")
        params = [{"key": k, **date_fields(v, prefix)} for k, v in rows if v]
        if params:
            bind.execute(update, params)


def downgrade() -> None:
    for table, (_, _, prefix) in DATED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_{prefix}_start"))
            for suffix in ("precision", "end", "start"):
                batch_op.drop_column(f"{prefix}_{suffix}")
