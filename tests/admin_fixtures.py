"""Fixtures shared by the back-office suites: admins of both roles, their headers, published events."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.models import Admin, AdminRole
from tests.eventlog import EventLog
from tests.factories import auth_headers, quick_admin


@pytest.fixture
def published() -> Iterator[EventLog]:
    log = EventLog()
    log.install()
    yield log
    log.remove()


@pytest.fixture
async def admin(session: AsyncSession) -> Admin:
    return await quick_admin(session, role=AdminRole.ADMIN)


@pytest.fixture
async def super_admin(session: AsyncSession) -> Admin:
    return await quick_admin(session, role=AdminRole.SUPER_ADMIN)


@pytest.fixture
def headers(admin: Admin) -> dict[str, str]:
    return auth_headers(admin)


@pytest.fixture
def super_headers(super_admin: Admin) -> dict[str, str]:
    return auth_headers(super_admin)
