from __future__ import annotations

from datetime import date

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa import events
from jibsa.models import (
    Admin,
    Application,
    ApplicationStatus,
    AssignmentStatus,
    AuditLog,
    PartnerStatus,
    SmsMessage,
    SmsTemplate,
    TriggerSource,
)
from tests.eventlog import EventLog
from tests.factories import make_application, make_assignment, make_partner

URL = "/api/v1/admin/applications"
DAY = date(2030, 4, 1)


def assignments_url(application: Application) -> str:
    return f"{URL}/{application.id}/assignments"


async def status_of(session: AsyncSession, application: Application) -> str:
    stmt = select(Application.status).where(Application.id == application.id)
    return str(await session.scalar(stmt))


class TestList:
    async def test_all_assignments_with_partner_and_service_names(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, services=["WEEDING", "TREE_PRUNING"])
        partner = await make_partner(
            session, status=PartnerStatus.APPROVED, company_name="초록조경", contact_phone="01022223333"
        )
        first = await make_assignment(session, application, partner, services=["WEEDING"])
        second = await make_assignment(
            session, application, partner, services=["TREE_PRUNING"], status=AssignmentStatus.CANCELLED
        )
        response = await client.get(assignments_url(application), headers=headers)
        assert response.status_code == 200
        body = response.json()
        assert [a["id"] for a in body] == [first.id, second.id]
        assert body[0]["partner_name"] == "초록조경"
        assert body[0]["partner_phone"] == "010-2222-3333"
        assert body[0]["services"] == [{"code": "WEEDING", "name": "제초 작업"}]
        assert body[1]["status_label"] == "취소"

    async def test_unknown_application_is_404(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.get(f"{URL}/9999999/assignments", headers=headers)
        assert response.status_code == 404
        assert response.json()["code"] == "application_not_found"


class TestCreate:
    async def test_pending_assignment_moves_a_new_application_to_assigned(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        admin: Admin,
        headers: dict[str, str],
        published: EventLog,
    ) -> None:
        application = await make_application(session, services=["WEEDING", "TREE_PRUNING"])
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        response = await client.post(
            assignments_url(application),
            json={"partner_id": partner.id, "service_codes": ["WEEDING"], "estimated_cost": 150000, "send_sms": True},
            headers=headers,
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["assignment"]["status"] == "pending"
        assert body["assignment"]["services"] == [{"code": "WEEDING", "name": "제초 작업"}]
        assert body["assignment"]["estimated_cost"] == 150000
        assert body["application_status"] == "assigned"
        assert body["application_version"] == 2
        assert body["schedule_conflicts"] == []
        (created,) = published.of(events.AssignmentCreated)
        assert (created.assignment_id, created.send_sms, created.admin_id) == (
            body["assignment"]["id"],
            True,
            admin.id,
        )
        (derived,) = published.of(events.ApplicationStatusChanged)
        assert (derived.from_status, derived.to_status, derived.derived, derived.send_sms) == (
            "new",
            "assigned",
            True,
            False,
        )
        stored = (await session.scalars(select(Application).where(Application.id == application.id))).one()
        await session.refresh(stored)
        assert stored.first_assigned_at is not None
        audit = (await session.scalars(select(AuditLog).where(AuditLog.entity_type == "assignment"))).all()
        assert [a.action for a in audit] == ["create"]

    async def test_with_a_date_it_is_scheduled(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.CONSULTING)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        response = await client.post(
            assignments_url(application),
            json={
                "partner_id": partner.id,
                "service_codes": ["WEEDING"],
                "scheduled_date": "2030-04-01",
                "scheduled_time": "9:00",
            },
            headers=headers,
        )
        assert response.status_code == 201, response.text
        assert response.json()["assignment"]["status"] == "scheduled"
        assert response.json()["assignment"]["scheduled_time"] == "09:00"
        assert response.json()["application_status"] == "scheduled"

    @pytest.mark.parametrize("slot", ["17:00", "08:00", "새벽", "16:30"])
    async def test_time_outside_the_slots_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], slot: str
    ) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        response = await client.post(
            assignments_url(application),
            json={"partner_id": partner.id, "service_codes": ["WEEDING"], "scheduled_time": slot},
            headers=headers,
        )
        assert response.status_code == 422

    async def test_unknown_partner_is_404(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.post(
            assignments_url(application), json={"partner_id": 987654, "service_codes": ["WEEDING"]}, headers=headers
        )
        assert response.status_code == 404
        assert response.json()["code"] == "partner_not_found"

    @pytest.mark.parametrize("status", [PartnerStatus.PENDING, PartnerStatus.SUSPENDED, PartnerStatus.REJECTED])
    async def test_unapproved_partner_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], status: PartnerStatus
    ) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=status)
        response = await client.post(
            assignments_url(application), json={"partner_id": partner.id, "service_codes": ["WEEDING"]}, headers=headers
        )
        assert response.status_code == 422
        assert response.json()["code"] == "partner_not_approved"

    async def test_services_not_covered_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, services=["WEEDING", "SINK"])
        partner = await make_partner(session, status=PartnerStatus.APPROVED, services=["WEEDING", "TREE_PRUNING"])
        not_offered = await client.post(
            assignments_url(application),
            json={"partner_id": partner.id, "service_codes": ["WEEDING", "SINK"]},
            headers=headers,
        )
        not_requested = await client.post(
            assignments_url(application),
            json={"partner_id": partner.id, "service_codes": ["TREE_PRUNING"]},
            headers=headers,
        )
        assert (not_offered.status_code, not_offered.json()["code"]) == (422, "services_not_covered")
        assert not_offered.json()["details"]["not_offered_by_partner"] == ["SINK"]
        assert (not_requested.status_code, not_requested.json()["code"]) == (422, "services_not_covered")
        assert not_requested.json()["details"]["not_requested"] == ["TREE_PRUNING"]

    async def test_unknown_service_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        response = await client.post(
            assignments_url(application), json={"partner_id": partner.id, "service_codes": ["NOPE"]}, headers=headers
        )
        assert (response.status_code, response.json()["code"]) == (422, "unknown_service")

    async def test_a_service_is_assigned_once_until_cancelled(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, services=["WEEDING"])
        first, second = (
            await make_partner(session, status=PartnerStatus.APPROVED),
            await make_partner(session, status=PartnerStatus.APPROVED),
        )
        taken = await make_assignment(session, application, first)
        body = {"partner_id": second.id, "service_codes": ["WEEDING"]}
        twice = await client.post(assignments_url(application), json=body, headers=headers)
        assert (twice.status_code, twice.json()["code"]) == (422, "service_already_assigned")
        cancelled = await client.post(
            f"{assignments_url(application)}/{taken.id}/cancel", json={"reason": "협력사 사정"}, headers=headers
        )
        assert cancelled.status_code == 200
        assert (await client.post(assignments_url(application), json=body, headers=headers)).status_code == 201

    @pytest.mark.parametrize("status", [ApplicationStatus.CANCELLED, ApplicationStatus.COMPLETED])
    async def test_closed_application_is_409(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], status: ApplicationStatus
    ) -> None:
        application = await make_application(session, status=status)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        response = await client.post(
            assignments_url(application), json={"partner_id": partner.id, "service_codes": ["WEEDING"]}, headers=headers
        )
        assert (response.status_code, response.json()["code"]) == (409, "application_closed")

    async def test_unknown_application_is_404(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.post(
            f"{URL}/88888/assignments", json={"partner_id": 1, "service_codes": ["WEEDING"]}, headers=headers
        )
        assert response.status_code == 404

    async def test_idempotency_key_replays_the_first_reply(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        body = {"partner_id": partner.id, "service_codes": ["WEEDING"]}
        keyed = {**headers, "Idempotency-Key": "assign-1"}
        first = await client.post(assignments_url(application), json=body, headers=keyed)
        again = await client.post(assignments_url(application), json=body, headers=keyed)
        assert (first.status_code, again.status_code) == (201, 201)
        assert first.json() == again.json()
        other = await client.post(assignments_url(application), json={**body, "note": "다름"}, headers=keyed)
        assert (other.status_code, other.json()["code"]) == (422, "idempotency_key_reused")


class TestScheduleConflicts:
    @pytest.mark.parametrize(
        ("existing", "new", "conflict"),
        [
            ("10:00", "10:00", True),
            ("10:00", "10:30", True),
            ("10:00", "14:00", False),
            ("종일", "14:00", True),
            (None, "14:00", True),
            ("오전", "10:00", True),
            ("오전", "14:00", False),
            ("오후", "14:00", True),
            ("오전", "오후", False),
            ("11:00", None, True),
        ],
    )
    async def test_same_partner_same_day_overlapping_slot_is_a_warning(
        self,
        client: httpx.AsyncClient,
        session: AsyncSession,
        headers: dict[str, str],
        existing: str | None,
        new: str | None,
        conflict: bool,
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        other = await make_application(session)
        booked = await make_assignment(
            session, other, partner, status=AssignmentStatus.SCHEDULED, scheduled_date=DAY, scheduled_time=existing
        )
        application = await make_application(session)
        response = await client.post(
            assignments_url(application),
            json={
                "partner_id": partner.id,
                "service_codes": ["WEEDING"],
                "scheduled_date": DAY.isoformat(),
                "scheduled_time": new,
            },
            headers=headers,
        )
        assert response.status_code == 201
        conflicts = response.json()["schedule_conflicts"]
        assert conflicts == (
            [
                {
                    "assignment_id": booked.id,
                    "application_id": other.id,
                    "application_number": other.number,
                    "scheduled_date": DAY.isoformat(),
                    "scheduled_time": existing,
                    "status": "scheduled",
                }
            ]
            if conflict
            else []
        )

    async def test_other_partners_other_days_and_cancelled_jobs_do_not_count(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        partner, someone_else = (
            await make_partner(session, status=PartnerStatus.APPROVED),
            await make_partner(session, status=PartnerStatus.APPROVED),
        )
        other = await make_application(session, services=["WEEDING", "TREE_PRUNING"])
        await make_assignment(session, other, someone_else, services=["WEEDING"], scheduled_date=DAY)
        await make_assignment(
            session, other, partner, services=["TREE_PRUNING"], scheduled_date=DAY, status=AssignmentStatus.CANCELLED
        )
        await make_assignment(session, await make_application(session), partner, scheduled_date=date(2030, 4, 2))
        application = await make_application(session)
        response = await client.post(
            assignments_url(application),
            json={"partner_id": partner.id, "service_codes": ["WEEDING"], "scheduled_date": DAY.isoformat()},
            headers=headers,
        )
        assert response.json()["schedule_conflicts"] == []


class TestUpdate:
    async def test_first_date_promotes_pending_to_scheduled(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], published: EventLog
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.ASSIGNED)
        assignment = await make_assignment(
            session, application, await make_partner(session, status=PartnerStatus.APPROVED)
        )
        response = await client.put(
            f"{assignments_url(application)}/{assignment.id}",
            json={"version": 1, "scheduled_date": "2030-04-01", "scheduled_time": "오후", "send_sms": True},
            headers=headers,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["assignment"]["status"], body["assignment"]["version"]) == ("scheduled", 2)
        assert body["application_status"] == "scheduled"
        assert [e.send_sms for e in published.of(events.AssignmentScheduled)] == [True]
        assert published.of(events.AssignmentRescheduled) == []

    async def test_moving_a_scheduled_job_publishes_rescheduled(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], published: EventLog
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.SCHEDULED)
        assignment = await make_assignment(
            session,
            application,
            await make_partner(session, status=PartnerStatus.APPROVED),
            status=AssignmentStatus.SCHEDULED,
            scheduled_date=DAY,
            scheduled_time="10:00",
        )
        response = await client.put(
            f"{assignments_url(application)}/{assignment.id}",
            json={"scheduled_date": "2030-04-03"},
            headers={**headers, "If-Match": '"1"'},
        )
        assert response.status_code == 200
        (moved,) = published.of(events.AssignmentRescheduled)
        assert (moved.old_date, moved.old_time, moved.send_sms) == (DAY, "10:00", False)
        assert published.of(events.ApplicationStatusChanged) == []

    async def test_partner_services_or_estimate_change_publishes_changed(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], published: EventLog
    ) -> None:
        application = await make_application(session, services=["WEEDING", "TREE_PRUNING"])
        assignment = await make_assignment(
            session, application, await make_partner(session, status=PartnerStatus.APPROVED), services=["WEEDING"]
        )
        other = await make_partner(session, status=PartnerStatus.APPROVED, company_name="새 협력사")
        response = await client.put(
            f"{assignments_url(application)}/{assignment.id}",
            json={
                "version": 1,
                "partner_id": other.id,
                "service_codes": ["TREE_PRUNING", "WEEDING"],
                "estimated_cost": 90000,
            },
            headers=headers,
        )
        assert response.status_code == 200, response.text
        body = response.json()["assignment"]
        assert (body["partner_name"], [s["code"] for s in body["services"]], body["estimated_cost"]) == (
            "새 협력사",
            ["TREE_PRUNING", "WEEDING"],
            90000,
        )
        assert len(published.of(events.AssignmentChanged)) == 1
        audit = (
            await session.scalars(
                select(AuditLog).where(AuditLog.entity_type == "assignment", AuditLog.action == "update")
            )
        ).one()
        assert set(audit.after or {}) == {"partner_id", "service_codes", "estimated_cost"}

    async def test_changing_to_an_unapproved_partner_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        assignment = await make_assignment(
            session, application, await make_partner(session, status=PartnerStatus.APPROVED)
        )
        pending = await make_partner(session, status=PartnerStatus.PENDING)
        response = await client.put(
            f"{assignments_url(application)}/{assignment.id}",
            json={"version": 1, "partner_id": pending.id},
            headers=headers,
        )
        assert (response.status_code, response.json()["code"]) == (422, "partner_not_approved")

    async def test_stale_or_missing_version(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        assignment = await make_assignment(
            session, application, await make_partner(session, status=PartnerStatus.APPROVED)
        )
        url = f"{assignments_url(application)}/{assignment.id}"
        missing = await client.put(url, json={"note": "x"}, headers=headers)
        stale = await client.put(url, json={"version": 3, "note": "x"}, headers=headers)
        assert (missing.status_code, missing.json()["code"]) == (428, "version_required")
        assert (stale.status_code, stale.json()["code"]) == (409, "version_conflict")

    async def test_status_change_and_forbidden_one(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.SCHEDULED)
        assignment = await make_assignment(
            session,
            application,
            await make_partner(session, status=PartnerStatus.APPROVED),
            status=AssignmentStatus.SCHEDULED,
            scheduled_date=DAY,
        )
        url = f"{assignments_url(application)}/{assignment.id}"
        done = await client.put(url, json={"version": 1, "status": "completed"}, headers=headers)
        assert done.status_code == 200
        assert done.json()["application_status"] == "completed"
        assert done.json()["assignment"]["completed_at"] is not None
        # The application is now completed: only bookkeeping may change.
        refused = await client.put(url, json={"version": 2, "status": "pending"}, headers=headers)
        assert (refused.status_code, refused.json()["code"]) == (409, "application_closed")
        cost = await client.put(url, json={"version": 2, "final_cost": 180000}, headers=headers)
        assert cost.status_code == 200
        assert cost.json()["assignment"]["final_cost"] == 180000

    async def test_cancelled_assignment_cannot_change(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        assignment = await make_assignment(
            session,
            application,
            await make_partner(session, status=PartnerStatus.APPROVED),
            status=AssignmentStatus.CANCELLED,
        )
        response = await client.put(
            f"{assignments_url(application)}/{assignment.id}", json={"version": 1, "note": "x"}, headers=headers
        )
        assert (response.status_code, response.json()["code"]) == (409, "assignment_closed")

    async def test_unknown_assignment_is_404(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.put(f"{assignments_url(application)}/123456", json={"version": 1}, headers=headers)
        assert (response.status_code, response.json()["code"]) == (404, "assignment_not_found")


class TestCancel:
    async def test_soft_cancel_with_reason_and_status_derived_back(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], published: EventLog
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.ASSIGNED)
        assignment = await make_assignment(
            session, application, await make_partner(session, status=PartnerStatus.APPROVED)
        )
        response = await client.post(
            f"{assignments_url(application)}/{assignment.id}/cancel",
            json={"reason": "협력사 일정 불가", "send_sms": True},
            headers=headers,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["assignment"]["status"], body["assignment"]["cancel_reason"]) == ("cancelled", "협력사 일정 불가")
        assert body["application_status"] == "consulting"
        (cancelled,) = published.of(events.AssignmentCancelled)
        assert (cancelled.reason, cancelled.send_sms) == ("협력사 일정 불가", True)

    async def test_reason_is_required(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        assignment = await make_assignment(
            session, application, await make_partner(session, status=PartnerStatus.APPROVED)
        )
        response = await client.post(f"{assignments_url(application)}/{assignment.id}/cancel", json={}, headers=headers)
        assert response.status_code == 422

    async def test_completed_assignment_is_409(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.SCHEDULED)
        assignment = await make_assignment(
            session,
            application,
            await make_partner(session, status=PartnerStatus.APPROVED),
            status=AssignmentStatus.COMPLETED,
        )
        response = await client.post(
            f"{assignments_url(application)}/{assignment.id}/cancel", json={"reason": "x"}, headers=headers
        )
        assert (response.status_code, response.json()["code"]) == (409, "assignment_closed")

    async def test_delete_is_a_soft_cancel(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.ASSIGNED)
        assignment = await make_assignment(
            session, application, await make_partner(session, status=PartnerStatus.APPROVED)
        )
        url = f"{assignments_url(application)}/{assignment.id}"
        assert (await client.delete(url, headers=headers)).status_code == 422
        response = await client.delete(url, params={"reason": "중복"}, headers=headers)
        assert response.status_code == 200
        assert response.json()["assignment"]["status"] == "cancelled"
        listed = await client.get(assignments_url(application), headers=headers)
        assert [a["status"] for a in listed.json()] == ["cancelled"]

    async def test_unknown_is_404(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.post(
            f"{assignments_url(application)}/55555/cancel", json={"reason": "x"}, headers=headers
        )
        assert response.status_code == 404


class TestBatchStatus:
    async def test_moves_each_and_derives_once(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], published: EventLog
    ) -> None:
        application = await make_application(
            session, services=["WEEDING", "TREE_PRUNING"], status=ApplicationStatus.ASSIGNED
        )
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        first = await make_assignment(session, application, partner, services=["WEEDING"])
        second = await make_assignment(session, application, partner, services=["TREE_PRUNING"])
        gone = await make_assignment(session, application, partner, services=[], status=AssignmentStatus.CANCELLED)

        response = await client.patch(
            f"{assignments_url(application)}/batch-status",
            json={"assignment_ids": [first.id, second.id, gone.id, 999999], "status": "scheduled", "send_sms": True},
            headers=headers,
        )

        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["success_count"], body["failed_count"]) == (2, 2)
        assert [(r["assignment_id"], r["success"], r["code"]) for r in body["results"]] == [
            (first.id, True, None),
            (second.id, True, None),
            (gone.id, False, "invalid_transition"),
            (999999, False, "assignment_not_found"),
        ]
        assert body["application_status"] == "scheduled"
        assert "2건" in body["message"]
        assert [e.send_sms for e in published.of(events.AssignmentScheduled)] == [True, True]
        assert len(published.of(events.ApplicationStatusChanged)) == 1

        done = await client.patch(
            f"{assignments_url(application)}/batch-status",
            json={"assignment_ids": [first.id, second.id], "status": "completed"},
            headers=headers,
        )
        assert done.json()["application_status"] == "completed"

    async def test_closed_application_is_409(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.CANCELLED)
        response = await client.patch(
            f"{assignments_url(application)}/batch-status",
            json={"assignment_ids": [1], "status": "scheduled"},
            headers=headers,
        )
        assert response.status_code == 409

    async def test_unknown_application_is_404(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.patch(
            f"{URL}/777777/assignments/batch-status",
            json={"assignment_ids": [1], "status": "scheduled"},
            headers=headers,
        )
        assert response.status_code == 404


class TestSendSms:
    async def test_customer_and_partner_notices_are_queued_manually(
        self, client: httpx.AsyncClient, session: AsyncSession, admin: Admin, headers: dict[str, str]
    ) -> None:
        application = await make_application(session, customer_phone="01011112222", customer_name="김고객")
        partner = await make_partner(
            session, status=PartnerStatus.APPROVED, company_name="초록조경", contact_phone="01033334444"
        )
        assignment = await make_assignment(
            session, application, partner, status=AssignmentStatus.SCHEDULED, scheduled_date=DAY, scheduled_time="10:00"
        )
        url = f"{assignments_url(application)}/{assignment.id}/send-sms"

        to_customer = await client.post(url, params={"target": "customer"}, headers=headers)
        to_partner = await client.post(url, params={"target": "partner"}, headers=headers)

        assert to_customer.status_code == 202, to_customer.text
        assert to_customer.json()["recipient_masked"] == "010-****-2222"
        assert to_partner.json()["template_key"] == "partner_notify_assignment"
        messages = (await session.scalars(select(SmsMessage).order_by(SmsMessage.id))).all()
        assert [(m.recipient, m.template_key, m.trigger, m.created_by) for m in messages] == [
            ("01011112222", "partner_assigned", TriggerSource.MANUAL, admin.id),
            ("01033334444", "partner_notify_assignment", TriggerSource.MANUAL, admin.id),
        ]
        assert "초록조경" in messages[0].text
        assert "2030-04-01" in messages[0].text
        assert "김고객" in messages[1].text
        audit = (await session.scalars(select(AuditLog).where(AuditLog.action == "sms_send"))).all()
        assert len(audit) == 2

    async def test_idempotency_key_queues_once(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        assignment = await make_assignment(
            session, application, await make_partner(session, status=PartnerStatus.APPROVED)
        )
        url = f"{assignments_url(application)}/{assignment.id}/send-sms"
        keyed = {**headers, "Idempotency-Key": "resend-1"}
        first = await client.post(url, params={"target": "customer"}, headers=keyed)
        again = await client.post(url, params={"target": "customer"}, headers=keyed)
        assert first.json() == again.json()
        assert len((await session.scalars(select(SmsMessage))).all()) == 1

    async def test_inactive_template_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        template = (await session.scalars(select(SmsTemplate).where(SmsTemplate.key == "partner_assigned"))).one()
        template.is_active = False
        await session.flush()
        application = await make_application(session)
        assignment = await make_assignment(
            session, application, await make_partner(session, status=PartnerStatus.APPROVED)
        )
        response = await client.post(
            f"{assignments_url(application)}/{assignment.id}/send-sms", params={"target": "customer"}, headers=headers
        )
        assert (response.status_code, response.json()["code"]) == (422, "template_inactive")

    async def test_refusals(self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]) -> None:
        application = await make_application(session)
        cancelled = await make_assignment(
            session,
            application,
            await make_partner(session, status=PartnerStatus.APPROVED),
            status=AssignmentStatus.CANCELLED,
        )
        base = assignments_url(application)
        bad_target = await client.post(f"{base}/{cancelled.id}/send-sms", params={"target": "admin"}, headers=headers)
        closed = await client.post(f"{base}/{cancelled.id}/send-sms", params={"target": "customer"}, headers=headers)
        unknown = await client.post(f"{base}/424242/send-sms", params={"target": "customer"}, headers=headers)
        assert bad_target.status_code == 422
        assert (closed.status_code, closed.json()["code"]) == (409, "assignment_closed")
        assert (unknown.status_code, unknown.json()["code"]) == (404, "assignment_not_found")


class TestBulkAssign:
    async def test_real_assignments_for_what_the_partner_covers(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str], published: EventLog
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.APPROVED, services=["WEEDING", "TREE_PRUNING"])
        both = await make_application(session, services=["WEEDING", "TREE_PRUNING", "SINK"])
        partly_taken = await make_application(session, services=["WEEDING", "TREE_PRUNING"])
        await make_assignment(
            session, partly_taken, await make_partner(session, status=PartnerStatus.APPROVED), services=["WEEDING"]
        )
        uncovered = await make_application(session, services=["SINK"])
        cancelled = await make_application(session, status=ApplicationStatus.CANCELLED)

        response = await client.post(
            f"{URL}/bulk-assign",
            json={
                "application_ids": [both.id, partly_taken.id, uncovered.id, cancelled.id, 31337],
                "partner_id": partner.id,
                "send_sms": True,
            },
            headers=headers,
        )

        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["success_count"], body["failed_count"]) == (2, 3)
        results = {r["application_id"]: r for r in body["results"]}
        assert results[both.id]["service_codes"] == ["WEEDING", "TREE_PRUNING"]
        assert results[partly_taken.id]["service_codes"] == ["TREE_PRUNING"]
        assert results[uncovered.id]["code"] == "services_not_covered"
        assert results[cancelled.id]["code"] == "application_closed"
        assert results[31337]["code"] == "application_not_found"
        assert await status_of(session, both) == "assigned"
        assert [e.send_sms for e in published.of(events.AssignmentCreated)] == [True, True]
        listed = await client.get(assignments_url(both), headers=headers)
        assert [a["partner_id"] for a in listed.json()] == [partner.id]

    async def test_a_date_schedules_every_assignment_made(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.APPROVED, services=["WEEDING"])
        first = await make_application(session, services=["WEEDING"])
        second = await make_application(session, services=["WEEDING"])
        response = await client.post(
            f"{URL}/bulk-assign",
            json={
                "application_ids": [first.id, second.id],
                "partner_id": partner.id,
                "scheduled_date": DAY.isoformat(),
                "scheduled_time": "오후",
            },
            headers=headers,
        )
        assert response.status_code == 200, response.text
        assert response.json()["success_count"] == 2
        for application in (first, second):
            (assignment,) = (await client.get(assignments_url(application), headers=headers)).json()
            assert (assignment["status"], assignment["scheduled_date"], assignment["scheduled_time"]) == (
                "scheduled",
                DAY.isoformat(),
                "오후",
            )
            assert await status_of(session, application) == "scheduled"

    async def test_without_a_date_assignments_wait_for_one(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.APPROVED, services=["WEEDING"])
        application = await make_application(session, services=["WEEDING"])
        response = await client.post(
            f"{URL}/bulk-assign", json={"application_ids": [application.id], "partner_id": partner.id}, headers=headers
        )
        assert response.status_code == 200, response.text
        (assignment,) = (await client.get(assignments_url(application), headers=headers)).json()
        assert (assignment["status"], assignment["scheduled_date"]) == ("pending", None)
        assert await status_of(session, application) == "assigned"

    async def test_unapproved_partner_is_422(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        partner = await make_partner(session, status=PartnerStatus.PENDING)
        application = await make_application(session)
        response = await client.post(
            f"{URL}/bulk-assign", json={"application_ids": [application.id], "partner_id": partner.id}, headers=headers
        )
        assert (response.status_code, response.json()["code"]) == (422, "partner_not_approved")

    async def test_at_most_fifty(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.post(
            f"{URL}/bulk-assign", json={"application_ids": list(range(1, 52)), "partner_id": 1}, headers=headers
        )
        assert response.status_code == 422

    async def test_unknown_partner_is_404(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        response = await client.post(
            f"{URL}/bulk-assign", json={"application_ids": [1], "partner_id": 4040}, headers=headers
        )
        assert response.status_code == 404


class TestPartnerRanking:
    async def test_ordered_by_unassigned_services_covered_then_region(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(
            session, services=["WEEDING", "TREE_PRUNING", "SINK"], district_code="41830"
        )
        taken_by = await make_partner(
            session, status=PartnerStatus.APPROVED, services=["SINK"], company_name="씽크 전문"
        )
        await make_assignment(session, application, taken_by, services=["SINK"])
        two_far = await make_partner(
            session,
            status=PartnerStatus.APPROVED,
            services=["WEEDING", "TREE_PRUNING"],
            regions=[("11", None)],
            company_name="서울조경",
        )
        two_near = await make_partner(
            session,
            status=PartnerStatus.APPROVED,
            services=["WEEDING", "TREE_PRUNING", "SINK"],
            regions=[("41", None)],
            company_name="경기조경",
        )
        one = await make_partner(
            session,
            status=PartnerStatus.APPROVED,
            services=["WEEDING"],
            regions=[("41", "41830")],
            company_name="양평제초",
        )
        await make_partner(session, services=["WEEDING"], status=PartnerStatus.PENDING, company_name="대기중")

        response = await client.get(f"{URL}/{application.id}/partner-ranking", headers=headers)

        assert response.status_code == 200
        body = response.json()
        assert [s["code"] for s in body["unassigned_services"]] == ["WEEDING", "TREE_PRUNING"]
        ranked = [(p["partner_id"], p["covered_count"], p["covers_district"]) for p in body["partners"]]
        assert ranked == [(two_near.id, 2, True), (two_far.id, 2, False), (one.id, 1, True)]
        assert body["partners"][0]["covers_all"] is True
        assert body["partners"][2]["regions"] == [
            {"province_code": "41", "province_name": "경기도", "district_code": "41830", "district_name": "양평군"}
        ]
        everyone = await client.get(
            f"{URL}/{application.id}/partner-ranking", params={"include_all": True}, headers=headers
        )
        assert taken_by.id in [p["partner_id"] for p in everyone.json()["partners"]]

    async def test_unknown_application_is_404(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        assert (await client.get(f"{URL}/987654/partner-ranking", headers=headers)).status_code == 404
