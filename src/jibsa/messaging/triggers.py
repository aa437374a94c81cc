"""Automatic messages: domain events turned into outbox rows (reference §5.2 matrix), in the causing transaction.

| event | template → recipient |
| --- | --- |
| ApplicationSubmitted (public) | ``new_application`` → customer (template inactive by default) |
| PartnerRegistered (public) | ``new_partner`` → partner (template inactive by default) |
| ApplicationStatusChanged new → consulting | ``application_received`` → customer |
| ApplicationStatusChanged → scheduled | as AssignmentScheduled, for each scheduled assignment |
| ApplicationStatusChanged → completed | ``service_completed`` → customer |
| ApplicationStatusChanged → cancelled | ``application_cancelled`` → customer |
| AssignmentCreated | ``partner_assigned`` → customer, ``partner_notify_assignment`` → partner |
| AssignmentScheduled | ``schedule_confirmed`` → customer, ``partner_schedule_notify`` → partner |
| AssignmentRescheduled | ``schedule_changed`` → customer and partner |
| AssignmentChanged | ``assignment_changed`` → customer |
| PartnerStatusChanged → approved / rejected | ``partner_approved`` / ``partner_rejected`` → partner |

Admin notifications of new applications and partners are queued by the intake itself. Handlers flush first (the
publisher may not have flushed its change yet). Every handler honours the
event's ``send_sms`` and ignores events that no longer match the stored state (a late replay). Each row carries an
idempotency key naming its cause, so an event published twice never queues a message twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from jibsa.catalog import repository as catalog
from jibsa.events import (
    ApplicationStatusChanged,
    ApplicationSubmitted,
    AssignmentChanged,
    AssignmentCreated,
    AssignmentRescheduled,
    AssignmentScheduled,
    PartnerRegistered,
    PartnerStatusChanged,
    subscribe,
)
from jibsa.messaging.content import day, phone, won
from jibsa.messaging.outbox import enqueue_template
from jibsa.messaging.text import summarise_services
from jibsa.models import (
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    Partner,
    PartnerStatus,
)

ADDRESS_CHARS = 30
DEFAULT_CANCEL_REASON = "고객 요청"
NO_TIME = "시간 미정"


def _stamp(moment: datetime | None, fallback: int) -> str:
    """A transition's identity for idempotency keys: its time (microseconds), or the row version."""
    return moment.strftime("%Y%m%d%H%M%S%f") if moment is not None else f"v{fallback}"


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def view_url(kind: str, entity_id: int) -> str | None:
    """Portal links (partner job view, customer result view) arrive with the portals; until then no link line."""
    return None


async def _application(session: AsyncSession, application_id: int) -> Application | None:
    stmt = (
        select(Application)
        .where(Application.id == application_id, Application.deleted_at.is_(None))
        .options(selectinload(Application.services))
    )
    return await session.scalar(stmt)


async def _assignment(session: AsyncSession, assignment_id: int) -> Assignment | None:
    stmt = select(Assignment).where(Assignment.id == assignment_id).options(selectinload(Assignment.services))
    return await session.scalar(stmt)


AssignmentEvent = AssignmentCreated | AssignmentScheduled | AssignmentRescheduled | AssignmentChanged


async def _assignment_context(
    session: AsyncSession, assignment_id: int
) -> tuple[Assignment, Application, Partner] | None:
    assignment = await _assignment(session, assignment_id)
    if assignment is None:
        return None
    application = await _application(session, assignment.application_id)
    partner = await session.get(Partner, assignment.partner_id)
    if application is None or partner is None or partner.deleted_at is not None:
        return None
    return assignment, application, partner


async def _messaging_context(
    session: AsyncSession, event: AssignmentEvent
) -> tuple[Assignment, Application, Partner] | None:
    """The assignment an event speaks of, when the action asked for messages and the work is not cancelled."""
    if not event.send_sms:
        return None
    await session.flush()
    context = await _assignment_context(session, event.assignment_id)
    if context is None or context[0].status == AssignmentStatus.CANCELLED:
        return None
    return context


