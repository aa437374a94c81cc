from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.models import AuditLog

ADMIN_URL = "/api/v1/admin/settings/company"
PUBLIC_URL = "/api/v1/company"

FULL = {
    "name": "전방홈케어",
    "phone": "1551-6640",
    "sms_prefix": "[전방홈케어]",
    "address": "경기도 양평군 양평읍 중앙로 1",
    "business_number": "123-45-67891",
    "representative": "김전방",
    "email": "info@example.com",
    "bank_account": "농협 000-0000-0000-00 (전방홈케어)",
    "stamp_text": "전방홈케어",
    "tagline": "전원주택 관리의 새로운 기준",
    "vat_mode": "excluded",
    "sms_sender": "031-123-4567",
    "reminder_hour": 9,
}


class TestAuth:
    async def test_admin_routes_need_a_token(self, client: httpx.AsyncClient) -> None:
        assert (await client.get(ADMIN_URL)).status_code == 401
        assert (await client.put(ADMIN_URL, json={"name": "x"})).status_code == 401

    async def test_put_needs_super_admin(self, client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
        assert (await client.get(ADMIN_URL, headers=admin_headers)).status_code == 200
        response = await client.put(ADMIN_URL, json={"name": "다른회사"}, headers=admin_headers)
        assert response.status_code == 403
        assert response.json()["code"] == "super_admin_required"


class TestGetCompany:
    async def test_seeded_profile(self, client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
        body = (await client.get(ADMIN_URL, headers=admin_headers)).json()
        assert body["name"] == "집사 홈케어"
        assert (body["vat_mode"], body["reminder_hour"], body["business_number"]) == ("included", 18, "")


class TestUpdateCompany:
    async def test_every_field_normalised_and_audited(
        self, client: httpx.AsyncClient, session: AsyncSession, sa_headers: dict[str, str]
    ) -> None:
        response = await client.put(ADMIN_URL, json=FULL, headers=sa_headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["phone"] == "1551-6640"
        assert body["business_number"] == "1234567891"
        assert body["business_number_formatted"] == "123-45-67891"
        assert body["sms_sender"] == "0311234567"
        assert (body["vat_mode"], body["reminder_hour"], body["sms_prefix"]) == ("excluded", 9, "[전방홈케어]")
        assert (await client.get(ADMIN_URL, headers=sa_headers)).json() == body

        (row,) = (await session.scalars(select(AuditLog).where(AuditLog.entity_type == "company_profile"))).all()
        assert row.action == "update"
        assert row.after is not None
        assert row.after["name"] == "전방홈케어"
        assert row.after["phone"] == "***"

    async def test_partial_update_and_clearing(self, client: httpx.AsyncClient, sa_headers: dict[str, str]) -> None:
        await client.put(ADMIN_URL, json=FULL, headers=sa_headers)
        body = (await client.put(ADMIN_URL, json={"business_number": "", "tagline": None}, headers=sa_headers)).json()
        assert (body["business_number"], body["tagline"], body["name"]) == ("", "", "전방홈케어")

    @pytest.mark.parametrize(
        "payload",
        [
            {"business_number": "123-45-67890"},  # checksum
            {"reminder_hour": 24},
            {"reminder_hour": -1},
            {"name": None},
            {"name": ""},
            {"vat_mode": "sometimes"},
            {"phone": "12345"},
            {"email": "not-an-email"},
            {"sms_prefix": "x" * 31},
            {"unknown": "field"},
        ],
    )
    async def test_invalid_input_is_422(
        self, client: httpx.AsyncClient, sa_headers: dict[str, str], payload: dict[str, Any]
    ) -> None:
        response = await client.put(ADMIN_URL, json=payload, headers=sa_headers)
        assert response.status_code == 422, payload
        assert response.json()["code"] == "validation_error"


class TestPublicCompany:
    async def test_public_fields_only_with_etag(self, client: httpx.AsyncClient) -> None:
        response = await client.get(PUBLIC_URL)
        assert response.status_code == 200
        assert set(response.json()) == {
            "name",
            "phone",
            "address",
            "business_number",
            "representative",
            "email",
            "tagline",
        }
        again = await client.get(PUBLIC_URL, headers={"If-None-Match": response.headers["etag"]})
        assert again.status_code == 304

    async def test_put_invalidates_the_cache(self, client: httpx.AsyncClient, sa_headers: dict[str, str]) -> None:
        before = await client.get(PUBLIC_URL)
        assert (await client.put(ADMIN_URL, json=FULL, headers=sa_headers)).status_code == 200
        after = await client.get(PUBLIC_URL, headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200
        assert after.json() == {
            "name": "전방홈케어",
            "phone": "1551-6640",
            "address": "경기도 양평군 양평읍 중앙로 1",
            "business_number": "123-45-67891",
            "representative": "김전방",
            "email": "info@example.com",
            "tagline": "전원주택 관리의 새로운 기준",
        }
