from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from jibsa.models import Partner, PartnerStatus, SmsMessage, StoredFile
from tests.factories import make_admin, partner_payload, unique_phone
from tests.images import png

URL = "/api/v1/partners"


def form(payload: dict[str, Any]) -> dict[str, str]:
    return {
        k: json.dumps(v) if isinstance(v, list) else str(v).lower() if isinstance(v, bool) else str(v)
        for k, v in payload.items()
    }


class TestRegister:
    async def test_creates_pending_partner_with_services_and_regions(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        await make_admin(session, phone="01099990002")
        response = await client.post(URL, json=partner_payload(company_name="한결조경"))
        assert response.status_code == 201, response.text
        assert response.json() == {
            "message": "협력사 등록 신청이 접수되었습니다. 검토 후 연락드리겠습니다.",
            "is_duplicate": False,
            "duplicate_type": None,
        }
        partner = (
            await session.scalars(
                select(Partner).options(selectinload(Partner.services), selectinload(Partner.regions))
            )
        ).one()
        assert partner.status == PartnerStatus.PENDING
        assert partner.business_number == "1234567891"
        assert partner.service_codes == ["WEEDING", "TREE_PRUNING"]
        assert sorted(r.district_code or "" for r in partner.regions) == ["41820", "41830"]
        message = (await session.scalars(select(SmsMessage))).one()
        assert message.template_key == "admin_new_partner"
        assert "한결조경" in message.text

    async def test_all_districts_region(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        payload = partner_payload(work_regions=[{"province_code": "41", "all_districts": True}])
        assert (await client.post(URL, json=payload)).status_code == 201
        partner = (await session.scalars(select(Partner).options(selectinload(Partner.regions)))).one()
        assert [(r.province_code, r.district_code) for r in partner.regions] == [("41", None)]

    async def test_multipart_with_business_registration_pdf(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
        response = await client.post(
            URL,
            data=form(partner_payload()),
            files=[("business_registration_file", ("사업자등록증.pdf", pdf, "application/pdf"))],
        )
        assert response.status_code == 201, response.text
        stored = (await session.scalars(select(StoredFile))).one()
        assert stored.content_type == "application/pdf"
        assert stored.original_name == "사업자등록증.pdf"
        assert stored.storage_key.endswith(".pdf")

    async def test_image_business_registration(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            URL, data=form(partner_payload()), files=[("business_registration_file", ("a.png", png(), "image/png"))]
        )
        assert response.status_code == 201

    async def test_disguised_file_refused(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        response = await client.post(
            URL,
            data=form(partner_payload()),
            files=[("business_registration_file", ("doc.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"))],
        )
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_file"
        assert await session.scalar(select(func.count()).select_from(Partner)) == 0


class TestValidation:
    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("company_name", "가"),
            ("representative_name", ""),
            ("business_number", "123-45-67890"),
            ("contact_phone", "010-12"),
            ("contact_email", "not-an-email"),
            ("address", "양평"),
            ("service_codes", []),
            ("work_regions", []),
            ("introduction", "가" * 501),
            ("privacy_consent", False),
            ("terms_consent", False),
        ],
    )
    async def test_each_field_rule(self, client: httpx.AsyncClient, field: str, value: Any) -> None:
        response = await client.post(URL, json=partner_payload(**{field: value}))
        assert response.status_code == 422, response.text
        assert any(d["field"].startswith(field) for d in response.json()["details"])

    async def test_bad_checksum_message(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL, json=partner_payload(business_number="123-45-67890"))
        detail = next(d for d in response.json()["details"] if d["field"] == "business_number")
        assert "사업자등록번호" in detail["message"]

    async def test_region_without_districts(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL, json=partner_payload(work_regions=[{"province_code": "41"}]))
        assert response.status_code == 422

    async def test_district_of_another_province(self, client: httpx.AsyncClient) -> None:
        payload = partner_payload(work_regions=[{"province_code": "11", "district_codes": ["41830"]}])
        response = await client.post(URL, json=payload)
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_region"

    async def test_unknown_service(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL, json=partner_payload(service_codes=["TELEPORT"]))
        assert response.status_code == 422
        assert response.json()["code"] == "unknown_service"

    async def test_blank_optional_fields_are_fine(self, client: httpx.AsyncClient) -> None:
        response = await client.post(URL, json=partner_payload(business_number="", contact_email="", remarks=""))
        assert response.status_code == 201


class TestDuplicates:
    async def test_same_business_number_is_reported_not_refused(self, client: httpx.AsyncClient) -> None:
        await client.post(URL, json=partner_payload())
        response = await client.post(URL, json=partner_payload())
        assert response.status_code == 201
        assert response.json()["duplicate_type"] == "business_number"

    async def test_same_phone_and_company(self, client: httpx.AsyncClient) -> None:
        phone = unique_phone()
        await client.post(
            URL, json=partner_payload(business_number=None, contact_phone=phone, company_name="늘봄 조경")
        )
        response = await client.post(
            URL, json=partner_payload(business_number=None, contact_phone=phone, company_name="늘봄  조경")
        )
        assert response.json() == {**response.json(), "is_duplicate": True, "duplicate_type": "phone_company"}

    async def test_idempotent_repeat(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        payload = partner_payload()
        for _ in range(2):
            response = await client.post(URL, json=payload, headers={"Idempotency-Key": "partner-wizard"})
            assert response.status_code == 201
        assert await session.scalar(select(func.count()).select_from(Partner)) == 1
