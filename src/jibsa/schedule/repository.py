"""Assignment queries for the calendar (cancelled ones only when asked for)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import cast

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.models import Application, Assignment, AssignmentService, AssignmentStatus, Partner, ServiceType


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


# The columns of one calendar item, no ORM object (only the name and the address decrypted): assignment id,
# application id, number, application status, customer name, address, partner id, partner name, scheduled date,
# scheduled time, assignment status, estimated cost.
ScheduleRow = Row[int, int, str, str, str, str, int, str, date, str | None, str, int | None]


async def scheduled_assignments(
    session: AsyncSession, start: date, end: date, *, status: AssignmentStatus | None, partner_id: int | None
) -> Sequence[ScheduleRow]:
    """Assignments dated in ``[start, end]`` with the application and partner columns the calendar shows."""
    stmt = (
        select(
            Assignment.id,
            Assignment.application_id,
            Application.number,
            Application.status,
            Application.customer_name,
            Application.address,
            Assignment.partner_id,
            Partner.company_name,
            Assignment.scheduled_date,
            Assignment.scheduled_time,
            Assignment.status,
            Assignment.estimated_cost,
        )
        .join(Application, Application.id == Assignment.application_id)
        .join(Partner, Partner.id == Assignment.partner_id)
        .where(*_conditions(start, end, status, partner_id))
        .order_by(Assignment.scheduled_date, Assignment.scheduled_time.nulls_last(), Assignment.id)
    )
    return cast("Sequence[ScheduleRow]", (await session.execute(stmt)).all())


async def services_by_assignment(
    session: AsyncSession, start: date, end: date, *, status: AssignmentStatus | None, partner_id: int | None
) -> dict[int, list[tuple[str, str]]]:
    """(code, name) of the services of every assignment :func:`scheduled_assignments` returns: one query."""
    stmt = (
        select(AssignmentService.assignment_id, AssignmentService.service_code, ServiceType.name)
        .join(Assignment, Assignment.id == AssignmentService.assignment_id)
        .join(Application, Application.id == Assignment.application_id)
        .outerjoin(ServiceType, ServiceType.code == AssignmentService.service_code)
        .where(*_conditions(start, end, status, partner_id))
        .order_by(AssignmentService.assignment_id, AssignmentService.position)
    )
    services: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for assignment_id, code, name in await session.execute(stmt):
        services[assignment_id].append((code, name or code))
    return services


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
