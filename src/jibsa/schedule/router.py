"""The calendar under ``/admin/schedule``."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from jibsa.admins.dependencies import AdminRead, CurrentAdmin
from jibsa.core.db import SessionDep
from jibsa.core.korean import today_kst
from jibsa.models import AssignmentStatus
from jibsa.schedule import service
from jibsa.schedule.schemas import MonthlyStats, Schedule, SchedulePartner

router = APIRouter(prefix="/admin/schedule", tags=["admin_schedule"])

PartnerFilter = Annotated[int | None, Query(ge=1, le=2**63 - 1)]


@router.get("", response_model=Schedule, operation_id="admin_schedule-list")
async def get_schedule(
    read: AdminRead,
    start_date: date | None = None,
    end_date: date | None = None,
    status: AssignmentStatus | None = None,
    partner_id: PartnerFilter = None,
) -> Response:
    """Assignments dated in a range of at most 62 days (default: this KST month); cancelled only when asked."""
    return await read(
        lambda session: service.get_schedule(session, start_date, end_date, status=status, partner_id=partner_id),
        key=today_kst().isoformat(),  # the default range follows the calendar
    )


@router.get("/monthly-stats", response_model=MonthlyStats, operation_id="admin_schedule-monthly_stats")
async def monthly_stats(
    read: AdminRead,
    year: Annotated[int, Query(ge=2000, le=2100)],
    month: Annotated[int, Query(ge=1, le=12)],
    partner_id: PartnerFilter = None,
) -> Response:
    """A month's scheduled, completed and still-to-do assignments, with counts per day."""
    return await read(lambda session: service.monthly_stats(session, year, month, partner_id=partner_id))


@router.get("/partners", response_model=list[SchedulePartner], operation_id="admin_schedule-partners")
async def schedule_partners(session: SessionDep, _: CurrentAdmin) -> list[SchedulePartner]:
    """Approved partners for the calendar's filter."""
    return await service.schedule_partners(session)
