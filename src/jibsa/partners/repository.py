"""Queries over partners for the back office; PII is matched through blind indexes only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import load_only, selectinload

from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.korean import kst_day_start, normalise_business_number, normalise_phone
from jibsa.core.pagination import PageParams
from jibsa.models import (
    Assignment,
    AssignmentStatus,
    District,
    Partner,
    PartnerNote,
    PartnerRegion,
    PartnerService,
    PartnerStatus,
    Province,
)
from jibsa.partners.registration import company_key

ACTIVE_ASSIGNMENT_STATUSES = (AssignmentStatus.PENDING, AssignmentStatus.SCHEDULED)
SIMILAR_LIMIT = 5
_SEPARATORS = re.compile(r"[\s\-().]")


@dataclass(frozen=True, slots=True)
class PartnerFilters:
    status: PartnerStatus | None = None
    search: str | None = None
    services: Sequence[str] = field(default_factory=tuple)
    district_code: str | None = None
    province_code: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def alive() -> ColumnElement[bool]:
    return Partner.deleted_at.is_(None)


def search_condition(term: str) -> ColumnElement[bool]:
    """Auto-detected search: phone (full or last 4), business number, company name or representative name."""
    term = term.strip()
    company_like = Partner.company_name.icontains(term, autoescape=True)
    digits = _SEPARATORS.sub("", term)
    if digits.isdigit():
        conditions = [company_like]
        if len(digits) == 4:
            conditions.append(Partner.phone_last4_bidx == blind_index("phone_last4", digits))
        if phone := normalise_phone(digits):
            conditions.append(Partner.phone_bidx == blind_index("phone", phone))
        if business_number := normalise_business_number(digits):
            conditions.append(Partner.business_number_bidx == blind_index("business_number", business_number))
        return or_(*conditions)
    return or_(
        company_like,
        Partner.company_name_bidx == blind_index("company", company_key(term)),
        Partner.name_bidx == blind_index("name", normalise_name(term)),
    )


def _conditions(filters: PartnerFilters, *, with_status: bool) -> list[ColumnElement[bool]]:
    conditions = [alive()]
    if with_status and filters.status is not None:
        conditions.append(Partner.status == filters.status)
    if filters.search and filters.search.strip():
        conditions.append(search_condition(filters.search))
    if filters.services:
        conditions.append(
            exists().where(
                PartnerService.partner_id == Partner.id, PartnerService.service_code.in_(set(filters.services))
            )
        )
    if filters.district_code:
        province_of_district = select(District.province_code).where(District.code == filters.district_code)
        conditions.append(
            exists().where(
                PartnerRegion.partner_id == Partner.id,
                or_(
                    PartnerRegion.district_code == filters.district_code,
                    and_(
                        PartnerRegion.district_code.is_(None),
                        PartnerRegion.province_code == province_of_district.scalar_subquery(),
                    ),
                ),
            )
        )
    if filters.province_code:
        conditions.append(
            exists().where(PartnerRegion.partner_id == Partner.id, PartnerRegion.province_code == filters.province_code)
        )
    if filters.date_from is not None:
        conditions.append(Partner.created_at >= kst_day_start(filters.date_from))
    if filters.date_to is not None:
        conditions.append(Partner.created_at < kst_day_start(filters.date_to + timedelta(days=1)))
    return conditions


async def status_counts(session: AsyncSession, filters: PartnerFilters) -> dict[str, int]:
    """Partners per status under ``filters`` (ignoring its status), every status present."""
    stmt = select(Partner.status, func.count()).where(*_conditions(filters, with_status=False)).group_by(Partner.status)
    counts = {status.value: 0 for status in PartnerStatus}
    for status, count in await session.execute(stmt):
        counts[str(status)] = count
    return counts


async def list_page(session: AsyncSession, filters: PartnerFilters, params: PageParams) -> Sequence[Partner]:
    """One page of partners, newest first, loading only the columns the list shows (and their services)."""
    stmt = (
        select(Partner)
        .where(*_conditions(filters, with_status=True))
        .options(
            load_only(
                Partner.id,
                Partner.company_name,
                Partner.representative_name,
                Partner.contact_phone,
                Partner.status,
                Partner.created_at,
                Partner.approved_at,
                Partner.version,
            ),
            selectinload(Partner.services),
        )
        .order_by(Partner.created_at.desc(), Partner.id.desc())
        .offset(params.offset)
        .limit(params.page_size)
    )
    return (await session.scalars(stmt)).all()


async def get_partner(session: AsyncSession, partner_id: int, *, for_update: bool = False) -> Partner | None:
    """A live partner with its services and regions."""
    stmt = (
        select(Partner)
        .where(Partner.id == partner_id, alive())
        .options(selectinload(Partner.services), selectinload(Partner.regions))
        .execution_options(populate_existing=True)
    )
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.scalars(stmt)).first()


async def partner_exists(session: AsyncSession, partner_id: int) -> bool:
    return bool(await session.scalar(select(Partner.id).where(Partner.id == partner_id, alive())))


async def region_names(
    session: AsyncSession, regions: Sequence[PartnerRegion]
) -> tuple[dict[str, str], dict[str, str]]:
    """Names of the provinces and districts that ``regions`` mention."""
    province_codes = {r.province_code for r in regions}
    district_codes = {r.district_code for r in regions if r.district_code}
    provinces: dict[str, str] = {}
    districts: dict[str, str] = {}
    if province_codes:
        rows = await session.execute(select(Province.code, Province.name).where(Province.code.in_(province_codes)))
        provinces = dict(rows.all())
    if district_codes:
        rows = await session.execute(select(District.code, District.name).where(District.code.in_(district_codes)))
        districts = dict(rows.all())
    return provinces, districts


async def count_notes(session: AsyncSession, partner_id: int) -> int:
    stmt = select(func.count()).where(PartnerNote.partner_id == partner_id, PartnerNote.deleted_at.is_(None))
    return int(await session.scalar(stmt) or 0)


async def count_active_assignments(session: AsyncSession, partner_id: int) -> int:
    stmt = select(func.count()).where(
        Assignment.partner_id == partner_id, Assignment.status.in_(ACTIVE_ASSIGNMENT_STATUSES)
    )
    return int(await session.scalar(stmt) or 0)


async def similar_partners(session: AsyncSession, partner: Partner) -> Sequence[Partner]:
    """Up to five other live partners sharing the business number or the phone number, newest first."""
    matches = [Partner.phone_bidx == partner.phone_bidx]
    if partner.business_number_bidx:
        matches.append(Partner.business_number_bidx == partner.business_number_bidx)
    stmt = (
        select(Partner)
        .where(Partner.id != partner.id, alive(), or_(*matches))
        .options(
            load_only(
                Partner.id,
                Partner.company_name,
                Partner.representative_name,
                Partner.status,
                Partner.phone_bidx,
                Partner.business_number_bidx,
                Partner.created_at,
            )
        )
        .order_by(Partner.created_at.desc(), Partner.id.desc())
        .limit(SIMILAR_LIMIT)
    )
    return (await session.scalars(stmt)).all()


async def list_notes(session: AsyncSession, partner_id: int) -> Sequence[PartnerNote]:
    stmt = (
        select(PartnerNote)
        .where(PartnerNote.partner_id == partner_id, PartnerNote.deleted_at.is_(None))
        .order_by(PartnerNote.created_at.desc(), PartnerNote.id.desc())
    )
    return (await session.scalars(stmt)).all()


async def get_note(session: AsyncSession, partner_id: int, note_id: int) -> PartnerNote | None:
    stmt = select(PartnerNote).where(
        PartnerNote.id == note_id, PartnerNote.partner_id == partner_id, PartnerNote.deleted_at.is_(None)
    )
    return (await session.scalars(stmt)).first()


async def approved_partners(session: AsyncSession) -> Sequence[Partner]:
    """Live approved partners with their services, by company name (schedule filter, assignment pickers)."""
    stmt = (
        select(Partner)
        .where(alive(), Partner.status == PartnerStatus.APPROVED)
        .options(load_only(Partner.id, Partner.company_name, Partner.status), selectinload(Partner.services))
        .order_by(Partner.company_name, Partner.id)
    )
    return (await session.scalars(stmt)).all()
