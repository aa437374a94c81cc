"""Assignment queries for the calendar (cancelled ones only when asked for)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import ColumnElement, Row, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.models import Application, Assignment, AssignmentService, AssignmentStatus, Partner, ServiceType


def _conditions(*, by_status: bool, by_partner: bool) -> list[ColumnElement[bool]]:
    """``[start, end]`` dates, live applications, one status or every one but cancelled, optionally one partner
    (bind parameters ``start``, ``end``, ``status``, ``partner_id``)."""
    conditions = [
        Assignment.scheduled_date >= bindparam("start"),
        Assignment.scheduled_date <= bindparam("end"),
        Application.deleted_at.is_(None),
        Assignment.status == bindparam("status") if by_status else Assignment.status != AssignmentStatus.CANCELLED,
    ]
    if by_partner:
        conditions.append(Assignment.partner_id == bindparam("partner_id"))
    return conditions


def _params(start: date, end: date, status: AssignmentStatus | None, partner_id: int | None) -> dict[str, Any]:
    params: dict[str, Any] = {"start": start, "end": end}
    if status is not None:
        params["status"] = status
    if partner_id is not None:
        params["partner_id"] = partner_id
    return params


# Every statement is built once per filter combination: a request only binds its range and filters.
_FILTERS = [(by_status, by_partner) for by_status in (False, True) for by_partner in (False, True)]
_ITEMS = {
    (by_status, by_partner): select(
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
    .where(*_conditions(by_status=by_status, by_partner=by_partner))
    .order_by(Assignment.scheduled_date, Assignment.scheduled_time.nulls_last(), Assignment.id)
    for by_status, by_partner in _FILTERS
}
_SERVICES = {
    (by_status, by_partner): select(AssignmentService.assignment_id, AssignmentService.service_code, ServiceType.name)
    .join(Assignment, Assignment.id == AssignmentService.assignment_id)
    .join(Application, Application.id == Assignment.application_id)
    .outerjoin(ServiceType, ServiceType.code == AssignmentService.service_code)
    .where(*_conditions(by_status=by_status, by_partner=by_partner))
    .order_by(AssignmentService.assignment_id, AssignmentService.position)
    for by_status, by_partner in _FILTERS
}
_COUNTS = {
    by_partner: select(Assignment.scheduled_date, Assignment.status, func.count())
    .join(Application, Application.id == Assignment.application_id)
    .where(*_conditions(by_status=False, by_partner=by_partner))
    .group_by(Assignment.scheduled_date, Assignment.status)
    for by_partner in (False, True)
}


# The columns of one calendar item, no ORM object (only the name and the address decrypted): assignment id,
# application id, number, application status, customer name, address, partner id, partner name, scheduled date,
# scheduled time, assignment status, estimated cost.
ScheduleRow = Row[int, int, str, str, str, str, int, str, date, str | None, str, int | None]


async def scheduled_assignments(
    session: AsyncSession, start: date, end: date, *, status: AssignmentStatus | None, partner_id: int | None
) -> Sequence[ScheduleRow]:
    """Assignments dated in ``[start, end]`` with the application and partner columns the calendar shows."""
    stmt = _ITEMS[status is not None, partner_id is not None]
    rows = await session.execute(stmt, _params(start, end, status, partner_id))
    return cast("Sequence[ScheduleRow]", rows.all())


async def services_by_assignment(
    session: AsyncSession, start: date, end: date, *, status: AssignmentStatus | None, partner_id: int | None
) -> dict[int, list[tuple[str, str]]]:
    """(code, name) of the services of every assignment :func:`scheduled_assignments` returns: one query."""
    stmt = _SERVICES[status is not None, partner_id is not None]
    services: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for assignment_id, code, name in await session.execute(stmt, _params(start, end, status, partner_id)):
        services[assignment_id].append((code, name or code))
    return services


async def counts_by_date(
    session: AsyncSession, start: date, end: date, *, partner_id: int | None
) -> Sequence[tuple[date | None, AssignmentStatus, int]]:
    """(date, status, count) of the non-cancelled assignments in ``[start, end]``."""
    stmt = _COUNTS[partner_id is not None]
    return (await session.execute(stmt, _params(start, end, None, partner_id))).all()
