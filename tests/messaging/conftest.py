"""Fixtures for messaging tests: admins, company profile and clock for the API; fast worker settings and fake
gateways on loopback ports for delivery."""

from __future__ import annotations

import importlib
import itertools
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

import pytest
from fastapi import FastAPI
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.config import Settings
from jibsa.core.db import Database
from jibsa.messaging.dependencies import get_clock
from jibsa.messaging.periodic import TASK_MODULES
from jibsa.models import Admin, AdminRole, CompanyProfile, WorkerHeartbeat
from tests.factories import auth_headers, quick_admin, set_company
from tests.messaging.fakes import aligo as fake_aligo
from tests.messaging.fakes import solapi as fake_solapi
from tests.messaging.fakes.aligo import FakeAligo
from tests.messaging.fakes.common import FakeGateway, Faults, serve
from tests.messaging.fakes.solapi import FakeSolapi

_admins = itertools.count(1)


@pytest.fixture(scope="session", autouse=True)
def _handlers_registered() -> None:
    """Event handlers and periodic tasks register at import, as the app and the worker do at start."""
    for module in TASK_MODULES:
        importlib.import_module(module)


@pytest.fixture(autouse=True)
async def _no_foreign_heartbeats(request: pytest.FixtureRequest, database: Database) -> None:
    """Workers under test start from an empty heartbeat table.

    On SQLite a worker stands by while another worker's heartbeat is fresh; a row left behind by an earlier test
    on this test worker's database (a worker stopped mid-beat) must not make the next test's worker wait.
    """
    if request.node.get_closest_marker("committing") is None:
        return
    async with database.transaction() as session:
        await session.execute(delete(WorkerHeartbeat))


@pytest.fixture
async def admin(session: AsyncSession) -> Admin:
    """An active admin for token-authenticated calls."""
    return await quick_admin(session, role=AdminRole.ADMIN, name=f"문자관리자{next(_admins)}")


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


# ---- delivery: worker settings and fake gateways

CLIENT_TIMEOUT = 0.8  # generous: the suite runs two workers on two cores
G = TypeVar("G", bound=FakeGateway)


@pytest.fixture
def worker_settings(settings: Settings) -> Settings:
    """Fast retries, short timeouts: faults resolve in milliseconds instead of minutes."""
    return settings.model_copy(
        update={
            "sms_sender": "1551-6640",
            "sms_http_timeout_seconds": CLIENT_TIMEOUT,
            "sms_worker_concurrency": 8,
            "sms_rate_per_second": 0.0,
            "sms_max_attempts": 30,
            "sms_lease_seconds": 5.0,
            "sms_backoff_base_seconds": 0.01,
            "sms_backoff_max_seconds": 0.05,
            "sms_poll_seconds": 0.02,
            "worker_heartbeat_seconds": 0.5,
        }
    )


@dataclass
class Gateway(Generic[G]):
    fake: G
    settings: Settings


def faults(**switches: float) -> Faults:
    return Faults(hang_seconds=CLIENT_TIMEOUT + 0.3, **switches)  # type: ignore[arg-type]


@asynccontextmanager
async def aligo_gateway(worker_settings: Settings, fake: FakeAligo) -> AsyncIterator[Gateway[FakeAligo]]:
    async with serve(fake.app) as url:
        yield Gateway(
            fake,
            worker_settings.model_copy(
                update={
                    "sms_provider": "aligo",
                    "aligo_url": url,
                    "aligo_key": fake_aligo.KEY,
                    "aligo_user_id": fake_aligo.USER_ID,
                }
            ),
        )


@asynccontextmanager
async def solapi_gateway(worker_settings: Settings, fake: FakeSolapi) -> AsyncIterator[Gateway[FakeSolapi]]:
    async with serve(fake.app) as url:
        yield Gateway(
            fake,
            worker_settings.model_copy(
                update={
                    "sms_provider": "solapi",
                    "solapi_url": url,
                    "solapi_key": fake_solapi.API_KEY,
                    "solapi_secret": fake_solapi.API_SECRET,
                }
            ),
        )
