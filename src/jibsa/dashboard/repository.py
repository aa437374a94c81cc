"""Aggregate queries for the dashboard; each returns a handful of numbers whatever the table size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import load_only

from jibsa.models import Application, ApplicationStatus, Partner, PartnerStatus

RECENT = 5


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


async def application_status_counts(session: AsyncSession) -> dict[str, int]:
    stmt = select(Application.status, func.count()).where(Application.deleted_at.is_(None)).group_by(Application.status)
    counts = {status.value: 0 for status in ApplicationStatus}
    for status, count in await session.execute(stmt):
        counts[str(status)] = count
    return counts


async def applications_created_in(session: AsyncSession, periods: Sequence[tuple[datetime, datetime]]) -> list[int]:
    """How many live applications were created in each ``[start, end)`` period (one query)."""
    columns = [_count_if((Application.created_at >= s) & (Application.created_at < e)) for s, e in periods]
    row = (await session.execute(select(*columns).where(Application.deleted_at.is_(None)))).one()
    return [int(v) for v in row]


async def partner_counts(session: AsyncSession, month_start: datetime, month_end: datetime) -> tuple[int, ...]:
    """(total, pending, approved, created this month) over live partners."""
    stmt = select(
        func.count(),
        _count_if(Partner.status == PartnerStatus.PENDING),
        _count_if(Partner.status == PartnerStatus.APPROVED),
        _count_if((Partner.created_at >= month_start) & (Partner.created_at < month_end)),
    ).where(Partner.deleted_at.is_(None))
    return tuple(int(v) for v in (await session.execute(stmt)).one())


async def recent_applications(session: AsyncSession) -> Sequence[Application]:
    stmt = (
        select(Application)
        .where(Application.deleted_at.is_(None))
        .options(
            load_only(
                Application.id,
                Application.number,
                Application.customer_name,
                Application.status,
                Application.created_at,
            )
        )
        .order_by(Application.created_at.desc(), Application.id.desc())
        .limit(RECENT)
    )
    return (await session.scalars(stmt)).all()


async def recent_partners(session: AsyncSession) -> Sequence[Partner]:
    stmt = (
        select(Partner)
        .where(Partner.deleted_at.is_(None))
        .options(load_only(Partner.id, Partner.company_name, Partner.status, Partner.created_at))
        .order_by(Partner.created_at.desc(), Partner.id.desc())
        .limit(RECENT)
    )
    return (await session.scalars(stmt)).all()


async def funnel_counts(session: AsyncSession, since: datetime, until: datetime) -> tuple[int, int, int, int]:
    """(submitted, assigned at least once, completed, cancelled) for applications created in ``[since, until)``."""
    stmt = select(
        func.count(),
        func.count(Application.first_assigned_at),
        _count_if(Application.status == ApplicationStatus.COMPLETED),
        _count_if(Application.status == ApplicationStatus.CANCELLED),
    ).where(Application.deleted_at.is_(None), Application.created_at >= since, Application.created_at < until)
    submitted, assigned, completed, cancelled = (await session.execute(stmt)).one()
    return int(submitted), int(assigned), int(completed), int(cancelled)


async def assignment_delays(session: AsyncSession, since: datetime, until: datetime) -> list[tuple[datetime, datetime]]:
    """(created_at, first_assigned_at) of the window's assigned applications, for the median in Python."""
    stmt = select(Application.created_at, Application.first_assigned_at).where(
        Application.deleted_at.is_(None),
        Application.created_at >= since,
        Application.created_at < until,
        Application.first_assigned_at.is_not(None),
    )
    return [(created, assigned) for created, assigned in await session.execute(stmt) if assigned]
