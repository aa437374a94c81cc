from __future__ import annotations

import importlib
import itertools
from collections.abc import Iterator
from datetime import datetime

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.messaging.dependencies import get_clock
from jibsa.messaging.periodic import TASK_MODULES
from jibsa.models import Admin, AdminRole, CompanyProfile
from tests.factories import auth_headers
from tests.messaging.factories import set_company

_admins = itertools.count(1)


@pytest.fixture(scope="session", autouse=True)
def _handlers_registered() -> None:
    """Event handlers and periodic tasks register at import, as the app and the worker do at start."""
    for module in TASK_MODULES:
        importlib.import_module(module)


@pytest.fixture
async def admin(session: AsyncSession) -> Admin:
    """An active admin (no password: these tests only need its token, and argon2 costs ~0.7 s a test)."""
    n = next(_admins)
    account = Admin(email=f"sms-admin{n}@example.com", password_hash="-", name=f"문자관리자{n}", role=AdminRole.ADMIN)
    session.add(account)
    await session.flush()
    return account


@pytest.fixture
def headers(admin: Admin) -> dict[str, str]:
    return auth_headers(admin)


@pytest.fixture
async def company(session: AsyncSession) -> CompanyProfile:
    """The company profile with a name, a phone and the SMS prefix ``[집사]``."""
    return await set_company(session)


class FrozenClock:
    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def set(self, moment: datetime) -> None:
        self.app.dependency_overrides[get_clock] = lambda: lambda: moment


@pytest.fixture
def clock(app: FastAPI) -> Iterator[FrozenClock]:
    """Freeze the routes' clock (quiet hours, statistics)."""
    frozen = FrozenClock(app)
    yield frozen
    app.dependency_overrides.pop(get_clock, None)