async def service_summary(session: AsyncSession, codes: Sequence[str]) -> str:
    found = await catalog.get_services_by_codes(session, codes)
    return summarise_services([found[code].name for code in codes if code in found])


def _address(application: Application) -> str:
    return application.address[:ADDRESS_CHARS]


async def _send(
    session: AsyncSession,
    *,
    template_key: str,
    to: str,
    kind: str,
    variables: Mapping[str, object],
    reference: tuple[str, int],
    key: str,
    admin_id: int | None,
) -> None:
    await enqueue_template(
        session,
        template_key=template_key,
        recipient=to,
        variables=variables,
        recipient_kind=kind,
        reference=reference,
        idempotency_key=key,
        created_by=admin_id,
    )


# --- public submissions ----------------------------------------------------------------------------------------


@subscribe(ApplicationSubmitted)
async def on_application_submitted(session: AsyncSession, event: ApplicationSubmitted) -> None:
    """Acknowledge a public request to the customer (``new_application``; switched off unless activated)."""
    if not event.send_sms:
        return
    await session.flush()
    # Just created in this transaction: the identity map has it, so no query (and no services needed here).
    application = await session.get(Application, event.application_id)
    if application is None or application.deleted_at is not None:
        return
    await _send(
        session,
        template_key="new_application",
        to=application.customer_phone,
        kind="customer",
        variables={"customer_name": application.customer_name, "application_number": application.number},
        reference=("application", application.id),
        key=f"application:{application.id}:submitted:customer",
        admin_id=event.admin_id,
    )


@subscribe(PartnerRegistered)
async def on_partner_registered(session: AsyncSession, event: PartnerRegistered) -> None:
    """Acknowledge a partner registration (``new_partner``; switched off unless activated)."""
    if not event.send_sms:
        return
    await session.flush()
    partner = await session.get(Partner, event.partner_id)
    if partner is None or partner.deleted_at is not None:
        return
    await _send(
        session,
        template_key="new_partner",
        to=partner.contact_phone,
        kind="partner",
        variables={"company_name": partner.company_name, "representative_name": partner.representative_name},
        reference=("partner", partner.id),
        key=f"partner:{partner.id}:registered",
        admin_id=event.admin_id,
    )


# --- applications ----------------------------------------------------------------------------------------------


async def _schedule_confirmed(
    session: AsyncSession,
    assignment: Assignment,
    application: Application,
    partner: Partner,
    *,
    admin_id: int | None,
) -> None:
    """``schedule_confirmed`` to the customer and ``partner_schedule_notify`` to the partner, once per date."""
    if assignment.status != AssignmentStatus.SCHEDULED or assignment.scheduled_date is None:
        return
    when = assignment.scheduled_date.isoformat()
    reference = ("assignment", assignment.id)
    await _send(
        session,
        template_key="schedule_confirmed",
        to=application.customer_phone,
        kind="customer",
        variables={
            "customer_name": application.customer_name,
            "application_number": application.number,
            "scheduled_date": when,
            "scheduled_time": assignment.scheduled_time or NO_TIME,
            "partner_name": partner.company_name,
        },
        reference=reference,
        key=f"assignment:{assignment.id}:scheduled:{when}:customer",
        admin_id=admin_id,
    )
    await _send(
        session,
        template_key="partner_schedule_notify",
        to=partner.contact_phone,
        kind="partner",
        variables={
            "scheduled_date": when,
            "scheduled_time": assignment.scheduled_time or NO_TIME,
            "customer_name": application.customer_name,
            "customer_phone": phone(application.customer_phone),
            "address": _address(application),
            "application_number": application.number,
            "services": await service_summary(session, assignment.service_codes),
        },
        reference=reference,
        key=f"assignment:{assignment.id}:scheduled:{when}:partner",
        admin_id=admin_id,
    )


async def _partner_names(session: AsyncSession, application_id: int) -> str:
    stmt = (
        select(Partner.company_name)
        .join(Assignment, Assignment.partner_id == Partner.id)
        .where(Assignment.application_id == application_id, Assignment.status != AssignmentStatus.CANCELLED)
        .order_by(Assignment.id)
    )
    return ", ".join(dict.fromkeys((await session.scalars(stmt)).all()))


