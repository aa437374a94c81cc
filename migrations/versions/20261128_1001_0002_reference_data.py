"""Reference data: service catalogue, administrative regions, SMS templates, company profile row.

The data files beside the migrations are frozen with this revision: later changes to the catalogue
come as new migrations, never as edits to these files.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:01:00+00:00
"""

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DATA = Path(__file__).resolve().parent.parent / "data"


def _load(name: str) -> object:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def upgrade() -> None:
    now = datetime.now(UTC)
    stamps = {"created_at": now, "updated_at": now}
    meta = sa.MetaData()
    meta.reflect(
        bind=op.get_bind(),
        only=("service_category", "service_type", "province", "district", "sms_template", "company_profile"),
    )
    t = meta.tables

    catalog = _load("catalog.json")
    categories, services = [], []
    for category in catalog["categories"]:
        categories.append(
            {
                "code": category["code"],
                "name": category["name"],
                "icon": category["icon"],
                "description": category.get("description") or "",
                "sort_order": category["sort_order"],
                "is_active": True,
                **stamps,
            }
        )
        for service in category["services"]:
            services.append(
                {
                    "code": service["code"],
                    "category_code": category["code"],
                    "name": service["name"],
                    "description": service.get("description") or "",
                    "sort_order": service["sort_order"],
                    "is_active": True,
                    "booking_status": service.get("booking_status") or "AVAILABLE",
                    **stamps,
                }
            )
    op.bulk_insert(t["service_category"], categories)
    op.bulk_insert(t["service_type"], services)

    regions = _load("regions.json")
    provinces, districts = [], []
    for province in regions["provinces"]:
        provinces.append(
            {
                "code": province["code"],
                "name": province["name"],
                "short_name": province["short_name"],
                "sort_order": province["sort_order"],
                "is_active": True,
                **stamps,
            }
        )
        for district in province["districts"]:
            districts.append(
                {
                    "code": district["code"],
                    "province_code": province["code"],
                    "name": district["name"],
                    "sort_order": district["sort_order"],
                    "is_active": True,
                    **stamps,
                }
            )
    op.bulk_insert(t["province"], provinces)
    op.bulk_insert(t["district"], districts)

    templates = [
        {
            "key": tpl["key"],
            "title": tpl["title"],
            "description": tpl.get("description") or "",
            "content": tpl["content"],
            "subject": tpl.get("lms_title"),
            "variables": tpl["variables"],
            "is_active": True,
            "is_system": True,
            **stamps,
        }
        for tpl in _load("sms_templates.json")
    ]
    op.bulk_insert(t["sms_template"], templates)

    op.bulk_insert(
        t["company_profile"],
        [
            {
                "id": 1,
                "name": "집사 홈케어",
                "phone": "",
                "sms_prefix": "",
                "address": "",
                "business_number": "",
                "representative": "",
                "email": "",
                "bank_account": "",
                "stamp_text": "",
                "tagline": "",
                "vat_mode": "included",
                "sms_sender": "",
                "reminder_hour": 18,
                **stamps,
            }
        ],
    )


def downgrade() -> None:
    for table in (
        "company_profile",
        "sms_template",
        "district",
        "province",
        "service_type",
        "service_category",
    ):
        op.execute(sa.text(f"DELETE FROM {table}"))
