"""SQLite's cross-process data version: one counter row that writing transactions move.

Each server process keeps admin reads in memory while the data has not changed (``jibsa.core.read_cache``). On
PostgreSQL other processes' commits arrive by ``NOTIFY``; SQLite has no notifications, and its own
``PRAGMA data_version`` moves on every commit (an audit row, a heartbeat), which emptied every cache on every
detail view. A writing transaction that touches data a cached read shows moves this counter instead, in the same
transaction. PostgreSQL has the table too (one schema for both) but does not use it.

Revision ID: 0004
Revises: 0003e
Create Date: 2026-11-28 16:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "data_change",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("generation", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_change")),
    )
    op.bulk_insert(table, [{"id": 1, "generation": 0}])


def downgrade() -> None:
    op.drop_table("data_change")
