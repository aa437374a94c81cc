"""Bulk jobs: creation rules, batches from a cursor (resume), de-duplication by phone, progress, cancel."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.messaging.bulk import advance_bulk_jobs
from jibsa.messaging.periodic import PERIODIC_TASKS
from jibsa.models import Admin, ApplicationStatus, BulkSmsJob, CompanyProfile, MessageStatus, PartnerStatus
from tests.factories import make_application, make_partner, queued
from tests.messaging.conftest import FrozenClock

BULK = "/api/v1/admin/sms/bulk"
NOON_KST = datetime(2026, 12, 4, 3, 0, tzinfo=UTC)


def _job(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "12월 안내",
        "job_type": "announcement",
        "target_type": "customer",
        "message": "연말 휴무 안내드립니다.",
    }
    body.update(overrides)
    return body


async def _job_row(session: AsyncSession, job_id: int) -> BulkSmsJob:
    job = await session.get(BulkSmsJob, job_id, populate_existing=True)
    assert job is not None
    return job


@pytest.fixture
def noon(clock: FrozenClock) -> FrozenClock:
    clock.set(NOON_KST)
    return clock


class TestCreate:
    async def test_pending_job_counts_distinct_phones(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        await make_application(session, customer_phone="01070700001")
        await make_application(session, customer_phone="01070700001")
        await make_application(session, customer_phone="01070700002")
        await make_application(session, customer_phone="01070700003", status=ApplicationStatus.COMPLETED)
        response = await client.post(BULK, json=_job(target_filter={"status": "new"}), headers=headers)
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["status"] == "pending"
        assert body["message"] == "[집사] 연말 휴무 안내드립니다."
        assert body["progress"] == {
            "total": 2,
            "enqueued": 0,
            "queued": 0,
            "sent": 0,
            "failed": 0,
            "cancelled": 0,
            "percent": 0,
        }
        assert await queued(session) == []  # nothing is queued inside the request

    async def test_idempotency_key(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        await make_application(session)
        keyed = {**headers, "Idempotency-Key": "bulk-1"}
        first = await client.post(BULK, json=_job(), headers=keyed)
        again = await client.post(BULK, json=_job(), headers=keyed)
        assert first.json()["id"] == again.json()["id"]
        listing = (await client.get(BULK, headers=headers)).json()
        assert listing["total"] == 1

    async def test_advertising_gets_the_mark_the_sender_and_the_opt_out_line(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
        app: FastAPI,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        await make_application(session)
        fallback = await client.post(BULK, json=_job(is_advertisement=True), headers=headers)
        assert fallback.json()["message"] == "(광고)집사 홈케어\n연말 휴무 안내드립니다.\n무료수신거부 1551-6640"
        monkeypatch.setattr(app.state.settings, "sms_opt_out_number", "0801234567")
        configured = await client.post(
            BULK, json=_job(is_advertisement=True, message="(광고) 겨울 할인"), headers=headers
        )
        assert configured.json()["message"] == "(광고)집사 홈케어\n겨울 할인\n무료수신거부 080-123-4567"

    @pytest.mark.parametrize(
        "moment",
        [
            datetime(2026, 12, 4, 12, 0, tzinfo=UTC),  # 21:00 KST
            datetime(2026, 12, 4, 22, 59, tzinfo=UTC),  # 07:59 KST
        ],
    )
    async def test_advertising_refused_in_quiet_hours(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        clock: FrozenClock,
        moment: datetime,
    ) -> None:
        await make_application(session)
        clock.set(moment)
        refused = await client.post(BULK, json=_job(is_advertisement=True), headers=headers)
        assert (refused.status_code, refused.json()["code"]) == (422, "quiet_hours")
        ordinary = await client.post(BULK, json=_job(), headers=headers)
        assert ordinary.status_code == 201

    async def test_advertising_allowed_from_eight(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        clock: FrozenClock,
    ) -> None:
        await make_application(session)
        clock.set(datetime(2026, 12, 4, 23, 0, tzinfo=UTC))  # 08:00 KST
        assert (await client.post(BULK, json=_job(is_advertisement=True), headers=headers)).status_code == 201

    async def test_refusals(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        nobody = await client.post(BULK, json=_job(target_filter={"status": "cancelled"}), headers=headers)
        assert (nobody.status_code, nobody.json()["code"]) == (422, "no_recipients")
        no_ids = await client.post(BULK, json=_job(job_type="manual_select"), headers=headers)
        bad_status = await client.post(BULK, json=_job(target_filter={"status": "approved"}), headers=headers)
        no_status = await client.post(BULK, json=_job(job_type="status_notify"), headers=headers)
        emoji = await client.post(BULK, json=_job(message="새해 복 많이 받으세요 🎉"), headers=headers)
        assert no_ids.status_code == bad_status.status_code == no_status.status_code == 422
        assert emoji.json()["code"] == "unsupported_characters"


class TestAdvance:
    def test_registered_as_a_periodic_task(self) -> None:
        assert PERIODIC_TASKS["bulk_sms_jobs"].fn is advance_bulk_jobs

    async def test_batches_resume_from_the_cursor_and_skip_repeated_phones(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        phones = ["01080800001", "01080800002", "01080800001", "01080800003", "01080800004"]
        apps = [await make_application(session, customer_phone=p) for p in phones]
        job_id = (await client.post(BULK, json=_job(), headers=headers)).json()["id"]

        await advance_bulk_jobs(session, NOON_KST, budget=2)
        job = await _job_row(session, job_id)
        assert (job.status, job.cursor, job.enqueued_count) == ("processing", apps[1].id, 2)

        # "restart": the next tick continues after the cursor; the repeated phone is skipped
        await advance_bulk_jobs(session, NOON_KST, budget=2)
        job = await _job_row(session, job_id)
        assert (job.cursor, job.enqueued_count) == (apps[3].id, 3)
        await advance_bulk_jobs(session, NOON_KST, budget=2)
        job = await _job_row(session, job_id)
        assert (job.status, job.enqueued_count) == ("sending", 4)

        rows = await queued(session, bulk_job_id=job_id)
        assert sorted(m.recipient for m in rows) == sorted(set(phones))
        assert {(m.trigger, m.recipient_kind, m.text) for m in rows} == {
            ("bulk", "customer", "[집사] 연말 휴무 안내드립니다.")
        }

    async def test_a_lost_cursor_never_queues_twice(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        for _ in range(3):
            await make_application(session)
        job_id = (await client.post(BULK, json=_job(), headers=headers)).json()["id"]
        await advance_bulk_jobs(session, NOON_KST)
        job = await _job_row(session, job_id)
        job.cursor, job.status = 0, "processing"
        await session.flush()
        await advance_bulk_jobs(session, NOON_KST)
        assert len(await queued(session, bulk_job_id=job_id)) == 3

    async def test_progress_failures_and_completion(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        for phone in ("01090900001", "01090900002", "01090900003"):
            await make_application(session, customer_phone=phone)
        job_id = (await client.post(BULK, json=_job(), headers=headers)).json()["id"]
        await advance_bulk_jobs(session, NOON_KST)
        rows = await queued(session, bulk_job_id=job_id)
        rows[0].status = MessageStatus.SENT
        rows[1].status = MessageStatus.FAILED
        rows[1].result_message = "수신번호 오류"
        await session.flush()
        detail = (await client.get(f"{BULK}/{job_id}", headers=headers)).json()
        assert detail["status"] == "sending"
        assert detail["progress"] == {
            "total": 3,
            "enqueued": 3,
            "queued": 1,
            "sent": 1,
            "failed": 1,
            "cancelled": 0,
            "percent": 66,
        }
        assert detail["failures"] == [
            {
                "id": rows[1].id,
                "recipient_masked": "010-****-0002",
                "result_code": None,
                "result_message": "수신번호 오류",
            }
        ]
        rows[2].status = MessageStatus.SENT
        await session.flush()
        await advance_bulk_jobs(session, NOON_KST)
        job = await _job_row(session, job_id)
        assert job.status == "partial_failed"
        assert job.completed_at is not None

    async def test_partners_by_ids(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        chosen = await make_partner(session, status=PartnerStatus.APPROVED, contact_phone="01012120001")
        await make_partner(session, status=PartnerStatus.APPROVED)
        pending = await make_partner(session, status=PartnerStatus.PENDING)
        body = _job(job_type="manual_select", target_type="partner", target_ids=[chosen.id, pending.id])
        job_id = (await client.post(BULK, json=body, headers=headers)).json()["id"]
        await advance_bulk_jobs(session, NOON_KST)
        rows = await queued(session, bulk_job_id=job_id)
        assert sorted(m.recipient for m in rows) == sorted([chosen.contact_phone, pending.contact_phone])
        assert {m.recipient_kind for m in rows} == {"partner"}

    async def test_customers_by_district_and_service(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        target = await make_application(session, district_code="41820", services=("TREE_PRUNING",))
        await make_application(session, district_code="41820", services=("WEEDING",))
        await make_application(session, district_code="41830", services=("TREE_PRUNING",))
        body = _job(target_filter={"district_code": "41820", "service_code": "TREE_PRUNING"})
        response = await client.post(BULK, json=body, headers=headers)
        assert response.json()["progress"]["total"] == 1
        await advance_bulk_jobs(session, NOON_KST)
        assert [m.recipient for m in await queued(session, bulk_job_id=response.json()["id"])] == [
            target.customer_phone
        ]

    async def test_advertising_waits_out_quiet_hours(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        await make_application(session)
        job_id = (await client.post(BULK, json=_job(is_advertisement=True), headers=headers)).json()["id"]
        await advance_bulk_jobs(session, datetime(2026, 12, 4, 13, 0, tzinfo=UTC))  # 22:00 KST
        assert await queued(session, bulk_job_id=job_id) == []
        await advance_bulk_jobs(session, datetime(2026, 12, 4, 23, 0, tzinfo=UTC))  # 08:00 KST
        assert len(await queued(session, bulk_job_id=job_id)) == 1


class TestCancel:
    async def test_cancel_stops_batches_and_cancels_queued_rows(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
    ) -> None:
        for _ in range(4):
            await make_application(session)
        job_id = (await client.post(BULK, json=_job(), headers=headers)).json()["id"]
        await advance_bulk_jobs(session, NOON_KST, budget=2)
        first = await queued(session, bulk_job_id=job_id)
        first[0].status = MessageStatus.SENT
        await session.flush()

        response = await client.post(f"{BULK}/{job_id}/cancel", headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["status"] == "cancelled"
        assert (body["progress"]["sent"], body["progress"]["cancelled"], body["progress"]["queued"]) == (1, 1, 0)

        await advance_bulk_jobs(session, NOON_KST)
        rows = await queued(session, bulk_job_id=job_id)
        assert [m.status for m in rows] == ["sent", "cancelled"]

        again = await client.post(f"{BULK}/{job_id}/cancel", headers=headers)
        assert (again.status_code, again.json()["code"]) == (409, "bulk_job_finished")
        missing = await client.post(f"{BULK}/999999/cancel", headers=headers)
        assert missing.status_code == 404


class TestList:
    async def test_newest_first_with_status_filter(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        session: AsyncSession,
        company: CompanyProfile,
        noon: FrozenClock,
        admin: Admin,
    ) -> None:
        await make_application(session)
        first = (await client.post(BULK, json=_job(title="첫째"), headers=headers)).json()["id"]
        second = (await client.post(BULK, json=_job(title="둘째"), headers=headers)).json()["id"]
        await client.post(f"{BULK}/{first}/cancel", headers=headers)
        listing = (await client.get(BULK, headers=headers)).json()
        assert [j["id"] for j in listing["items"]] == [second, first]
        assert {j["created_by_name"] for j in listing["items"]} == {admin.name}
        assert (await client.get(f"{BULK}/{first}", headers=headers)).json()["created_by_name"] == admin.name
        cancelled = (await client.get(BULK, params={"status": "cancelled"}, headers=headers)).json()
        assert [j["id"] for j in cancelled["items"]] == [first]
        assert (await client.get(f"{BULK}/999999", headers=headers)).status_code == 404
