"""The template API: listing, editing rules, placeholder and byte validation, previews, audit."""

from __future__ import annotations

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.models import AuditLog, CompanyProfile, SmsTemplate

BASE = "/api/v1/admin/sms-templates"


async def _template(session: AsyncSession, key: str) -> SmsTemplate:
    template = await session.scalar(
        select(SmsTemplate).where(SmsTemplate.key == key).execution_options(populate_existing=True)
    )
    assert template is not None
    return template


def _custom(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "key": "work_done_photo",
        "title": "작업 완료 사진 안내",
        "content": "{customer_name}님, 작업이 끝났습니다. 문의: {company_phone}",
        "variables": ["customer_name"],
        "subject": "[작업완료]",
    }
    body.update(overrides)
    return body


class TestList:
    async def test_all_eighteen_system_templates_first(
        self, client: httpx.AsyncClient, headers: dict[str, str]
    ) -> None:
        await client.post(BASE, json=_custom(title="가장 앞 제목"), headers=headers)
        items = (await client.get(BASE, headers=headers)).json()
        assert len(items) == 19
        assert [t["is_system"] for t in items] == [True] * 18 + [False]
        system_titles = [t["title"] for t in items[:18]]
        assert system_titles == sorted(system_titles)

    async def test_filters(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        inactive = (await client.get(BASE, params={"is_active": False}, headers=headers)).json()
        assert {t["key"] for t in inactive} == {"new_application", "new_partner"}
        by_key = (await client.get(BASE, params={"search": "REMINDER"}, headers=headers)).json()
        assert {t["key"] for t in by_key} == {"visit_reminder_customer", "visit_reminder_partner"}
        by_title = (await client.get(BASE, params={"search": "취소"}, headers=headers)).json()
        assert [t["key"] for t in by_title] == ["application_cancelled"]

    async def test_get_by_id_and_key(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        by_key = await client.get(f"{BASE}/key/partner_rejected", headers=headers)
        assert by_key.status_code == 200
        assert by_key.json()["variables"] == ["company_name", "rejection_reason", "company_phone"]
        by_id = await client.get(f"{BASE}/{by_key.json()['id']}", headers=headers)
        assert by_id.json()["key"] == "partner_rejected"
        missing = await client.get(f"{BASE}/key/nope", headers=headers)
        assert (missing.status_code, missing.json()["code"]) == (404, "template_not_found")

    async def test_needs_a_login(self, client: httpx.AsyncClient) -> None:
        response = await client.get(BASE)
        assert response.status_code == 401


class TestCreate:
    async def test_custom_template_is_created_and_audited(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        response = await client.post(BASE, json=_custom(), headers=headers)
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["is_system"], body["is_active"], body["subject"]) == (False, True, "[작업완료]")
        audit = await session.scalar(
            select(AuditLog).where(AuditLog.entity_type == "sms_template", AuditLog.entity_id == body["id"])
        )
        assert audit is not None
        assert audit.action == "create"

    async def test_duplicate_key_is_409(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.post(BASE, json=_custom(key="schedule_confirmed"), headers=headers)
        assert (response.status_code, response.json()["code"]) == (409, "template_key_taken")

    async def test_unknown_placeholder_is_422_naming_it(
        self, client: httpx.AsyncClient, headers: dict[str, str]
    ) -> None:
        response = await client.post(
            BASE, json=_custom(content="{customer_name}님 {coupon_code} {price}"), headers=headers
        )
        assert response.status_code == 422
        body = response.json()
        assert body["code"] == "unknown_placeholders"
        assert "{coupon_code}" in body["message"]
        assert "{price}" in body["message"]
        assert "company_phone" in body["details"][0]["allowed"]

    async def test_rendered_sample_over_2000_bytes_is_422(
        self, client: httpx.AsyncClient, headers: dict[str, str]
    ) -> None:
        # 1990 bytes of text fit as written, but not once {address} is filled in.
        content = "가" * 995 + "{address}"
        response = await client.post(BASE, json=_custom(content=content, variables=["address"]), headers=headers)
        assert (response.status_code, response.json()["code"]) == (422, "message_too_long")

    async def test_characters_outside_euc_kr_are_422(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.post(BASE, json=_custom(content="{customer_name}님 😀"), headers=headers)
        assert (response.status_code, response.json()["code"]) == (422, "unsupported_characters")

    async def test_bad_key_is_422(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.post(BASE, json=_custom(key="Bad Key"), headers=headers)
        assert response.status_code == 422


class TestUpdate:
    async def test_system_template_content_and_active_flag(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        template = await _template(session, "application_received")
        response = await client.put(
            f"{BASE}/{template.id}",
            json={"content": "{customer_name}님 접수되었습니다. 번호 {application_number}", "is_active": False},
            headers=headers,
        )
        assert response.status_code == 200, response.text
        assert response.json()["is_active"] is False
        audit = await session.scalar(
            select(AuditLog).where(AuditLog.entity_type == "sms_template", AuditLog.entity_id == template.id)
        )
        assert audit is not None
        assert audit.action == "update"
        assert set(audit.after or {}) == {"content", "is_active"}

    async def test_system_template_other_fields_refused(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        template = await _template(session, "application_received")
        response = await client.put(
            f"{BASE}/{template.id}", json={"title": "새 제목", "variables": ["x"]}, headers=headers
        )
        assert response.status_code == 422
        assert response.json()["code"] == "system_template_readonly"
        assert [d["field"] for d in response.json()["details"]] == ["title", "variables"]

    async def test_same_values_of_read_only_fields_are_accepted(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        template = await _template(session, "partner_approved")
        response = await client.put(
            f"{BASE}/{template.id}",
            json={"title": template.title, "content": "{company_name} 승인 완료", "is_active": True},
            headers=headers,
        )
        assert response.status_code == 200

    async def test_placeholders_checked_against_the_template_variables(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        template = await _template(session, "partner_approved")
        response = await client.put(
            f"{BASE}/{template.id}", json={"content": "{company_name} {customer_phone}"}, headers=headers
        )
        assert response.status_code == 422
        assert "{customer_phone}" in response.json()["message"]

    async def test_custom_template_every_field(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        created = (await client.post(BASE, json=_custom(), headers=headers)).json()
        response = await client.put(
            f"{BASE}/{created['id']}",
            json={"title": "바뀐 제목", "variables": ["customer_name", "partner_name"], "content": "{partner_name}"},
            headers=headers,
        )
        assert response.status_code == 200
        assert response.json()["title"] == "바뀐 제목"
        assert response.json()["variables"] == ["customer_name", "partner_name"]

    async def test_unknown_template_is_404(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.put(f"{BASE}/999999", json={"content": "x"}, headers=headers)
        assert response.status_code == 404


class TestDelete:
    async def test_custom_template_deleted(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        created = (await client.post(BASE, json=_custom(), headers=headers)).json()
        assert (await client.delete(f"{BASE}/{created['id']}", headers=headers)).status_code == 204
        assert (await client.get(f"{BASE}/{created['id']}", headers=headers)).status_code == 404

    async def test_system_template_refused(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession
    ) -> None:
        template = await _template(session, "schedule_changed")
        response = await client.delete(f"{BASE}/{template.id}", headers=headers)
        assert (response.status_code, response.json()["code"]) == (409, "system_template")


class TestPreview:
    async def test_stored_template_with_prefix_and_company_values(
        self, client: httpx.AsyncClient, headers: dict[str, str], company: CompanyProfile
    ) -> None:
        response = await client.post(
            f"{BASE}/preview",
            json={"template_key": "application_received", "variables": {"customer_name": "홍길동"}},
            headers=headers,
        )
        assert response.status_code == 200
        body = response.json()
        assert body["original"].startswith("{customer_name}님")
        # the empty 신청번호 line is dropped; the company phone comes from the profile
        assert body["preview"] == (
            "[집사] 홍길동님, 서비스 신청이 접수되었습니다.\n담당자가 곧 연락드릴 예정입니다.\n문의: 1551-6640"
        )
        assert body["subject"] == "[접수확인]"
        assert body["message_type"] == "LMS"
        assert body["unsupported_characters"] == []

    async def test_raw_content_reports_bytes_type_and_bad_characters(
        self, client: httpx.AsyncClient, headers: dict[str, str], company: CompanyProfile
    ) -> None:
        response = await client.post(
            f"{BASE}/preview", json={"content": "{name} 똠 😀", "variables": {"name": "abc"}}, headers=headers
        )
        body = response.json()
        assert body["preview"] == "[집사] abc 똠 😀"
        assert body["byte_length"] == len("[집사] abc ".encode("cp949")) + 2 + 1 + 2  # 똠 in CP949, emoji counted as 2
        assert body["message_type"] == "SMS"
        assert body["unsupported_characters"] == ["똠", "😀"]

    async def test_needs_exactly_one_source(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        neither = await client.post(f"{BASE}/preview", json={"variables": {}}, headers=headers)
        both = await client.post(f"{BASE}/preview", json={"template_key": "x", "content": "y"}, headers=headers)
        assert neither.status_code == both.status_code == 422
