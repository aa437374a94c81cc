from __future__ import annotations

import asyncio
import io
import json
import re
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from PIL import Image
from sqlalchemy import func, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core import data_version
from jibsa.core.data_version import CHANNEL, PostgresChangeFeed
from jibsa.core.db import Database
from jibsa.core.korean import today_kst
from jibsa.models import (
    Application,
    ApplicationPhoto,
    ApplicationStatus,
    ApplicationStatusChange,
    BookingStatus,
    CompanyProfile,
    ServiceType,
    SmsMessage,
    SmsTemplate,
    StoredFile,
)
from tests.conftest import ENGINE, StillFeed
from tests.factories import application_payload, make_admin, unique_phone
from tests.images import jpeg_with_gps, png
from tests.querycount import count_statements

URL = "/api/v1/applications"


def form(payload: dict[str, Any]) -> dict[str, str]:
    return {
        k: json.dumps(v) if isinstance(v, list) else str(v).lower() if isinstance(v, bool) else str(v)
        for k, v in payload.items()
    }


def fields_of(response: httpx.Response) -> set[str]:
    return {d["field"] for d in response.json()["details"]}


class TestSubmitJson:
    async def test_creates_application_with_number_and_services(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        payload = application_payload(selected_services=["WEEDING", "TREE_PRUNING"])
        response = await client.post(URL, json=payload)
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["application_number"].startswith(today_kst().strftime("%Y%m%d") + "-")
        assert body["is_duplicate"] is False
        application = (
            await session.scalars(select(Application).where(Application.number == body["application_number"]))
        ).one()
        assert application.customer_name == "홍길동"
        assert application.customer_phone == payload["customer_phone"]
        assert application.status == ApplicationStatus.NEW
        history = (
            await session.scalars(
                select(ApplicationStatusChange).where(ApplicationStatusChange.application_id == application.id)
            )
        ).all()
        assert [(h.from_status, h.to_status, h.source) for h in history] == [(None, "new", "public")]

    async def test_simple_alias(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL + "/simple", json=application_payload())
        assert response.status_code == 201

    async def test_phone_with_hyphens_is_normalised(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        response = await client.post(URL, json=application_payload(customer_phone="010-5555-0101"))
        number = response.json()["application_number"]
        application = (await session.scalars(select(Application).where(Application.number == number))).one()
        assert application.customer_phone == "01055550101"

    async def test_admins_with_phone_get_a_queued_notification(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        admin = await make_admin(session, phone="01099990000")
        await make_admin(session)  # no phone: nothing queued
        response = await client.post(URL, json=application_payload())
        assert response.status_code == 201
        messages = (await session.scalars(select(SmsMessage))).all()
        assert len(messages) == 1
        message = messages[0]
        assert message.recipient == admin.phone
        assert message.template_key == "admin_new_application"
        assert response.json()["application_number"] in message.text
        assert message.status == "queued"

    async def test_number_sequence_increments(self, client: httpx.AsyncClient) -> None:
        first = (await client.post(URL, json=application_payload())).json()["application_number"]
        second = (await client.post(URL, json=application_payload())).json()["application_number"]
        assert int(second.split("-")[1]) == int(first.split("-")[1]) + 1


class TestValidation:
    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("customer_name", "김"),
            ("customer_name", "가" * 51),
            ("customer_name", "<script>alert(1)</script>"),
            ("customer_phone", "12345"),
            ("customer_phone", "010-1234-56789"),
            ("address", "양평"),
            ("address_detail", "가" * 201),
            ("description", "짧아요"),
            ("description", "가" * 1001),
            ("selected_services", []),
            ("privacy_consent", False),
            ("preferred_work_date", "2020-01-01"),
            ("preferred_consultation_date", "not-a-date"),
            ("district_code", "4183"),
        ],
    )
    async def test_each_field_rule(self, client: httpx.AsyncClient, field: str, value: Any) -> None:
        response = await client.post(URL, json=application_payload(**{field: value}))
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["code"] == "validation_error"
        assert field in fields_of(response)
        assert all(d["message"] for d in body["details"])

    async def test_missing_fields_listed(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL, json={})
        assert response.status_code == 422
        assert {"customer_name", "customer_phone", "address", "description", "selected_services"} <= fields_of(response)

    async def test_today_is_allowed(self, client: httpx.AsyncClient) -> None:
        today = today_kst().isoformat()
        response = await client.post(URL, json=application_payload(preferred_work_date=today))
        assert response.status_code == 201

    async def test_unknown_service(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL, json=application_payload(selected_services=["WEEDING", "TELEPORT"]))
        assert response.status_code == 422
        assert response.json()["code"] == "unknown_service"

    async def test_preparing_service_refused(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        await session.execute(
            update(ServiceType).where(ServiceType.code == "SASH").values(booking_status=BookingStatus.PREPARING)
        )
        await session.flush()
        response = await client.post(URL, json=application_payload(selected_services=["SASH"]))
        assert response.status_code == 422
        assert response.json()["code"] == "service_not_available"
        assert "샷시" in response.json()["message"]

    async def test_unknown_district(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL, json=application_payload(district_code="99999"))
        assert response.status_code == 422
        assert response.json()["code"] == "unknown_district"

    async def test_malformed_json(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL, content=b"{nope", headers={"content-type": "application/json"})
        assert response.status_code == 422

    async def test_unsupported_content_type(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL, content=b"a=b", headers={"content-type": "text/plain"})
        assert response.status_code == 415

    async def test_nothing_written_on_refusal(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        await client.post(URL, json=application_payload(selected_services=["TELEPORT"]))
        assert await session.scalar(select(func.count()).select_from(Application)) == 0


class TestMultipart:
    async def test_photos_are_re_encoded_without_exif(
        self, client: httpx.AsyncClient, session: AsyncSession, db: Database, app: Any
    ) -> None:
        files = [("photos", ("garden.jpg", jpeg_with_gps(), "image/jpeg")), ("photos", ("b.png", png(), "image/png"))]
        response = await client.post(URL, data=form(application_payload()), files=files)
        assert response.status_code == 201, response.text
        photos = (await session.scalars(select(StoredFile).join(ApplicationPhoto))).all()
        assert len(photos) == 2
        stored = await app.state.storage.get(photos[0].storage_key)
        with Image.open(io.BytesIO(stored)) as image:
            assert image.format == "WEBP"
            assert not image.getexif()
        assert await app.state.storage.exists(photos[0].thumbnail_key)
        assert photos[0].original_name == "garden.jpg"

    async def test_services_as_repeated_fields(self, client: httpx.AsyncClient) -> None:
        data = form(application_payload())
        del data["selected_services"]
        response = await client.post(
            URL,
            data={**data, "selected_services": ["WEEDING", "DECK_WORK"]},
            files=[("photos", ("a.png", png(), "image/png"))],
        )
        assert response.status_code == 201, response.text

    async def test_a_refused_request_leaves_no_file_behind(self, client: httpx.AsyncClient, app: Any) -> None:
        root = app.state.storage.root
        before = {p for p in root.rglob("*") if p.is_file()}
        files = [
            ("photos", ("ok.png", png(), "image/png")),  # stored first, then the next one is refused
            ("photos", ("evil.jpg", b"not an image" * 10, "image/jpeg")),
        ]
        response = await client.post(URL, data=form(application_payload()), files=files)
        assert response.status_code == 422
        assert {p for p in root.rglob("*") if p.is_file()} == before

    async def test_fake_image_refused(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        files = [("photos", ("evil.jpg", b"<?php system($_GET['c']); ?>" * 10, "image/jpeg"))]
        response = await client.post(URL, data=form(application_payload()), files=files)
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_file"
        assert await session.scalar(select(func.count()).select_from(Application)) == 0

    async def test_oversized_file_refused(self, client: httpx.AsyncClient, settings: Any) -> None:
        big = b"\xff\xd8\xff" + b"0" * (settings.max_upload_bytes + 1)
        response = await client.post(
            URL, data=form(application_payload()), files=[("photos", ("big.jpg", big, "image/jpeg"))]
        )
        assert response.status_code == 413
        assert response.json()["code"] == "file_too_large"

    async def test_more_than_ten_photos_refused(self, client: httpx.AsyncClient) -> None:
        files = [("photos", (f"{i}.png", png(), "image/png")) for i in range(11)]
        response = await client.post(URL, data=form(application_payload()), files=files)
        assert response.status_code == 422
        assert response.json()["code"] == "too_many_files"

    async def test_file_in_a_text_field_refused(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            URL, data=form(application_payload()), files=[("description", ("a.txt", b"hello", "text/plain"))]
        )
        assert response.status_code == 422


class TestDuplicates:
    async def test_second_active_request_is_reported_not_blocked(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        await make_admin(session, phone="01099990001")
        phone = unique_phone()
        first = (await client.post(URL, json=application_payload(customer_phone=phone))).json()
        second = await client.post(URL, json=application_payload(customer_phone=phone))
        assert second.status_code == 201
        body = second.json()
        assert body["is_duplicate"] is True
        assert body["duplicate_info"]["existing_application_number"] == first["application_number"]
        assert body["duplicate_info"]["existing_status_label"] == "신규"
        assert body["duplicate_info"]["existing_status"] == "new"
        existing = (
            await session.scalars(select(Application).where(Application.number == first["application_number"]))
        ).one()
        assert datetime.fromisoformat(body["duplicate_info"]["existing_created_at"]) == existing.created_at
        templates = (await session.scalars(select(SmsMessage.template_key).order_by(SmsMessage.id))).all()
        assert templates == ["admin_new_application", "admin_new_application_duplicate"]

    async def test_finished_requests_are_not_duplicates(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        phone = unique_phone()
        await client.post(URL, json=application_payload(customer_phone=phone))
        await session.execute(update(Application).values(status=ApplicationStatus.COMPLETED))
        await session.flush()
        response = await client.post(URL, json=application_payload(customer_phone=phone))
        assert response.json()["is_duplicate"] is False


class TestIdempotency:
    async def test_same_key_same_body_replays_first_response(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        payload = application_payload()
        headers = {"Idempotency-Key": "wizard-1"}
        first = await client.post(URL, json=payload, headers=headers)
        again = await client.post(URL, json=payload, headers=headers)
        assert again.status_code == 201
        assert again.json() == first.json()
        assert await session.scalar(select(func.count()).select_from(Application)) == 1

    async def test_same_key_other_body_is_422(self, client: httpx.AsyncClient) -> None:
        headers = {"Idempotency-Key": "wizard-2"}
        await client.post(URL, json=application_payload(), headers=headers)
        response = await client.post(
            URL, json=application_payload(description="다른 내용의 신청입니다."), headers=headers
        )
        assert response.status_code == 422
        assert response.json()["code"] == "idempotency_key_reused"

    async def test_failed_request_does_not_burn_the_key(self, client: httpx.AsyncClient) -> None:
        headers = {"Idempotency-Key": "wizard-3"}
        bad = await client.post(URL, json=application_payload(selected_services=["TELEPORT"]), headers=headers)
        assert bad.status_code == 422
        good = await client.post(URL, json=application_payload(), headers=headers)
        assert good.status_code == 201


class TestRateLimit:
    async def test_per_phone_limit_answers_429_with_retry_after(self, client: httpx.AsyncClient, app: Any) -> None:
        app.state.settings = app.state.settings.model_copy(update={"rate_limit_public_submit_phone": "2/hour"})
        try:
            phone = unique_phone()
            for _ in range(2):
                assert (await client.post(URL, json=application_payload(customer_phone=phone))).status_code == 201
            response = await client.post(URL, json=application_payload(customer_phone=phone))
            assert response.status_code == 429
            assert response.json()["code"] == "rate_limited"
            assert int(response.headers["retry-after"]) > 0
            other = await client.post(URL, json=application_payload())
            assert other.status_code == 201
        finally:
            app.state.settings = app.state.settings.model_copy(
                update={"rate_limit_public_submit_phone": "10000/minute"}
            )

    async def test_per_ip_limit(self, client: httpx.AsyncClient, app: Any) -> None:
        app.state.settings = app.state.settings.model_copy(update={"rate_limit_public_submit_ip": "1/minute"})
        try:
            assert (await client.post(URL, json=application_payload())).status_code == 201
            assert (await client.post(URL, json=application_payload())).status_code == 429
        finally:
            app.state.settings = app.state.settings.model_copy(update={"rate_limit_public_submit_ip": "10000/minute"})


@pytest.mark.committing
class TestConcurrency:
    async def test_fifty_concurrent_submissions_get_fifty_distinct_numbers(
        self, client: httpx.AsyncClient, db: Database
    ) -> None:
        responses = await asyncio.gather(*(client.post(URL, json=application_payload()) for _ in range(50)))
        assert [r.status_code for r in responses] == [201] * 50
        numbers = {r.json()["application_number"] for r in responses}
        assert len(numbers) == 50
        async with db.transaction(read_only=True) as session:
            assert await session.scalar(select(func.count()).select_from(Application)) == 50

    async def test_concurrent_repeats_of_one_key_create_one_application(
        self, client: httpx.AsyncClient, db: Database
    ) -> None:
        payload = application_payload()
        responses = await asyncio.gather(
            *(client.post(URL, json=payload, headers={"Idempotency-Key": "double-click"}) for _ in range(5))
        )
        assert {r.status_code for r in responses} == {201}
        assert len({r.json()["application_number"] for r in responses}) == 1
        async with db.transaction(read_only=True) as session:
            assert await session.scalar(select(func.count()).select_from(Application)) == 1

    async def test_number_keeps_working_past_999(self, db: Database) -> None:
        from jibsa.applications.numbering import format_number, next_sequence
        from jibsa.models import DailySequence

        day = today_kst() + timedelta(days=400)
        async with db.transaction() as session:
            session.add(DailySequence(day=day, last_value=999))
        async with db.transaction() as session:
            assert format_number(day, await next_sequence(session, day)) == f"{day:%Y%m%d}-1000"


class TestReadsFromMemory:
    """The catalogue, the admins to notify and the SMS templates are read once per change to them (``memo``)."""

    async def test_a_repeated_submission_reads_none_of_them(
        self, client: httpx.AsyncClient, session: AsyncSession, database: Database, still_feed: StillFeed
    ) -> None:
        await make_admin(session, phone="01099990001")
        assert (await client.post(URL, json=application_payload())).status_code == 201
        with count_statements(database.engine) as statements:
            assert (await client.post(URL, json=application_payload())).status_code == 201
        assert [s for s in statements if re.search(r"FROM (service_type|admin|sms_template)\b", s)] == []

    async def test_a_paused_service_is_refused_by_the_next_submission(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        assert (await client.post(URL, json=application_payload())).status_code == 201
        service = await session.get(ServiceType, "WEEDING")
        assert service is not None
        service.booking_status = BookingStatus.PAUSED
        await session.flush()
        response = await client.post(URL, json=application_payload())
        assert response.status_code == 422
        assert response.json()["code"] == "service_not_available"

    async def test_an_admin_phone_change_reaches_the_next_submission(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        admin = await make_admin(session, phone="01099990002")
        assert (await client.post(URL, json=application_payload())).status_code == 201
        admin.phone = "01099990003"
        await session.flush()
        assert (await client.post(URL, json=application_payload())).status_code == 201
        recipients = (await session.scalars(select(SmsMessage.recipient).order_by(SmsMessage.id))).all()
        assert recipients == ["01099990002", "01099990003"]

    async def test_an_activated_template_is_used_by_the_next_submission(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        assert (await client.post(URL, json=application_payload())).status_code == 201
        assert (await session.scalars(select(SmsMessage))).all() == []  # the acknowledgement starts switched off
        await session.execute(update(SmsTemplate).where(SmsTemplate.key == "new_application").values(is_active=True))
        await session.flush()
        assert (await client.post(URL, json=application_payload())).status_code == 201
        assert (await session.scalars(select(SmsMessage.template_key))).all() == ["new_application"]

    async def test_a_company_prefix_change_reaches_the_next_submission(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        await make_admin(session, phone="01099990004")
        profile = await session.get(CompanyProfile, 1)
        assert profile is not None
        profile.sms_prefix = "[첫이름]"
        await session.flush()
        assert (await client.post(URL, json=application_payload())).status_code == 201
        profile.sms_prefix = "[새이름]"
        await session.flush()
        assert (await client.post(URL, json=application_payload())).status_code == 201
        texts = (await session.scalars(select(SmsMessage.text).order_by(SmsMessage.id))).all()
        assert [t.split()[0] for t in texts] == ["[첫이름]", "[새이름]"]

    async def test_another_process_commit_reaches_the_next_submission(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        assert (await client.post(URL, json=application_payload())).status_code == 201
        # As another process would: straight on the connection (no session event here), then its notification.
        connection = await session.connection()
        await connection.exec_driver_sql("UPDATE service_type SET booking_status = 'PAUSED' WHERE code = 'WEEDING'")
        assert (await client.post(URL, json=application_payload())).status_code == 201  # not heard yet
        still_feed.value = 1
        assert (await client.post(URL, json=application_payload())).status_code == 422

    @pytest.mark.skipif(ENGINE != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's")
    @pytest.mark.committing
    async def test_another_server_process_commit_reaches_the_next_submission(
        self, client: httpx.AsyncClient, database: Database, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import asyncpg  # type: ignore[import-untyped]

        feed = PostgresChangeFeed(database.url)
        url = make_url(database.url)
        monkeypatch.setitem(data_version._feeds, url.render_as_string(hide_password=False), feed)
        await feed.start()
        other = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))
        try:
            await feed.wait_connected()
            assert (await client.post(URL, json=application_payload())).status_code == 201
            before = feed.token()
            async with other.transaction():
                await other.execute("UPDATE service_type SET booking_status = 'PAUSED' WHERE code = 'WEEDING'")
                await other.execute("SELECT pg_notify($1, 'another-process service_type')", CHANNEL)
            async with asyncio.timeout(5):
                while feed.token() == before:
                    await asyncio.sleep(0.01)
            assert (await client.post(URL, json=application_payload())).status_code == 422
        finally:
            await other.execute("UPDATE service_type SET booking_status = 'AVAILABLE' WHERE code = 'WEEDING'")
            await other.close()
            await feed.stop()
