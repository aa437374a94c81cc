from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa import events
from jibsa.core.db import Database
from jibsa.core.korean import KST
from jibsa.models import (
    Admin,
    AdminRole,
    ApplicationStatus,
    AssignmentStatus,
    AuditLog,
    Partner,
    PartnerNote,
    PartnerStatus,
)
from jibsa.partners.service import ALLOWED_TRANSITIONS
from tests.factories import (
    attach_business_registration,
    auth_headers,
    business_number,
    make_admin,
    make_application,
    make_assignment,
    make_partner,
    quick_admin,
)
from tests.querycount import count_statements

BASE = "/api/v1/admin/partners"
SEARCH = f"{BASE}/search"


async def audit_rows(session: AsyncSession, entity_id: int, action: str) -> list[AuditLog]:
    stmt = select(AuditLog).where(
        AuditLog.entity_type == "partner", AuditLog.entity_id == entity_id, AuditLog.action == action
    )
    return list((await session.scalars(stmt)).all())


async def fresh(session: AsyncSession, partner_id: int) -> Partner:
    stmt = select(Partner).where(Partner.id == partner_id).execution_options(populate_existing=True)
    return (await session.scalars(stmt)).one()


class TestAuth:
    ROUTES = (
        ("GET", BASE),
        ("GET", f"{BASE}/1"),
        ("PUT", f"{BASE}/1"),
        ("DELETE", f"{BASE}/1"),
        ("POST", f"{BASE}/1/status"),
        ("GET", f"{BASE}/1/business-registration"),
        ("GET", f"{BASE}/1/similar-partners"),
        ("GET", f"{BASE}/1/notes"),
        ("POST", f"{BASE}/1/notes"),
        ("DELETE", f"{BASE}/1/notes/1"),
    )

    @pytest.mark.parametrize(("method", "url"), ROUTES)
    async def test_without_token_is_401(self, client: httpx.AsyncClient, method: str, url: str) -> None:
        response = await client.request(method, url, json={})
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"

    @pytest.mark.parametrize(("method", "url"), ROUTES)
    async def test_bad_token_is_401(self, client: httpx.AsyncClient, method: str, url: str) -> None:
        response = await client.request(method, url, json={}, headers={"Authorization": "Bearer nope"})
        assert response.status_code == 401

    async def test_delete_needs_super_admin(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        response = await client.delete(f"{BASE}/{partner.id}", headers=admin_headers)
        assert response.status_code == 403
        assert response.json()["code"] == "super_admin_required"


class TestListPartners:
    async def test_page_decrypts_and_names_services(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        now = datetime.now(UTC)
        older = await make_partner(session, company_name="늘봄조경", created_at=now - timedelta(days=2))
        newer = await make_partner(
            session,
            company_name="한결설비",
            representative_name="김철수",
            contact_phone="01099998888",
            status=PartnerStatus.APPROVED,
            services=("PLUMBING_LEAK",),
        )
        response = await client.get(BASE, headers=admin_headers)
        assert response.status_code == 200
        body = response.json()
        assert body["total"] == 2
        assert [i["id"] for i in body["items"]] == [newer.id, older.id]
        first = body["items"][0]
        assert first["representative_name"] == "김철수"
        assert first["contact_phone"] == "01099998888"
        assert first["status"] == "approved"
        assert first["status_label"] == "승인됨"
        assert first["services"] == [{"code": "PLUMBING_LEAK", "name": first["services"][0]["name"]}]
        assert first["services"][0]["name"] != "PLUMBING_LEAK"
        assert first["version"] == 1
        assert body["status_counts"] == {"pending": 1, "approved": 1, "rejected": 0, "suspended": 0, "inactive": 0}

    async def test_status_filter_keeps_counts_of_every_status(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        await make_partner(session)
        approved = await make_partner(session, status=PartnerStatus.APPROVED)
        body = (await client.get(BASE, params={"status": "approved"}, headers=admin_headers)).json()
        assert [i["id"] for i in body["items"]] == [approved.id]
        assert body["total"] == 1
        assert body["status_counts"]["pending"] == 1

    async def test_pagination(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        for _ in range(7):
            await make_partner(session)
        body = (await client.get(BASE, params={"page": 2, "page_size": 5}, headers=admin_headers)).json()
        assert (body["total"], body["page"], body["total_pages"], len(body["items"])) == (7, 2, 2, 2)

    @pytest.mark.parametrize(
        "search",
        [
            "한결설비",  # exact company name (blind index)
            "한결",  # part of the company name (plaintext ILIKE)
            "김 철수",  # representative name, spaces ignored
            "010-9999-8888",  # full phone, formatted
            "8888",  # phone last four
            "123-45-67891",  # business number
        ],
    )
    async def test_search_by_each_key(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str], search: str
    ) -> None:
        target = await make_partner(
            session,
            company_name="한결설비",
            representative_name="김철수",
            contact_phone="01099998888",
            business_number="1234567891",
        )
        await make_partner(session, company_name="늘봄조경", representative_name="박영수", contact_phone="01011112222")
        body = (await client.post(SEARCH, json={"search": search}, headers=admin_headers)).json()
        assert [i["id"] for i in body["items"]] == [target.id]

    async def test_search_without_match_and_like_wildcards(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        await make_partner(session, company_name="한결설비")
        for term in ("없는업체", "%", "_", "0000"):
            body = (await client.post(SEARCH, json={"search": term}, headers=admin_headers)).json()
            assert body["total"] == 0, term

    async def test_search_answers_what_the_list_answers_under_every_filter(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        day = datetime(2026, 3, 1, 12, 0, tzinfo=KST)

        async def arrange(company_name: str) -> Any:
            return await make_partner(
                session,
                company_name=company_name,
                status=PartnerStatus.APPROVED,
                services=("WEEDING",),
                regions=(("41", "41830"),),
                created_at=day,
            )

        found_ones = [await arrange(f"한결설비{i}") for i in range(3)]
        await make_partner(session, company_name="한결설비9", services=("DECK_WORK",), created_at=day)
        filters: dict[str, Any] = {
            "status": "approved",
            "services": ["WEEDING"],
            "district_code": "41830",
            "province_code": "41",
            "date_from": "2026-03-01",
            "date_to": "2026-03-01",
            "page": 2,
            "page_size": 2,
        }
        listed = await client.get(BASE, params=filters, headers=admin_headers)
        found = await client.post(SEARCH, json={**filters, "search": "한결"}, headers=admin_headers)
        assert found.status_code == listed.status_code == 200, found.text
        assert found.json() == listed.json()
        assert len(found.json()["items"]) == 1
        assert found.json()["total"] == len(found_ones)

        await arrange("늘봄조경")  # passes every filter but the search
        assert (await client.get(BASE, params=filters, headers=admin_headers)).json()["total"] == 4
        again = await client.post(SEARCH, json={**filters, "search": "한결"}, headers=admin_headers)
        assert again.json()["total"] == 3
        assert again.json()["status_counts"] == found.json()["status_counts"]

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({}, "search"),
            ({"search": ""}, "search"),
            ({"search": "가" * 101}, "search"),
            ({"search": "한결", "status": "active"}, "status"),
            ({"search": "한결", "district_code": "4183"}, "district_code"),
            ({"search": "한결", "services": "WEEDING"}, "services"),
            ({"search": "한결", "date_from": "2026-03-02", "date_to": "2026-03-01"}, "date_to"),
            ({"search": "한결", "page_size": 101}, "page_size"),
            ({"search": "한결", "phone": "01012345678"}, "phone"),
        ],
        ids=lambda value: str(value)[:40] if isinstance(value, dict) else value,
    )
    async def test_bad_search_bodies_are_422(
        self, client: httpx.AsyncClient, admin_headers: dict[str, str], body: dict[str, Any], field: str
    ) -> None:
        response = await client.post(SEARCH, json=body, headers=admin_headers)
        assert response.status_code == 422, response.text
        error = response.json()
        assert (error["code"], bool(error["message"])) == ("validation_error", True)
        assert field in [detail["field"] for detail in error["details"]]

    async def test_a_search_in_the_url_is_refused(
        self, client: httpx.AsyncClient, admin_headers: dict[str, str]
    ) -> None:
        response = await client.get(BASE, params={"search": "01099998888"}, headers=admin_headers)
        assert response.status_code == 422
        assert response.json()["code"] == "search_in_url"

    async def test_services_any_of(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        weeding = await make_partner(session, services=("WEEDING",))
        plumbing = await make_partner(session, services=("PLUMBING_LEAK",))
        await make_partner(session, services=("DECK_WORK",))
        body = (await client.get(BASE, params={"services": ["WEEDING", "PLUMBING_LEAK"]}, headers=admin_headers)).json()
        assert {i["id"] for i in body["items"]} == {weeding.id, plumbing.id}

    async def test_region_filters_count_province_wide_regions(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        yangpyeong = await make_partner(session, regions=(("41", "41830"),))
        gyeonggi = await make_partner(session, regions=(("41", None),))
        gapyeong = await make_partner(session, regions=(("41", "41820"),))
        await make_partner(session, regions=(("11", None),))
        by_district = (await client.get(BASE, params={"district_code": "41830"}, headers=admin_headers)).json()
        assert {i["id"] for i in by_district["items"]} == {yangpyeong.id, gyeonggi.id}
        by_province = (await client.get(BASE, params={"province_code": "41"}, headers=admin_headers)).json()
        assert {i["id"] for i in by_province["items"]} == {yangpyeong.id, gyeonggi.id, gapyeong.id}

    async def test_date_range_uses_kst_days(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        late_evening = await make_partner(session, created_at=datetime(2026, 3, 1, 23, 30, tzinfo=KST))
        await make_partner(session, created_at=datetime(2026, 3, 2, 0, 10, tzinfo=KST))
        await make_partner(session, created_at=datetime(2026, 2, 28, 23, 59, tzinfo=KST))
        params = {"date_from": "2026-03-01", "date_to": "2026-03-01"}
        body = (await client.get(BASE, params=params, headers=admin_headers)).json()
        assert [i["id"] for i in body["items"]] == [late_evening.id]

    async def test_deleted_partners_are_hidden(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        await make_partner(session, deleted_at=datetime.now(UTC))
        body = (await client.get(BASE, headers=admin_headers)).json()
        assert body["total"] == 0

    @pytest.mark.parametrize(
        "params",
        [
            {"date_from": "2026-03-02", "date_to": "2026-03-01"},
            {"status": "active"},
            {"page_size": 101},
            {"district_code": "4183"},
            {"date_from": "yesterday"},
        ],
    )
    async def test_invalid_filters_are_422(
        self, client: httpx.AsyncClient, admin_headers: dict[str, str], params: dict[str, Any]
    ) -> None:
        response = await client.get(BASE, params=params, headers=admin_headers)
        assert response.status_code == 422
        assert response.json()["code"] == "validation_error"

    async def test_statement_count_does_not_grow_with_page_size(
        self, client: httpx.AsyncClient, session: AsyncSession, db: Database, admin_headers: dict[str, str]
    ) -> None:
        for i in range(22):
            await make_partner(session, services=("WEEDING", "TREE_PRUNING", "DECK_WORK")[: 1 + i % 3])
        counts = []
        for size in (5, 20):
            with count_statements(db.engine) as statements:
                response = await client.get(BASE, params={"page_size": size}, headers=admin_headers)
            assert response.status_code == 200
            assert len(response.json()["items"]) == size
            counts.append(len(statements))
        assert counts[0] == counts[1]
        assert counts[1] <= 6  # admin, counts, rows, services, service names (+ slack)


class TestGetPartner:
    async def test_detail_is_decrypted_with_regions_and_is_audited(
        self, client: httpx.AsyncClient, session: AsyncSession, admin: Admin, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(
            session,
            business_number="1234567891",
            regions=(("41", "41830"), ("41", "41820"), ("11", None)),
        )
        response = await client.get(f"{BASE}/{partner.id}", headers=admin_headers)
        assert response.status_code == 200
        body = response.json()
        assert body["representative_name"] == "이영희"
        assert body["business_number"] == "1234567891"
        assert body["address"] == "경기도 양평군 양평읍 강변로 5"
        assert body["contact_email"] == "partner@example.com"
        assert [s["code"] for s in body["services"]] == ["WEEDING", "TREE_PRUNING"]
        assert body["work_regions"] == [
            {
                "province_code": "41",
                "province_name": "경기도",
                "all_districts": False,
                "districts": [{"code": "41830", "name": "양평군"}, {"code": "41820", "name": "가평군"}],
            },
            {"province_code": "11", "province_name": "서울특별시", "all_districts": True, "districts": []},
        ]
        assert body["allowed_transitions"] == ["approved", "rejected"]
        assert body["business_registration"] is None
        assert body["notes_count"] == 0
        views = await audit_rows(session, partner.id, "view")
        assert len(views) == 1
        assert views[0].admin_id == admin.id

    async def test_embeds_notes_similar_partners_and_history_as_their_endpoints_answer(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, business_number="1234567891")
        twin = await make_partner(session, business_number="1234567891", company_name="쌍둥이조경")
        added = await client.post(f"{BASE}/{partner.id}/notes", json={"content": "연락 완료"}, headers=admin_headers)
        assert added.status_code == 201
        notes = (await client.get(f"{BASE}/{partner.id}/notes", headers=admin_headers)).json()
        similar = (await client.get(f"{BASE}/{partner.id}/similar-partners", headers=admin_headers)).json()
        activity = (
            await client.get(f"/api/v1/admin/audit-logs/entity/partner/{partner.id}?limit=100", headers=admin_headers)
        ).json()

        response = await client.get(f"{BASE}/{partner.id}", headers=admin_headers)

        assert response.status_code == 200, response.text
        body = response.json()
        assert body["notes"] == notes
        assert [n["content"] for n in body["notes"]] == ["연락 완료"]
        assert body["similar"] == similar
        assert [p["id"] for p in body["similar"]["similar_partners"]] == [twin.id]
        assert body["activity"] == activity
        assert activity["items"]

    async def test_unknown_or_deleted_is_404(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        deleted = await make_partner(session, deleted_at=datetime.now(UTC))
        for partner_id in (999_999, deleted.id):
            response = await client.get(f"{BASE}/{partner_id}", headers=admin_headers)
            assert response.status_code == 404
            assert response.json()["code"] == "partner_not_found"

    async def test_out_of_range_id_is_422(self, client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
        for partner_id in ("0", str(2**64)):
            response = await client.get(f"{BASE}/{partner_id}", headers=admin_headers)
            assert response.status_code == 422


class TestBusinessRegistration:
    async def test_download_streams_the_file_with_rfc6266_name_and_audits(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        app: FastAPI,
        admin: Admin,
        admin_headers: dict[str, str],
    ) -> None:
        partner = await make_partner(session)
        content = b"%PDF-1.4 test document"
        await attach_business_registration(
            session, app.state.storage, partner, data=content, original_name="한결 사업자등록증.pdf"
        )
        detail = (await client.get(f"{BASE}/{partner.id}", headers=admin_headers)).json()
        url = detail["business_registration"]["url"]
        assert url == f"{BASE}/{partner.id}/business-registration"
        assert detail["business_registration"]["original_name"] == "한결 사업자등록증.pdf"

        response = await client.get(url, headers=admin_headers)
        assert response.status_code == 200
        assert response.content == content
        assert response.headers["content-type"] == "application/pdf"
        disposition = response.headers["content-disposition"]
        assert disposition.startswith('attachment; filename="business_registration_')
        assert f"filename*=UTF-8''{quote('한결 사업자등록증.pdf', safe='')}" in disposition
        assert response.headers["cache-control"] == "no-store"
        downloads = await audit_rows(session, partner.id, "download")
        assert [d.admin_id for d in downloads] == [admin.id]

    async def test_without_file_is_404(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        response = await client.get(f"{BASE}/{partner.id}/business-registration", headers=admin_headers)
        assert response.status_code == 404
        assert response.json()["code"] == "business_registration_not_found"

    async def test_unknown_partner_is_404(self, client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
        response = await client.get(f"{BASE}/999999/business-registration", headers=admin_headers)
        assert response.json()["code"] == "partner_not_found"


class TestUpdatePartner:
    async def test_updates_fields_indexes_services_and_regions(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, company_name="옛이름조경")
        payload = {
            "company_name": "새이름조경",
            "representative_name": "박 민수",
            "contact_phone": "010-5555-4444",
            "business_number": "123-45-67891",
            "service_codes": ["DECK_WORK", "WEEDING"],
            "work_regions": [{"province_code": "41", "all_districts": True}],
            "version": 1,
        }
        response = await client.put(f"{BASE}/{partner.id}", json=payload, headers=admin_headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["version"] == 2
        assert body["company_name"] == "새이름조경"
        assert body["representative_name"] == "박 민수"
        assert body["contact_phone"] == "01055554444"
        assert body["business_number"] == "1234567891"
        assert [s["code"] for s in body["services"]] == ["DECK_WORK", "WEEDING"]
        assert body["work_regions"] == [
            {"province_code": "41", "province_name": "경기도", "all_districts": True, "districts": []}
        ]
        for term in ("새이름조경", "박민수", "01055554444", "4444", "1234567891"):
            found = (await client.post(SEARCH, json={"search": term}, headers=admin_headers)).json()
            assert [i["id"] for i in found["items"]] == [partner.id], term
        assert (await client.post(SEARCH, json={"search": "옛이름조경"}, headers=admin_headers)).json()["total"] == 0

    async def test_audit_masks_pii(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        payload = {"contact_phone": "01055554444", "remarks": "주말 작업 가능", "version": 1}
        assert (await client.put(f"{BASE}/{partner.id}", json=payload, headers=admin_headers)).status_code == 200
        (row,) = await audit_rows(session, partner.id, "update")
        assert row.after == {"contact_phone": "***", "remarks": "주말 작업 가능"}
        assert row.before is not None
        assert row.before["contact_phone"] == "***"

    async def test_only_services_changed_still_bumps_version(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        payload = {"service_codes": ["WEEDING"], "version": 1}
        body = (await client.put(f"{BASE}/{partner.id}", json=payload, headers=admin_headers)).json()
        assert body["version"] == 2
        assert [s["code"] for s in body["services"]] == ["WEEDING"]

    async def test_if_match_header_carries_the_version(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        headers = {**admin_headers, "If-Match": '"1"'}
        response = await client.put(f"{BASE}/{partner.id}", json={"remarks": "메모"}, headers=headers)
        assert response.status_code == 200
        assert response.json()["version"] == 2

    async def test_stale_version_is_409(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        first = await client.put(f"{BASE}/{partner.id}", json={"remarks": "A", "version": 1}, headers=admin_headers)
        assert first.status_code == 200
        stale = await client.put(f"{BASE}/{partner.id}", json={"remarks": "B", "version": 1}, headers=admin_headers)
        assert stale.status_code == 409
        assert stale.json()["code"] == "version_conflict"
        assert stale.json()["details"] == {"current_version": 2}

    async def test_nothing_changed_keeps_the_version(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, company_name="그대로조경")
        payload = {"company_name": "그대로조경", "version": 1}
        body = (await client.put(f"{BASE}/{partner.id}", json=payload, headers=admin_headers)).json()
        assert body["version"] == 1
        assert await audit_rows(session, partner.id, "update") == []

    @pytest.mark.parametrize(
        ("payload", "code"),
        [
            ({"remarks": "x"}, "version_required"),
            ({"company_name": None, "version": 1}, "validation_error"),
            ({"status": "approved", "version": 1}, "validation_error"),
            ({"contact_phone": "12345", "version": 1}, "validation_error"),
            ({"business_number": "123-45-67890", "version": 1}, "validation_error"),
            ({"service_codes": ["NOPE"], "version": 1}, "unknown_service"),
            ({"service_codes": [], "version": 1}, "validation_error"),
            ({"work_regions": [{"province_code": "41", "district_codes": ["11110"]}], "version": 1}, "invalid_region"),
        ],
    )
    async def test_invalid_input_is_422(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        admin_headers: dict[str, str],
        payload: dict[str, Any],
        code: str,
    ) -> None:
        partner = await make_partner(session)
        response = await client.put(f"{BASE}/{partner.id}", json=payload, headers=admin_headers)
        assert response.status_code == 422, response.text
        assert response.json()["code"] == code

    async def test_bad_if_match_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        headers = {**admin_headers, "If-Match": "*"}
        response = await client.put(f"{BASE}/{partner.id}", json={"remarks": "x"}, headers=headers)
        assert response.status_code == 422

    async def test_unknown_is_404(self, client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
        response = await client.put(f"{BASE}/999999", json={"remarks": "x", "version": 1}, headers=admin_headers)
        assert response.status_code == 404


TRANSITION_CASES = [
    (current, target, target in ALLOWED_TRANSITIONS[current]) for current in PartnerStatus for target in PartnerStatus
]


class TestChangeStatus:
    async def test_approve_sets_approver_writes_note_audit_and_publishes(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        admin: Admin,
        admin_headers: dict[str, str],
        published: list[events.PartnerStatusChanged],
    ) -> None:
        partner = await make_partner(session)
        payload = {"status": "approved", "send_sms": True, "version": 1}
        response = await client.post(f"{BASE}/{partner.id}/status", json=payload, headers=admin_headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["status"] == "approved"
        assert body["approved_by"] == admin.id
        assert body["approved_by_name"] == admin.name
        assert body["approved_at"] is not None
        assert body["version"] == 2
        assert body["notes_count"] == 1
        assert body["allowed_transitions"] == ["suspended", "inactive"]

        notes = (await session.scalars(select(PartnerNote).where(PartnerNote.partner_id == partner.id))).all()
        assert [(n.note_type, n.old_status, n.new_status, n.admin_id) for n in notes] == [
            ("status_change", "pending", "approved", admin.id)
        ]
        assert notes[0].content == "상태 변경: 대기중 → 승인됨"
        (audit,) = await audit_rows(session, partner.id, "status_change")
        assert audit.before == {"status": "pending", "status_reason": None}
        assert audit.after == {"status": "approved", "status_reason": None, "send_sms": True}
        assert published == [
            events.PartnerStatusChanged(
                partner_id=partner.id,
                from_status="pending",
                to_status="approved",
                reason=None,
                admin_id=admin.id,
                send_sms=True,
            )
        ]

    async def test_reject_needs_a_reason_and_stores_it(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        admin_headers: dict[str, str],
        published: list[events.PartnerStatusChanged],
    ) -> None:
        partner = await make_partner(session)
        url = f"{BASE}/{partner.id}/status"
        missing = await client.post(
            url, json={"status": "rejected", "reason": "  ", "version": 1}, headers=admin_headers
        )
        assert missing.status_code == 422
        assert missing.json()["code"] == "reason_required"
        assert published == []

        payload = {"status": "rejected", "reason": "서류 미비", "send_sms": False, "version": 1}
        body = (await client.post(url, json=payload, headers=admin_headers)).json()
        assert (body["status"], body["status_reason"], body["approved_by"]) == ("rejected", "서류 미비", None)
        assert published[0].reason == "서류 미비"
        assert published[0].send_sms is False
        notes = (await client.get(f"{BASE}/{partner.id}/notes", headers=admin_headers)).json()
        assert notes[0]["content"] == "상태 변경: 대기중 → 거절됨 (사유: 서류 미비)"

    async def test_reason_is_cleared_when_moving_on(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.SUSPENDED, status_reason="민원")
        payload = {"status": "approved", "version": 1}
        body = (await client.post(f"{BASE}/{partner.id}/status", json=payload, headers=admin_headers)).json()
        assert (body["status"], body["status_reason"]) == ("approved", None)

    @pytest.mark.parametrize(("current", "target", "allowed"), TRANSITION_CASES)
    async def test_transition_table(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        admin_headers: dict[str, str],
        current: PartnerStatus,
        target: PartnerStatus,
        allowed: bool,
    ) -> None:
        partner = await make_partner(session, status=current)
        payload = {"status": target.value, "reason": "사유", "send_sms": False, "version": 1}
        response = await client.post(f"{BASE}/{partner.id}/status", json=payload, headers=admin_headers)
        if allowed:
            assert response.status_code == 200, response.text
            assert response.json()["status"] == target.value
        else:
            assert response.status_code == 409
            body = response.json()
            assert body["code"] == "invalid_transition"
            assert body["details"] == {
                "from": current.value,
                "to": target.value,
                "allowed": [s.value for s in ALLOWED_TRANSITIONS[current]],
            }
            assert (await fresh(session, partner.id)).status == current

    async def test_idempotency_key_replays_without_a_second_change(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        admin_headers: dict[str, str],
        published: list[events.PartnerStatusChanged],
    ) -> None:
        partner = await make_partner(session)
        url = f"{BASE}/{partner.id}/status"
        headers = {**admin_headers, "Idempotency-Key": "approve-once"}
        payload = {"status": "approved", "send_sms": True, "version": 1}
        first = await client.post(url, json=payload, headers=headers)
        again = await client.post(url, json=payload, headers=headers)
        assert (first.status_code, again.status_code) == (200, 200)
        assert again.json()["status"] == "approved"
        assert again.json()["version"] == first.json()["version"] == 2
        assert len(published) == 1
        assert len(await audit_rows(session, partner.id, "status_change")) == 1
        other_body = await client.post(url, json={**payload, "send_sms": False}, headers=headers)
        assert other_body.status_code == 422
        assert other_body.json()["code"] == "idempotency_key_reused"

    async def test_version_is_checked_before_the_transition(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        payload = {"status": "pending", "version": 7}
        response = await client.post(f"{BASE}/{partner.id}/status", json=payload, headers=admin_headers)
        assert response.status_code == 409
        assert response.json()["code"] == "version_conflict"

    async def test_if_match_and_missing_version(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        url = f"{BASE}/{partner.id}/status"
        missing = await client.post(url, json={"status": "approved"}, headers=admin_headers)
        assert missing.status_code == 422
        assert missing.json()["code"] == "version_required"
        ok = await client.post(url, json={"status": "approved"}, headers={**admin_headers, "If-Match": 'W/"1"'})
        assert ok.status_code == 200

    async def test_unknown_status_is_422_and_unknown_partner_404(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        bad = await client.post(
            f"{BASE}/{partner.id}/status", json={"status": "active", "version": 1}, headers=admin_headers
        )
        assert bad.status_code == 422
        missing = await client.post(
            f"{BASE}/999999/status", json={"status": "approved", "version": 1}, headers=admin_headers
        )
        assert missing.status_code == 404


class TestSimilarPartners:
    async def test_same_business_number_or_phone(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        number = business_number()
        partner = await make_partner(session, contact_phone="01012121212", business_number=number)
        same_number = await make_partner(session, business_number=number, status=PartnerStatus.REJECTED)
        same_phone = await make_partner(session, contact_phone="01012121212", status=PartnerStatus.APPROVED)
        await make_partner(session, contact_phone="01012121212", deleted_at=datetime.now(UTC))
        await make_partner(session)
        body = (await client.get(f"{BASE}/{partner.id}/similar-partners", headers=admin_headers)).json()
        assert body["partner_id"] == partner.id
        assert body["total"] == 2
        found = {p["id"]: p for p in body["similar_partners"]}
        assert set(found) == {same_number.id, same_phone.id}
        assert found[same_number.id]["matched_on"] == ["business_number"]
        assert found[same_number.id]["status_label"] == "거절됨"
        assert found[same_phone.id]["matched_on"] == ["phone"]
        assert found[same_phone.id]["status_label"] == "승인됨"

    async def test_at_most_five(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, contact_phone="01034343434")
        for _ in range(7):
            await make_partner(session, contact_phone="01034343434")
        body = (await client.get(f"{BASE}/{partner.id}/similar-partners", headers=admin_headers)).json()
        assert body["total"] == 5

    async def test_unknown_is_404(self, client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
        response = await client.get(f"{BASE}/999999/similar-partners", headers=admin_headers)
        assert response.status_code == 404


class TestNotes:
    async def test_add_list_and_delete_own(
        self, client: httpx.AsyncClient, session: AsyncSession, admin: Admin, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        url = f"{BASE}/{partner.id}/notes"
        first = await client.post(url, json={"content": "첫 통화 완료"}, headers=admin_headers)
        assert first.status_code == 201
        assert first.json()["admin_name"] == admin.name
        assert first.json()["note_type"] == "memo"
        second = (await client.post(url, json={"content": "서류 요청"}, headers=admin_headers)).json()
        listed = (await client.get(url, headers=admin_headers)).json()
        assert [n["id"] for n in listed] == [second["id"], first.json()["id"]]
        assert len(await audit_rows(session, partner.id, "note_create")) == 2

        deleted = await client.delete(f"{url}/{second['id']}", headers=admin_headers)
        assert deleted.status_code == 204
        assert [n["id"] for n in (await client.get(url, headers=admin_headers)).json()] == [first.json()["id"]]
        row = await session.get(PartnerNote, second["id"])
        assert row is not None
        await session.refresh(row)
        assert row.deleted_at is not None  # soft
        assert len(await audit_rows(session, partner.id, "note_delete")) == 1
        again = await client.delete(f"{url}/{second['id']}", headers=admin_headers)
        assert again.status_code == 404

    async def test_others_notes_only_by_super_admin(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        admin_headers: dict[str, str],
        sa_headers: dict[str, str],
    ) -> None:
        partner = await make_partner(session)
        other = await make_admin(session, name="다른관리자")
        url = f"{BASE}/{partner.id}/notes"
        note = (await client.post(url, json={"content": "다른 사람 메모"}, headers=auth_headers(other))).json()
        refused = await client.delete(f"{url}/{note['id']}", headers=admin_headers)
        assert refused.status_code == 403
        assert refused.json()["code"] == "note_forbidden"
        assert (await client.delete(f"{url}/{note['id']}", headers=sa_headers)).status_code == 204

    async def test_status_change_notes_are_kept(
        self, client: httpx.AsyncClient, session: AsyncSession, sa_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        await client.post(f"{BASE}/{partner.id}/status", json={"status": "approved", "version": 1}, headers=sa_headers)
        (note,) = (await client.get(f"{BASE}/{partner.id}/notes", headers=sa_headers)).json()
        response = await client.delete(f"{BASE}/{partner.id}/notes/{note['id']}", headers=sa_headers)
        assert response.status_code == 409
        assert response.json()["code"] == "note_not_deletable"

    async def test_refusals(
        self, client: httpx.AsyncClient, session: AsyncSession, admin_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        other = await make_partner(session)
        url = f"{BASE}/{partner.id}/notes"
        assert (await client.post(url, json={"content": "  "}, headers=admin_headers)).status_code == 422
        assert (await client.post(url, json={"content": "x" * 2001}, headers=admin_headers)).status_code == 422
        assert (await client.get(f"{BASE}/999999/notes", headers=admin_headers)).status_code == 404
        missing = await client.post(f"{BASE}/999999/notes", json={"content": "메모"}, headers=admin_headers)
        assert missing.status_code == 404
        note = (await client.post(url, json={"content": "메모"}, headers=admin_headers)).json()
        wrong_partner = await client.delete(f"{BASE}/{other.id}/notes/{note['id']}", headers=admin_headers)
        assert wrong_partner.status_code == 404
        assert wrong_partner.json()["code"] == "partner_note_not_found"


class TestDeletePartner:
    async def test_soft_delete_hides_and_audits(
        self, client: httpx.AsyncClient, session: AsyncSession, sa_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session)
        response = await client.delete(f"{BASE}/{partner.id}", headers=sa_headers)
        assert response.status_code == 204
        assert (await fresh(session, partner.id)).deleted_at is not None
        assert (await client.get(f"{BASE}/{partner.id}", headers=sa_headers)).status_code == 404
        assert len(await audit_rows(session, partner.id, "delete")) == 1
        assert (await client.delete(f"{BASE}/{partner.id}", headers=sa_headers)).status_code == 404

    async def test_refused_with_active_assignments(
        self, client: httpx.AsyncClient, session: AsyncSession, sa_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        application = await make_application(session, status=ApplicationStatus.SCHEDULED)
        await make_assignment(
            session, application, partner, status=AssignmentStatus.SCHEDULED, scheduled_date=date(2026, 3, 3)
        )
        response = await client.delete(f"{BASE}/{partner.id}", headers=sa_headers)
        assert response.status_code == 409
        assert response.json()["code"] == "partner_has_active_assignments"
        assert response.json()["details"] == {"active_assignments": 1}

    async def test_finished_assignments_do_not_block(
        self, client: httpx.AsyncClient, session: AsyncSession, sa_headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        application = await make_application(session, status=ApplicationStatus.COMPLETED)
        await make_assignment(session, application, partner, status=AssignmentStatus.COMPLETED)
        assert (await client.delete(f"{BASE}/{partner.id}", headers=sa_headers)).status_code == 204


class TestAuditedReadsCommit:
    @pytest.mark.committing
    async def test_view_audit_commits_from_a_read_only_request(self, client: httpx.AsyncClient, db: Database) -> None:
        async with db.transaction() as s:
            reader = await quick_admin(s, role=AdminRole.ADMIN, name="조회관리자")
            partner = await make_partner(s)
        response = await client.get(f"{BASE}/{partner.id}", headers=auth_headers(reader))
        assert response.status_code == 200
        async with db.transaction(read_only=True) as s:
            views = await audit_rows(s, partner.id, "view")
        assert [v.admin_id for v in views] == [reader.id]
