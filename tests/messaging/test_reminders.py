"""Visit reminders: the day before, from the reminder hour (KST), to both sides, once, not for closed work."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.messaging.periodic import PERIODIC_TASKS
from jibsa.messaging.reminders import send_visit_reminders
from jibsa.models import Application, ApplicationStatus, Assignment, AssignmentStatus, CompanyProfile, PartnerStatus
from tests.factories import make_application, make_assignment, make_partner, queued, set_company

VISIT = date(2026, 12, 5)
EVE_18_KST = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)  # 18:00 in Seoul
EVE_1759_KST = datetime(2026, 12, 4, 8, 59, tzinfo=UTC)


async def _scheduled(
    session: AsyncSession,
    *,
    on: date = VISIT,
    status: AssignmentStatus = AssignmentStatus.SCHEDULED,
    application_status: ApplicationStatus = ApplicationStatus.SCHEDULED,
) -> Assignment:
    application = await make_application(session, customer_phone="01077778888", status=application_status)
    partner = await make_partner(
        session, status=PartnerStatus.APPROVED, company_name="푸른조경", contact_phone="01099990000"
    )
    return await make_assignment(
        session, application, partner, status=status, scheduled_date=on, scheduled_time="오전 10:00"
    )


class TestVisitReminders:
    def test_registered_as_a_periodic_task(self) -> None:
        assert PERIODIC_TASKS["visit_reminders"].fn is send_visit_reminders

    async def test_sent_to_both_sides_at_the_reminder_hour(
        self, session: AsyncSession, company: CompanyProfile
    ) -> None:
        assignment = await _scheduled(session)
        application = await session.get(Application, assignment.application_id)
        assert application is not None
        await send_visit_reminders(session, EVE_18_KST)
        rows = await queued(session)
        assert [(m.recipient, m.recipient_kind, m.template_key) for m in rows] == [
            ("01077778888", "customer", "visit_reminder_customer"),
            ("01099990000", "partner", "visit_reminder_partner"),
        ]
        assert rows[0].text == (
            "[집사] 홍길동님, 내일 방문 일정을 안내드립니다.\n"
            f"신청번호: {application.number}\n"
            "일시: 2026-12-05 오전 10:00\n담당: 푸른조경\n연락처: 010-9999-0000\n문의: 1551-6640"
        )
        assert "연락처: 010-7777-8888" in rows[1].text
        assert "서비스: 제초 작업" in rows[1].text
        await session.refresh(assignment)
        assert assignment.reminder_sent_for == VISIT

    async def test_only_once(self, session: AsyncSession, company: CompanyProfile) -> None:
        await _scheduled(session)
        await send_visit_reminders(session, EVE_18_KST)
        await send_visit_reminders(session, datetime(2026, 12, 4, 12, 0, tzinfo=UTC))
        assert len(await queued(session)) == 2

    async def test_not_before_the_hour(self, session: AsyncSession, company: CompanyProfile) -> None:
        await _scheduled(session)
        await send_visit_reminders(session, EVE_1759_KST)
        assert await queued(session) == []

    async def test_not_two_days_ahead(self, session: AsyncSession, company: CompanyProfile) -> None:
        await _scheduled(session, on=date(2026, 12, 6))
        await send_visit_reminders(session, EVE_18_KST)
        assert await queued(session) == []

    async def test_configured_hour(self, session: AsyncSession) -> None:
        await set_company(session, reminder_hour=9)
        await _scheduled(session)
        await send_visit_reminders(session, datetime(2026, 12, 4, 0, 0, tzinfo=UTC))  # 09:00 KST
        assert len(await queued(session)) == 2

    @pytest.mark.parametrize(
        ("status", "application_status"),
        [
            (AssignmentStatus.CANCELLED, ApplicationStatus.SCHEDULED),
            (AssignmentStatus.COMPLETED, ApplicationStatus.SCHEDULED),
            (AssignmentStatus.SCHEDULED, ApplicationStatus.CANCELLED),
            (AssignmentStatus.PENDING, ApplicationStatus.ASSIGNED),
        ],
    )
    async def test_skipped_for_closed_work(
        self,
        session: AsyncSession,
        company: CompanyProfile,
        status: AssignmentStatus,
        application_status: ApplicationStatus,
    ) -> None:
        await _scheduled(session, status=status, application_status=application_status)
        await send_visit_reminders(session, EVE_18_KST)
        assert await queued(session) == []

    async def test_moved_visit_gets_a_reminder_for_its_new_date(
        self, session: AsyncSession, company: CompanyProfile
    ) -> None:
        assignment = await _scheduled(session)
        await send_visit_reminders(session, EVE_18_KST)
        await session.refresh(assignment)
        assignment.scheduled_date = date(2026, 12, 9)
        await session.flush()
        await send_visit_reminders(session, datetime(2026, 12, 8, 9, 30, tzinfo=UTC))
        rows = await queued(session, template_key="visit_reminder_customer")
        assert [m.idempotency_key for m in rows] == [
            f"assignment:{assignment.id}:reminder:2026-12-05:customer",
            f"assignment:{assignment.id}:reminder:2026-12-09:customer",
        ]

    async def test_marking_does_not_bump_the_version(self, session: AsyncSession, company: CompanyProfile) -> None:
        assignment = await _scheduled(session)
        version = assignment.version
        await send_visit_reminders(session, EVE_18_KST)
        await session.refresh(assignment)
        assert assignment.version == version
