from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.db import Database
from jibsa.core.korean import KST
from jibsa.dashboard.service import get_dashboard, median_hours, periods_for
from jibsa.models import ApplicationStatus, PartnerStatus
from tests.factories import make_application, make_partner
from tests.querycount import count_statements

URL = "/api/v1/admin/dashboard"


def kst(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=KST)


class TestAuth:
    async def test_without_token_is_401(self, client: httpx.AsyncClient) -> None:
        assert (await client.get(URL)).status_code == 401


class TestPeriods:
    @pytest.mark.parametrize(
        ("today", "week_start", "month_start"),
        [
            (date(2026, 3, 4), date(2026, 3, 2), date(2026, 3, 1)),  # Wednesday
            (date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 1)),  # Monday
            (date(2026, 3, 1), date(2026, 2, 23), date(2026, 3, 1)),  # Sunday: the week began in February
        ],
    )
    def test_weeks_start_on_monday(self, today: date, week_start: date, month_start: date) -> None:
        periods = periods_for(today)
        assert (periods.week_start, periods.month_start) == (week_start, month_start)


class TestKstBoundaries:
    async def test_half_past_eleven_kst_counts_for_that_kst_day(self, session: AsyncSession) -> None:
        await make_application(session, created_at=kst(2026, 3, 3, 23, 30))  # 14:30 UTC the same day
        await make_application(session, created_at=kst(2026, 3, 3, 8, 30))  # 23:30 UTC the day before
        await make_application(session, created_at=kst(2026, 3, 2, 23, 59))
        dashboard = await get_dashboard(session, now=kst(2026, 3, 3, 23, 50))
        assert dashboard.periods.today == date(2026, 3, 3)
        assert dashboard.applications.today == 2

    async def test_day_week_and_month(self, session: AsyncSession) -> None:
        for created in (
            kst(2026, 3, 3, 23, 30),  # Tuesday: week, month
            kst(2026, 3, 4, 0, 0),  # today
            kst(2026, 3, 2, 0, 0),  # Monday 00:00: week, month
            kst(2026, 3, 1, 23, 30),  # Sunday: month only
            kst(2026, 3, 1, 8, 0),  # still February in UTC: month only
            kst(2026, 2, 28, 23, 30),  # last month
        ):
            await make_application(session, created_at=created)
        dashboard = await get_dashboard(session, now=kst(2026, 3, 4, 10, 0))
        counts = dashboard.applications
        assert (counts.today, counts.this_week, counts.this_month, counts.total) == (1, 3, 5, 6)

    async def test_partners_this_month(self, session: AsyncSession) -> None:
        await make_partner(session, created_at=kst(2026, 3, 1, 0, 5))
        await make_partner(session, created_at=kst(2026, 2, 28, 23, 55), status=PartnerStatus.APPROVED)
        await make_partner(session, created_at=kst(2026, 3, 2, 9, 0), deleted_at=datetime.now(UTC))
        partners = (await get_dashboard(session, now=kst(2026, 3, 4, 10, 0))).partners
        assert (partners.total, partners.pending, partners.approved, partners.this_month) == (2, 1, 1, 1)


class TestFunnel:
    async def test_last_thirty_days(self, session: AsyncSession) -> None:
        now = kst(2026, 3, 4, 10, 0)
        first = kst(2026, 3, 1, 10, 0)
        await make_application(
            session, created_at=first, first_assigned_at=first + timedelta(hours=2), status=ApplicationStatus.COMPLETED
        )
        second = kst(2026, 3, 2, 10, 0)
        await make_application(
            session,
            created_at=second,
            first_assigned_at=second + timedelta(hours=10),
            status=ApplicationStatus.ASSIGNED,
        )
        await make_application(session, created_at=kst(2026, 3, 3, 10, 0))
        await make_application(session, created_at=kst(2026, 2, 3, 0, 0), status=ApplicationStatus.CANCELLED)
        old = kst(2026, 2, 2, 23, 59)  # one minute before the window
        await make_application(session, created_at=old, first_assigned_at=old + timedelta(hours=100))

        funnel = (await get_dashboard(session, now=now)).funnel
        assert funnel.since == kst(2026, 2, 3, 0, 0)
        assert (funnel.submitted, funnel.assigned, funnel.completed, funnel.cancelled) == (4, 2, 1, 1)
        assert (funnel.assigned_rate, funnel.completed_rate) == (0.5, 0.25)
        assert funnel.median_hours_to_assignment == 6.0

    async def test_empty_window(self, session: AsyncSession) -> None:
        funnel = (await get_dashboard(session, now=kst(2030, 1, 1, 0, 0))).funnel
        assert (funnel.submitted, funnel.assigned_rate, funnel.median_hours_to_assignment) == (0, None, None)

    def test_median_of_an_even_count_averages(self) -> None:
        base = datetime(2026, 3, 1, tzinfo=UTC)
        delays = [(base, base + timedelta(hours=h)) for h in (1, 3, 4, 30)]
        assert median_hours(delays) == 3.5


class TestDashboardEndpoint:
    async def test_counts_and_recent_items(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        now = datetime.now(UTC)
        statuses = [ApplicationStatus.NEW] * 3 + [ApplicationStatus.SCHEDULED, ApplicationStatus.CANCELLED]
        apps = [
            await make_application(
                session, customer_name="홍길동", status=s, created_at=now - timedelta(minutes=10 - i)
            )
            for i, s in enumerate([*statuses, ApplicationStatus.NEW])
        ]
        await make_application(session, status=ApplicationStatus.NEW, deleted_at=now)
        partners = [await make_partner(session, created_at=now - timedelta(minutes=10 - i)) for i in range(6)]

        response = await client.get(URL, headers=admin_headers)
        assert response.status_code == 200
        body = response.json()
        assert body["applications"]["total"] == 6
        assert body["applications"]["by_status"] == {
            "new": 4,
            "consulting": 0,
            "assigned": 0,
            "scheduled": 1,
            "completed": 0,
            "cancelled": 1,
        }
        assert [a["id"] for a in body["recent_applications"]] == [a.id for a in reversed(apps)][:5]
        assert body["recent_applications"][0]["customer_name"] == "홍**"
        assert body["recent_applications"][0]["status_label"] == "신규"
        assert [p["id"] for p in body["recent_partners"]] == [p.id for p in reversed(partners)][:5]
        assert body["partners"]["total"] == 6
        assert body["funnel"]["window_days"] == 30

    async def test_statement_count_is_constant(
        self, client: httpx.AsyncClient, session: AsyncSession, db: Database, admin_headers: dict[str, str]
    ) -> None:
        counts = []
        for n in (1, 12):
            for _ in range(n):
                now = datetime.now(UTC)
                await make_application(session, first_assigned_at=now)
                await make_partner(session)
            with count_statements(db.engine) as statements:
                assert (await client.get(URL, headers=admin_headers)).status_code == 200
            counts.append(len(statements))
        assert counts[0] == counts[1]
