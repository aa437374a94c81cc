"""Admin accounts and sessions: the service the API and ``jibsa create-admin`` share.

Refusals that must leave a trace (a failed login counts towards the lockout and is audited; a reused refresh
token revokes its family) are *returned* rather than raised: raising would roll the trace back with the
request's unit of work. The router turns them into the error response after the work commits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins import throttle, tokens
from jibsa.admins.exceptions import (
    AccountInactive,
    AdminNotFound,
    CannotChangeOwnRole,
    CannotDeactivateSelf,
    EmailTaken,
    InvalidCredentials,
    InvalidRefreshToken,
    LastSuperAdmin,
    LoginLocked,
    PasswordUnchanged,
    RefreshTokenReused,
    WrongCurrentPassword,
)
from jibsa.admins.schemas import (
    AdminCreate,
    AdminRead,
    AdminUpdate,
    LoginRequest,
    PasswordChange,
    ProfileUpdate,
    TokenResponse,
)
from jibsa.admins.security import (
    ACCESS_TOKEN_TTL,
    burn_password_check,
    create_access_token,
    hash_password_async,
    needs_rehash,
    verify_password_async,
)
from jibsa.audit.service import record
from jibsa.core.errors import AppError
from jibsa.core.korean import now_utc
from jibsa.core.pagination import PageParams
from jibsa.core.ratelimit import client_ip
from jibsa.models import Admin, AdminRole

ENTITY = "admin"
ROLE_LABELS = {AdminRole.SUPER_ADMIN: "최고관리자", AdminRole.ADMIN: "관리자"}
_FIELD_LABELS = {"name": "이름", "phone": "연락처", "role": "권한", "is_active": "활성 상태"}
_FAILURE_LABELS = {"bad_credentials": "인증 실패", "locked": "잠김", "inactive": "비활성 계정"}


def normalise_email(email: str) -> str:
    """Emails compare trimmed and lower-cased."""
    return email.strip().lower()


async def get_by_email(session: AsyncSession, email: str) -> Admin | None:
    """The admin with this email (any case), if any."""
    return await session.scalar(select(Admin).where(Admin.email == normalise_email(email)))


async def count_admins(session: AsyncSession) -> int:
    """How many admin accounts exist (``create-admin --if-none``)."""
    return int(await session.scalar(select(func.count()).select_from(Admin)) or 0)


# --- sessions -------------------------------------------------------------------------------------------------


def _user_agent(request: Request | None) -> str | None:
    if request is None:
        return None
    return request.headers.get("user-agent", "")[:255] or None


async def _open_session(
    session: AsyncSession,
    admin: Admin,
    *,
    now: datetime,
    request: Request | None,
    family_id: str | None = None,
) -> TokenResponse:
    refresh_token = await tokens.issue(
        session,
        admin.id,
        now=now,
        family_id=family_id,
        ip_address=client_ip(request) if request else None,
        user_agent=_user_agent(request),
    )
    access_token, _ = create_access_token(admin.id, admin.role, admin.token_generation, now=now)
    return TokenResponse(
        access_token=access_token,
        refresh_token=refresh_token,
        expires_in=int(ACCESS_TOKEN_TTL.total_seconds()),
        admin=AdminRead.model_validate(admin),
    )


async def _login_failed(
    session: AsyncSession, reason: str, bidx: str, admin: Admin | None, request: Request | None
) -> None:
    # The email itself is never stored: only its blind index, which an auditor can match against an account.
    await record(
        session,
        action="login_failed",
        entity_type=ENTITY,
        entity_id=admin.id if admin else None,
        summary=f"로그인 실패 ({_FAILURE_LABELS[reason]})",
        after={"email_bidx": bidx, "reason": reason},
        request=request,
    )


async def login(
    session: AsyncSession, data: LoginRequest, *, now: datetime, request: Request | None = None
) -> TokenResponse | AppError:
    """Check the credentials (with lockout) and open a session; refusals are returned, already recorded."""
    email = normalise_email(data.email)
    bidx = throttle.email_bidx(email)
    keys = [throttle.email_key(email), throttle.ip_key(client_ip(request) if request else "local")]
    wait = await throttle.retry_after(session, keys, now)
    if wait:
        await _login_failed(session, "locked", bidx, None, request)
        return LoginLocked(retry_after=wait)

    admin = await get_by_email(session, email)
    if admin is None:
        await burn_password_check(data.password)
        valid = False
    else:
        valid = await verify_password_async(admin.password_hash, data.password)
    if admin is None or not valid:
        await throttle.register_failure(session, keys, now)
        await _login_failed(session, "bad_credentials", bidx, admin, request)
        return InvalidCredentials()
    if not admin.is_active:
        await _login_failed(session, "inactive", bidx, admin, request)
        return AccountInactive()

    await throttle.reset(session, keys)
    if needs_rehash(admin.password_hash):
        admin.password_hash = await hash_password_async(data.password)
    admin.last_login_at = now
    await record(
        session, action="login", entity_type=ENTITY, entity_id=admin.id, summary="로그인", admin=admin, request=request
    )
    return await _open_session(session, admin, now=now, request=request)


async def refresh(
    session: AsyncSession, token: str, *, now: datetime, request: Request | None = None
) -> TokenResponse | AppError:
    """Rotate a refresh token: the presented one dies, its successor joins the same family."""
    row = await tokens.find(session, token)
    if row is None:
        return InvalidRefreshToken()
    if row.used_at is not None:
        return await _refresh_reused(session, row.admin_id, row.family_id, now=now, request=request)
    if row.revoked_at is not None or row.expires_at <= now:
        return InvalidRefreshToken()
    admin = await session.get(Admin, row.admin_id)
    if admin is None or not admin.is_active:
        await tokens.revoke_family(session, row.family_id, now)
        return InvalidRefreshToken()
    if not await tokens.claim(session, row, now):  # a concurrent request rotated it first
        return await _refresh_reused(session, row.admin_id, row.family_id, now=now, request=request)
    return await _open_session(session, admin, now=now, request=request, family_id=row.family_id)


async def _refresh_reused(
    session: AsyncSession, admin_id: int, family_id: str, *, now: datetime, request: Request | None
) -> AppError:
    # A used token presented again was copied: end every session of that login.
    await tokens.revoke_family(session, family_id, now)
    await record(
        session,
        action="refresh_reuse",
        entity_type=ENTITY,
        entity_id=admin_id,
        summary="이미 사용된 리프레시 토큰 재사용 감지: 해당 로그인 세션 전체 종료",
        after={"family_id": family_id},
        request=request,
    )
    return RefreshTokenReused()


async def logout(session: AsyncSession, token: str, *, now: datetime, request: Request | None = None) -> None:
    """End the login the refresh token belongs to (every token of its family); unknown tokens are ignored."""
    row = await tokens.find(session, token)
    if row is None or not await tokens.revoke_family(session, row.family_id, now):
        return
    admin = await session.get(Admin, row.admin_id)
    await record(
        session,
        action="logout",
        entity_type=ENTITY,
        entity_id=row.admin_id,
        summary="로그아웃",
        admin=admin,
        request=request,
    )


async def _end_all_sessions(session: AsyncSession, admin: Admin, now: datetime) -> None:
    """Access tokens carrying the old generation stop working; refresh tokens are revoked."""
    admin.token_generation += 1
    await tokens.revoke_all(session, admin.id, now)


async def change_password(
    session: AsyncSession, admin: Admin, data: PasswordChange, *, now: datetime, request: Request | None = None
) -> TokenResponse:
    """Change one's own password: every other session ends, the caller gets a fresh one."""
    if not await verify_password_async(admin.password_hash, data.current_password):
        raise WrongCurrentPassword()
    if data.new_password == data.current_password:
        raise PasswordUnchanged()
    admin.password_hash = await hash_password_async(data.new_password)
    await _end_all_sessions(session, admin, now)
    await session.flush()
    await record(
        session,
        action="password_change",
        entity_type=ENTITY,
        entity_id=admin.id,
        summary="비밀번호 변경",
        admin=admin,
        request=request,
    )
    return await _open_session(session, admin, now=now, request=request)


