"""Queries over the audit trail: newest first, keyset-paginated by id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Row, bindparam, select
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


# Entries are read as plain rows of the entry's columns: never changed once written, they need no identity map.
_COLUMNS = tuple(attribute.class_attribute for attribute in AuditLog.__mapper__.column_attrs)
# The first page of one entity's history (every detail view shows it) is built once; a request only binds.
_ENTITY_FIRST_PAGE = (
    select(*_COLUMNS)
    .where(AuditLog.entity_type == bindparam("entity_type"), AuditLog.entity_id == bindparam("entity_id"))
    .order_by(AuditLog.id.desc())
    .limit(bindparam("limit"))
)


async def list_entries(
    session: AsyncSession, where: AuditFilter, *, before_id: int | None, limit: int
) -> Sequence[Row[*tuple[Any, ...]]]:
    """Up to ``limit`` entries matching ``where`` with ids below ``before_id``, newest first."""
    if (
        before_id is None
        and where.entity_type is not None
        and where.entity_id is not None
        and where == AuditFilter(entity_type=where.entity_type, entity_id=where.entity_id)
    ):
        params = {"entity_type": where.entity_type, "entity_id": where.entity_id, "limit": limit}
        return (await session.execute(_ENTITY_FIRST_PAGE, params)).all()
    query = select(*_COLUMNS)
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
    return (await session.execute(query.order_by(AuditLog.id.desc()).limit(limit))).all()
