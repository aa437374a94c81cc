from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.applications import repository
from jibsa.applications.repository import invalidate_status_counts
from jibsa.core import data_version
from jibsa.core.db import Database
from jibsa.core.korean import KST
from jibsa.models import Admin, ApplicationStatus, AssignmentStatus, PartnerStatus
from tests.factories import make_application, make_assignment, make_partner
from tests.querycount import count_statements

URL = "/api/v1/admin/applications"
SEARCH_URL = f"{URL}/search"


def numbers(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["number"] for item in response.json()["items"]]


class TestList:
    async def test_page_with_decrypted_rows_service_names_partners_and_counts(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.APPROVED, company_name="초록조경")
        first = await make_application(session, services=["WEEDING", "TREE_PRUNING"], customer_phone="01012345678")
        await make_application(session, status=ApplicationStatus.CANCELLED)
        await make_assignment(
            session, first, partner, status=AssignmentStatus.SCHEDULED, scheduled_date=datetime(2030, 5, 1).date()
        )

        response = await client.get(URL, headers=headers)

        body = response.json()
        assert response.status_code == 200
        assert body["total"] == 2
        assert body["page"] == 1
        assert body["total_pages"] == 1
        assert body["counts"] == {
            "total": 2,
            "new": 1,
            "consulting": 0,
            "assigned": 0,
            "scheduled": 0,
            "completed": 0,
            "cancelled": 1,
        }
        item = next(i for i in body["items"] if i["id"] == first.id)
        assert item["customer_name"] == "홍길동"
        assert item["customer_phone"] == "010-1234-5678"
        assert item["address"].startswith("경기도 양평군")
        assert item["services"] == [
            {"code": "WEEDING", "name": "제초 작업"},
            {"code": "TREE_PRUNING", "name": "수목 전지"},
        ]
        assert item["partners"] == [
            {
                "partner_id": partner.id,
                "company_name": "초록조경",
                "assignment_status": "scheduled",
                "scheduled_date": "2030-05-01",
            }
        ]
        assert item["next_scheduled_date"] == "2030-05-01"
        assert item["status_label"] == "신규"

    async def test_deleted_applications_are_hidden(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        await make_application(session, deleted_at=datetime.now(UTC))
        assert (await client.get(URL, headers=headers)).json()["total"] == 0

    async def test_paging(self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]) -> None:
        for _ in range(5):
            await make_application(session)
        page = (await client.get(URL, params={"page": 2, "page_size": 2}, headers=headers)).json()
        assert (len(page["items"]), page["total"], page["total_pages"]) == (2, 5, 3)
        beyond = (await client.get(URL, params={"page": 9, "page_size": 2}, headers=headers)).json()
        assert (beyond["items"], beyond["total"]) == ([], 5)

    async def test_needs_an_admin(self, client: httpx.AsyncClient) -> None:
        response = await client.get(URL)
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"

    async def test_unknown_status_is_422(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.get(URL, params={"status": "new,done"}, headers=headers)
        assert response.status_code == 422
        assert response.json()["details"][0]["field"] == "status"

    async def test_reversed_dates_are_422(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.get(URL, params={"date_from": "2026-02-02", "date_to": "2026-02-01"}, headers=headers)
        assert response.status_code == 422


class TestFilters:
    async def test_status_filter_takes_several_and_counts_ignore_it(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        new = await make_application(session)
        consulting = await make_application(session, status=ApplicationStatus.CONSULTING)
        await make_application(session, status=ApplicationStatus.CANCELLED)
        response = await client.get(URL, params={"status": "new,consulting"}, headers=headers)
        assert sorted(numbers(response)) == sorted([new.number, consulting.number])
        assert response.json()["counts"]["cancelled"] == 1

    async def test_services_match_any(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        weeding = await make_application(session, services=["WEEDING"])
        sink = await make_application(session, services=["SINK", "TILE"])
        await make_application(session, services=["WALLPAPER"])
        response = await client.get(URL, params={"services": "TILE,WEEDING"}, headers=headers)
        assert sorted(numbers(response)) == sorted([weeding.number, sink.number])

    async def test_partner_filter_uses_active_assignments(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        mine = await make_application(session)
        cancelled = await make_application(session)
        await make_application(session)
        await make_assignment(session, mine, partner)
        await make_assignment(session, cancelled, partner, status=AssignmentStatus.CANCELLED)
        response = await client.get(URL, params={"partner_id": partner.id}, headers=headers)
        assert numbers(response) == [mine.number]

    async def test_sorts(self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]) -> None:
        now = datetime.now(UTC)
        old = await make_application(session, created_at=now - timedelta(days=2))
        recent = await make_application(session, created_at=now - timedelta(hours=1))
        newest = numbers(await client.get(URL, headers=headers))
        oldest = numbers(await client.get(URL, params={"sort": "oldest"}, headers=headers))
        by_number = numbers(await client.get(URL, params={"sort": "number"}, headers=headers))
        assert newest == [recent.number, old.number]
        assert oldest == [old.number, recent.number]
        assert by_number == [recent.number, old.number]

    async def test_number_sort_survives_a_thousand_a_day(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        a = await make_application(session, number="20300101-999")
        b = await make_application(session, number="20300101-1000")
        response = await client.post(SEARCH_URL, json={"sort": "number", "search": "20300101"}, headers=headers)
        assert numbers(response) == [b.number, a.number]


class TestKstDays:
    async def test_late_evening_in_seoul_counts_for_that_seoul_day(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        # 2026-03-10 23:30 KST is 14:30 UTC on the 10th; 00:30 KST on the 11th is 15:30 UTC on the 10th.
        late = await make_application(session, created_at=datetime(2026, 3, 10, 23, 30, tzinfo=KST))
        next_day = await make_application(session, created_at=datetime(2026, 3, 11, 0, 30, tzinfo=KST))
        before = await make_application(session, created_at=datetime(2026, 3, 9, 23, 59, tzinfo=KST))

        on_tenth = await client.get(URL, params={"date_from": "2026-03-10", "date_to": "2026-03-10"}, headers=headers)
        from_eleventh = await client.get(URL, params={"date_from": "2026-03-11"}, headers=headers)
        up_to_ninth = await client.get(URL, params={"date_to": "2026-03-09"}, headers=headers)

        assert numbers(on_tenth) == [late.number]
        assert numbers(from_eleventh) == [next_day.number]
        assert numbers(up_to_ninth) == [before.number]
        assert late.number.startswith("20260310-")


async def search(client: httpx.AsyncClient, headers: dict[str, str], term: str, **body: Any) -> httpx.Response:
    return await client.post(SEARCH_URL, json={"search": term, **body}, headers=headers)


class TestSearch:
    @pytest.fixture
    async def target(self, session: AsyncSession) -> Any:
        await make_application(session, customer_name="김철수", customer_phone="01099998888")
        return await make_application(session, customer_name="홍 길동", customer_phone="01055551234")

    @pytest.mark.parametrize(
        "query",
        ["010-5555-1234", "01055551234", "1234", "홍길동", " 홍 길동 "],
        ids=["phone-formatted", "phone-digits", "last4", "name", "name-spaces"],
    )
    async def test_by_phone_last4_and_name(
        self, client: httpx.AsyncClient, headers: dict[str, str], target: Any, query: str
    ) -> None:
        assert numbers(await search(client, headers, query)) == [target.number]

    @pytest.mark.parametrize("query", ["01055551234", "1234", "홍길동"], ids=["phone", "last4", "name"])
    async def test_status_tab_sort_page_and_counts_of_a_search(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], target: Any, query: str
    ) -> None:
        newer = await make_application(session, customer_name="홍길동", customer_phone="01055551234")
        done = await make_application(
            session, customer_name="홍길동", customer_phone="01055551234", status=ApplicationStatus.COMPLETED
        )
        everything = await search(client, headers, query, sort="oldest")
        assert numbers(everything) == [target.number, newer.number, done.number]
        assert everything.json()["counts"] | {"new": 2, "completed": 1, "total": 3} == everything.json()["counts"]
        page2 = await search(client, headers, query, status=["new"], page=2, page_size=1)
        assert numbers(page2) == [target.number]
        assert (page2.json()["total"], page2.json()["total_pages"], page2.json()["counts"]["completed"]) == (2, 2, 1)

    async def test_by_number_prefix_in_every_spelling(
        self, client: httpx.AsyncClient, headers: dict[str, str], target: Any
    ) -> None:
        day, sequence = target.number.split("-")
        for query in (target.number, f"{day}{sequence}", f"{day}-{sequence[:2]}"):
            found = numbers(await search(client, headers, query))
            assert target.number in found, query
        assert len(numbers(await search(client, headers, day))) == 2

    async def test_no_match_is_an_empty_page(
        self, client: httpx.AsyncClient, headers: dict[str, str], target: Any
    ) -> None:
        for query in ("이몽룡", "010-0000-0000", "9999", "12345"):
            assert numbers(await search(client, headers, query)) == [], query

    async def test_explicit_search_type(self, client: httpx.AsyncClient, headers: dict[str, str], target: Any) -> None:
        assert numbers(await search(client, headers, "1234", search_type="phone")) == [target.number]
        assert numbers(await search(client, headers, "1234", search_type="name")) == []

    async def test_partial_names_do_not_match(
        self, client: httpx.AsyncClient, headers: dict[str, str], target: Any
    ) -> None:
        # Exact blind-index matches only: no plaintext n-grams exist to match a fragment against.
        assert numbers(await search(client, headers, "길동")) == []

    async def test_answers_exactly_what_the_list_answers_with_every_filter(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        day = datetime(2026, 3, 10, 12, 0, tzinfo=KST)
        phone = "01077770001"

        async def arrange(customer_phone: str, services: list[str]) -> Any:
            application = await make_application(
                session,
                customer_phone=customer_phone,
                services=services,
                created_at=day,
                status=ApplicationStatus.CONSULTING,
            )
            await make_assignment(session, application, partner, services=services)
            return application

        matching = [await arrange(phone, ["SINK"]) for _ in range(3)]
        await arrange(phone, ["TILE"])
        filters = {"date_from": "2026-03-10", "date_to": "2026-03-10", "partner_id": partner.id, "sort": "oldest"}
        page = {"page": 2, "page_size": 2}
        in_body = {**filters, **page, "status": ["consulting"], "services": ["SINK"]}
        in_query = {**filters, **page, "status": "consulting", "services": "SINK"}

        listed = await client.get(URL, params=in_query, headers=headers)
        found = await search(client, headers, phone, **in_body)
        assert found.status_code == listed.status_code == 200, found.text
        # Every row under these filters has the phone: the searched page is the listed page, counts and paging too.
        assert found.json() == listed.json()
        assert [item["id"] for item in found.json()["items"]] == [matching[2].id]

        await arrange("01077770002", ["SINK"])  # passes every filter but the search
        listed_again = await client.get(URL, params=in_query, headers=headers)
        found_again = await search(client, headers, phone, **in_body)
        assert listed_again.json()["total"] == 4
        assert found_again.json() == found.json()

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({}, "search"),
            ({"search": ""}, "search"),
            ({"search": "1" * 51}, "search"),
            ({"search": "1234", "search_type": "email"}, "search_type"),
            ({"search": "1234", "status": ["lost"]}, "status.0"),
            ({"search": "1234", "status": "new"}, "status"),
            ({"search": "1234", "services": ["SINK"] * 41}, "services"),
            ({"search": "1234", "date_from": "2026-03-11", "date_to": "2026-03-10"}, "date_to"),
            ({"search": "1234", "date_from": "어제"}, "date_from"),
            ({"search": "1234", "page": 0}, "page"),
            ({"search": "1234", "page_size": 101}, "page_size"),
            ({"search": "1234", "sort": "random"}, "sort"),
            ({"search": "1234", "phone": "01012345678"}, "phone"),
        ],
        ids=lambda value: str(value)[:40] if isinstance(value, dict) else value,
    )
    async def test_bad_bodies_are_422_with_code_and_message(
        self, client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any], field: str
    ) -> None:
        response = await client.post(SEARCH_URL, json=body, headers=headers)
        assert response.status_code == 422, response.text
        error = response.json()
        assert error["code"] == "validation_error"
        assert error["message"]
        assert field in [detail["field"] for detail in error["details"]]

    @pytest.mark.parametrize("path", ["", "/status-counts"])
    @pytest.mark.parametrize("key", ["search", "search_type"])
    async def test_a_search_in_the_url_is_refused_not_ignored(
        self, client: httpx.AsyncClient, headers: dict[str, str], target: Any, path: str, key: str
    ) -> None:
        response = await client.get(f"{URL}{path}", params={key: "1234"}, headers=headers)
        assert response.status_code == 422
        assert response.json()["code"] == "search_in_url"
        assert "1234" not in response.text


class TestStatusCounts:
    async def test_companion_call_applies_filters_but_not_status(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        await make_application(session, services=["SINK"])
        await make_application(session, services=["SINK"], status=ApplicationStatus.COMPLETED)
        await make_application(session, services=["TILE"])
        response = await client.get(
            f"{URL}/status-counts", params={"services": "SINK", "status": "new"}, headers=headers
        )
        assert response.status_code == 200
        assert response.json() == {
            "total": 2,
            "new": 1,
            "consulting": 0,
            "assigned": 0,
            "scheduled": 0,
            "completed": 1,
            "cancelled": 0,
        }


class TestQueryCount:
    async def test_a_page_costs_the_same_whatever_its_size(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        database: Database,
        admin: Admin,
        headers: dict[str, str],
    ) -> None:
        partners = [
            await make_partner(session, status=PartnerStatus.APPROVED, company_name=f"협력사{i}") for i in range(3)
        ]
        for i in range(25):
            application = await make_application(session, services=["WEEDING", "TREE_PRUNING"])
            await make_assignment(session, application, partners[i % 3], services=["WEEDING"])
            await make_assignment(session, application, partners[(i + 1) % 3], services=["TREE_PRUNING"])

        # Both cold (status counts, the caller and the response are cached in process): like compared with like.
        invalidate_status_counts()
        data_version.bump()
        with count_statements(database.engine) as small:
            response = await client.get(URL, params={"page_size": 5}, headers=headers)
            assert len(response.json()["items"]) == 5
        invalidate_status_counts()
        data_version.bump()
        with count_statements(database.engine) as large:
            response = await client.get(URL, params={"page_size": 20}, headers=headers)
            assert len(response.json()["items"]) == 20

        selects = [s for s in large if s.lstrip().upper().startswith("SELECT")]
        assert len(large) == len(small)
        # admin lookup + per-status counts (the total) + rows + service names + partners
        assert len(selects) <= 5, selects


def cold_counts() -> dict[str, int]:
    return {"total": 0, **{status.value: 0 for status in ApplicationStatus}}


def grouped(statements: list[str]) -> list[str]:
    return [s for s in statements if "GROUP BY" in s.upper()]


@pytest.mark.usefixtures("still_feed")  # cached as with a listening change feed, on either engine
class TestCountsCache:
    async def test_the_next_page_reuses_the_counts_and_stays_index_ordered(
        self, client: httpx.AsyncClient, session: AsyncSession, database: Database, headers: dict[str, str]
    ) -> None:
        for _ in range(3):
            await make_application(session)
        invalidate_status_counts()
        with count_statements(database.engine) as first:
            page1 = await client.get(URL, params={"page_size": 2}, headers=headers)
        with count_statements(database.engine) as second:
            page2 = await client.get(URL, params={"page_size": 2, "page": 2}, headers=headers)
        assert len(grouped(first)) == 1
        assert grouped(second) == []
        assert page1.json()["total"] == page2.json()["total"] == 3
        assert page2.json()["counts"] == page1.json()["counts"]
        assert [len(page1.json()["items"]), len(page2.json()["items"])] == [2, 1]
        assert not [s for s in first + second if "OVER" in s.upper()]

    async def test_writes_of_this_process_are_seen_at_once(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        headers: dict[str, str],
        super_headers: dict[str, str],
    ) -> None:
        first = await make_application(session)
        assert (await client.get(URL, headers=headers)).json()["counts"]["new"] == 1

        second = await make_application(session)
        body = (await client.get(URL, headers=headers)).json()
        assert (body["total"], body["counts"]["new"]) == (2, 2)

        response = await client.put(
            f"{URL}/{first.id}",
            json={"status": "consulting"},
            headers={**headers, "If-Match": f'"{first.version}"'},
        )
        assert response.status_code == 200, response.text
        counts = (await client.get(URL, headers=headers)).json()["counts"]
        assert (counts["new"], counts["consulting"]) == (1, 1)

        response = await client.delete(f"{URL}/{second.id}", headers=super_headers)
        assert response.status_code == 204, response.text
        body = (await client.get(URL, params={"status": "new"}, headers=headers)).json()
        assert (body["total"], body["items"], body["counts"]["total"]) == (0, [], 1)

    async def test_a_rolled_back_write_is_forgotten(
        self, client: httpx.AsyncClient, db: Database, headers: dict[str, str]
    ) -> None:
        async def write_then_fail() -> None:
            async with db.transaction() as session:
                await make_application(session)
                assert (await client.get(URL, headers=headers)).json()["total"] == 1
                raise RuntimeError("undo")

        with pytest.raises(RuntimeError):
            await write_then_fail()
        assert (await client.get(URL, headers=headers)).json()["counts"] == cold_counts()

    async def test_writes_outside_a_session_show_after_the_ttl(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        session: AsyncSession,
        headers: dict[str, str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        await make_application(session)
        assert (await client.get(URL, headers=headers)).json()["counts"]["new"] == 1
        # As another process would: straight on the connection, no session event.
        connection = await session.connection()
        await connection.exec_driver_sql("UPDATE application SET status = 'completed'")
        assert (await client.get(URL, headers=headers)).json()["counts"]["new"] == 1

        monkeypatch.setattr(repository, "COUNTS_TTL_SECONDS", 0.0)
        app.state.read_cache.clear()  # as its own TTL would (tests/core/test_read_cache.py)
        counts = (await client.get(URL, headers=headers)).json()["counts"]
        assert (counts["new"], counts["completed"]) == (0, 1)

    async def test_filtered_counts_are_never_cached(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        await make_application(session, services=["SINK"])
        params = {"services": "SINK"}
        assert (await client.get(URL, params=params, headers=headers)).json()["total"] == 1
        connection = await session.connection()
        await connection.exec_driver_sql("UPDATE application SET status = 'completed'")
        body = (await client.get(URL, params={**params, "status": "new"}, headers=headers)).json()
        assert (body["total"], body["counts"]["completed"]) == (0, 1)
