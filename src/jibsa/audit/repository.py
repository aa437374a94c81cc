"""Queries over the audit trail: newest first, keyset-paginated by id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.korean import kst_day_start
from jibsa.models import AuditLog


@dataclass(frozen=True, slots=True)
class AuditFilter:
    entity_type: str | None = None
    entity_id: int | None = None
    admin_id: int | None = None
    action: str | None = None
    date_from: date | None = None  # KST, inclusive
    date_to: date | None = None  # KST, inclusive


async def list_entries(
    session: AsyncSession, where: AuditFilter, *, before_id: int | None, limit: int
) -> list[AuditLog]:
    """Up to ``limit`` entries matching ``where`` with ids below ``before_id``, newest first."""
    query = select(AuditLog)
    if where.entity_type is not None:
        query = query.where(AuditLog.entity_type == where.entity_type)
    if where.entity_id is not None:
        query = query.where(AuditLog.entity_id == where.entity_id)
    if where.admin_id is not None:
        query = query.where(AuditLog.admin_id == where.admin_id)
    if where.action is not None:
        query = query.where(AuditLog.action == where.action)
    if where.date_from is not None:
        query = query.where(AuditLog.created_at >= kst_day_start(where.date_from))
    if where.date_to is not None:
        query = query.where(AuditLog.created_at < kst_day_start(where.date_to + timedelta(days=1)))
    if before_id is not None:
        query = query.where(AuditLog.id < before_id)
    return list(await session.scalars(query.order_by(AuditLog.id.desc()).limit(limit)))
