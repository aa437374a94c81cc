"""Builders for authentication tests: logging in over HTTP, a controllable clock, clients from other IPs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from jibsa.core.korean import now_utc
from tests.factories import PASSWORD


async def login(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD, *, expect: int = 200
) -> dict[str, Any]:
    response = await client.post("/api/v1/admin/auth/login", json={"email": email, "password": password})
    assert response.status_code == expect, response.text
    body: dict[str, Any] = response.json()
    return body


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class FakeClock:
    """A clock the test moves forward by hand (installed over ``get_clock``)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or now_utc()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def install_clock(app: FastAPI, clock: Callable[[], datetime]) -> None:
    from jibsa.admins.dependencies import get_clock

    app.dependency_overrides[get_clock] = lambda: clock


@asynccontextmanager
async def client_from(app: FastAPI, ip: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose requests come from ``ip``."""
    transport = httpx.ASGITransport(app=app, client=(ip, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c
