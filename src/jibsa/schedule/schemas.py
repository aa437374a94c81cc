from __future__ import annotations

from datetime import date

from jibsa.core.pagination import Schema
from jibsa.models import ApplicationStatus, AssignmentStatus
from jibsa.partners.schemas import ServiceRef


class ScheduleItem(Schema):
    assignment_id: int
    application_id: int
    application_number: str
    application_status: ApplicationStatus
    customer_name: str
    """Decrypted: the calendar is an admin screen and staff call customers by name."""
    address_short: str
    """Province, district and town only (no street number)."""
    services: list[ServiceRef]
    partner_id: int
    partner_name: str
    scheduled_date: date
    scheduled_time: str | None
    status: AssignmentStatus
    status_label: str
    estimated_cost: int | None


class Schedule(Schema):
    start_date: date
    end_date: date
    items: list[ScheduleItem]
    total: int


class MonthlyStats(Schema):
    year: int
    month: int
    total_scheduled: int
    completed: int
    pending: int
    """Scheduled but not completed (pending or scheduled assignments)."""
    by_date: dict[str, int]


class SchedulePartner(Schema):
    id: int
    company_name: str
    service_codes: list[str]
