"""Visit reminders: the day before a scheduled visit, from the company's reminder hour (KST), to both sides, once."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from jibsa.core.korean import KST
from jibsa.messaging.content import phone
from jibsa.messaging.outbox import company_profile, enqueue_template
from jibsa.messaging.periodic import periodic
from jibsa.messaging.triggers import ADDRESS_CHARS, NO_TIME, service_summary
from jibsa.models import (
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    Partner,
)

BATCH = 200
CLOSED_APPLICATIONS = (ApplicationStatus.CANCELLED, ApplicationStatus.COMPLETED)


@periodic("visit_reminders", every=timedelta(minutes=5))
async def send_visit_reminders(session: AsyncSession, now: datetime) -> None:
    """Queue tomorrow's reminders once the reminder hour has passed today (KST); each assignment once per date."""
    local = now.astimezone(KST)
    profile = await company_profile(session)
    if local.hour < profile.reminder_hour:
        return
    visit_day = local.date() + timedelta(days=1)
    stmt = (
        select(Assignment, Application, Partner)
        .join(Application, Application.id == Assignment.application_id)
        .join(Partner, Partner.id == Assignment.partner_id)
        .where(
            Assignment.status == AssignmentStatus.SCHEDULED,
            Assignment.scheduled_date == visit_day,
            (Assignment.reminder_sent_for.is_(None)) | (Assignment.reminder_sent_for != visit_day),
            Application.deleted_at.is_(None),
            Application.status.not_in(CLOSED_APPLICATIONS),
            Partner.deleted_at.is_(None),
        )
        .options(selectinload(Assignment.services))
        .order_by(Assignment.id)
        .limit(BATCH)
    )
    rows = (await session.execute(stmt)).all()
    when = visit_day.isoformat()
    for assignment, application, partner in rows:
        reference = ("assignment", assignment.id)
        time = assignment.scheduled_time or NO_TIME
        await enqueue_template(
            session,
            template_key="visit_reminder_customer",
            recipient=application.customer_phone,
            variables={
                "customer_name": application.customer_name,
                "application_number": application.number,
                "scheduled_date": when,
                "scheduled_time": time,
                "partner_name": partner.company_name,
                "partner_phone": phone(partner.contact_phone),
            },
            recipient_kind="customer",
            reference=reference,
            idempotency_key=f"assignment:{assignment.id}:reminder:{when}:customer",
        )
        await enqueue_template(
            session,
            template_key="visit_reminder_partner",
            recipient=partner.contact_phone,
            variables={
                "application_number": application.number,
                "scheduled_date": when,
                "scheduled_time": time,
                "customer_name": application.customer_name,
                "customer_phone": phone(application.customer_phone),
                "address": application.address[:ADDRESS_CHARS],
                "services": await service_summary(session, assignment.service_codes),
            },
            recipient_kind="partner",
            reference=reference,
            idempotency_key=f"assignment:{assignment.id}:reminder:{when}:partner",
        )
    if rows:
        # A plain UPDATE: marking the reminder must not bump the version an admin's edit is checked against.
        await session.execute(
            update(Assignment)
            .where(Assignment.id.in_([a.id for a, _, _ in rows]))
            .values(reminder_sent_for=visit_day)
            .execution_options(synchronize_session=False)
        )
