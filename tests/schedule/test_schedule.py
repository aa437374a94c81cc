from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.db import Database
from jibsa.core.korean import today_kst
from jibsa.models import Application, Assignment, AssignmentStatus, Partner, PartnerStatus
from jibsa.schedule.service import short_address
from tests.factories import make_application, make_assignment, make_partner
from tests.querycount import count_statements

BASE = "/api/v1/admin/schedule"
MARCH = {"start_date": "2026-03-01", "end_date": "2026-03-31"}


async def approved_partner(session: AsyncSession, **kwargs: Any) -> Partner:
    return await make_partner(session, status=PartnerStatus.APPROVED, **kwargs)


async def application(session: AsyncSession, **kwargs: Any) -> Application:
    return await make_application(session, services=("WEEDING", "TREE_PRUNING"), **kwargs)


async def visit(
    session: AsyncSession, app: Application, partner: Partner, *, scheduled_date: date | None, **kwargs: Any
) -> Assignment:
    """An assignment as these tests book it: scheduled, weeding only, 150,000원, at 10:00 when it has a date."""
    booking: dict[str, Any] = {
        "status": AssignmentStatus.SCHEDULED,
        "scheduled_time": "10:00" if scheduled_date else None,
        "estimated_cost": 150_000,
        "services": ("WEEDING",),
        **kwargs,
    }
    return await make_assignment(session, app, partner, scheduled_date=scheduled_date, **booking)


class TestAuth:
    @pytest.mark.parametrize("path", ["", "/monthly-stats?year=2026&month=3", "/partners"])
    async def test_without_token_is_401(self, client: httpx.AsyncClient, path: str) -> None:
        response = await client.get(BASE + path)
        assert response.status_code == 401


