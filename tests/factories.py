"""Plain async builders for test data, going through the same models and indexes as production."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins.schemas import AdminCreate
from jibsa.admins.security import create_access_token
from jibsa.admins.service import create_admin
from jibsa.models import Admin, AdminRole

_counter = itertools.count(1)


def unique_phone() -> str:
    return f"0107{next(_counter):07d}"


async def make_admin(
    session: AsyncSession,
    *,
    role: AdminRole = AdminRole.SUPER_ADMIN,
    password: str = "correct-horse-1",
    phone: str | None = None,
    **overrides: Any,
) -> Admin:
    n = next(_counter)
    data = AdminCreate(
        email=overrides.pop("email", f"admin{n}@example.com"),
        password=password,
        name=overrides.pop("name", f"관리자{n}"),
        phone=phone,
        role=role,
    )
    admin = await create_admin(session, data)
    for key, value in overrides.items():
        setattr(admin, key, value)
    await session.flush()
    return admin


def auth_headers(admin: Admin) -> dict[str, str]:
    token, _ = create_access_token(admin.id, admin.role, admin.token_generation)
    return {"Authorization": f"Bearer {token}"}


def application_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "customer_name": "홍길동",
        "customer_phone": unique_phone(),
        "address": "경기도 양평군 양평읍 중앙로 123",
        "address_detail": "101동",
        "selected_services": ["WEEDING"],
        "description": "마당 잔디와 텃밭 주변 제초 부탁드립니다.",
        "privacy_consent": True,
    }
    payload.update(overrides)
    return payload


def partner_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "company_name": f"푸른조경 {next(_counter)}",
        "representative_name": "이영희",
        "business_number": "123-45-67891",
        "contact_phone": unique_phone(),
        "contact_email": "green@example.com",
        "address": "경기도 양평군 양평읍 강변로 5",
        "service_codes": ["WEEDING", "TREE_PRUNING"],
        "work_regions": [{"province_code": "41", "district_codes": ["41830", "41820"], "all_districts": False}],
        "privacy_consent": True,
        "terms_consent": True,
    }
    payload.update(overrides)
    return payload
