"""Assignments as the back office shows them: partner names and service names resolved in batches."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.assignments import repository as repo
from jibsa.assignments.repository import PartnerContact
from jibsa.assignments.schemas import AssignmentOut, ServiceRef
from jibsa.catalog import repository as catalog
from jibsa.core.korean import format_phone
from jibsa.models import ASSIGNMENT_STATUS_LABELS, Assignment, AssignmentStatus, QuoteStatus


def to_out(
    assignment: Assignment | Row[*tuple[Any, ...]],
    partner: PartnerContact | None,
    names: Mapping[str, str],
    service_codes: Sequence[str],
) -> AssignmentOut:
    """An assignment (a loaded one, or a row of ``repository.SHOWN_COLUMNS``) with its partner and services named."""
    status = AssignmentStatus(assignment.status)
    return AssignmentOut(
        id=assignment.id,
        application_id=assignment.application_id,
        partner_id=assignment.partner_id,
        partner_name=partner.company_name if partner else "",
        partner_representative=partner.representative_name if partner else "",
        partner_phone=format_phone(partner.contact_phone) if partner else "",
        services=[ServiceRef(code=code, name=names.get(code, code)) for code in service_codes],
        status=status,
        status_label=ASSIGNMENT_STATUS_LABELS[status],
        scheduled_date=assignment.scheduled_date,
        scheduled_time=assignment.scheduled_time,
        estimated_cost=assignment.estimated_cost,
        final_cost=assignment.final_cost,
        estimate_note=assignment.estimate_note,
        note=assignment.note,
        quote_status=QuoteStatus(assignment.quote_status),
        quote_sent_at=assignment.quote_sent_at,
        quote_viewed_at=assignment.quote_viewed_at,
        assigned_by=assignment.assigned_by,
        completed_at=assignment.completed_at,
        cancelled_at=assignment.cancelled_at,
        cancel_reason=assignment.cancel_reason,
        created_at=assignment.created_at,
        updated_at=assignment.updated_at,
        version=assignment.version,
    )


async def present(
    session: AsyncSession, assignments: Sequence[Assignment], *, names: Mapping[str, str] | None = None
) -> list[AssignmentOut]:
    """Assignments with partner and service names (one query for the partners, however many assignments)."""
    if not assignments:
        return []
    partners = await repo.partner_contacts(session, [a.partner_id for a in assignments])
    if names is None:
        names = await catalog.service_names(session)
    return [to_out(a, partners.get(a.partner_id), names, a.service_codes) for a in assignments]


async def present_for_application(
    session: AsyncSession,
    application_id: int,
    *,
    names: Mapping[str, str] | None = None,
    service_codes: Mapping[int, list[str]] | None = None,
) -> list[AssignmentOut]:
    """Every assignment of one application (cancelled ones included), oldest first, as :func:`present` shows them,
    their partners read in the same statement (``service_codes``: see ``repository.assignments_with_partners``)."""
    shown = await repo.assignments_with_partners(session, application_id, service_codes=service_codes)
    if not shown:
        return []
    if names is None:
        names = await catalog.service_names(session)
    return [to_out(a.row, a.partner, names, a.service_codes) for a in shown]
