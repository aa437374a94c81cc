"""Visit reminder templates; submission acknowledgements switched off by default.

The reference had no reminder texts: Jibsa adds two system templates (customer and partner) so that admins can
edit them like the other 16. ``new_application`` and ``new_partner`` (never used by the reference) now
acknowledge a public submission; they start inactive because the admins already call every new customer.

Revision ID: 0003e
Revises: 0003a
Create Date: 2026-11-28 11:00:00+00:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0003e"
down_revision: str | None = "0003a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REMINDERS = [
    {
        "key": "visit_reminder_customer",
        "title": "방문 전날 안내 (고객)",
        "description": "방문 하루 전 고객에게 발송",
        "content": (
            "{customer_name}님, 내일 방문 일정을 안내드립니다.\n"
            "신청번호: {application_number}\n"
            "일시: {scheduled_date} {scheduled_time}\n"
            "담당: {partner_name}\n"
            "연락처: {partner_phone}\n"
            "문의: {company_phone}"
        ),
        "subject": "[방문안내]",
        "variables": [
            "customer_name",
            "application_number",
            "scheduled_date",
            "scheduled_time",
            "partner_name",
            "partner_phone",
            "company_phone",
        ],
    },
    {
        "key": "visit_reminder_partner",
        "title": "작업 전날 안내 (협력사)",
        "description": "작업 하루 전 협력사에게 발송",
        "content": (
            "내일 작업 일정 안내\n"
            "신청번호: {application_number}\n"
            "일시: {scheduled_date} {scheduled_time}\n"
            "고객: {customer_name}\n"
            "연락처: {customer_phone}\n"
            "주소: {address}\n"
            "서비스: {services}"
        ),
        "subject": "[작업일정]",
        "variables": [
            "application_number",
            "scheduled_date",
            "scheduled_time",
            "customer_name",
            "customer_phone",
            "address",
            "services",
        ],
    },
]
ACKNOWLEDGEMENTS = ("new_application", "new_partner")


def _template_table() -> sa.Table:
    meta = sa.MetaData()
    meta.reflect(bind=op.get_bind(), only=("sms_template",))
    return meta.tables["sms_template"]


def upgrade() -> None:
    now = datetime.now(UTC)
    table = _template_table()
    op.bulk_insert(
        table,
        [{**tpl, "is_active": True, "is_system": True, "created_at": now, "updated_at": now} for tpl in REMINDERS],
    )
    op.execute(table.update().where(table.c.key.in_(ACKNOWLEDGEMENTS)).values(is_active=False))


def downgrade() -> None:
    table = _template_table()
    op.execute(table.update().where(table.c.key.in_(ACKNOWLEDGEMENTS)).values(is_active=True))
    op.execute(table.delete().where(table.c.key.in_([tpl["key"] for tpl in REMINDERS])))
