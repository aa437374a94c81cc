"""Queries over assignments and the partners they go to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Row, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from jibsa.models import (
    Application,
    Assignment,
    AssignmentService,
    AssignmentStatus,
    District,
    Partner,
    PartnerStatus,
    Province,
)


async def get_assignment(
    session: AsyncSession, application_id: int, assignment_id: int, *, for_update: bool = False
) -> Assignment | None:
    stmt = (
        select(Assignment)
        .where(Assignment.id == assignment_id, Assignment.application_id == application_id)
        .options(selectinload(Assignment.services))
    )
    if for_update:
        stmt = stmt.with_for_update(of=Assignment).execution_options(populate_existing=True)
    return (await session.scalars(stmt)).first()


async def list_assignments(
    session: AsyncSession, application_ids: Sequence[int], *, ids: Sequence[int] | None = None
) -> Sequence[Assignment]:
    """Assignments of the given applications (optionally only ``ids``), services loaded, oldest first."""
    if not application_ids:
        return []
    stmt = (
        select(Assignment)
        .where(Assignment.application_id.in_(application_ids))
        .options(selectinload(Assignment.services))
        .order_by(Assignment.application_id, Assignment.id)
    )
    if ids is not None:
        stmt = stmt.where(Assignment.id.in_(ids))
    return (await session.scalars(stmt)).all()


async def get_partner(session: AsyncSession, partner_id: int, *, with_regions: bool = False) -> Partner | None:
    """A live partner with its services."""
    stmt = (
        select(Partner)
        .where(Partner.id == partner_id, Partner.deleted_at.is_(None))
        .options(selectinload(Partner.services))
    )
    if with_regions:
        stmt = stmt.options(selectinload(Partner.regions))
    return (await session.scalars(stmt)).first()


async def partners_by_ids(session: AsyncSession, partner_ids: Sequence[int]) -> dict[int, Partner]:
    if not partner_ids:
        return {}
    rows = await session.scalars(select(Partner).where(Partner.id.in_(set(partner_ids))))
    return {p.id: p for p in rows}


class PartnerContact(NamedTuple):
    """The partner columns an assignment is shown with (three decrypted or plain fields, not a whole partner)."""

    company_name: str
    representative_name: str
    contact_phone: str


# Built once: a request only binds its values (SQLAlchemy's compiled cache does the rest).
_PARTNER_CONTACTS = select(Partner.id, Partner.company_name, Partner.representative_name, Partner.contact_phone).where(
    Partner.id.in_(bindparam("ids", expanding=True))
)
# What an assignment is shown with (views.to_out), as a plain row: no identity map, no change tracking.
SHOWN_COLUMNS = (
    Assignment.id,
    Assignment.application_id,
    Assignment.partner_id,
    Assignment.status,
    Assignment.scheduled_date,
    Assignment.scheduled_time,
    Assignment.estimated_cost,
    Assignment.final_cost,
    Assignment.estimate_note,
    Assignment.note,
    Assignment.quote_status,
    Assignment.quote_sent_at,
    Assignment.quote_viewed_at,
    Assignment.assigned_by,
    Assignment.completed_at,
    Assignment.cancelled_at,
    Assignment.cancel_reason,
    Assignment.created_at,
    Assignment.updated_at,
    Assignment.version,
)
_OF_APPLICATION_WITH_PARTNER = (
    select(*SHOWN_COLUMNS, Partner.company_name, Partner.representative_name, Partner.contact_phone)
    .outerjoin(Partner, Partner.id == Assignment.partner_id)
    .where(Assignment.application_id == bindparam("application_id"))
    .order_by(Assignment.id)
)
_SERVICE_CODES = (
    select(AssignmentService.assignment_id, AssignmentService.service_code)
    .where(AssignmentService.assignment_id.in_(bindparam("ids", expanding=True)))
    .order_by(AssignmentService.assignment_id, AssignmentService.position)
)


async def partner_contacts(session: AsyncSession, partner_ids: Sequence[int]) -> dict[int, PartnerContact]:
    """Name, representative and phone of each partner, by id, in one statement."""
    if not partner_ids:
        return {}
    rows = await session.execute(_PARTNER_CONTACTS, {"ids": list(set(partner_ids))})
    return {partner_id: PartnerContact(name, representative, phone) for partner_id, name, representative, phone in rows}


class ShownAssignment(NamedTuple):
    """An assignment's shown columns (a row of :data:`SHOWN_COLUMNS`), its partner's contact and its services."""

    row: Row[*tuple[Any, ...]]
    partner: PartnerContact | None
    service_codes: list[str]


async def assignments_with_partners(
    session: AsyncSession, application_id: int, *, service_codes: Mapping[int, list[str]] | None = None
) -> list[ShownAssignment]:
    """Every assignment of one application, oldest first, with its partner's contact columns (one statement for
    both) and its service codes: ``service_codes`` when the caller has read them (the application's detail does, with
    its other lists), else one more statement."""
    rows = (await session.execute(_OF_APPLICATION_WITH_PARTNER, {"application_id": application_id})).all()
    if rows and service_codes is None:
        service_codes = defaultdict(list)
        for assignment_id, code in await session.execute(_SERVICE_CODES, {"ids": [r.id for r in rows]}):
            service_codes[assignment_id].append(code)
    return [
        ShownAssignment(
            row,
            PartnerContact(row.company_name, row.representative_name, row.contact_phone)
            if row.company_name is not None
            else None,
            (service_codes or {}).get(row.id, []),
        )
        for row in rows
    ]


async def same_day_assignments(
    session: AsyncSession, partner_id: int, day: date, *, exclude_ids: Sequence[int] = ()
) -> Sequence[tuple[Assignment, str]]:
    """The partner's other live jobs on ``day`` with their application numbers."""
    stmt = (
        select(Assignment, Application.number)
        .join(Application, Application.id == Assignment.application_id)
        .where(
            Assignment.partner_id == partner_id,
            Assignment.scheduled_date == day,
            Assignment.status != AssignmentStatus.CANCELLED,
            Application.deleted_at.is_(None),
        )
        .order_by(Assignment.id)
    )
    if exclude_ids:
        stmt = stmt.where(Assignment.id.not_in(list(exclude_ids)))
    return (await session.execute(stmt)).all()


