"""Queries over applications for the back office. Lists never query per row: each batch is one statement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, exists, false, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer, selectinload

from jibsa.applications.search import SearchKind, SearchTerm
from jibsa.core.korean import kst_day_start
from jibsa.core.pagination import PageParams
from jibsa.models import (
    Admin,
    Application,
    ApplicationNote,
    ApplicationService,
    ApplicationStatus,
    ApplicationStatusChange,
    Assignment,
    AssignmentStatus,
    District,
    Partner,
    Province,
    ServiceType,
)


class SortOrder(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class ListFilters:
    statuses: Sequence[ApplicationStatus] = ()
    search: SearchTerm | None = None
    date_from: date | None = None
    date_to: date | None = None
    services: Sequence[str] = ()
    partner_id: int | None = None
    sort: SortOrder = SortOrder.NEWEST


@dataclass(slots=True)
class PartnerOnRow:
    partner_id: int
    company_name: str
    status: AssignmentStatus
    scheduled_date: date | None


@dataclass(slots=True)
class RowExtras:
    services: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    partners: dict[int, list[PartnerOnRow]] = field(default_factory=dict)


ALIVE = Application.deleted_at.is_(None)
# Decrypt only what a screen shows: list rows skip the detail-only columns, history rows skip all PII.
LIST_ROW = (defer(Application.address_detail, raiseload=True), defer(Application.description, raiseload=True))
HISTORY_ROW = (
    *LIST_ROW,
    defer(Application.customer_name, raiseload=True),
    defer(Application.customer_phone, raiseload=True),
    defer(Application.address, raiseload=True),
)


def _search_condition(term: SearchTerm) -> ColumnElement[bool]:
    match term.kind:
        case SearchKind.NUMBER_PREFIX:
            return Application.number.startswith(term.value, autoescape=True)
        case SearchKind.PHONE:
            return Application.phone_bidx == term.value
        case SearchKind.PHONE_LAST4:
            return Application.phone_last4_bidx == term.value
        case SearchKind.NAME:
            return Application.name_bidx == term.value
    return false()


def conditions(filters: ListFilters, *, with_status: bool = True) -> list[ColumnElement[bool]]:
    """WHERE clauses of a filtered list (``with_status=False`` for the per-status counts)."""
    where: list[ColumnElement[bool]] = [ALIVE]
    if with_status and filters.statuses:
        where.append(Application.status.in_(list(filters.statuses)))
    if filters.search is not None:
        where.append(_search_condition(filters.search))
    # Dates are KST calendar days: [start of date_from in Seoul, start of the day after date_to in Seoul).
    if filters.date_from is not None:
        where.append(Application.created_at >= kst_day_start(filters.date_from))
    if filters.date_to is not None:
        where.append(Application.created_at < kst_day_start(filters.date_to + timedelta(days=1)))
    if filters.services:
        where.append(
            exists().where(
                ApplicationService.application_id == Application.id,
                ApplicationService.service_code.in_(list(filters.services)),
            )
        )
    if filters.partner_id is not None:
        where.append(
            exists().where(
                Assignment.application_id == Application.id,
                Assignment.partner_id == filters.partner_id,
                Assignment.status != AssignmentStatus.CANCELLED,
            )
        )
    return where


def _ordered(stmt: Select[Application, int], sort: SortOrder) -> Select[Application, int]:
    if sort == SortOrder.OLDEST:
        return stmt.order_by(Application.created_at, Application.id)
    if sort == SortOrder.NUMBER:
        # YYYYMMDD-NNN sorts as text until a day passes 999; order by day, then sequence length, then text.
        return stmt.order_by(
            func.substr(Application.number, 1, 8).desc(),
            func.length(Application.number).desc(),
            Application.number.desc(),
        )
    return stmt.order_by(Application.created_at.desc(), Application.id.desc())


async def list_page(session: AsyncSession, filters: ListFilters, page: PageParams) -> tuple[Sequence[Application], int]:
    """One page of applications and the filtered total, in one statement (a window count)."""
    stmt = select(Application, func.count().over().label("total")).where(*conditions(filters)).options(*LIST_ROW)
    stmt = _ordered(stmt, filters.sort).limit(page.page_size).offset(page.offset)
    rows = (await session.execute(stmt)).all()
    if rows:
        return [row[0] for row in rows], int(rows[0][1])
    if page.page == 1:
        return [], 0
    # Past the last page: the window count had no row to ride on.
    total = await session.scalar(select(func.count()).select_from(Application).where(*conditions(filters)))
    return [], int(total or 0)


async def status_counts(session: AsyncSession, filters: ListFilters) -> dict[str, int]:
    """Applications per status under every filter except the status one (summary cards)."""
    stmt = (
        select(Application.status, func.count())
        .where(*conditions(filters, with_status=False))
        .group_by(Application.status)
    )
    counts = {status.value: 0 for status in ApplicationStatus}
    for status, count in await session.execute(stmt):
        counts[str(status)] = int(count)
    return counts


async def row_extras(session: AsyncSession, application_ids: Sequence[int]) -> RowExtras:
    """Service names and active partners of many applications: one query each, whatever their number."""
    extras = RowExtras()
    if not application_ids:
        return extras
    services = await session.execute(
        select(ApplicationService.application_id, ApplicationService.service_code, ServiceType.name)
        .join(ServiceType, ServiceType.code == ApplicationService.service_code)
        .where(ApplicationService.application_id.in_(application_ids))
        .order_by(ApplicationService.application_id, ApplicationService.position)
    )
    by_app: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for application_id, code, name in services:
        by_app[application_id].append((code, name))
    partners = await session.execute(
        select(
            Assignment.application_id,
            Assignment.partner_id,
            Partner.company_name,
            Assignment.status,
            Assignment.scheduled_date,
        )
        .join(Partner, Partner.id == Assignment.partner_id)
        .where(Assignment.application_id.in_(application_ids), Assignment.status != AssignmentStatus.CANCELLED)
        .order_by(Assignment.application_id, Assignment.id)
    )
    partners_by_app: dict[int, list[PartnerOnRow]] = defaultdict(list)
    for application_id, partner_id, company_name, status, scheduled_date in partners:
        partners_by_app[application_id].append(
            PartnerOnRow(partner_id, company_name, AssignmentStatus(status), scheduled_date)
        )
    extras.services = dict(by_app)
    extras.partners = dict(partners_by_app)
    return extras


async def get_application(
    session: AsyncSession,
    application_id: int,
    *,
    for_update: bool = False,
    with_photos: bool = False,
) -> Application | None:
    """A live (not deleted) application with its services; ``for_update`` locks the row (PostgreSQL)."""
    stmt = (
        select(Application).where(Application.id == application_id, ALIVE).options(selectinload(Application.services))
    )
    if with_photos:
        stmt = stmt.options(selectinload(Application.photos))
    if for_update:
        stmt = stmt.with_for_update(of=Application).execution_options(populate_existing=True)
    return (await session.scalars(stmt)).first()


async def count_notes(session: AsyncSession, application_id: int) -> int:
    stmt = select(func.count()).where(
        ApplicationNote.application_id == application_id, ApplicationNote.deleted_at.is_(None)
    )
    return int(await session.scalar(stmt) or 0)


async def list_notes(
    session: AsyncSession, application_id: int, page: PageParams
) -> tuple[Sequence[ApplicationNote], int]:
    alive = (ApplicationNote.application_id == application_id, ApplicationNote.deleted_at.is_(None))
    total = await session.scalar(select(func.count()).select_from(ApplicationNote).where(*alive))
    stmt = (
        select(ApplicationNote)
        .where(*alive)
        .order_by(ApplicationNote.created_at.desc(), ApplicationNote.id.desc())
        .limit(page.page_size)
        .offset(page.offset)
    )
    return (await session.scalars(stmt)).all(), int(total or 0)


async def get_note(session: AsyncSession, application_id: int, note_id: int) -> ApplicationNote | None:
    stmt = select(ApplicationNote).where(
        ApplicationNote.id == note_id,
        ApplicationNote.application_id == application_id,
        ApplicationNote.deleted_at.is_(None),
    )
    return (await session.scalars(stmt)).first()


async def status_history(
    session: AsyncSession, application_id: int
) -> Sequence[tuple[ApplicationStatusChange, str | None]]:
    stmt = (
        select(ApplicationStatusChange, Admin.name)
        .outerjoin(Admin, Admin.id == ApplicationStatusChange.admin_id)
        .where(ApplicationStatusChange.application_id == application_id)
        .order_by(ApplicationStatusChange.created_at, ApplicationStatusChange.id)
    )
    return (await session.execute(stmt)).all()


async def customer_history(
    session: AsyncSession, phone_bidx: str, *, limit: int = 20
) -> tuple[Sequence[Application], int]:
    """The newest ``limit`` live applications with the same phone blind index, and how many there are."""
    where = (Application.phone_bidx == phone_bidx, ALIVE)
    total = await session.scalar(select(func.count()).select_from(Application).where(*where))
    stmt = select(Application).where(*where).order_by(Application.created_at.desc(), Application.id.desc()).limit(limit)
    return (await session.scalars(stmt)).all(), int(total or 0)


async def district_name(session: AsyncSession, code: str | None) -> str | None:
    if code is None:
        return None
    stmt = (
        select(Province.short_name, District.name)
        .join(Province, Province.code == District.province_code)
        .where(District.code == code)
    )
    row = (await session.execute(stmt)).first()
    return f"{row[0]} {row[1]}" if row else None
