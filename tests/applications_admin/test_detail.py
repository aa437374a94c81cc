from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa import events
from jibsa.core.crypto import blind_index
from jibsa.core.db import Database
from jibsa.models import (
    Admin,
    AdminRole,
    Application,
    ApplicationNote,
    ApplicationPhoto,
    ApplicationStatus,
    ApplicationStatusChange,
    AssignmentStatus,
    AuditLog,
    PartnerStatus,
    StoredFile,
)
from tests.eventlog import EventLog
from tests.factories import auth_headers, make_application, make_assignment, make_partner, quick_admin

URL = "/api/v1/admin/applications"


async def audit_rows(session: AsyncSession, entity_type: str, entity_id: int) -> list[AuditLog]:
    stmt = select(AuditLog).where(AuditLog.entity_type == entity_type, AuditLog.entity_id == entity_id)
    return list((await session.scalars(stmt.order_by(AuditLog.id))).all())


async def fresh(session: AsyncSession, application: Application) -> Application:
    stmt = select(Application).where(Application.id == application.id).execution_options(populate_existing=True)
    return (await session.scalars(stmt)).one()


class TestDetail:
    async def test_decrypted_with_services_photos_assignments_and_history(
        self, client: httpx.AsyncClient, session: AsyncSession, admin: Admin, headers: dict[str, str]
    ) -> None:
        application = await make_application(
            session, services=["WEEDING", "TREE_PRUNING"], customer_phone="01012345678"
        )
        photo = StoredFile(
            kind="application_photo", storage_key="x/1.webp", content_type="image/webp", size_bytes=1, sha256="0"
        )
        session.add(photo)
        await session.flush()
        session.add(ApplicationPhoto(application_id=application.id, file_id=photo.id, position=0))
        partner = await make_partner(
            session, status=PartnerStatus.APPROVED, company_name="초록조경", contact_phone="0317654321"
        )
        await make_assignment(session, application, partner, services=["WEEDING"])
        session.add(ApplicationNote(application_id=application.id, admin_id=admin.id, admin_name="x", content="메모"))
        await session.flush()

        response = await client.get(f"{URL}/{application.id}", headers=headers)

        assert response.status_code == 200, response.text
        body = response.json()
        assert body["customer_name"] == "홍길동"
        assert body["customer_phone"] == "010-1234-5678"
        assert body["address_detail"] == "101동"
        assert body["district_name"] == "경기 양평군"
        assert [s["code"] for s in body["services"]] == ["WEEDING", "TREE_PRUNING"]
        assert body["photos"] == [
            {
                "file_id": photo.id,
                "url": f"/api/v1/admin/files/{photo.id}",
                "thumbnail_url": f"/api/v1/admin/files/{photo.id}?variant=thumbnail",
            }
        ]
        (assignment,) = body["assignments"]
        assert assignment["partner_name"] == "초록조경"
        assert assignment["partner_phone"] == "031-765-4321"
        assert assignment["services"] == [{"code": "WEEDING", "name": "제초 작업"}]
        assert body["notes_count"] == 1
        assert body["allowed_transitions"] == ["consulting", "cancelled"]
        assert body["version"] == 1

    async def test_photos_and_each_assignments_services_keep_their_own_order(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        # The detail reads services, photos and assignments' services in one UNION ALL: each list must come back
        # complete, in its own order, and attached to the right owner.
        application = await make_application(session, services=["TREE_PRUNING", "WEEDING"])
        files = [
            StoredFile(
                kind="application_photo", storage_key=f"x/{i}.webp", content_type="image/webp", size_bytes=1, sha256="0"
            )
            for i in range(3)
        ]
        session.add_all(files)
        await session.flush()
        for file, position in zip(files, (2, 0, 1), strict=True):
            session.add(ApplicationPhoto(application_id=application.id, file_id=file.id, position=position))
        first = await make_partner(session, status=PartnerStatus.APPROVED)
        second = await make_partner(session, status=PartnerStatus.APPROVED)
        await make_assignment(session, application, first, services=["WEEDING", "TREE_PRUNING"])
        await make_assignment(session, application, second, services=["TREE_PRUNING"])
        await session.flush()

        body = (await client.get(f"{URL}/{application.id}", headers=headers)).json()

        assert [s["code"] for s in body["services"]] == ["TREE_PRUNING", "WEEDING"]
        assert [p["file_id"] for p in body["photos"]] == [files[1].id, files[2].id, files[0].id]
        assert [[s["code"] for s in a["services"]] for a in body["assignments"]] == [
            ["WEEDING", "TREE_PRUNING"],
            ["TREE_PRUNING"],
        ]
        listed = (await client.get(f"{URL}/{application.id}/assignments", headers=headers)).json()
        assert [a["services"] for a in listed] == [a["services"] for a in body["assignments"]]

    async def test_embeds_each_section_as_its_own_endpoint_answers(
        self, client: httpx.AsyncClient, session: AsyncSession, admin: Admin, headers: dict[str, str]
    ) -> None:
        earlier = await make_application(session, customer_phone="01033334444", status=ApplicationStatus.COMPLETED)
        application = await make_application(session, customer_phone="01033334444")
        for text in ("첫 메모", "둘째 메모"):
            added = await client.post(f"{URL}/{application.id}/notes", json={"content": text}, headers=headers)
            assert added.status_code == 201
        assert (await client.get(f"{URL}/{application.id}", headers=headers)).status_code == 200  # an audited view
        notes = (await client.get(f"{URL}/{application.id}/notes?page=1&page_size=100", headers=headers)).json()
        history = (await client.get(f"{URL}/{application.id}/customer-history", headers=headers)).json()
        activity = (
            await client.get(f"/api/v1/admin/audit-logs/entity/application/{application.id}?limit=100", headers=headers)
        ).json()

        response = await client.get(f"{URL}/{application.id}", headers=headers)

        assert response.status_code == 200, response.text
        body = response.json()
        assert body["notes"] == notes
        assert [n["content"] for n in body["notes"]["items"]] == ["둘째 메모", "첫 메모"]
        assert body["customer_history"] == history
        assert [a["id"] for a in body["customer_history"]["applications"]] == [application.id, earlier.id]
        # Read before this view is recorded: the earlier view only.
        assert body["activity"] == activity
        assert [e["action"] for e in body["activity"]["items"]] == ["view"]

    async def test_reading_personal_data_is_audited(
        self, client: httpx.AsyncClient, session: AsyncSession, admin: Admin, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        await client.get(f"{URL}/{application.id}", headers=headers)
        (row,) = await audit_rows(session, "application", application.id)
        assert (row.action, row.admin_id) == ("view", admin.id)

    async def test_unknown_or_deleted_is_404(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        deleted = await make_application(session, deleted_at=datetime.now(UTC))
        for application_id in (999_999, deleted.id):
            response = await client.get(f"{URL}/{application_id}", headers=headers)
            assert response.status_code == 404
            assert response.json()["code"] == "application_not_found"


class TestUpdateFields:
    async def test_edits_fields_and_audits_with_pii_masked(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.put(
            f"{URL}/{application.id}",
            json={
                "version": 1,
                "address_detail": "202동 3호",
                "customer_phone": "010-2222-3333",
                "preferred_work_date": "2030-01-02",
            },
            headers=headers,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["address_detail"], body["customer_phone"], body["preferred_work_date"]) == (
            "202동 3호",
            "010-2222-3333",
            "2030-01-02",
        )
        assert body["version"] == 2
        (row,) = await audit_rows(session, "application", application.id)
        assert row.action == "update"
        assert row.after == {"address_detail": "***", "customer_phone": "***", "preferred_work_date": "2030-01-02"}
        assert "2222" not in str(row.before) + str(row.after) + row.summary
        stored = await fresh(session, application)
        assert stored.phone_bidx == blind_index("phone", "01022223333")
        assert stored.phone_last4_bidx == blind_index("phone_last4", "3333")
        found = await client.post(f"{URL}/search", json={"search": "3333"}, headers=headers)
        assert [i["id"] for i in found.json()["items"]] == [application.id]

    async def test_version_from_if_match(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.put(
            f"{URL}/{application.id}", json={"description": "다시 씀"}, headers={**headers, "If-Match": '"1"'}
        )
        assert response.status_code == 200
        assert response.json()["description"] == "다시 씀"

    async def test_without_version_is_428(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.put(f"{URL}/{application.id}", json={"description": "x"}, headers=headers)
        assert response.status_code == 428
        assert response.json()["code"] == "version_required"

    async def test_stale_version_is_409_before_anything_else(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        ok = await client.put(f"{URL}/{application.id}", json={"version": 1, "description": "첫 수정"}, headers=headers)
        assert ok.status_code == 200
        # A forbidden transition and a missing reason, but the stale version is what the client hears about.
        stale = await client.put(f"{URL}/{application.id}", json={"version": 1, "status": "completed"}, headers=headers)
        assert stale.status_code == 409
        assert stale.json()["code"] == "version_conflict"
        assert stale.json()["details"]["current_version"] == 2

    async def test_required_fields_cannot_be_cleared(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.put(f"{URL}/{application.id}", json={"version": 1, "address": None}, headers=headers)
        assert response.status_code == 422
        assert response.json()["details"][0]["field"] == "address"

    async def test_unknown_district_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.put(
            f"{URL}/{application.id}", json={"version": 1, "district_code": "99999"}, headers=headers
        )
        assert response.status_code == 422
        assert response.json()["code"] == "unknown_district"

    async def test_unknown_is_404(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.put(f"{URL}/424242", json={"version": 1}, headers=headers)
        assert response.status_code == 404


class TestStatusChange:
    async def put_status(
        self, client: httpx.AsyncClient, application: Application, headers: dict[str, str], version: int, **body: object
    ) -> httpx.Response:
        return await client.put(f"{URL}/{application.id}", json={"version": version, **body}, headers=headers)

    async def test_new_to_consulting_records_history_audit_and_event(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        admin: Admin,
        headers: dict[str, str],
        published: EventLog,
    ) -> None:
        application = await make_application(session)
        response = await self.put_status(client, application, headers, 1, status="consulting", send_sms=True)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "consulting"
        assert response.json()["status_history"][-1]["admin_name"] == admin.name
        (change,) = (
            await session.scalars(
                select(ApplicationStatusChange).where(ApplicationStatusChange.application_id == application.id)
            )
        ).all()
        assert (change.from_status, change.to_status, change.source, change.admin_id) == (
            "new",
            "consulting",
            "admin",
            admin.id,
        )
        assert [r.action for r in await audit_rows(session, "application", application.id)] == ["status_change"]
        assert published.of(events.ApplicationStatusChanged) == [
            events.ApplicationStatusChanged(
                application_id=application.id,
                from_status="new",
                to_status="consulting",
                admin_id=admin.id,
                send_sms=True,
            )
        ]

    async def test_forbidden_transition_is_409_with_allowed_targets(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await self.put_status(client, application, headers, 1, status="completed")
        assert response.status_code == 409
        body = response.json()
        assert body["code"] == "invalid_transition"
        assert body["details"] == {"from": "new", "to": "completed", "allowed": ["consulting", "cancelled"]}

    async def test_assigned_without_assignments_is_409(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.CONSULTING)
        response = await self.put_status(client, application, headers, 1, status="assigned")
        assert response.status_code == 409
        assert response.json()["code"] == "invalid_transition"

    async def test_cancel_needs_a_reason(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await self.put_status(client, application, headers, 1, status="cancelled", reason="  ")
        assert response.status_code == 422
        assert response.json()["code"] == "reason_required"

    async def test_cancel_sets_timestamps_and_cancels_open_assignments(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], published: EventLog
    ) -> None:
        application = await make_application(
            session, services=["WEEDING", "TREE_PRUNING"], status=ApplicationStatus.SCHEDULED
        )
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        open_one = await make_assignment(
            session, application, partner, services=["WEEDING"], status=AssignmentStatus.SCHEDULED
        )
        done = await make_assignment(
            session, application, partner, services=["TREE_PRUNING"], status=AssignmentStatus.COMPLETED
        )
        response = await self.put_status(
            client, application, headers, 1, status="cancelled", reason="고객 요청", send_sms=True
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["status"], body["cancel_reason"]) == ("cancelled", "고객 요청")
        assert body["cancelled_at"] is not None
        statuses = {a["id"]: a["status"] for a in body["assignments"]}
        assert statuses == {open_one.id: "cancelled", done.id: "completed"}
        cancelled = published.of(events.AssignmentCancelled)
        assert [(e.assignment_id, e.send_sms, e.reason) for e in cancelled] == [(open_one.id, False, "고객 요청")]
        assert published.of(events.ApplicationStatusChanged)[0].send_sms is True

    async def test_reopen_cancelled_needs_a_reason_and_clears_cancellation(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        await self.put_status(client, application, headers, 1, status="cancelled", reason="중복 신청")
        no_reason = await self.put_status(client, application, headers, 2, status="consulting")
        assert no_reason.status_code == 422
        reopened = await self.put_status(client, application, headers, 2, status="consulting", reason="고객 재문의")
        assert reopened.status_code == 200
        assert (reopened.json()["status"], reopened.json()["cancelled_at"], reopened.json()["cancel_reason"]) == (
            "consulting",
            None,
            None,
        )

    async def test_completed_reopens_only_for_a_super_admin(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        headers: dict[str, str],
        super_headers: dict[str, str],
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.COMPLETED)
        refused = await self.put_status(client, application, headers, 1, status="consulting", reason="재시공")
        assert refused.status_code == 403
        assert refused.json()["code"] == "super_admin_required"
        other = await self.put_status(client, application, super_headers, 1, status="cancelled", reason="x")
        assert other.status_code == 409
        reopened = await self.put_status(client, application, super_headers, 1, status="consulting", reason="재시공")
        assert reopened.status_code == 200
        assert reopened.json()["completed_at"] is None

    async def test_manual_scheduled_and_completed_push_down(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], published: EventLog
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.ASSIGNED)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        assignment = await make_assignment(session, application, partner)

        scheduled = await self.put_status(client, application, headers, 1, status="scheduled", send_sms=True)
        assert scheduled.status_code == 200, scheduled.text
        assert scheduled.json()["assignments"][0]["status"] == "scheduled"
        completed = await self.put_status(client, application, headers, 2, status="completed")
        assert completed.status_code == 200
        body = completed.json()
        assert body["assignments"][0]["status"] == "completed"
        assert body["completed_at"] is not None
        assert [e.assignment_id for e in published.of(events.AssignmentScheduled)] == [assignment.id]
        assert [e.send_sms for e in published.of(events.AssignmentCompleted)] == [False]
        assert [(c["from_status"], c["to_status"]) for c in body["status_history"]] == [
            ("assigned", "scheduled"),
            ("scheduled", "completed"),
        ]

    async def test_same_status_is_a_no_op(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await self.put_status(client, application, headers, 1, status="new")
        assert response.status_code == 200
        assert response.json()["version"] == 1


class TestDelete:
    async def test_super_admin_soft_deletes(
        self, client: httpx.AsyncClient, session: AsyncSession, super_headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.delete(f"{URL}/{application.id}", headers=super_headers)
        assert response.status_code == 204
        assert (await fresh(session, application)).deleted_at is not None
        assert (await client.get(f"{URL}/{application.id}", headers=super_headers)).status_code == 404
        assert (await audit_rows(session, "application", application.id))[0].action == "delete"

    async def test_admin_is_403(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.delete(f"{URL}/{application.id}", headers=headers)
        assert response.status_code == 403

    async def test_stale_if_match_is_409(
        self, client: httpx.AsyncClient, session: AsyncSession, super_headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.delete(f"{URL}/{application.id}", headers={**super_headers, "If-Match": "7"})
        assert response.status_code == 409

    async def test_unknown_is_404(self, client: httpx.AsyncClient, super_headers: dict[str, str]) -> None:
        assert (await client.delete(f"{URL}/777777", headers=super_headers)).status_code == 404


class TestNotes:
    async def test_add_list_newest_first(
        self, client: httpx.AsyncClient, session: AsyncSession, admin: Admin, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        for text in ("첫 통화", "두 번째 통화"):
            created = await client.post(f"{URL}/{application.id}/notes", json={"content": text}, headers=headers)
            assert created.status_code == 201
            assert created.json()["admin_name"] == admin.name
        listed = await client.get(f"{URL}/{application.id}/notes", headers=headers)
        assert [n["content"] for n in listed.json()["items"]] == ["두 번째 통화", "첫 통화"]
        assert listed.json()["total"] == 2
        assert [r.action for r in await audit_rows(session, "application_note", created.json()["id"])] == ["create"]

    @pytest.mark.parametrize(
        ("page", "page_size", "items", "total_pages"),
        [(1, 2, 2, 3), (2, 2, 2, 3), (3, 2, 1, 3), (4, 2, 0, 3), (1, 10, 5, 1), (2, 5, 0, 1)],
    )
    async def test_total_on_every_page(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        admin: Admin,
        headers: dict[str, str],
        page: int,
        page_size: int,
        items: int,
        total_pages: int,
    ) -> None:
        application = await make_application(session)
        for i in range(5):
            session.add(
                ApplicationNote(application_id=application.id, admin_id=admin.id, admin_name="x", content=f"{i}")
            )
        session.add(
            ApplicationNote(
                application_id=application.id,
                admin_id=admin.id,
                admin_name="x",
                content="숨김",
                deleted_at=datetime.now(UTC),
            )
        )
        await session.flush()
        body = (
            await client.get(f"{URL}/{application.id}/notes?page={page}&page_size={page_size}", headers=headers)
        ).json()
        assert (len(body["items"]), body["total"], body["total_pages"]) == (items, 5, total_pages)

    async def test_empty_or_markup_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        for content in ("", "<script>alert(1)</script>"):
            response = await client.post(f"{URL}/{application.id}/notes", json={"content": content}, headers=headers)
            assert response.status_code == 422

    async def test_delete_own_not_others_unless_super_admin(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        headers: dict[str, str],
        super_headers: dict[str, str],
    ) -> None:
        application = await make_application(session)
        other = auth_headers(await quick_admin(session))
        mine = (await client.post(f"{URL}/{application.id}/notes", json={"content": "내 메모"}, headers=headers)).json()
        theirs = (await client.post(f"{URL}/{application.id}/notes", json={"content": "남 메모"}, headers=other)).json()

        refused = await client.delete(f"{URL}/{application.id}/notes/{theirs['id']}", headers=headers)
        assert refused.status_code == 403
        assert refused.json()["code"] == "note_not_owner"
        assert (await client.delete(f"{URL}/{application.id}/notes/{mine['id']}", headers=headers)).status_code == 204
        assert (
            await client.delete(f"{URL}/{application.id}/notes/{theirs['id']}", headers=super_headers)
        ).status_code == 204
        assert (await client.get(f"{URL}/{application.id}/notes", headers=headers)).json()["total"] == 0
        again = await client.delete(f"{URL}/{application.id}/notes/{mine['id']}", headers=headers)
        assert again.status_code == 404
        assert again.json()["code"] == "note_not_found"
        # Soft: the rows are still there.
        rows = (
            await session.scalars(select(ApplicationNote).where(ApplicationNote.application_id == application.id))
        ).all()
        assert len(rows) == 2

    async def test_unknown_application_is_404(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        assert (await client.get(f"{URL}/5555555/notes", headers=headers)).status_code == 404
        assert (await client.post(f"{URL}/5555555/notes", json={"content": "x"}, headers=headers)).status_code == 404


class TestCustomerHistory:
    async def test_same_phone_newest_first_with_current_marked(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        first = await make_application(session, customer_phone="01033334444", status=ApplicationStatus.COMPLETED)
        current = await make_application(session, customer_phone="01033334444", services=["SINK"])
        await make_application(session, customer_phone="01099990000")
        response = await client.get(f"{URL}/{current.id}/customer-history", headers=headers)
        assert response.status_code == 200
        body = response.json()
        assert body["customer_phone_masked"] == "010-****-4444"
        assert body["total_applications"] == 2
        assert [(a["id"], a["is_current"]) for a in body["applications"]] == [(current.id, True), (first.id, False)]
        assert body["applications"][0]["services"] == [{"code": "SINK", "name": "씽크대"}]

    async def test_unknown_is_404(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        assert (await client.get(f"{URL}/5555555/customer-history", headers=headers)).status_code == 404


ROUTES = [
    ("GET", URL),
    ("GET", f"{URL}/status-counts"),
    ("GET", f"{URL}/1"),
    ("PUT", f"{URL}/1"),
    ("DELETE", f"{URL}/1"),
    ("GET", f"{URL}/1/notes"),
    ("POST", f"{URL}/1/notes"),
    ("DELETE", f"{URL}/1/notes/1"),
    ("GET", f"{URL}/1/customer-history"),
    ("GET", f"{URL}/1/assignments"),
    ("POST", f"{URL}/1/assignments"),
    ("PATCH", f"{URL}/1/assignments/batch-status"),
    ("PUT", f"{URL}/1/assignments/1"),
    ("DELETE", f"{URL}/1/assignments/1?reason=x"),
    ("POST", f"{URL}/1/assignments/1/cancel"),
    ("POST", f"{URL}/1/assignments/1/send-sms?target=customer"),
    ("POST", f"{URL}/bulk-assign"),
    ("GET", f"{URL}/1/partner-ranking"),
    ("GET", "/api/v1/admin/files/1"),
]


class TestAuth:
    @pytest.mark.parametrize(("method", "path"), ROUTES)
    async def test_every_route_needs_a_token(self, client: httpx.AsyncClient, method: str, path: str) -> None:
        response = await client.request(method, path, json={})
        assert response.status_code == 401
        bad = await client.request(method, path, json={}, headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401

    async def test_delete_is_super_admin_only(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        response = await client.delete(f"{URL}/1", headers=headers)
        assert response.status_code == 403
        assert response.json()["code"] == "super_admin_required"


@pytest.mark.committing
class TestAuditedReadForReal:
    async def test_the_view_is_committed_and_a_missing_one_records_nothing(
        self, client: httpx.AsyncClient, db: Database
    ) -> None:
        async with db.transaction() as session:
            reader = await quick_admin(session, role=AdminRole.ADMIN)
            application = await make_application(session)
        headers = auth_headers(reader)

        assert (await client.get(f"{URL}/{application.id}", headers=headers)).status_code == 200
        assert (await client.get(f"{URL}/{application.id + 1000}", headers=headers)).status_code == 404

        async with db.transaction(read_only=True) as session:
            views = (await session.scalars(select(AuditLog).where(AuditLog.action == "view"))).all()
            assert [(v.entity_id, v.admin_id) for v in views] == [(application.id, reader.id)]

    async def test_postgresql_runs_it_statement_by_statement(self, db: Database) -> None:
        if db.is_sqlite:
            pytest.skip("SQLite keeps a writer's transaction for it")
        async with db.transaction(audited_read=True) as session:
            await session.execute(select(AuditLog.id).limit(1))
            raw = await (await session.connection()).get_raw_connection()
            assert raw.driver_connection is not None
            assert not raw.driver_connection.is_in_transaction()  # no BEGIN/COMMIT round trips
