from __future__ import annotations

from datetime import date, datetime

from jibsa.core.pagination import Schema
from jibsa.models import ApplicationStatus, PartnerStatus


class Periods(Schema):
    """The KST calendar periods the counts use (weeks start on Monday)."""

    today: date
    week_start: date
    month_start: date


class ApplicationCounts(Schema):
    total: int
    by_status: dict[str, int]
    today: int
    this_week: int
    this_month: int


class PartnerCounts(Schema):
    total: int
    pending: int
    approved: int
    this_month: int


class RecentApplication(Schema):
    id: int
    number: str
    customer_name: str
    """Masked (홍**)."""
    status: ApplicationStatus
    status_label: str
    created_at: datetime


class RecentPartner(Schema):
    id: int
    company_name: str
    status: PartnerStatus
    status_label: str
    created_at: datetime


class Funnel(Schema):
    """Applications submitted in the last ``window_days`` KST days and how far they got."""

    window_days: int
    since: datetime
    submitted: int
    assigned: int
    completed: int
    cancelled: int
    assigned_rate: float | None
    completed_rate: float | None
    median_hours_to_assignment: float | None


class Dashboard(Schema):
    generated_at: datetime
    periods: Periods
    applications: ApplicationCounts
    partners: PartnerCounts
    recent_applications: list[RecentApplication]
    recent_partners: list[RecentPartner]
    funnel: Funnel
