"""Schedule conflicts: the same partner booked twice on one day in overlapping slots (reported, never refused)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.assignments import repository as repo
from jibsa.assignments.schemas import ScheduleConflict
from jibsa.models import Assignment, AssignmentStatus

_WHOLE_DAY = frozenset(range(24))
_MORNING = frozenset(range(12))
_AFTERNOON = frozenset(range(12, 24))


def slot_hours(time: str | None) -> frozenset[int]:
    """The hours a slot occupies: blank or 종일 the whole day, 오전 before noon, 오후 after, "10:00" its hour."""
    if not time or time == "종일":
        return _WHOLE_DAY
    if time == "오전":
        return _MORNING
    if time == "오후":
        return _AFTERNOON
    try:
        return frozenset({int(time.split(":", 1)[0])})
    except ValueError:
        return _WHOLE_DAY


def overlaps(first: str | None, second: str | None) -> bool:
    return bool(slot_hours(first) & slot_hours(second))


async def schedule_conflicts(session: AsyncSession, assignment: Assignment) -> list[ScheduleConflict]:
    """Other live jobs of the assignment's partner that overlap its date and slot."""
    if assignment.scheduled_date is None or assignment.status == AssignmentStatus.CANCELLED:
        return []
    others = await repo.same_day_assignments(
        session, assignment.partner_id, assignment.scheduled_date, exclude_ids=[assignment.id]
    )
    return [
        ScheduleConflict(
            assignment_id=other.id,
            application_id=other.application_id,
            application_number=number,
            scheduled_date=assignment.scheduled_date,
            scheduled_time=other.scheduled_time,
            status=AssignmentStatus(other.status),
        )
        for other, number in others
        if overlaps(assignment.scheduled_time, other.scheduled_time)
    ]