@subscribe(ApplicationStatusChanged)
async def on_application_status_changed(session: AsyncSession, event: ApplicationStatusChanged) -> None:
    """Customer messages for consulting, scheduled, completed and cancelled."""
    if not event.send_sms:
        return
    await session.flush()
    application = await _application(session, event.application_id)
    if application is None or application.status != event.to_status:
        return
    to = application.customer_phone
    reference = ("application", application.id)
    stamp = _stamp(application.status_changed_at, application.version)
    base = {"customer_name": application.customer_name, "application_number": application.number}
    if event.to_status == ApplicationStatus.CONSULTING and event.from_status == ApplicationStatus.NEW:
        await _send(
            session,
            template_key="application_received",
            to=to,
            kind="customer",
            variables=base,
            reference=reference,
            key=f"application:{application.id}:received:customer",
            admin_id=event.admin_id,
        )
    elif event.to_status == ApplicationStatus.SCHEDULED:
        assignments = (
            await session.scalars(
                select(Assignment)
                .where(
                    Assignment.application_id == application.id,
                    Assignment.status == AssignmentStatus.SCHEDULED,
                    Assignment.scheduled_date.is_not(None),
                )
                .options(selectinload(Assignment.services))
                .order_by(Assignment.id)
            )
        ).all()
        for assignment in assignments:
            partner = await session.get(Partner, assignment.partner_id)
            if partner is not None and partner.deleted_at is None:
                await _schedule_confirmed(session, assignment, application, partner, admin_id=event.admin_id)
    elif event.to_status == ApplicationStatus.COMPLETED:
        await _send(
            session,
            template_key="service_completed",
            to=to,
            kind="customer",
            variables={
                **base,
                "partner_name": await _partner_names(session, application.id),
                "view_url": view_url("customer", application.id),
            },
            reference=reference,
            key=f"application:{application.id}:completed:{stamp}:customer",
            admin_id=event.admin_id,
        )
    elif event.to_status == ApplicationStatus.CANCELLED:
        await _send(
            session,
            template_key="application_cancelled",
            to=to,
            kind="customer",
            variables={**base, "cancel_reason": event.reason or application.cancel_reason or DEFAULT_CANCEL_REASON},
            reference=reference,
            key=f"application:{application.id}:cancelled:{stamp}:customer",
            admin_id=event.admin_id,
        )


# --- assignments -----------------------------------------------------------------------------------------------


@subscribe(AssignmentCreated)
async def on_assignment_created(session: AsyncSession, event: AssignmentCreated) -> None:
    """``partner_assigned`` to the customer and ``partner_notify_assignment`` to the partner."""
    context = await _messaging_context(session, event)
    if context is None:
        return
    assignment, application, partner = context
    reference = ("assignment", assignment.id)
    dated = assignment.scheduled_date is not None
    await _send(
        session,
        template_key="partner_assigned",
        to=application.customer_phone,
        kind="customer",
        variables={
            "customer_name": application.customer_name,
            "partner_name": partner.company_name,
            "partner_phone": phone(partner.contact_phone),
            "application_number": application.number,
            "scheduled_date": day(assignment.scheduled_date),
            "scheduled_time": (assignment.scheduled_time or "") if dated else "",
            "estimated_cost": won(assignment.estimated_cost),
        },
        reference=reference,
        key=f"assignment:{assignment.id}:created:customer",
        admin_id=event.admin_id,
    )
    await _send(
        session,
        template_key="partner_notify_assignment",
        to=partner.contact_phone,
        kind="partner",
        variables={
            "application_number": application.number,
            "customer_name": application.customer_name,
            "customer_phone": phone(application.customer_phone),
            "address": _address(application),
            "services": await service_summary(session, assignment.service_codes),
            "scheduled_date": day(assignment.scheduled_date),
            "view_url": view_url("partner", assignment.id),
        },
        reference=reference,
        key=f"assignment:{assignment.id}:created:partner",
        admin_id=event.admin_id,
    )