def _apply(admin: Admin, changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set the fields that really change; return (before, after) of those fields for the audit row."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for field, value in changes.items():
        old = getattr(admin, field)
        if old == value:
            continue
        before[field], after[field] = old, value
        setattr(admin, field, value)
    return before, after


async def update_profile(
    session: AsyncSession, admin: Admin, data: ProfileUpdate, *, request: Request | None = None
) -> Admin:
    """Update one's own name and phone (``phone`` null or empty clears it)."""
    changes: dict[str, Any] = {}
    if data.name is not None:
        changes["name"] = data.name
    if "phone" in data.model_fields_set:
        changes["phone"] = data.phone
    before, after = _apply(admin, changes)
    if after:
        await session.flush()
        await record(
            session,
            action="update",
            entity_type=ENTITY,
            entity_id=admin.id,
            summary="내 정보 수정: " + ", ".join(_FIELD_LABELS[f] for f in after),
            admin=admin,
            before=before,
            after=after,
            request=request,
        )
    return admin


# --- account management (super admin) --------------------------------------------------------------------------


async def list_admins(
    session: AsyncSession, params: PageParams, *, is_active: bool | None = None
) -> tuple[list[Admin], int]:
    """Admins, newest first, optionally only active or inactive ones."""
    query = select(Admin)
    if is_active is not None:
        query = query.where(Admin.is_active.is_(is_active))
    total = int(await session.scalar(select(func.count()).select_from(query.subquery())) or 0)
    rows = await session.scalars(query.order_by(Admin.id.desc()).offset(params.offset).limit(params.page_size))
    return list(rows), total


async def get_admin(session: AsyncSession, admin_id: int) -> Admin:
    """One admin (404 ``admin_not_found``)."""
    admin = await session.get(Admin, admin_id)
    if admin is None:
        raise AdminNotFound()
    return admin


async def create_admin(
    session: AsyncSession, data: AdminCreate, *, actor: Admin | None = None, request: Request | None = None
) -> Admin:
    """Create an admin account (email unique, password hashed with argon2); audited, by the CLI too."""
    email = normalise_email(data.email)
    if await get_by_email(session, email) is not None:
        raise EmailTaken()
    admin = Admin(
        email=email,
        password_hash=await hash_password_async(data.password),
        name=data.name,
        phone=data.phone,
        role=data.role,
        is_active=True,
        token_generation=0,
    )
    session.add(admin)
    try:
        await session.flush()
    except IntegrityError as exc:  # a concurrent creation with the same email won the race
        raise EmailTaken() from exc
    await record(
        session,
        action="create",
        entity_type=ENTITY,
        entity_id=admin.id,
        summary=f"관리자 계정 생성: {admin.name} ({ROLE_LABELS[AdminRole(admin.role)]})",
        admin=actor,
        after={"email": email, "name": admin.name, "phone": admin.phone, "role": admin.role},
        request=request,
    )
    return admin


async def _ensure_another_super_admin(session: AsyncSession, target: Admin) -> None:
    """Refuse to leave no active super admin; the row locks serialise two super admins demoting each other."""
    ids = await session.scalars(
        select(Admin.id)
        .where(Admin.role == AdminRole.SUPER_ADMIN, Admin.is_active.is_(True))
        .order_by(Admin.id)
        .with_for_update()
    )
    if not any(i != target.id for i in ids):
        raise LastSuperAdmin()


async def update_admin(
    session: AsyncSession,
    admin_id: int,
    data: AdminUpdate,
    *,
    actor: Admin | None,
    now: datetime | None = None,
    request: Request | None = None,
) -> Admin:
    """Change another admin's name, phone, role or active state (never one's own role or activity)."""
    admin = await get_admin(session, admin_id)
    changes: dict[str, Any] = {}
    if data.name is not None:
        changes["name"] = data.name
    if "phone" in data.model_fields_set:
        changes["phone"] = data.phone
    if data.role is not None and data.role != admin.role:
        changes["role"] = data.role
    if data.is_active is not None and data.is_active != admin.is_active:
        changes["is_active"] = data.is_active
    if actor is not None and actor.id == admin.id:
        if "role" in changes:
            raise CannotChangeOwnRole()
        if changes.get("is_active") is False:
            raise CannotDeactivateSelf()
    loses_super_admin = (
        admin.is_active
        and admin.role == AdminRole.SUPER_ADMIN
        and (changes.get("role") == AdminRole.ADMIN or changes.get("is_active") is False)
    )
    if loses_super_admin:
        await _ensure_another_super_admin(session, admin)
    before, after = _apply(admin, changes)
    if not after:
        return admin
    if after.get("is_active") is False:
        await _end_all_sessions(session, admin, now or now_utc())
    await session.flush()
    await record(
        session,
        action="deactivate" if after.get("is_active") is False else "update",
        entity_type=ENTITY,
        entity_id=admin.id,
        summary=f"관리자 정보 수정({admin.name}): " + ", ".join(_FIELD_LABELS[f] for f in after),
        admin=actor,
        before=before,
        after=after,
        request=request,
    )
    return admin


async def deactivate_admin(
    session: AsyncSession,
    admin_id: int,
    *,
    actor: Admin | None,
    now: datetime | None = None,
    request: Request | None = None,
) -> Admin:
    """Deactivate an account (soft delete): it can no longer log in and its tokens stop working."""
    return await update_admin(session, admin_id, AdminUpdate(is_active=False), actor=actor, now=now, request=request)
