"""Every row of the event → template matrix: recipient kind, template, rendered text, once per cause."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.korean import now_utc
from jibsa.events import (
    ApplicationStatusChanged,
    ApplicationSubmitted,
    AssignmentChanged,
    AssignmentCreated,
    AssignmentRescheduled,
    AssignmentScheduled,
    PartnerRegistered,
    PartnerStatusChanged,
    publish,
)
from jibsa.models import (
    ApplicationStatus,
    AssignmentStatus,
    CompanyProfile,
    MessageType,
    PartnerStatus,
    SmsMessage,
    SmsTemplate,
    TriggerSource,
)
from tests.factories import (
    application_payload,
    make_application,
    make_assignment,
    make_partner,
    partner_payload,
    queued,
)

VISIT = date(2026, 12, 5)
LONG_ADDRESS = (
    "경기도 양평군 양평읍 중앙로 123 양평아파트 101동 1004호"  # longer than the 30 characters partner texts keep
)


def _texts(rows: list[SmsMessage]) -> dict[tuple[str, str | None], str]:
    return {(m.recipient_kind, m.template_key): m.text for m in rows}


async def _activate(session: AsyncSession, *keys: str) -> None:
    await session.execute(update(SmsTemplate).where(SmsTemplate.key.in_(keys)).values(is_active=True))


class TestApplicationStatusChanged:
    async def test_new_to_consulting_acknowledges_the_customer(
        self, session: AsyncSession, company: CompanyProfile
    ) -> None:
        application = await make_application(session, customer_phone="01033334444", status=ApplicationStatus.CONSULTING)
        event = ApplicationStatusChanged(
            application_id=application.id, from_status="new", to_status="consulting", send_sms=True, admin_id=None
        )
        await publish(session, event)
        await publish(session, event)  # replayed: still one row
        [message] = await queued(session, reference_id=application.id)
        assert (message.recipient, message.recipient_kind, message.template_key) == (
            "01033334444",
            "customer",
            "application_received",
        )
        assert message.text == (
            f"[집사] 홍길동님, 서비스 신청이 접수되었습니다.\n신청번호: {application.number}\n"
            "담당자가 곧 연락드릴 예정입니다.\n문의: 1551-6640"
        )
        assert message.subject == "[접수확인]"
        assert message.message_type == MessageType.LMS
        assert message.trigger == TriggerSource.SYSTEM

    async def test_without_send_sms_nothing_is_queued(self, session: AsyncSession, company: CompanyProfile) -> None:
        application = await make_application(session, status=ApplicationStatus.CONSULTING)
        await publish(
            session,
            ApplicationStatusChanged(application_id=application.id, from_status="new", to_status="consulting"),
        )
        assert await queued(session, reference_id=application.id) == []

    async def test_stale_event_is_ignored(self, session: AsyncSession, company: CompanyProfile) -> None:
        application = await make_application(session, status=ApplicationStatus.CANCELLED)
        await publish(
            session,
            ApplicationStatusChanged(
                application_id=application.id, from_status="new", to_status="consulting", send_sms=True
            ),
        )
        assert await queued(session) == []

    async def test_scheduled_confirms_each_scheduled_assignment_to_both_sides(
        self, session: AsyncSession, company: CompanyProfile
    ) -> None:
        application = await make_application(session, address=LONG_ADDRESS, status=ApplicationStatus.SCHEDULED)
        partner = await make_partner(
            session, status=PartnerStatus.APPROVED, company_name="푸른조경", contact_phone="01055556666"
        )
        assignment = await make_assignment(
            session,
            application,
            partner,
            status=AssignmentStatus.SCHEDULED,
            scheduled_date=VISIT,
            scheduled_time="오전 10:00",
            services=("WEEDING", "TREE_PRUNING"),
        )
        other = await make_partner(session, status=PartnerStatus.APPROVED)
        await make_assignment(session, application, other, status=AssignmentStatus.PENDING)
        await publish(
            session,
            ApplicationStatusChanged(
                application_id=application.id, from_status="assigned", to_status="scheduled", send_sms=True
            ),
        )
        # the assignment-level event of the same change does not queue it again
        await publish(
            session, AssignmentScheduled(application_id=application.id, assignment_id=assignment.id, send_sms=True)
        )
        rows = await queued(session)
        assert [(m.recipient_kind, m.template_key) for m in rows] == [
            ("customer", "schedule_confirmed"),
            ("partner", "partner_schedule_notify"),
        ]
        texts = _texts(rows)
        assert texts[("customer", "schedule_confirmed")] == (
            f"[집사] 홍길동님, 서비스 일정이 확정되었습니다.\n신청번호: {application.number}\n"
            "일시: 2026-12-05 오전 10:00\n담당: 푸른조경"
        )
        assert texts[("partner", "partner_schedule_notify")] == (
            f"[집사] 일정이 확정되었습니다. 일시: 2026-12-05 오전 10:00. 고객: 홍길동, 주소: {application.address[:30]}"
        )
        assert rows[1].recipient == "01055556666"
        assert all(m.reference_type == "assignment" and m.reference_id == assignment.id for m in rows)

    async def test_completed_sends_the_completion_notice_without_a_link_line(
        self, session: AsyncSession, company: CompanyProfile
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.COMPLETED)
        event = ApplicationStatusChanged(
            application_id=application.id, from_status="scheduled", to_status="completed", send_sms=True
        )
        await publish(session, event)
        await publish(session, event)
        [message] = await queued(session)
        assert message.template_key == "service_completed"
        assert message.text == ("[집사] 홍길동님, 서비스가 완료되었습니다.\n이용해 주셔서 감사합니다.\n문의: 1551-6640")

    async def test_completed_again_after_a_reopen_is_a_new_cause(
        self, session: AsyncSession, company: CompanyProfile
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.COMPLETED)
        event = ApplicationStatusChanged(
            application_id=application.id, from_status="scheduled", to_status="completed", send_sms=True
        )
        await publish(session, event)
        application.status_changed_at = now_utc()
        await publish(session, event)
        assert len(await queued(session, template_key="service_completed")) == 2

    @pytest.mark.parametrize(("reason", "shown"), [("일정 조율 불가", "일정 조율 불가"), (None, "고객 요청")])
    async def test_cancelled_tells_the_customer_why(
        self, session: AsyncSession, company: CompanyProfile, reason: str | None, shown: str
    ) -> None:
        application = await make_application(session, status=ApplicationStatus.CANCELLED)
        await publish(
            session,
            ApplicationStatusChanged(
                application_id=application.id,
                from_status="consulting",
                to_status="cancelled",
                reason=reason,
                send_sms=True,
            ),
        )
        [message] = await queued(session)
        assert message.template_key == "application_cancelled"
        assert message.text == (
            f"[집사] 홍길동님, 서비스 신청(번호: {application.number})이 취소되었습니다.\n"
            f"사유: {shown}\n문의사항은 연락주세요."
        )

    async def test_inactive_template_means_switched_off(self, session: AsyncSession, company: CompanyProfile) -> None:
        await session.execute(
            update(SmsTemplate).where(SmsTemplate.key == "application_cancelled").values(is_active=False)
        )
        application = await make_application(session, status=ApplicationStatus.CANCELLED)
        await publish(
            session,
            ApplicationStatusChanged(
                application_id=application.id, from_status="new", to_status="cancelled", send_sms=True
            ),
        )
        assert await queued(session) == []


class TestAssignmentEvents:
    async def test_created_notifies_customer_and_partner(self, session: AsyncSession, company: CompanyProfile) -> None:
        application = await make_application(
            session, address=LONG_ADDRESS, customer_phone="01011112222", status=ApplicationStatus.ASSIGNED
        )
        partner = await make_partner(
            session, status=PartnerStatus.APPROVED, company_name="맑은집수리", contact_phone="0312345678"
        )
        assignment = await make_assignment(
            session, application, partner, estimated_cost=1_250_000, services=("WEEDING", "TREE_PRUNING")
        )
        event = AssignmentCreated(application_id=application.id, assignment_id=assignment.id, send_sms=True)
        await publish(session, event)
        await publish(session, event)
        rows = await queued(session)
        assert [(m.recipient, m.recipient_kind, m.template_key) for m in rows] == [
            ("01011112222", "customer", "partner_assigned"),
            ("0312345678", "partner", "partner_notify_assignment"),
        ]
        texts = _texts(rows)
        assert texts[("customer", "partner_assigned")] == (
            "[집사] 홍길동님, 담당 협력사(맑은집수리)가 배정되었습니다.\n연락처: 031-234-5678\n"
            "예정일: 미정\n견적: 1,250,000원\n곧 연락드릴 예정입니다."
        )
        assert texts[("partner", "partner_notify_assignment")] == (
            f"[집사] 새로운 서비스가 배정되었습니다.\n신청번호: {application.number}\n고객: 홍길동\n"
            f"연락처: 010-1111-2222\n주소: {application.address[:30]}\n"
            "서비스: 제초 작업, 수목 전지\n예정일: 미정"
        )

    async def test_created_with_a_date_and_no_estimate(self, session: AsyncSession, company: CompanyProfile) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        assignment = await make_assignment(
            session,
            application,
            partner,
            status=AssignmentStatus.SCHEDULED,
            scheduled_date=VISIT,
            scheduled_time="14:00",
        )
        await publish(
            session, AssignmentCreated(application_id=application.id, assignment_id=assignment.id, send_sms=True)
        )
        customer = (await queued(session, template_key="partner_assigned"))[0]
        assert "예정일: 2026-12-05 14:00\n견적: 협의" in customer.text

    async def test_scheduled_confirms_once_per_date(self, session: AsyncSession, company: CompanyProfile) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        assignment = await make_assignment(
            session, application, partner, status=AssignmentStatus.SCHEDULED, scheduled_date=VISIT
        )
        event = AssignmentScheduled(application_id=application.id, assignment_id=assignment.id, send_sms=True)
        await publish(session, event)
        await publish(session, event)
        rows = await queued(session)
        assert [(m.recipient_kind, m.template_key) for m in rows] == [
            ("customer", "schedule_confirmed"),
            ("partner", "partner_schedule_notify"),
        ]
        assert "일시: 2026-12-05 시간 미정" in rows[0].text
        assert rows[0].idempotency_key == f"assignment:{assignment.id}:scheduled:2026-12-05:customer"

    async def test_rescheduled_tells_both_sides_old_and_new(
        self, session: AsyncSession, company: CompanyProfile
    ) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        assignment = await make_assignment(
            session,
            application,
            partner,
            status=AssignmentStatus.SCHEDULED,
            scheduled_date=date(2026, 12, 7),
            scheduled_time="오후 2:00",
        )
        event = AssignmentRescheduled(
            application_id=application.id,
            assignment_id=assignment.id,
            old_date=VISIT,
            old_time="오전 10:00",
            send_sms=True,
        )
        await publish(session, event)
        await publish(session, event)
        rows = await queued(session)
        assert [(m.recipient_kind, m.template_key) for m in rows] == [
            ("customer", "schedule_changed"),
            ("partner", "schedule_changed"),
        ]
        expected = (
            f"[집사] 일정이 변경되었습니다.\n신청번호: {application.number}\n"
            "변경 전: 2026-12-05 오전 10:00\n변경 후: 2026-12-07 오후 2:00"
        )
        assert rows[0].text == rows[1].text == expected
        assert rows[1].recipient == partner.contact_phone
        # moving it again is a new cause
        assignment.scheduled_date = date(2026, 12, 8)
        await publish(
            session,
            AssignmentRescheduled(
                application_id=application.id,
                assignment_id=assignment.id,
                old_date=date(2026, 12, 7),
                old_time="오후 2:00",
                send_sms=True,
            ),
        )
        assert len(await queued(session)) == 4

    async def test_changed_tells_the_customer(self, session: AsyncSession, company: CompanyProfile) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        assignment = await make_assignment(
            session,
            application,
            partner,
            status=AssignmentStatus.SCHEDULED,
            scheduled_date=VISIT,
            scheduled_time="09:30",
            estimated_cost=12000,
        )
        event = AssignmentChanged(application_id=application.id, assignment_id=assignment.id, send_sms=True)
        await publish(session, event)
        await publish(session, event)
        [message] = await queued(session)
        assert (message.recipient_kind, message.template_key) == ("customer", "assignment_changed")
        assert message.text == "[집사] 홍길동님, 배정 정보가 변경되었습니다.\n변경일: 2026-12-05 09:30\n견적: 12,000원"
        assignment.estimated_cost = 15000
        await publish(session, event)
        assert len(await queued(session)) == 2

    async def test_cancelled_assignment_sends_nothing(self, session: AsyncSession, company: CompanyProfile) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        assignment = await make_assignment(session, application, partner, status=AssignmentStatus.CANCELLED)
        await publish(
            session, AssignmentCreated(application_id=application.id, assignment_id=assignment.id, send_sms=True)
        )
        await publish(
            session, AssignmentChanged(application_id=application.id, assignment_id=assignment.id, send_sms=True)
        )
        assert await queued(session) == []


class TestPartnerStatusChanged:
    async def test_approved(self, session: AsyncSession, company: CompanyProfile) -> None:
        partner = await make_partner(session, company_name="튼튼설비", status=PartnerStatus.APPROVED)
        event = PartnerStatusChanged(partner_id=partner.id, from_status="pending", to_status="approved", send_sms=True)
        await publish(session, event)
        await publish(session, event)
        [message] = await queued(session)
        assert (message.recipient_kind, message.template_key) == ("partner", "partner_approved")
        assert message.text == "[집사] 튼튼설비 협력사 등록이 승인되었습니다. 서비스 배정이 시작됩니다."
        assert message.message_type == MessageType.SMS

    async def test_rejected_with_reason(self, session: AsyncSession, company: CompanyProfile) -> None:
        partner = await make_partner(session, company_name="튼튼설비", status=PartnerStatus.REJECTED)
        await publish(
            session,
            PartnerStatusChanged(
                partner_id=partner.id,
                from_status="pending",
                to_status="rejected",
                reason="서비스 지역이 맞지 않습니다.",
                send_sms=True,
            ),
        )
        [message] = await queued(session)
        assert message.template_key == "partner_rejected"
        assert message.text == (
            "[집사] 튼튼설비 협력사 등록이 반려되었습니다.\n사유: 서비스 지역이 맞지 않습니다.\n문의: 1551-6640"
        )

    async def test_other_statuses_send_nothing(self, session: AsyncSession, company: CompanyProfile) -> None:
        partner = await make_partner(session, status=PartnerStatus.SUSPENDED)
        await publish(
            session,
            PartnerStatusChanged(partner_id=partner.id, from_status="approved", to_status="suspended", send_sms=True),
        )
        assert await queued(session) == []


class TestSubmissions:
    async def test_acknowledgements_are_off_by_default(self, session: AsyncSession, company: CompanyProfile) -> None:
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED)
        await publish(session, ApplicationSubmitted(application_id=application.id, send_sms=True))
        await publish(session, PartnerRegistered(partner_id=partner.id, send_sms=True))
        assert await queued(session) == []

    async def test_acknowledgements_when_activated(self, session: AsyncSession, company: CompanyProfile) -> None:
        await _activate(session, "new_application", "new_partner")
        application = await make_application(session)
        partner = await make_partner(session, status=PartnerStatus.APPROVED, company_name="튼튼설비")
        await publish(session, ApplicationSubmitted(application_id=application.id, send_sms=True))
        await publish(session, PartnerRegistered(partner_id=partner.id, send_sms=True))
        texts = _texts(await queued(session))
        assert texts[("customer", "new_application")] == (
            f"[집사] 홍길동님, 서비스 신청이 접수되었습니다. (신청번호: {application.number}) 담당자가 곧 연락드리겠습니다."
        )
        assert texts[("partner", "new_partner")] == (
            "[집사] 튼튼설비 협력사 등록이 접수되었습니다. 검토 후 결과를 안내드리겠습니다."
        )


class TestEveryTemplateIsReachable:
    async def test_each_of_the_eighteen_templates_has_a_flow(self) -> None:
        """The 16 reference templates and the two reminders are each queued by some code path."""
        import inspect

        from jibsa.applications import intake
        from jibsa.messaging import reminders, triggers
        from jibsa.partners import registration

        source = "".join(inspect.getsource(m) for m in (triggers, reminders, intake, registration))
        keys = [
            "admin_new_application",
            "admin_new_application_duplicate",
            "admin_new_partner",
            "application_received",
            "partner_assigned",
            "partner_notify_assignment",
            "schedule_confirmed",
            "partner_schedule_notify",
            "service_completed",
            "application_cancelled",
            "partner_approved",
            "partner_rejected",
            "assignment_changed",
            "schedule_changed",
            "new_application",
            "new_partner",
            "visit_reminder_customer",
            "visit_reminder_partner",
        ]
        assert [key for key in keys if f'"{key}"' not in source] == []


class TestPublicIntakeWiring:
    async def test_submission_acknowledged_when_the_template_is_on(
        self, client: httpx.AsyncClient, session: AsyncSession, company: CompanyProfile
    ) -> None:
        await _activate(session, "new_application", "new_partner")
        application = await client.post("/api/v1/applications", json=application_payload(customer_phone="01064646464"))
        assert application.status_code == 201, application.text
        partner = await client.post("/api/v1/partners", json=partner_payload(contact_phone="01075757575"))
        assert partner.status_code == 201, partner.text
        rows = await queued(session)
        assert [(m.recipient, m.template_key) for m in rows if m.recipient_kind != "admin"] == [
            ("01064646464", "new_application"),
            ("01075757575", "new_partner"),
        ]


class TestPartnerStatusRouteWiring:
    async def test_approving_with_send_sms_queues_the_notice_once(
        self, client: httpx.AsyncClient, headers: dict[str, str], session: AsyncSession, company: CompanyProfile
    ) -> None:
        partner = await make_partner(session, company_name="튼튼설비", status=PartnerStatus.PENDING)
        url = f"/api/v1/admin/partners/{partner.id}/status"
        payload = {"status": "approved", "send_sms": True, "version": partner.version}
        keyed = {**headers, "Idempotency-Key": "approve-1"}
        first = await client.post(url, json=payload, headers=keyed)
        assert first.status_code == 200, first.text
        assert (await client.post(url, json=payload, headers=keyed)).status_code == 200
        [message] = await queued(session, recipient_kind="partner")
        assert (message.template_key, message.recipient) == ("partner_approved", partner.contact_phone)
