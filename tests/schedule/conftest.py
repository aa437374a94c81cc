from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.models import Admin, AdminRole
from tests.factories import auth_headers, quick_admin


@pytest.fixture
async def super_admin(session: AsyncSession) -> Admin:
    return await quick_admin(session, role=AdminRole.SUPER_ADMIN, name="최고관리자")


@pytest.fixture
async def admin(session: AsyncSession) -> Admin:
    return await quick_admin(session, role=AdminRole.ADMIN, name="일반관리자")


@pytest.fixture
def sa_headers(super_admin: Admin) -> dict[str, str]:
    return auth_headers(super_admin)


@pytest.fixture
def admin_headers(admin: Admin) -> dict[str, str]:
    return auth_headers(admin)