async def approved_partners(session: AsyncSession) -> Sequence[Partner]:
    stmt = (
        select(Partner)
        .where(Partner.status == PartnerStatus.APPROVED, Partner.deleted_at.is_(None))
        .options(selectinload(Partner.services), selectinload(Partner.regions))
        .order_by(Partner.id)
    )
    return (await session.scalars(stmt)).all()


async def region_names(
    session: AsyncSession, province_codes: set[str], district_codes: set[str]
) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Province names by code, and (name, province code) of districts by code."""
    provinces: dict[str, str] = {}
    districts: dict[str, tuple[str, str]] = {}
    if province_codes:
        rows = await session.execute(select(Province.code, Province.name).where(Province.code.in_(province_codes)))
        provinces = dict(rows.all())
    if district_codes:
        rows2 = await session.execute(
            select(District.code, District.name, District.province_code).where(District.code.in_(district_codes))
        )
        districts = {code: (name, province) for code, name, province in rows2}
    return provinces, districts


async def open_counts_by_partner(session: AsyncSession, partner_ids: Sequence[int]) -> dict[int, int]:
    """How many pending or scheduled jobs each partner has (workload, for the ranking)."""
    if not partner_ids:
        return {}
    stmt = (
        select(Assignment.partner_id, func.count())
        .join(Application, Application.id == Assignment.application_id)
        .where(
            Assignment.partner_id.in_(partner_ids),
            Assignment.status.in_([AssignmentStatus.PENDING, AssignmentStatus.SCHEDULED]),
            Application.deleted_at.is_(None),
        )
        .group_by(Assignment.partner_id)
    )
    return {partner_id: int(count) for partner_id, count in (await session.execute(stmt))}
