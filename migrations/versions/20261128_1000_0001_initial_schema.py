"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28 10:09:08.116161+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "admin",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.LargeBinary(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("token_generation", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin")),
        sa.UniqueConstraint("email", name=op.f("uq_admin_email")),
    )
    op.create_table(
        "company_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("sms_prefix", sa.String(length=30), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("business_number", sa.String(length=12), nullable=False),
        sa.Column("representative", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=100), nullable=False),
        sa.Column("bank_account", sa.String(length=100), nullable=False),
        sa.Column("stamp_text", sa.String(length=50), nullable=False),
        sa.Column("tagline", sa.String(length=200), nullable=False),
        sa.Column("vat_mode", sa.String(length=10), nullable=False),
        sa.Column("sms_sender", sa.String(length=20), nullable=False),
        sa.Column("reminder_hour", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_company_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_profile")),
    )
    op.create_table(
        "customer",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("phone_bidx", sa.String(length=32), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("phone_bidx", name=op.f("uq_customer_phone_bidx")),
    )
    op.create_table(
        "daily_sequence",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_daily_sequence")),
    )
    op.create_table(
        "idempotency_record",
        sa.Column("scope", sa.String(length=60), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response_body", sa.JSON(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("scope", "key", name=op.f("pk_idempotency_record")),
    )
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "province",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("short_name", sa.String(length=20), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_province")),
    )
    op.create_table(
        "service_category",
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("icon", sa.String(length=30), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_service_category")),
    )
    op.create_table(
        "stored_file",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("storage_key", sa.String(length=255), nullable=False),
        sa.Column("thumbnail_key", sa.String(length=255), nullable=True),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.LargeBinary(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_file")),
        sa.UniqueConstraint("storage_key", name=op.f("uq_stored_file_storage_key")),
    )
    with op.batch_alter_table("stored_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stored_file_kind"), ["kind"], unique=False)

    op.create_table(
        "worker_heartbeat",
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hostname", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("worker_id", name=op.f("pk_worker_heartbeat")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("admin_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("admin_name", sa.String(length=100), nullable=True),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("entity_type", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=True),
        sa.Column("summary", sa.String(length=500), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("ip_address", sa.String(length=64), nullable=True),
        sa.Column("user_agent", sa.String(length=255), nullable=True),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["admin_id"], ["admin.id"], name=op.f("fk_audit_log_admin_id_admin"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_admin_id"), ["admin_id"], unique=False)
        batch_op.create_index("ix_audit_log_created_at", ["created_at"], unique=False)
        batch_op.create_index("ix_audit_log_entity", ["entity_type", "entity_id", "id"], unique=False)

    op.create_table(
        "bulk_sms_job",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("job_type", sa.String(length=30), nullable=False),
        sa.Column("target_type", sa.String(length=20), nullable=False),
        sa.Column("target_filter", sa.JSON(), nullable=True),
        sa.Column("target_ids", sa.JSON(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("is_advertisement", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("total_count", sa.Integer(), nullable=False),
        sa.Column("enqueued_count", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("created_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["admin.id"], name=op.f("fk_bulk_sms_job_created_by_admin"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bulk_sms_job")),
    )
    with op.batch_alter_table("bulk_sms_job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bulk_sms_job_created_by"), ["created_by"], unique=False)
        batch_op.create_index(batch_op.f("ix_bulk_sms_job_status"), ["status"], unique=False)

    op.create_table(
        "district",
        sa.Column("code", sa.String(length=5), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["province_code"],
            ["province.code"],
            name=op.f("fk_district_province_code_province"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_district")),
    )
    with op.batch_alter_table("district", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_district_province_code"), ["province_code"], unique=False)

    op.create_table(
        "partner",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("company_name", sa.String(length=100), nullable=False),
        sa.Column("company_name_bidx", sa.String(length=32), nullable=False),
        sa.Column("representative_name", sa.LargeBinary(), nullable=False),
        sa.Column("name_bidx", sa.String(length=32), nullable=False),
        sa.Column("business_number", sa.LargeBinary(), nullable=True),
        sa.Column("business_number_bidx", sa.String(length=32), nullable=True),
        sa.Column("contact_phone", sa.LargeBinary(), nullable=False),
        sa.Column("phone_bidx", sa.String(length=32), nullable=False),
        sa.Column("phone_last4_bidx", sa.String(length=32), nullable=False),
        sa.Column("phone_company_bidx", sa.String(length=32), nullable=False),
        sa.Column("contact_email", sa.LargeBinary(), nullable=True),
        sa.Column("address", sa.LargeBinary(), nullable=False),
        sa.Column("address_detail", sa.LargeBinary(), nullable=True),
        sa.Column("introduction", sa.Text(), nullable=True),
        sa.Column("experience", sa.Text(), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=True),
        sa.Column(
            "business_registration_file_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_reason", sa.String(length=500), nullable=True),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("privacy_consent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("terms_consent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["admin.id"], name=op.f("fk_partner_approved_by_admin"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["business_registration_file_id"],
            ["stored_file.id"],
            name=op.f("fk_partner_business_registration_file_id_stored_file"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
    )
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_business_number_bidx"), ["business_number_bidx"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_company_name_bidx"), ["company_name_bidx"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_name_bidx"), ["name_bidx"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_phone_bidx"), ["phone_bidx"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_phone_company_bidx"), ["phone_company_bidx"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_phone_last4_bidx"), ["phone_last4_bidx"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_status"), ["status"], unique=False)

    op.create_table(
        "refresh_token",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("admin_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("family_id", sa.String(length=32), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ip_address", sa.String(length=64), nullable=True),
        sa.Column("user_agent", sa.String(length=255), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["admin_id"], ["admin.id"], name=op.f("fk_refresh_token_admin_id_admin"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refresh_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_refresh_token_token_hash")),
    )
    with op.batch_alter_table("refresh_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refresh_token_admin_id"), ["admin_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_refresh_token_family_id"), ["family_id"], unique=False)

    op.create_table(
        "service_type",
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("category_code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("booking_status", sa.String(length=20), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["category_code"],
            ["service_category.code"],
            name=op.f("fk_service_type_category_code_service_category"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_service_type")),
    )
    with op.batch_alter_table("service_type", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_type_category_code"), ["category_code"], unique=False)

    op.create_table(
        "sms_template",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("description", sa.String(length=255), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=True),
        sa.Column("variables", sa.JSON(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("is_system", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["admin.id"], name=op.f("fk_sms_template_updated_by_admin"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_template")),
        sa.UniqueConstraint("key", name=op.f("uq_sms_template_key")),
    )
    op.create_table(
        "application",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("customer_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("customer_name", sa.LargeBinary(), nullable=False),
        sa.Column("customer_phone", sa.LargeBinary(), nullable=False),
        sa.Column("address", sa.LargeBinary(), nullable=False),
        sa.Column("address_detail", sa.LargeBinary(), nullable=True),
        sa.Column("phone_bidx", sa.String(length=32), nullable=False),
        sa.Column("phone_last4_bidx", sa.String(length=32), nullable=False),
        sa.Column("name_bidx", sa.String(length=32), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("preferred_consultation_date", sa.Date(), nullable=True),
        sa.Column("preferred_work_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_assigned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.String(length=500), nullable=True),
        sa.Column("assigned_admin_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("privacy_consent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["assigned_admin_id"],
            ["admin.id"],
            name=op.f("fk_application_assigned_admin_id_admin"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_application_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_application_district_code_district"),
            onupdate="CASCADE",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
        sa.UniqueConstraint("number", name=op.f("uq_application_number")),
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index("ix_application_created_at", ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_district_code"), ["district_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_name_bidx"), ["name_bidx"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_phone_bidx"), ["phone_bidx"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_phone_last4_bidx"), ["phone_last4_bidx"], unique=False)
        batch_op.create_index("ix_application_status_created", ["status", "created_at"], unique=False)

    op.create_table(
        "partner_note",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("partner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("admin_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("admin_name", sa.String(length=100), nullable=False),
        sa.Column("note_type", sa.String(length=20), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("old_status", sa.String(length=20), nullable=True),
        sa.Column("new_status", sa.String(length=20), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["admin_id"], ["admin.id"], name=op.f("fk_partner_note_admin_id_admin"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_partner_note_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_note")),
    )
    with op.batch_alter_table("partner_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_note_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "partner_region",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("partner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("district_code", sa.String(length=5), nullable=True),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_partner_region_district_code_district"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_partner_region_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["province_code"],
            ["province.code"],
            name=op.f("fk_partner_region_province_code_province"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_region")),
    )
    with op.batch_alter_table("partner_region", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_region_district_code"), ["district_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_region_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_region_province_code"), ["province_code"], unique=False)

    op.create_table(
        "partner_service",
        sa.Column("partner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("service_code", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_partner_service_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_code"],
            ["service_type.code"],
            name=op.f("fk_partner_service_service_code_service_type"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("partner_id", "service_code", name=op.f("pk_partner_service")),
    )
    with op.batch_alter_table("partner_service", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_service_service_code"), ["service_code"], unique=False)

    op.create_table(
        "sms_message",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("recipient", sa.LargeBinary(), nullable=False),
        sa.Column("recipient_bidx", sa.String(length=32), nullable=False),
        sa.Column("recipient_last4_bidx", sa.String(length=32), nullable=False),
        sa.Column("recipient_kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.LargeBinary(), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=True),
        sa.Column("message_type", sa.String(length=3), nullable=False),
        sa.Column("template_key", sa.String(length=50), nullable=True),
        sa.Column("trigger", sa.String(length=10), nullable=False),
        sa.Column("reference_type", sa.String(length=30), nullable=True),
        sa.Column("reference_id", sa.BigInteger(), nullable=True),
        sa.Column("bulk_job_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("retry_of_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("idempotency_key", sa.String(length=120), nullable=True),
        sa.Column("image_file_ids", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("provider", sa.String(length=20), nullable=True),
        sa.Column("provider_message_id", sa.String(length=100), nullable=True),
        sa.Column("provider_group_id", sa.String(length=100), nullable=True),
        sa.Column("result_code", sa.String(length=40), nullable=True),
        sa.Column("result_message", sa.String(length=500), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["bulk_job_id"],
            ["bulk_sms_job.id"],
            name=op.f("fk_sms_message_bulk_job_id_bulk_sms_job"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["admin.id"], name=op.f("fk_sms_message_created_by_admin"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["retry_of_id"],
            ["sms_message.id"],
            name=op.f("fk_sms_message_retry_of_id_sms_message"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_message")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_sms_message_idempotency_key")),
    )
    with op.batch_alter_table("sms_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sms_message_bulk_job_id"), ["bulk_job_id"], unique=False)
        batch_op.create_index("ix_sms_message_created_at", ["created_at"], unique=False)
        batch_op.create_index("ix_sms_message_due", ["status", "next_attempt_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sms_message_recipient_bidx"), ["recipient_bidx"], unique=False)
        batch_op.create_index(batch_op.f("ix_sms_message_recipient_last4_bidx"), ["recipient_last4_bidx"], unique=False)
        batch_op.create_index("ix_sms_message_reference", ["reference_type", "reference_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sms_message_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_sms_message_template_key"), ["template_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_sms_message_trigger"), ["trigger"], unique=False)

    op.create_table(
        "application_note",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("application_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("admin_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("admin_name", sa.String(length=100), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["admin_id"], ["admin.id"], name=op.f("fk_application_note_admin_id_admin"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_note_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_note")),
    )
    with op.batch_alter_table("application_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_note_application_id"), ["application_id"], unique=False)

    op.create_table(
        "application_photo",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("application_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("file_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_photo_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["file_id"],
            ["stored_file.id"],
            name=op.f("fk_application_photo_file_id_stored_file"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_photo")),
    )
    with op.batch_alter_table("application_photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_photo_application_id"), ["application_id"], unique=False)

    op.create_table(
        "application_service",
        sa.Column("application_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("service_code", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_service_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_code"],
            ["service_type.code"],
            name=op.f("fk_application_service_service_code_service_type"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("application_id", "service_code", name=op.f("pk_application_service")),
    )
    with op.batch_alter_table("application_service", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_service_service_code"), ["service_code"], unique=False)

    op.create_table(
        "application_status_change",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("application_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("admin_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["admin_id"],
            ["admin.id"],
            name=op.f("fk_application_status_change_admin_id_admin"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_status_change_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_status_change")),
    )
    with op.batch_alter_table("application_status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_status_change_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "assignment",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("application_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("partner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("scheduled_date", sa.Date(), nullable=True),
        sa.Column("scheduled_time", sa.String(length=20), nullable=True),
        sa.Column("estimated_cost", sa.Integer(), nullable=True),
        sa.Column("final_cost", sa.Integer(), nullable=True),
        sa.Column("estimate_note", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("quote_status", sa.String(length=20), nullable=False),
        sa.Column("quote_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("quote_viewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("quote_responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("quote_response_reason", sa.String(length=500), nullable=True),
        sa.Column("assigned_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.String(length=500), nullable=True),
        sa.Column("reminder_sent_for", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_assignment_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assigned_by"], ["admin.id"], name=op.f("fk_assignment_assigned_by_admin"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_assignment_partner_id_partner"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
    )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignment_application_id"), ["application_id"], unique=False)
        batch_op.create_index("ix_assignment_partner_date", ["partner_id", "scheduled_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignment_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index("ix_assignment_scheduled_date", ["scheduled_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignment_status"), ["status"], unique=False)

    op.create_table(
        "assignment_service",
        sa.Column("assignment_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("service_code", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignment.id"],
            name=op.f("fk_assignment_service_assignment_id_assignment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_code"],
            ["service_type.code"],
            name=op.f("fk_assignment_service_service_code_service_type"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("assignment_id", "service_code", name=op.f("pk_assignment_service")),
    )


def downgrade() -> None:
    op.drop_table("assignment_service")
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_status"))
        batch_op.drop_index("ix_assignment_scheduled_date")
        batch_op.drop_index(batch_op.f("ix_assignment_partner_id"))
        batch_op.drop_index("ix_assignment_partner_date")
        batch_op.drop_index(batch_op.f("ix_assignment_application_id"))

    op.drop_table("assignment")
    with op.batch_alter_table("application_status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_status_change_application_id"))

    op.drop_table("application_status_change")
    with op.batch_alter_table("application_service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_service_service_code"))

    op.drop_table("application_service")
    with op.batch_alter_table("application_photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_photo_application_id"))

    op.drop_table("application_photo")
    with op.batch_alter_table("application_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_note_application_id"))

    op.drop_table("application_note")
    with op.batch_alter_table("sms_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sms_message_trigger"))
        batch_op.drop_index(batch_op.f("ix_sms_message_template_key"))
        batch_op.drop_index(batch_op.f("ix_sms_message_status"))
        batch_op.drop_index("ix_sms_message_reference")
        batch_op.drop_index(batch_op.f("ix_sms_message_recipient_last4_bidx"))
        batch_op.drop_index(batch_op.f("ix_sms_message_recipient_bidx"))
        batch_op.drop_index("ix_sms_message_due")
        batch_op.drop_index("ix_sms_message_created_at")
        batch_op.drop_index(batch_op.f("ix_sms_message_bulk_job_id"))

    op.drop_table("sms_message")
    with op.batch_alter_table("partner_service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_service_service_code"))

    op.drop_table("partner_service")
    with op.batch_alter_table("partner_region", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_region_province_code"))
        batch_op.drop_index(batch_op.f("ix_partner_region_partner_id"))
        batch_op.drop_index(batch_op.f("ix_partner_region_district_code"))

    op.drop_table("partner_region")
    with op.batch_alter_table("partner_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_note_partner_id"))

    op.drop_table("partner_note")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index("ix_application_status_created")
        batch_op.drop_index(batch_op.f("ix_application_phone_last4_bidx"))
        batch_op.drop_index(batch_op.f("ix_application_phone_bidx"))
        batch_op.drop_index(batch_op.f("ix_application_name_bidx"))
        batch_op.drop_index(batch_op.f("ix_application_district_code"))
        batch_op.drop_index(batch_op.f("ix_application_customer_id"))
        batch_op.drop_index("ix_application_created_at")

    op.drop_table("application")
    op.drop_table("sms_template")
    with op.batch_alter_table("service_type", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_type_category_code"))

    op.drop_table("service_type")
    with op.batch_alter_table("refresh_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refresh_token_family_id"))
        batch_op.drop_index(batch_op.f("ix_refresh_token_admin_id"))

    op.drop_table("refresh_token")
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_status"))
        batch_op.drop_index(batch_op.f("ix_partner_phone_last4_bidx"))
        batch_op.drop_index(batch_op.f("ix_partner_phone_company_bidx"))
        batch_op.drop_index(batch_op.f("ix_partner_phone_bidx"))
        batch_op.drop_index(batch_op.f("ix_partner_name_bidx"))
        batch_op.drop_index(batch_op.f("ix_partner_company_name_bidx"))
        batch_op.drop_index(batch_op.f("ix_partner_business_number_bidx"))

    op.drop_table("partner")
    with op.batch_alter_table("district", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_district_province_code"))

    op.drop_table("district")
    with op.batch_alter_table("bulk_sms_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bulk_sms_job_status"))
        batch_op.drop_index(batch_op.f("ix_bulk_sms_job_created_by"))

    op.drop_table("bulk_sms_job")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_entity")
        batch_op.drop_index("ix_audit_log_created_at")
        batch_op.drop_index(batch_op.f("ix_audit_log_admin_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_action"))

    op.drop_table("audit_log")
    op.drop_table("worker_heartbeat")
    with op.batch_alter_table("stored_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stored_file_kind"))

    op.drop_table("stored_file")
    op.drop_table("service_category")
    op.drop_table("province")
    op.drop_table("login_throttle")
    op.drop_table("idempotency_record")
    op.drop_table("daily_sequence")
    op.drop_table("customer")
    op.drop_table("company_profile")
    op.drop_table("admin")