@subscribe(AssignmentScheduled)
async def on_assignment_scheduled(session: AsyncSession, event: AssignmentScheduled) -> None:
    """``schedule_confirmed`` (customer) and ``partner_schedule_notify`` (partner)."""
    if not event.send_sms:
        return
    await session.flush()
    context = await _assignment_context(session, event.assignment_id)
    if context is not None:
        await _schedule_confirmed(session, *context, admin_id=event.admin_id)


def _when(value: date | None, time: str | None) -> str:
    return " ".join(part for part in (day(value), time or "") if part) if value is not None else "미정"


@subscribe(AssignmentRescheduled)
async def on_assignment_rescheduled(session: AsyncSession, event: AssignmentRescheduled) -> None:
    """``schedule_changed`` (old → new) to the customer and the partner."""
    if not event.send_sms:
        return
    await session.flush()
    context = await _assignment_context(session, event.assignment_id)
    if context is None:
        return
    assignment, application, partner = context
    if assignment.status != AssignmentStatus.SCHEDULED:
        return
    cause = _digest(event.old_date, event.old_time, assignment.scheduled_date, assignment.scheduled_time)
    variables = {
        "application_number": application.number,
        "old_date": _when(event.old_date, event.old_time),
        "new_date": day(assignment.scheduled_date),
        "new_time": assignment.scheduled_time or NO_TIME,
    }
    for kind, to in (("customer", application.customer_phone), ("partner", partner.contact_phone)):
        await _send(
            session,
            template_key="schedule_changed",
            to=to,
            kind=kind,
            variables=variables,
            reference=("assignment", assignment.id),
            key=f"assignment:{assignment.id}:rescheduled:{cause}:{kind}",
            admin_id=event.admin_id,
        )


@subscribe(AssignmentChanged)
async def on_assignment_changed(session: AsyncSession, event: AssignmentChanged) -> None:
    """``assignment_changed`` (date, time, estimate) to the customer."""
    context = await _messaging_context(session, event)
    if context is None:
        return
    assignment, application, _partner = context
    cause = _digest(
        assignment.partner_id,
        ",".join(assignment.service_codes),
        assignment.scheduled_date,
        assignment.scheduled_time,
        assignment.estimated_cost,
    )
    dated = assignment.scheduled_date is not None
    await _send(
        session,
        template_key="assignment_changed",
        to=application.customer_phone,
        kind="customer",
        variables={
            "customer_name": application.customer_name,
            "application_number": application.number,
            "scheduled_date": day(assignment.scheduled_date),
            "scheduled_time": (assignment.scheduled_time or "") if dated else "",
            "estimated_cost": won(assignment.estimated_cost),
        },
        reference=("assignment", assignment.id),
        key=f"assignment:{assignment.id}:changed:{cause}:customer",
        admin_id=event.admin_id,
    )


# --- partners --------------------------------------------------------------------------------------------------


@subscribe(PartnerStatusChanged)
async def on_partner_status_changed(session: AsyncSession, event: PartnerStatusChanged) -> None:
    """``partner_approved`` or ``partner_rejected`` (with the reason) to the partner."""
    if not event.send_sms or event.to_status not in (PartnerStatus.APPROVED, PartnerStatus.REJECTED):
        return
    await session.flush()
    partner = await session.get(Partner, event.partner_id)
    if partner is None or partner.deleted_at is not None or partner.status != event.to_status:
        return
    approved = event.to_status == PartnerStatus.APPROVED
    variables: dict[str, object] = {
        "company_name": partner.company_name,
        "representative_name": partner.representative_name,
    }
    if not approved:
        variables["rejection_reason"] = event.reason or partner.status_reason or ""
    await _send(
        session,
        template_key="partner_approved" if approved else "partner_rejected",
        to=partner.contact_phone,
        kind="partner",
        variables=variables,
        reference=("partner", partner.id),
        key=f"partner:{partner.id}:{event.to_status}:{_stamp(partner.status_changed_at, partner.version)}",
        admin_id=event.admin_id,
    )
