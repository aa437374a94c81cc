"""Fixtures for the delivery tests: settings tuned for fast retries, fake gateways on loopback ports."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

import pytest

from jibsa.core.config import Settings
from tests.messaging.fakes import aligo as fake_aligo
from tests.messaging.fakes import solapi as fake_solapi
from tests.messaging.fakes.aligo import FakeAligo
from tests.messaging.fakes.common import FakeGateway, Faults, serve
from tests.messaging.fakes.solapi import FakeSolapi

CLIENT_TIMEOUT = 0.4
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
