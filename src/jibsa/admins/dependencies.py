"""Who is calling: the one dependency every admin route uses, and the super-admin check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from jibsa.admins.security import AccessClaims, decode_access_token
from jibsa.core.db import SessionDep, get_database
from jibsa.core.errors import Forbidden, Unauthorized
from jibsa.core.korean import now_utc
from jibsa.core.read_cache import CachedRead, get_read_cache
from jibsa.models import Admin, AdminRole

bearer = HTTPBearer(auto_error=False, description="관리자 액세스 토큰 (15분)")


def _claims(credentials: HTTPAuthorizationCredentials | None) -> AccessClaims:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized(code="not_authenticated")
    claims = decode_access_token(credentials.credentials)
    if claims is None:
        raise Unauthorized("인증이 만료되었거나 올바르지 않습니다. 다시 로그인해 주세요.", code="invalid_token")
    return claims


def _check_active(admin: Admin | None, claims: AccessClaims) -> Admin:
    if admin is None or not admin.is_active or admin.token_generation != claims.generation:
        raise Unauthorized("사용할 수 없는 계정입니다. 다시 로그인해 주세요.", code="invalid_token")
    return admin


async def get_current_admin(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Admin:
    """The active admin behind a valid access token (401 otherwise)."""
    claims = _claims(credentials)
    admin = _check_active(await session.get(Admin, claims.admin_id), claims)
    request.state.admin = admin
    return admin


@dataclass(frozen=True, slots=True)
class AdminPrincipal:
    """Who is calling, for routes that only read: no session, no ORM object."""

    id: int
    name: str
    role: AdminRole


async def _principal(request: Request, credentials: HTTPAuthorizationCredentials | None) -> AdminPrincipal:
    """The active admin behind a valid access token (401 otherwise), checked once per data version.

    Deactivating an admin or revoking their tokens is a write, which moves the version: the next request looks
    the admin up again.
    """
    claims = _claims(credentials)
    cache = get_read_cache(request)
    key = ("admin", claims.admin_id, claims.generation)
    version = cache.version()
    principal: AdminPrincipal | None = cache.get(key, version)
    if principal is None:

        async def look_up() -> AdminPrincipal:
            async with get_database(request).transaction(read_only=True) as session:
                admin = _check_active(await session.get(Admin, claims.admin_id), claims)
                return AdminPrincipal(id=admin.id, name=admin.name, role=AdminRole(admin.role))

        # After a write, every open screen of this admin asks at once: one lookup answers them all.
        principal = await cache.once(key, version, look_up)
        cache.put(key, version, principal)
    request.state.admin = principal
    return principal


async def get_admin_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> AdminPrincipal:
    """The caller of a read-only route, without an ORM object or a session of its own (see ``_principal``)."""
    return await _principal(request, credentials)


async def admin_read(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> CachedRead:
    """The cached read of an admin screen, once the caller is known to be an active admin (401 otherwise).

    One dependency for both, not ``ReadingAdmin`` plus a read: FastAPI spends about 10 µs resolving each
    dependency of every request, and a cached screen costs only a few of those beyond ``/health``.
    """
    await _principal(request, credentials)
    return CachedRead(request)


async def require_super_admin(admin: Annotated[Admin, Depends(get_current_admin)]) -> Admin:
    """The current admin, if a super admin (403 ``super_admin_required`` otherwise)."""
    if admin.role != AdminRole.SUPER_ADMIN:
        raise Forbidden("최고관리자만 할 수 있는 작업입니다.", code="super_admin_required")
    return admin


CurrentAdmin = Annotated[Admin, Depends(get_current_admin)]
ReadingAdmin = Annotated[AdminPrincipal, Depends(get_admin_principal)]
"""The caller of a read-only route: no session of its own unless the check misses."""
AdminRead = Annotated[CachedRead, Depends(admin_read)]
"""An admin screen's cached read (``core.read_cache``): ``await read(lambda session: ...)`` returns the response."""
SuperAdmin = Annotated[Admin, Depends(require_super_admin)]


async def get_clock() -> Callable[[], datetime]:
    """The time source of login lockout and token lifetimes (tests override it instead of sleeping)."""
    return now_utc


ClockDep = Annotated[Callable[[], datetime], Depends(get_clock)]
