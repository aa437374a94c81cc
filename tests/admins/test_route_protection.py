"""Every admin route, present and future, refuses callers without a valid access token, and plain admins on
super-admin routes. The routes are discovered from the application itself: a route added later without
``CurrentAdmin``/``SuperAdmin`` (or with a dependency that answers before the auth check) fails here."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import jwt
import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins import tokens
from jibsa.admins.dependencies import require_super_admin
from jibsa.admins.security import JWT_ALGORITHM, JWT_ISSUER, create_access_token
from jibsa.core.crypto import get_keyring
from jibsa.core.korean import now_utc
from jibsa.main import API_PREFIX
from jibsa.models import Admin, AdminRole
from tests.factories import make_admin

ADMIN_PREFIX = f"{API_PREFIX}/admin/"
PUBLIC_ADMIN_PATHS = {
    f"{API_PREFIX}/admin/auth/login",
    f"{API_PREFIX}/admin/auth/refresh",
    f"{API_PREFIX}/admin/auth/logout",
}
_PARAM = re.compile(r"\{[^}]+\}")


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    super_admin_only: bool

    @property
    def url(self) -> str:
        return _PARAM.sub("1", self.path)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _calls(sub)


def _api_routes(app: FastAPI) -> Iterator[Any]:
    """Every API route as served: path with its router prefixes, dependencies with its routers' ones."""
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute):
            yield context


def admin_endpoints(app: FastAPI) -> list[Endpoint]:
    """Every admin operation: from the OpenAPI document, and from the router for routes hidden from it."""
    routes = {
        (method, route.path): route
        for route in _api_routes(app)
        if route.path.startswith(ADMIN_PREFIX)
        for method in route.methods
        if method not in ("HEAD", "OPTIONS")
    }
    documented = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith(ADMIN_PREFIX)
        for method in operations
    }
    assert documented <= set(routes), f"documented but not routed: {documented - set(routes)}"
    return sorted(
        (
            Endpoint(method, path, require_super_admin in set(_calls(route.dependant)))
            for (method, path), route in routes.items()
            if path not in PUBLIC_ADMIN_PATHS
        ),
        key=str,
    )


async def send(client: httpx.AsyncClient, endpoint: Endpoint, headers: dict[str, str]) -> httpx.Response:
    body = {"json": {}} if endpoint.method in ("POST", "PUT", "PATCH") else {}
    return await client.request(endpoint.method, endpoint.url, headers=headers, **body)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def forged_tokens(admin: Admin) -> dict[str, str]:
    now = now_utc()
    claims = {
        "sub": str(admin.id),
        "role": AdminRole.SUPER_ADMIN.value,
        "gen": admin.token_generation,
        "typ": "access",
        "iss": JWT_ISSUER,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
    }
    valid, _ = create_access_token(admin.id, admin.role, admin.token_generation)
    header, _, signature = valid.split(".")
    tampered_payload = jwt.encode({**claims, "sub": str(admin.id + 1)}, "x" * 32, algorithm="HS256").split(".")[1]
    return {
        "expired": create_access_token(admin.id, admin.role, admin.token_generation, now=now - timedelta(hours=1))[0],
        "wrong key": jwt.encode(claims, "not-the-server-key-" + "k" * 32, algorithm=JWT_ALGORITHM),
        "alg none": jwt.encode(claims, None, algorithm="none"),
        "tampered payload": f"{header}.{tampered_payload}.{signature}",
        "wrong type": jwt.encode({**claims, "typ": "refresh"}, get_keyring().jwt_key, algorithm=JWT_ALGORITHM),
        "stale generation": create_access_token(admin.id, admin.role, admin.token_generation + 1)[0],
        "garbage": "not-a-jwt",
    }


class TestAdminRouteProtection:
    async def test_walk_finds_the_routes(self, app: FastAPI) -> None:
        endpoints = admin_endpoints(app)
        assert len(endpoints) >= 10
        assert Endpoint("GET", f"{API_PREFIX}/admin/admins", True) in endpoints
        assert Endpoint("GET", f"{API_PREFIX}/admin/audit-logs", False) in endpoints

    async def test_no_token_is_401(self, app: FastAPI, client: httpx.AsyncClient) -> None:
        failures = []
        for endpoint in admin_endpoints(app):
            response = await send(client, endpoint, {})
            if response.status_code != 401:
                failures.append(f"{endpoint}: {response.status_code} {response.text[:120]}")
        assert not failures, "admin routes answering without a token:\n" + "\n".join(failures)

    async def test_refresh_token_is_401(self, app: FastAPI, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        refresh_token = await tokens.issue(session, admin.id, now=now_utc())
        failures = []
        for endpoint in admin_endpoints(app):
            response = await send(client, endpoint, bearer(refresh_token))
            if response.status_code != 401:
                failures.append(f"{endpoint}: {response.status_code}")
        assert not failures, "admin routes accepting a refresh token:\n" + "\n".join(failures)

    async def test_expired_or_forged_token_is_401(
        self, app: FastAPI, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        admin = await make_admin(session)
        failures = []
        for kind, token in forged_tokens(admin).items():
            for endpoint in admin_endpoints(app):
                response = await send(client, endpoint, bearer(token))
                if response.status_code != 401:
                    failures.append(f"{kind}: {endpoint}: {response.status_code}")
        assert not failures, "admin routes accepting a bad token:\n" + "\n".join(failures)

    async def test_inactive_admin_token_is_401(
        self, app: FastAPI, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        admin = await make_admin(session)
        token, _ = create_access_token(admin.id, admin.role, admin.token_generation)
        admin.is_active = False
        await session.flush()
        failures = []
        for endpoint in admin_endpoints(app):
            response = await send(client, endpoint, bearer(token))
            if response.status_code != 401:
                failures.append(f"{endpoint}: {response.status_code}")
        assert not failures, "admin routes accepting a deactivated admin:\n" + "\n".join(failures)

    async def test_plain_admin_is_403_on_super_admin_routes(
        self, app: FastAPI, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        plain = await make_admin(session, role=AdminRole.ADMIN)
        token, _ = create_access_token(plain.id, plain.role, plain.token_generation)
        endpoints = [e for e in admin_endpoints(app) if e.super_admin_only]
        assert endpoints
        failures = []
        for endpoint in endpoints:
            response = await send(client, endpoint, bearer(token))
            if response.status_code != 403 or response.json().get("code") != "super_admin_required":
                failures.append(f"{endpoint}: {response.status_code} {response.text[:120]}")
        assert not failures, "super-admin routes open to a plain admin:\n" + "\n".join(failures)


@pytest.mark.parametrize("path", sorted(PUBLIC_ADMIN_PATHS))
async def test_public_admin_paths_exist(app: FastAPI, path: str) -> None:
    """The exemptions name real routes (a renamed login route must not leave a stale hole in the walk)."""
    assert any(r.path == path for r in _api_routes(app))
