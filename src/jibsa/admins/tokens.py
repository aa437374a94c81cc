"""Refresh tokens: opaque random strings, stored only as keyed hashes, rotated on every use.

The tokens issued from one login form a family. Using a token marks it used and issues its successor;
presenting a used token again means it was copied, so the whole family is revoked.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins.security import REFRESH_TOKEN_TTL, new_refresh_token, new_token_family
from jibsa.core.crypto import hash_token
from jibsa.models import RefreshToken


async def issue(
    session: AsyncSession,
    admin_id: int,
    *,
    now: datetime,
    family_id: str | None = None,
    ip_address: str | None = None,
    user_agent: str | None = None,
) -> str:
    """Store a new refresh token (a new family unless ``family_id`` is given) and return its plaintext once."""
    token = new_refresh_token()
    session.add(
        RefreshToken(
            admin_id=admin_id,
            family_id=family_id or new_token_family(),
            token_hash=hash_token(token),
            expires_at=now + REFRESH_TOKEN_TTL,
            ip_address=ip_address,
            user_agent=user_agent,
            created_at=now,
        )
    )
    await session.flush()
    return token


async def find(session: AsyncSession, token: str) -> RefreshToken | None:
    """The stored token matching ``token`` (looked up by its keyed hash)."""
    return await session.scalar(select(RefreshToken).where(RefreshToken.token_hash == hash_token(token)))


async def claim(session: AsyncSession, row: RefreshToken, now: datetime) -> bool:
    """Mark ``row`` used; ``False`` when a concurrent request used or revoked it first."""
    result = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == row.id, RefreshToken.used_at.is_(None), RefreshToken.revoked_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def revoke_family(session: AsyncSession, family_id: str, now: datetime) -> int:
    """Revoke every live token of one login; returns how many were still live."""
    result = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def revoke_all(session: AsyncSession, admin_id: int, now: datetime) -> None:
    """Revoke every live refresh token of an admin (password change, deactivation)."""
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.admin_id == admin_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
