"""Admin authentication, own profile and password, and account management (super admin)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from jibsa.admins import service
from jibsa.admins.dependencies import ClockDep, CurrentAdmin, SuperAdmin
from jibsa.admins.schemas import (
    AdminCreate,
    AdminRead,
    AdminUpdate,
    LoginRequest,
    PasswordChange,
    ProfileUpdate,
    RefreshRequest,
    TokenResponse,
)
from jibsa.core.db import SessionDep
from jibsa.core.deps import LimiterDep, SettingsDep
from jibsa.core.errors import AppError
from jibsa.core.pagination import Page, PageDep
from jibsa.core.ratelimit import client_ip

auth_router = APIRouter(prefix="/admin/auth", tags=["auth"])
settings_router = APIRouter(prefix="/admin/settings", tags=["settings"])
admins_router = APIRouter(prefix="/admin/admins", tags=["admins"])

AdminId = Annotated[int, Path(ge=1, le=2**63 - 1)]
_ERROR_BODY = {"description": "오류 (`code`, `message`, `details`)"}


def _committed_refusal(result: TokenResponse | AppError) -> TokenResponse | Response:
    """Render a refusal the service returned (its throttle counters and audit rows still commit)."""
    if isinstance(result, AppError):
        body = {"code": result.code, "message": result.message, "details": result.details}
        return JSONResponse(body, status_code=result.status_code, headers=result.headers)
    return result


# --- authentication ---------------------------------------------------------------------------------------------


@auth_router.post(
    "/login",
    response_model=TokenResponse,
    operation_id="auth-login",
    responses={401: _ERROR_BODY, 403: _ERROR_BODY, 429: _ERROR_BODY},
)
async def login(
    data: LoginRequest,
    request: Request,
    session: SessionDep,
    limiter: LimiterDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> TokenResponse | Response:
    """Log in with email and password: a 15-minute access token and a rotating refresh token."""
    await limiter.hit(settings.rate_limit_login_ip, "login:ip", client_ip(request))
    return _committed_refusal(await service.login(session, data, now=clock(), request=request))


@auth_router.post("/refresh", response_model=TokenResponse, operation_id="auth-refresh", responses={401: _ERROR_BODY})
async def refresh(
    data: RefreshRequest,
    request: Request,
    session: SessionDep,
    limiter: LimiterDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> TokenResponse | Response:
    """Exchange a refresh token for a new pair; the presented token dies (reusing it ends the whole login)."""
    await limiter.hit(settings.rate_limit_refresh_ip, "refresh:ip", client_ip(request))
    return _committed_refusal(await service.refresh(session, data.refresh_token, now=clock(), request=request))


@auth_router.post("/logout", status_code=204, operation_id="auth-logout")
async def logout(data: RefreshRequest, request: Request, session: SessionDep, clock: ClockDep) -> Response:
    """Log out: revoke the refresh token's whole family (works with an expired access token too)."""
    await service.logout(session, data.refresh_token, now=clock(), request=request)
    return Response(status_code=204)


@auth_router.get("/me", response_model=AdminRead, operation_id="auth-me")
async def me(admin: CurrentAdmin) -> AdminRead:
    """The logged-in admin."""
    return AdminRead.model_validate(admin)


@auth_router.put("/password", response_model=TokenResponse, operation_id="auth-change-password")
async def change_password_auth(
    data: PasswordChange, admin: CurrentAdmin, request: Request, session: SessionDep, clock: ClockDep
) -> TokenResponse:
    """Change one's own password; other sessions end, the caller receives a fresh token pair."""
    return await service.change_password(session, admin, data, now=clock(), request=request)


# --- own settings -----------------------------------------------------------------------------------------------


@settings_router.get("/profile", response_model=AdminRead, operation_id="settings-get-profile")
async def get_profile(admin: CurrentAdmin) -> AdminRead:
    """One's own profile (phone in full)."""
    return AdminRead.model_validate(admin)


@settings_router.put("/profile", response_model=AdminRead, operation_id="settings-update-profile")
async def update_profile(data: ProfileUpdate, admin: CurrentAdmin, request: Request, session: SessionDep) -> AdminRead:
    """Update one's own name and phone (``phone: ""`` clears it)."""
    return AdminRead.model_validate(await service.update_profile(session, admin, data, request=request))


@settings_router.put("/password", response_model=TokenResponse, operation_id="settings-change-password")
async def change_password_settings(
    data: PasswordChange, admin: CurrentAdmin, request: Request, session: SessionDep, clock: ClockDep
) -> TokenResponse:
    """Change one's own password; other sessions end, the caller receives a fresh token pair."""
    return await service.change_password(session, admin, data, now=clock(), request=request)


# --- account management (super admin) ---------------------------------------------------------------------------


@admins_router.get("", response_model=Page[AdminRead], operation_id="admins-list")
async def list_admins(
    _: SuperAdmin,
    session: SessionDep,
    page: PageDep,
    is_active: Annotated[bool | None, Query(description="활성/비활성 계정만")] = None,
) -> Page[AdminRead]:
    """Admin accounts, newest first."""
    rows, total = await service.list_admins(session, page, is_active=is_active)
    return Page[AdminRead].build([AdminRead.model_validate(a) for a in rows], total, page)


@admins_router.post("", status_code=201, response_model=AdminRead, operation_id="admins-create")
async def create_admin(data: AdminCreate, actor: SuperAdmin, request: Request, session: SessionDep) -> AdminRead:
    """Create an admin account (409 ``email_taken`` when the email is in use)."""
    return AdminRead.model_validate(await service.create_admin(session, data, actor=actor, request=request))


@admins_router.get("/{admin_id}", response_model=AdminRead, operation_id="admins-get")
async def get_admin(admin_id: AdminId, _: SuperAdmin, session: SessionDep) -> AdminRead:
    """One admin account."""
    return AdminRead.model_validate(await service.get_admin(session, admin_id))


@admins_router.patch("/{admin_id}", response_model=AdminRead, operation_id="admins-update")
async def update_admin(
    admin_id: AdminId, data: AdminUpdate, actor: SuperAdmin, request: Request, session: SessionDep, clock: ClockDep
) -> AdminRead:
    """Change name, phone, role or active state; never one's own role or activity, never the last super admin."""
    admin = await service.update_admin(session, admin_id, data, actor=actor, now=clock(), request=request)
    return AdminRead.model_validate(admin)


@admins_router.delete("/{admin_id}", status_code=204, operation_id="admins-deactivate")
async def deactivate_admin(
    admin_id: AdminId, actor: SuperAdmin, request: Request, session: SessionDep, clock: ClockDep
) -> Response:
    """Deactivate an account (soft delete): it cannot log in and its tokens stop working."""
    await service.deactivate_admin(session, admin_id, actor=actor, now=clock(), request=request)
    return Response(status_code=204)
