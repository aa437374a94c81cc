"""Dashboard figures with KST day, week (from Monday) and month boundaries, and the assignment funnel."""

from __future__ import annotations

import statistics
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.korean import kst_day_start, mask_name, now_utc, today_kst
from jibsa.dashboard import repository
from jibsa.dashboard.schemas import (
    ApplicationCounts,
    Dashboard,
    Funnel,
    PartnerCounts,
    Periods,
    RecentApplication,
    RecentPartner,
)
from jibsa.models import APPLICATION_STATUS_LABELS, PARTNER_STATUS_LABELS, ApplicationStatus, PartnerStatus

FUNNEL_DAYS = 30


def periods_for(today: date) -> Periods:
    return Periods(today=today, week_start=today - timedelta(days=today.weekday()), month_start=today.replace(day=1))


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def median_hours(delays: list[tuple[datetime, datetime]]) -> float | None:
    """Median hours from submission to first assignment (computed here: same result on every engine)."""
    hours = [(assigned - created).total_seconds() / 3600 for created, assigned in delays]
    return round(statistics.median(hours), 1) if hours else None


async def get_dashboard(session: AsyncSession, now: datetime | None = None) -> Dashboard:
    """Application and partner counts, the five newest of each, and the last 30 days' funnel."""
    now = now or now_utc()
    periods = periods_for(today_kst(now))
    day = (kst_day_start(periods.today), kst_day_start(periods.today + timedelta(days=1)))
    week = (kst_day_start(periods.week_start), kst_day_start(periods.week_start + timedelta(days=7)))
    month = (kst_day_start(periods.month_start), kst_day_start(_next_month(periods.month_start)))

    by_status = await repository.application_status_counts(session)
    today, this_week, this_month = await repository.applications_created_in(session, [day, week, month])
    partners_total, partners_pending, partners_approved, partners_month = await repository.partner_counts(
        session, *month
    )

    since = kst_day_start(periods.today - timedelta(days=FUNNEL_DAYS - 1))
    submitted, assigned, completed, cancelled = await repository.funnel_counts(session, since, day[1])
    delays = await repository.assignment_delays(session, since, day[1])

    return Dashboard(
        generated_at=now,
        periods=periods,
        applications=ApplicationCounts(
            total=sum(by_status.values()),
            by_status=by_status,
            today=today,
            this_week=this_week,
            this_month=this_month,
        ),
        partners=PartnerCounts(
            total=partners_total, pending=partners_pending, approved=partners_approved, this_month=partners_month
        ),
        recent_applications=[
            RecentApplication(
                id=a.id,
                number=a.number,
                customer_name=mask_name(a.customer_name),
                status=a.status,
                status_label=APPLICATION_STATUS_LABELS[ApplicationStatus(a.status)],
                created_at=a.created_at,
            )
            for a in await repository.recent_applications(session)
        ],
        recent_partners=[
            RecentPartner(
                id=p.id,
                company_name=p.company_name,
                status=p.status,
                status_label=PARTNER_STATUS_LABELS[PartnerStatus(p.status)],
                created_at=p.created_at,
            )
            for p in await repository.recent_partners(session)
        ],
        funnel=Funnel(
            window_days=FUNNEL_DAYS,
            since=since,
            submitted=submitted,
            assigned=assigned,
            completed=completed,
            cancelled=cancelled,
            assigned_rate=_rate(assigned, submitted),
            completed_rate=_rate(completed, submitted),
            median_hours_to_assignment=median_hours(delays),
        ),
    )
