"""audit_log append-only: triggers refuse UPDATE and DELETE

On PostgreSQL a row trigger raises on UPDATE or DELETE of ``audit_log``; on SQLite two triggers do the
same with ``RAISE(ABORT)``. TRUNCATE (PostgreSQL) stays possible for an operator doing retention by hand.
Hard-deleting an admin who has audit entries is refused as well (the ``SET NULL`` would update them).

Note for later migrations: a SQLite batch operation on ``audit_log`` rebuilds the table and drops these
triggers with it; such a migration must create them again.

Revision ID: 0003a
Revises: 0002
Create Date: 2026-11-28 11:00:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003a"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "audit_log is append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{MESSAGE}: % refused', TG_OP USING ERRCODE = 'restrict_violation';
            END
            $$
            """
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()"
        )
        return
    for operation in ("update", "delete"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{operation} BEFORE {operation.upper()} ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_refuse_change()")
        return
    for operation in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{operation}")