class TestGetSchedule:
    async def test_items_come_from_assignments_in_date_order(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await approved_partner(session, company_name="한결조경")
        app = await application(session, customer_name="김영희", address="경기도 양평군 양평읍 중앙로 123")
        later = await visit(
            session, app, partner, scheduled_date=date(2026, 3, 10), scheduled_time="14:00", services=("WEEDING",)
        )
        earlier = await visit(
            session,
            app,
            partner,
            status=AssignmentStatus.PENDING,
            scheduled_date=date(2026, 3, 10),
            scheduled_time="09:00",
            services=("TREE_PRUNING",),
        )
        first = await visit(session, app, partner, scheduled_date=date(2026, 3, 2), scheduled_time=None)
        await visit(session, app, partner, scheduled_date=date(2026, 4, 1))  # out of range
        await visit(session, app, partner, scheduled_date=None)  # not scheduled yet

        response = await client.get(BASE, params=MARCH, headers=admin_headers)
        assert response.status_code == 200
        body = response.json()
        assert (body["start_date"], body["end_date"], body["total"]) == ("2026-03-01", "2026-03-31", 3)
        assert [i["assignment_id"] for i in body["items"]] == [first.id, earlier.id, later.id]
        item = body["items"][2]
        assert item == {
            "assignment_id": later.id,
            "application_id": app.id,
            "application_number": app.number,
            "application_status": "new",
            "customer_name": "김영희",
            "address_short": "경기도 양평군 양평읍",
            "services": [{"code": "WEEDING", "name": item["services"][0]["name"]}],
            "partner_id": partner.id,
            "partner_name": "한결조경",
            "scheduled_date": "2026-03-10",
            "scheduled_time": "14:00",
            "status": "scheduled",
            "status_label": "일정확정",
            "estimated_cost": 150000,
        }
        assert item["services"][0]["name"] != "WEEDING"
        assert body["items"][1]["status_label"] == "대기"

    async def test_cancelled_only_when_asked_and_filters(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        one = await approved_partner(session)
        two = await approved_partner(session)
        app = await application(session)
        kept = await visit(session, app, one, scheduled_date=date(2026, 3, 5))
        cancelled = await visit(session, app, one, status=AssignmentStatus.CANCELLED, scheduled_date=date(2026, 3, 6))
        other = await visit(session, app, two, scheduled_date=date(2026, 3, 7))

        default = (await client.get(BASE, params=MARCH, headers=admin_headers)).json()
        assert [i["assignment_id"] for i in default["items"]] == [kept.id, other.id]
        only_cancelled = (await client.get(BASE, params={**MARCH, "status": "cancelled"}, headers=admin_headers)).json()
        assert [i["assignment_id"] for i in only_cancelled["items"]] == [cancelled.id]
        by_partner = (await client.get(BASE, params={**MARCH, "partner_id": two.id}, headers=admin_headers)).json()
        assert [i["assignment_id"] for i in by_partner["items"]] == [other.id]

    async def test_deleted_applications_are_left_out(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await approved_partner(session)
        app = await application(session, deleted_at=datetime.now(UTC))
        await visit(session, app, partner, scheduled_date=date(2026, 3, 5))
        assert (await client.get(BASE, params=MARCH, headers=admin_headers)).json()["total"] == 0

    async def test_defaults_to_this_kst_month(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await approved_partner(session)
        app = await application(session)
        today = today_kst()
        assignment = await visit(session, app, partner, scheduled_date=today)
        body = (await client.get(BASE, headers=admin_headers)).json()
        assert body["start_date"] == today.replace(day=1).isoformat()
        assert [i["assignment_id"] for i in body["items"]] == [assignment.id]

    async def test_sixty_two_days_is_the_limit(self, client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
        start = date(2026, 1, 1)
        ok = await client.get(
            BASE, params={"start_date": start, "end_date": start + timedelta(days=61)}, headers=admin_headers
        )
        assert ok.status_code == 200
        too_long = await client.get(
            BASE, params={"start_date": start, "end_date": start + timedelta(days=62)}, headers=admin_headers
        )
        assert too_long.status_code == 422
        assert too_long.json()["code"] == "range_too_long"

    @pytest.mark.parametrize(
        "params",
        [
            {"start_date": "2026-03-10", "end_date": "2026-03-01"},
            {"start_date": "2026-02-30"},
            {"status": "done"},
            {"partner_id": 0},
        ],
    )
    async def test_invalid_parameters_are_422(
        self, client: httpx.AsyncClient, admin_headers: dict[str, str], params: dict[str, Any]
    ) -> None:
        response = await client.get(BASE, params=params, headers=admin_headers)
        assert response.status_code == 422

    async def test_statement_count_does_not_grow_with_items(
        self, client: httpx.AsyncClient, session: AsyncSession, db: Database, admin_headers: dict[str, str]
    ) -> None:
        partners = [await approved_partner(session) for _ in range(3)]
        counts = []
        for n in (2, 12):
            for i in range(n):
                app = await application(session)
                await visit(session, app, partners[i % 3], scheduled_date=date(2026, 5, 1 + i))
            with count_statements(db.engine) as statements:
                body = (
                    await client.get(
                        BASE, params={"start_date": "2026-05-01", "end_date": "2026-05-31"}, headers=admin_headers
                    )
                ).json()
            counts.append(len(statements))
        assert body["total"] == 14
        assert counts[0] == counts[1]


class TestMonthlyStats:
    async def test_counts_by_status_and_day(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await approved_partner(session)
        app = await application(session)
        await visit(session, app, partner, scheduled_date=date(2026, 3, 1))
        await visit(session, app, partner, scheduled_date=date(2026, 3, 1), status=AssignmentStatus.PENDING)
        await visit(session, app, partner, scheduled_date=date(2026, 3, 31), status=AssignmentStatus.COMPLETED)
        await visit(session, app, partner, scheduled_date=date(2026, 3, 15), status=AssignmentStatus.CANCELLED)
        await visit(session, app, partner, scheduled_date=date(2026, 4, 1))
        response = await client.get(f"{BASE}/monthly-stats", params={"year": 2026, "month": 3}, headers=admin_headers)
        assert response.status_code == 200
        assert response.json() == {
            "year": 2026,
            "month": 3,
            "total_scheduled": 3,
            "completed": 1,
            "pending": 2,
            "by_date": {"2026-03-01": 2, "2026-03-31": 1},
        }

    async def test_partner_filter_and_empty_month(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        one = await approved_partner(session)
        two = await approved_partner(session)
        app = await application(session)
        await visit(session, app, one, scheduled_date=date(2026, 2, 28))
        params = {"year": 2026, "month": 2, "partner_id": two.id}
        body = (await client.get(f"{BASE}/monthly-stats", params=params, headers=admin_headers)).json()
        assert (body["total_scheduled"], body["by_date"]) == (0, {})

    @pytest.mark.parametrize("params", [{"year": 2026, "month": 13}, {"year": 2026}, {"year": 1999, "month": 1}])
    async def test_invalid_month_is_422(
        self, client: httpx.AsyncClient, admin_headers: dict[str, str], params: dict[str, Any]
    ) -> None:
        assert (await client.get(f"{BASE}/monthly-stats", params=params, headers=admin_headers)).status_code == 422


class TestSchedulePartners:
    async def test_only_live_approved_partners_by_name(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        b = await approved_partner(session, company_name="나무조경", services=("TREE_PRUNING",))
        a = await approved_partner(session, company_name="가람설비", services=("PLUMBING_LEAK", "WEEDING"))
        await make_partner(session, company_name="대기조경")
        await approved_partner(session, company_name="삭제조경", deleted_at=datetime.now(UTC))
        body = (await client.get(f"{BASE}/partners", headers=admin_headers)).json()
        assert body == [
            {"id": a.id, "company_name": "가람설비", "service_codes": ["PLUMBING_LEAK", "WEEDING"]},
            {"id": b.id, "company_name": "나무조경", "service_codes": ["TREE_PRUNING"]},
        ]


class TestShortAddress:
    @pytest.mark.parametrize(
        ("address", "short"),
        [
            ("경기도 양평군 양평읍 중앙로 123", "경기도 양평군 양평읍"),
            ("서울특별시 강남구 테헤란로 152", "서울특별시 강남구 테헤란로"),
            ("세종특별자치시 한누리대로 2130", "세종특별자치시 한누리대로"),
            ("", ""),
        ],
    )
    def test_keeps_no_street_number(self, address: str, short: str) -> None:
        assert short_address(address) == short
