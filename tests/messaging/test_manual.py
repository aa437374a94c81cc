"""Manual sends (text, MMS, retry) with Idempotency-Key, the log, statistics and the recipient picker."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime

import httpx
import pytest
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.messaging.mms import MMS_IMAGE_MAX_BYTES
from jibsa.messaging.outbox import enqueue_text
from jibsa.models import (
    Admin,
    ApplicationStatus,
    AuditLog,
    CompanyProfile,
    MessageStatus,
    PartnerStatus,
    SmsMessage,
    StoredFile,
    TriggerSource,
)
from tests.factories import make_application, make_partner
from tests.messaging.conftest import FrozenClock

SMS = "/api/v1/admin/sms"


async def _count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count(SmsMessage.id))) or 0)


async def _message(session: AsyncSession, message_id: int) -> SmsMessage:
    found = await session.get(SmsMessage, message_id, populate_existing=True)
    assert found is not None
    return found


class TestSend:
    async def test_queues_with_the_prefix_once_and_audits_without_pii(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, company: CompanyProfile
    ) -> None:
        response = await client.post(
            f"{SMS}/send",
            json={"receiver_phone": "010-1234-5678", "message": "[집사] 내일 방문합니다."},
            headers=headers,
        )
        assert response.status_code == 202, response.text
        body = response.json()
        assert body["recipient_masked"] == "010-****-5678"
        message = await _message(session, body["id"])
        assert message.text == "[집사] 내일 방문합니다."
        assert (message.recipient, message.trigger, message.status) == ("01012345678", "manual", "queued")
        assert message.recipient_kind == "other"
        audit = await session.scalar(select(AuditLog).where(AuditLog.action == "sms_send"))
        assert audit is not None
        assert audit.entity_id == message.id
        assert "5678" in audit.summary
        assert "01012345678" not in str(audit.summary) + str(audit.after)
        assert "방문" not in str(audit.summary) + str(audit.after)

    async def test_prefix_added_when_missing(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, company: CompanyProfile
    ) -> None:
        response = await client.post(
            f"{SMS}/send", json={"receiver_phone": "01012345678", "message": "안내드립니다."}, headers=headers
        )
        assert (await _message(session, response.json()["id"])).text == "[집사] 안내드립니다."

    async def test_to_an_application_customer_or_a_partner(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, company: CompanyProfile
    ) -> None:
        application = await make_application(session, customer_phone="01022223333")
        partner = await make_partner(session, status=PartnerStatus.APPROVED, contact_phone="01044445555")
        to_customer = await client.post(
            f"{SMS}/send", json={"application_id": application.id, "message": "안내"}, headers=headers
        )
        to_partner = await client.post(
            f"{SMS}/send", json={"partner_id": partner.id, "message": "안내"}, headers=headers
        )
        customer = await _message(session, to_customer.json()["id"])
        partner_message = await _message(session, to_partner.json()["id"])
        assert (customer.recipient, customer.recipient_kind, customer.reference_type) == (
            "01022223333",
            "customer",
            "application",
        )
        assert (partner_message.recipient, partner_message.recipient_kind) == ("01044445555", "partner")

    async def test_kind_recognised_from_a_known_number(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, company: CompanyProfile
    ) -> None:
        await make_partner(session, status=PartnerStatus.APPROVED, contact_phone="01044445555")
        response = await client.post(
            f"{SMS}/send", json={"receiver_phone": "010-4444-5555", "message": "안내"}, headers=headers
        )
        assert (await _message(session, response.json()["id"])).recipient_kind == "partner"

    async def test_refusals(self, client: httpx.AsyncClient, headers: dict[str, str], company: CompanyProfile) -> None:
        missing = await client.post(f"{SMS}/send", json={"application_id": 999999, "message": "x"}, headers=headers)
        assert (missing.status_code, missing.json()["code"]) == (404, "recipient_not_found")
        two = await client.post(
            f"{SMS}/send", json={"receiver_phone": "01012345678", "partner_id": 1, "message": "x"}, headers=headers
        )
        bad_phone = await client.post(f"{SMS}/send", json={"receiver_phone": "12345", "message": "x"}, headers=headers)
        empty = await client.post(
            f"{SMS}/send", json={"receiver_phone": "01012345678", "message": "  "}, headers=headers
        )
        assert two.status_code == bad_phone.status_code == empty.status_code == 422

    async def test_idempotency_key_replays_the_first_reply(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, company: CompanyProfile
    ) -> None:
        body = {"receiver_phone": "01012345678", "message": "한 번만"}
        keyed = {**headers, "Idempotency-Key": "send-1"}
        first = await client.post(f"{SMS}/send", json=body, headers=keyed)
        again = await client.post(f"{SMS}/send", json=body, headers=keyed)
        assert first.status_code == again.status_code == 202
        assert first.json() == again.json()
        assert await _count(session) == 1
        other = await client.post(f"{SMS}/send", json={**body, "message": "다른 내용"}, headers=keyed)
        assert (other.status_code, other.json()["code"]) == (422, "idempotency_key_reused")
        assert await _count(session) == 1


def _image(size: tuple[int, int], *, noise: bool = False, fmt: str = "PNG") -> bytes:
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGBA", size, (200, 80, 40, 128))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


class TestSendMms:
    async def test_images_reencoded_to_small_jpegs(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, company: CompanyProfile
    ) -> None:
        files = [
            ("images", ("noise.png", _image((1200, 1200), noise=True), "image/png")),
            ("images", ("plain.png", _image((400, 300)), "image/png")),
        ]
        response = await client.post(
            f"{SMS}/send-mms",
            data={"receiver_phone": "01012345678", "message": "작업 사진입니다.", "subject": "[작업완료]"},
            files=files,
            headers={**headers, "Idempotency-Key": "mms-1"},
        )
        assert response.status_code == 202, response.text
        body = response.json()
        assert body["message_type"] == "MMS"
        assert len(body["image_file_ids"]) == 2
        stored = (await session.scalars(select(StoredFile).where(StoredFile.id.in_(body["image_file_ids"])))).all()
        assert {f.kind for f in stored} == {"mms_image"}
        assert {f.content_type for f in stored} == {"image/jpeg"}
        assert all(f.size_bytes <= MMS_IMAGE_MAX_BYTES for f in stored)
        assert max(f.width or 0 for f in stored) <= 1000
        message = await _message(session, body["id"])
        assert message.image_file_ids == body["image_file_ids"]
        assert message.subject == "[작업완료]"
        # the same key replays without storing the images again
        again = await client.post(
            f"{SMS}/send-mms",
            data={"receiver_phone": "01012345678", "message": "작업 사진입니다.", "subject": "[작업완료]"},
            files=files,
            headers={**headers, "Idempotency-Key": "mms-1"},
        )
        assert again.json() == body
        assert int(await session.scalar(select(func.count(StoredFile.id))) or 0) == 2

    async def test_at_most_three_images(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        files = [("images", (f"{i}.png", _image((50, 50)), "image/png")) for i in range(4)]
        response = await client.post(
            f"{SMS}/send-mms", data={"receiver_phone": "01012345678", "message": "x"}, files=files, headers=headers
        )
        assert (response.status_code, response.json()["code"]) == (422, "too_many_files")

    async def test_needs_an_image_and_a_real_one(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        none = await client.post(
            f"{SMS}/send-mms",
            data={"receiver_phone": "01012345678", "message": "x"},
            files=[("other", ("a.txt", b"", "text/plain"))],
            headers=headers,
        )
        assert none.status_code == 422
        fake = await client.post(
            f"{SMS}/send-mms",
            data={"receiver_phone": "01012345678", "message": "x"},
            files=[("images", ("a.jpg", b"not an image at all", "image/jpeg"))],
            headers=headers,
        )
        assert (fake.status_code, fake.json()["code"]) == (422, "invalid_file")


class TestRetry:
    async def _failed(self, session: AsyncSession, admin: Admin) -> SmsMessage:
        message = await enqueue_text(
            session, recipient="01012345678", text="[집사] 실패한 문자", template_key="partner_approved", prefix=""
        )
        message.status = MessageStatus.FAILED
        message.result_code = "-101"
        await session.flush()
        return message

    async def test_failed_message_queued_again_linked_to_it(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, admin: Admin
    ) -> None:
        original = await self._failed(session, admin)
        response = await client.post(f"{SMS}/retry/{original.id}", headers=headers)
        assert response.status_code == 202, response.text
        retry = await _message(session, response.json()["id"])
        assert (retry.retry_of_id, retry.trigger, retry.status) == (original.id, TriggerSource.MANUAL, "queued")
        assert (retry.text, retry.template_key, retry.recipient) == (
            "[집사] 실패한 문자",
            "partner_approved",
            "01012345678",
        )
        # a second click queues nothing new
        again = await client.post(f"{SMS}/retry/{original.id}", headers=headers)
        assert again.json()["id"] == retry.id

    async def test_only_failed_messages(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        message = await enqueue_text(session, recipient="01012345678", text="대기 중", prefix="")
        response = await client.post(f"{SMS}/retry/{message.id}", headers=headers)
        assert (response.status_code, response.json()["code"]) == (409, "not_retryable")
        missing = await client.post(f"{SMS}/retry/999999", headers=headers)
        assert missing.status_code == 404


class TestLog:
    async def _seed(self, session: AsyncSession) -> list[SmsMessage]:
        rows = [
            await enqueue_text(session, recipient="01011110001", text="첫째", prefix=""),
            await enqueue_text(session, recipient="01022220002", text="둘째", prefix="", trigger=TriggerSource.MANUAL),
            await enqueue_text(session, recipient="01033330001", text="셋째" * 50, prefix="", template_key="x_key"),
        ]
        rows[1].status = MessageStatus.FAILED
        await session.flush()
        return rows

    async def test_newest_first_masked_with_cursor(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        rows = await self._seed(session)
        first = (await client.get(SMS, params={"limit": 2}, headers=headers)).json()
        assert [i["id"] for i in first["items"]] == [rows[2].id, rows[1].id]
        assert first["items"][0]["recipient_masked"] == "010-****-0001"
        assert first["items"][1]["text"] == "둘째"
        second = (await client.get(SMS, params={"limit": 2, "cursor": first["next_cursor"]}, headers=headers)).json()
        assert [i["id"] for i in second["items"]] == [rows[0].id]
        assert second["next_cursor"] is None

    async def test_filters_and_phone_search(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        rows = await self._seed(session)

        async def ids(**params: object) -> list[int]:
            response = await client.get(SMS, params=params, headers=headers)
            assert response.status_code == 200, response.text
            return [i["id"] for i in response.json()["items"]]

        async def found(search: str, **body: object) -> list[int]:
            response = await client.post(f"{SMS}/search", json={"search": search, **body}, headers=headers)
            assert response.status_code == 200, response.text
            return [i["id"] for i in response.json()["items"]]

        assert await ids(status="failed") == [rows[1].id]
        assert await ids(trigger="manual") == [rows[1].id]
        assert await ids(message_type="LMS") == [rows[2].id]
        assert await ids(template_key="x_key") == [rows[2].id]
        assert await found("0001") == [rows[2].id, rows[0].id]
        assert await found("010-2222-0002") == [rows[1].id]
        assert await found("0001", message_type="LMS", template_key="x_key") == [rows[2].id]
        assert await found("0001", status="failed") == []
        assert await ids(date_from="2000-01-01", date_to="2000-01-02") == []
        assert await found("0001", date_from="2000-01-01", date_to="2000-01-02") == []
        bad = await client.post(f"{SMS}/search", json={"search": "홍길동"}, headers=headers)
        assert (bad.status_code, bad.json()["code"]) == (422, "validation_error")
        assert bad.json()["details"][0]["field"] == "search"

    async def test_search_pages_by_cursor_like_the_list(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        rows = await self._seed(session)
        first = await client.post(f"{SMS}/search", json={"search": "0001", "limit": 1}, headers=headers)
        assert [i["id"] for i in first.json()["items"]] == [rows[2].id]
        listed = (await client.get(SMS, params={"limit": 1}, headers=headers)).json()
        assert first.json()["items"] == listed["items"]
        cursor = first.json()["next_cursor"]
        second = await client.post(
            f"{SMS}/search", json={"search": "0001", "limit": 1, "cursor": cursor}, headers=headers
        )
        assert [i["id"] for i in second.json()["items"]] == [rows[0].id]
        assert second.json()["next_cursor"] is None

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({}, "search"),
            ({"search": "1" * 21}, "search"),
            ({"search": "0001", "status": "lost"}, "status"),
            ({"search": "0001", "limit": 101}, "limit"),
            ({"search": "0001", "cursor": "x" * 41}, "cursor"),
            ({"search": "0001", "cursor": "!!"}, "cursor"),
            ({"search": "0001", "recipient": "01011110001"}, "recipient"),
        ],
        ids=lambda value: str(value)[:40] if isinstance(value, dict) else value,
    )
    async def test_bad_search_bodies_are_422(
        self, client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, object], field: str
    ) -> None:
        response = await client.post(f"{SMS}/search", json=body, headers=headers)
        assert response.status_code == 422, response.text
        error = response.json()
        assert (error["code"], bool(error["message"])) == ("validation_error", True)
        assert field in [detail["field"] for detail in error["details"]]

    @pytest.mark.parametrize("path", ["", "/recipients"])
    async def test_a_search_in_the_url_is_refused(
        self, client: httpx.AsyncClient, headers: dict[str, str], path: str
    ) -> None:
        response = await client.get(f"{SMS}{path}", params={"search": "0001"}, headers=headers)
        assert (response.status_code, response.json()["code"]) == (422, "search_in_url")

    async def test_detail_shows_the_number_and_audits_the_view(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        rows = await self._seed(session)
        response = await client.get(f"{SMS}/{rows[0].id}", headers=headers)
        assert response.status_code == 200
        assert response.json()["recipient"] == "010-1111-0001"
        audit = await session.scalar(
            select(AuditLog).where(AuditLog.action == "view", AuditLog.entity_id == rows[0].id)
        )
        assert audit is not None
        assert (await client.get(f"{SMS}/999999", headers=headers)).status_code == 404


class TestStats:
    async def test_today_month_total_in_kst(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, clock: FrozenClock
    ) -> None:
        moments = {
            "today_kst_early": datetime(2026, 12, 14, 15, 30, tzinfo=UTC),  # 00:30 on the 15th in Seoul
            "yesterday_kst": datetime(2026, 12, 14, 14, 30, tzinfo=UTC),  # 23:30 on the 14th in Seoul
            "last_month": datetime(2026, 11, 30, 14, 59, tzinfo=UTC),  # 23:59 on 30 Nov in Seoul
        }
        statuses = {"today_kst_early": "sent", "yesterday_kst": "failed", "last_month": "sent"}
        for name, moment in moments.items():
            message = await enqueue_text(session, recipient="01012345678", text=name, prefix="")
            message.created_at = moment
            message.status = MessageStatus(statuses[name])
        queued = await enqueue_text(session, recipient="01012345678", text="queued", prefix="")
        # Still queued, from an earlier month (not the wall clock's now: the test must not depend on today's date).
        queued.created_at = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
        await session.flush()
        clock.set(datetime(2026, 12, 15, 3, 0, tzinfo=UTC))
        stats = (await client.get(f"{SMS}/stats", headers=headers)).json()
        assert stats["today"] == {"total": 1, "queued": 0, "sent": 1, "failed": 0, "cancelled": 0}
        assert stats["this_month"] == {"total": 2, "queued": 0, "sent": 1, "failed": 1, "cancelled": 0}
        assert stats["total"]["total"] == 4
        assert stats["total"]["queued"] == 1


class TestRecipients:
    async def test_customers_one_per_phone_with_the_latest_application(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        older = await make_application(
            session, customer_name="김철수", customer_phone="01050500001", status=ApplicationStatus.COMPLETED
        )
        newer = await make_application(session, customer_name="김철수", customer_phone="01050500001")
        other = await make_application(session, customer_name="박영희", customer_phone="01050500002")
        page = (await client.get(f"{SMS}/recipients", params={"target_type": "customer"}, headers=headers)).json()
        assert page["total"] == 2
        assert [i["id"] for i in page["items"]] == [other.id, newer.id]
        assert page["items"][1] == {
            "target_type": "customer",
            "id": newer.id,
            "name": "김철수",
            "phone_masked": "010-****-0001",
            "label": newer.number,
            "status": "new",
        }
        completed = await client.get(
            f"{SMS}/recipients", params={"target_type": "customer", "status": "completed"}, headers=headers
        )
        assert [i["id"] for i in completed.json()["items"]] == [older.id]

    @pytest.mark.parametrize("term", ["0002", "010-5050-0002", "박영희"])
    async def test_customer_search_by_blind_index(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, term: str
    ) -> None:
        await make_application(session, customer_name="김철수", customer_phone="01050500001")
        target = await make_application(session, customer_name="박영희", customer_phone="01050500002")
        page = (await client.post(f"{SMS}/recipients/search", json={"search": term}, headers=headers)).json()
        assert [i["id"] for i in page["items"]] == [target.id]

    async def test_customer_search_by_application_number(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        target = await make_application(session)
        page = (await client.post(f"{SMS}/recipients/search", json={"search": target.number}, headers=headers)).json()
        assert [i["id"] for i in page["items"]] == [target.id]

    async def test_partners_by_company_name_and_status(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        green = await make_partner(
            session, status=PartnerStatus.APPROVED, company_name="초록조경", contact_phone="01060600001"
        )
        await make_partner(session, company_name="하늘설비", status=PartnerStatus.PENDING)
        body = {"target_type": "partner", "search": "초록", "status": "approved", "page": 1, "page_size": 5}
        page = (await client.post(f"{SMS}/recipients/search", json=body, headers=headers)).json()
        assert page["items"] == [
            {
                "target_type": "partner",
                "id": green.id,
                "name": "초록조경",
                "phone_masked": "010-****-0001",
                "label": "초록조경 (이영희)",
                "status": "approved",
            }
        ]
        pending = (
            await client.get(
                f"{SMS}/recipients", params={"target_type": "partner", "status": "pending"}, headers=headers
            )
        ).json()
        assert [i["name"] for i in pending["items"]] == ["하늘설비"]
        none_pending = {**body, "status": "pending"}
        assert (await client.post(f"{SMS}/recipients/search", json=none_pending, headers=headers)).json()["total"] == 0

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({}, "search"),
            ({"search": "가" * 51}, "search"),
            ({"search": "초록", "target_type": "admin"}, "target_type"),
            ({"search": "초록", "page": 0}, "page"),
            ({"search": "초록", "name": "초록"}, "name"),
        ],
        ids=lambda value: str(value)[:40] if isinstance(value, dict) else value,
    )
    async def test_bad_recipient_search_bodies_are_422(
        self, client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, object], field: str
    ) -> None:
        response = await client.post(f"{SMS}/recipients/search", json=body, headers=headers)
        assert (response.status_code, response.json()["code"]) == (422, "validation_error")
        assert field in [detail["field"] for detail in response.json()["details"]]


ROUTES = [
    ("GET", "/api/v1/admin/sms-templates"),
    ("POST", "/api/v1/admin/sms-templates"),
    ("POST", "/api/v1/admin/sms-templates/preview"),
    ("GET", "/api/v1/admin/sms-templates/1"),
    ("GET", "/api/v1/admin/sms-templates/key/schedule_changed"),
    ("PUT", "/api/v1/admin/sms-templates/1"),
    ("DELETE", "/api/v1/admin/sms-templates/1"),
    ("GET", SMS),
    ("GET", f"{SMS}/1"),
    ("GET", f"{SMS}/stats"),
    ("GET", f"{SMS}/recipients"),
    ("POST", f"{SMS}/send"),
    ("POST", f"{SMS}/send-mms"),
    ("POST", f"{SMS}/retry/1"),
    ("POST", f"{SMS}/bulk"),
    ("GET", f"{SMS}/bulk"),
    ("GET", f"{SMS}/bulk/1"),
    ("POST", f"{SMS}/bulk/1/cancel"),
]


class TestAuthentication:
    @pytest.mark.parametrize(("method", "path"), ROUTES)
    async def test_every_route_needs_a_valid_token(self, client: httpx.AsyncClient, method: str, path: str) -> None:
        missing = await client.request(method, path, json={})
        bad = await client.request(method, path, json={}, headers={"Authorization": "Bearer nope"})
        assert missing.status_code == bad.status_code == 401

    async def test_inactive_admin_is_refused(
        self, client: httpx.AsyncClient, headers: dict[str, str], admin: Admin, session: AsyncSession
    ) -> None:
        admin.is_active = False
        await session.flush()
        assert (await client.get(SMS, headers=headers)).status_code == 401
