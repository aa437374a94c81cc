"""The schedule built from assignments: a date range (at most 62 days), month stats, the partner filter."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.errors import InvalidInput
from jibsa.core.korean import today_kst
from jibsa.models import ASSIGNMENT_STATUS_LABELS, AssignmentStatus
from jibsa.partners import repository as partners
from jibsa.partners.schemas import ServiceRef
from jibsa.schedule import repository
from jibsa.schedule.schemas import MonthlyStats, Schedule, SchedulePartner

MAX_RANGE_DAYS = 62
# A whole word (between whitespace or the ends) without a digit: one regex call per address, not one per word.
_WORD_WITHOUT_DIGIT = re.compile(r"(?<!\S)[^\s\d]+(?!\S)")


def short_address(address: str) -> str:
    """``경기도 양평군 양평읍 중앙로 123`` → ``경기도 양평군 양평읍``: at most three words, none with a digit."""
    return " ".join(_WORD_WITHOUT_DIGIT.findall(address)[:3])


def resolve_range(start: date | None, end: date | None) -> tuple[date, date]:
    """Defaults to the current KST month; refuses reversed or longer-than-62-day ranges."""
    if start is None:
        start = (end or today_kst()).replace(day=1)
    if end is None:
        end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if end < start:
        raise InvalidInput("end_date", "종료일이 시작일보다 빠릅니다.")
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise InvalidInput("end_date", f"조회 기간은 최대 {MAX_RANGE_DAYS}일입니다.", code="range_too_long")
    return start, end


async def get_schedule(
    session: AsyncSession,
    start: date | None,
    end: date | None,
    *,
    status: AssignmentStatus | None = None,
    partner_id: int | None = None,
) -> Schedule:
    """Assignments dated in the range (cancelled ones only when filtered for), by date and time."""
    start, end = resolve_range(start, end)
    rows = await repository.scheduled_assignments(session, start, end, status=status, partner_id=partner_id)
    services = (
        await repository.services_by_assignment(session, start, end, status=status, partner_id=partner_id)
        if rows
        else {}
    )
    # Plain dicts, validated once as a whole by pydantic-core: ~560 items a month at 10,000 applications, and
    # per-item model construction in Python would cost more than the query.
    labels = {status.value: label for status, label in ASSIGNMENT_STATUS_LABELS.items()}
    # One ServiceRef per distinct service, shared by the items (validation keeps a model instance as it is): a month
    # names a few dozen services, not ~800 objects for the garbage collector to walk while requests are in flight.
    refs: dict[tuple[str, str], ServiceRef] = {}

    def ref(code: str, name: str) -> ServiceRef:
        found = refs.get((code, name))
        if found is None:
            found = refs[code, name] = ServiceRef(code=code, name=name)
        return found

    items = [
        {
            "assignment_id": assignment_id,
            "application_id": application_id,
            "application_number": number,
            "application_status": application_status,
            "customer_name": customer_name,
            "address_short": short_address(address),
            "services": [ref(code, name) for code, name in services.get(assignment_id, ())],
            "partner_id": partner,
            "partner_name": partner_name,
            "scheduled_date": scheduled_date,
            "scheduled_time": scheduled_time,
            "status": assignment_status,
            "status_label": labels[assignment_status],
            "estimated_cost": estimated_cost,
        }
        for (
            assignment_id,
            application_id,
            number,
            application_status,
            customer_name,
            address,
            partner,
            partner_name,
            scheduled_date,
            scheduled_time,
            assignment_status,
            estimated_cost,
        ) in rows
    ]
    return Schedule.model_validate({"start_date": start, "end_date": end, "items": items, "total": len(items)})


async def monthly_stats(session: AsyncSession, year: int, month: int, *, partner_id: int | None = None) -> MonthlyStats:
    """Non-cancelled assignments of a month: total, completed, still to do, and per-day counts."""
    start = date(year, month, 1)
    end = start + timedelta(days=calendar.monthrange(year, month)[1] - 1)
    total = completed = 0
    by_date: dict[str, int] = {}
    for day, status, count in await repository.counts_by_date(session, start, end, partner_id=partner_id):
        total += count
        if status == AssignmentStatus.COMPLETED:
            completed += count
        if day is not None:
            by_date[day.isoformat()] = by_date.get(day.isoformat(), 0) + count
    return MonthlyStats(
        year=year,
        month=month,
        total_scheduled=total,
        completed=completed,
        pending=total - completed,
        by_date=dict(sorted(by_date.items())),
    )


async def schedule_partners(session: AsyncSession) -> list[SchedulePartner]:
    """Approved partners, for the calendar's partner filter."""
    return [
        SchedulePartner(id=p.id, company_name=p.company_name, service_codes=p.service_codes)
        for p in await partners.approved_partners(session)
    ]
