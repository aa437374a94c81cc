"""Login lockout: consecutive failures per account (email blind index) and per client IP.

After ``THRESHOLD`` consecutive failures a key is locked for 30 s, doubling with each further failure up to
15 minutes. A success clears the keys involved. Failures older than ``MEMORY`` are forgotten, so a few typos
spread over weeks never add up to a lock.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.crypto import blind_index
from jibsa.core.db import dialect_name
from jibsa.models import LoginThrottle

THRESHOLD = 5
BASE_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(minutes=15)
MEMORY = timedelta(hours=1)


def email_key(normalised_email: str) -> str:
    return f"acct:{email_bidx(normalised_email)}"


def email_bidx(normalised_email: str) -> str:
    return blind_index("admin_email", normalised_email)


def ip_key(ip: str) -> str:
    return f"ip:{ip[:70]}"


def lock_duration(failures: int) -> timedelta:
    """How long the ``failures``-th consecutive failure locks the key (zero below the threshold)."""
    if failures < THRESHOLD:
        return timedelta(0)
    doublings: int = min(failures - THRESHOLD, 16)
    return min(BASE_LOCK * (1 << doublings), MAX_LOCK)


async def retry_after(session: AsyncSession, keys: Sequence[str], now: datetime) -> int:
    """Seconds until every one of ``keys`` is unlocked (0 when none is locked)."""
    until = await session.scalars(
        select(LoginThrottle.locked_until).where(LoginThrottle.key.in_(keys), LoginThrottle.locked_until > now)
    )
    latest = max((u for u in until if u is not None), default=None)
    return math.ceil((latest - now).total_seconds()) if latest else 0


async def register_failure(session: AsyncSession, keys: Sequence[str], now: datetime) -> None:
    """Count one failed attempt against each key, locking those that reach the threshold."""
    # Rows idle for longer than MEMORY mean nothing any more (their lock expired, their count restarts): drop them,
    # so keys of unknown emails and passing IPs do not pile up.
    await session.execute(delete(LoginThrottle).where(LoginThrottle.updated_at < now - MEMORY))
    insert = pg_insert if dialect_name(session) == "postgresql" else sqlite_insert
    for key in sorted(keys):  # a fixed order: two failures never lock the rows in opposite orders
        await session.execute(
            insert(LoginThrottle)
            .values(key=key, failures=0, updated_at=now)
            .on_conflict_do_nothing(index_elements=[LoginThrottle.key])
        )
        row = (
            await session.scalars(
                select(LoginThrottle)
                .where(LoginThrottle.key == key)
                .with_for_update()
                .execution_options(populate_existing=True)
            )
        ).one()
        if row.failures and now - row.updated_at > MEMORY:
            row.failures = 0
        row.failures += 1
        row.updated_at = now
        duration = lock_duration(row.failures)
        row.locked_until = now + duration if duration else None
    await session.flush()


async def reset(session: AsyncSession, keys: Sequence[str]) -> None:
    """Forget the failures of ``keys`` (after a successful login)."""
    await session.execute(delete(LoginThrottle).where(LoginThrottle.key.in_(keys)))
