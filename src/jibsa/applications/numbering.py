"""Application numbers ``YYYYMMDD-NNN`` (KST day), allocated atomically by an upsert on a per-day counter."""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.db import dialect_name
from jibsa.models import DailySequence

# Built once per dialect: a request only binds the day.
_INCREMENT = {
    name: dialect.insert(DailySequence)
    .values(day=bindparam("day"), last_value=1)
    .on_conflict_do_update(index_elements=[DailySequence.day], set_={"last_value": DailySequence.last_value + 1})
    .returning(DailySequence.last_value)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}


async def next_sequence(session: AsyncSession, day: date) -> int:
    """Increment and return the day's counter; the row lock serialises concurrent submitters."""
    stmt = _INCREMENT["postgresql" if dialect_name(session) == "postgresql" else "sqlite"]
    return int((await session.execute(stmt, {"day": day})).scalar_one())


def format_number(day: date, sequence: int) -> str:
    """20261128-001 … 20261128-999, then 20261128-1000 (never wraps)."""
    return f"{day:%Y%m%d}-{sequence:03d}"
