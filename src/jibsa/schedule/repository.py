"""Assignment queries for the calendar (cancelled ones only when asked for)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from jibsa.models import Application, ApplicationStatus, Assignment, AssignmentStatus, Partner


def _conditions(
    start: date, end: date, status: AssignmentStatus | None, partner_id: int | None
) -> list[ColumnElement[bool]]:
    conditions = [
        Assignment.scheduled_date >= start,
        Assignment.scheduled_date <= end,
        Application.deleted_at.is_(None),
        Assignment.status == status if status is not None else Assignment.status != AssignmentStatus.CANCELLED,
    ]
    if partner_id is not None:
        conditions.append(Assignment.partner_id == partner_id)
    return conditions


async def scheduled_assignments(
    session: AsyncSession, start: date, end: date, *, status: AssignmentStatus | None, partner_id: int | None
) -> Sequence[tuple[Assignment, str, ApplicationStatus, str, str, str]]:
    """Assignments dated in ``[start, end]`` with the application and partner columns the calendar shows."""
    stmt = (
        select(
            Assignment,
            Application.number,
            Application.status,
            Application.customer_name,
            Application.address,
            Partner.company_name,
        )
        .join(Application, Application.id == Assignment.application_id)
        .join(Partner, Partner.id == Assignment.partner_id)
        .where(*_conditions(start, end, status, partner_id))
        .options(selectinload(Assignment.services))
        .order_by(Assignment.scheduled_date, Assignment.scheduled_time.nulls_last(), Assignment.id)
    )
    return (await session.execute(stmt)).all()


async def counts_by_date(
    session: AsyncSession, start: date, end: date, *, partner_id: int | None
) -> Sequence[tuple[date | None, AssignmentStatus, int]]:
    """(date, status, count) of the non-cancelled assignments in ``[start, end]``."""
    stmt = (
        select(Assignment.scheduled_date, Assignment.status, func.count())
        .join(Application, Application.id == Assignment.application_id)
        .where(*_conditions(start, end, None, partner_id))
        .group_by(Assignment.scheduled_date, Assignment.status)
    )
    return (await session.execute(stmt)).all()
