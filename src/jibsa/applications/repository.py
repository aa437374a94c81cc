"""Queries over applications for the back office. Lists never query per row: each batch is one statement."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    Select,
    String,
    cast,
    exists,
    false,
    func,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer, selectinload

from jibsa.applications.search import SearchKind, SearchTerm
from jibsa.core import data_version
from jibsa.core.data_version import Version
from jibsa.core.korean import kst_day_start
from jibsa.core.pagination import PageParams
from jibsa.models import (
    Admin,
    Application,
    ApplicationNote,
    ApplicationPhoto,
    ApplicationService,
    ApplicationStatus,
    ApplicationStatusChange,
    Assignment,
    AssignmentStatus,
    Partner,
    ServiceType,
    StoredFile,
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


def _ordered(stmt: Select[Application], sort: SortOrder) -> Select[Application]:
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


def only_status_filtered(filters: ListFilters) -> bool:
    """True when nothing but the status (and the sort) narrows the list: its counts are the table's counts."""
    return (
        filters.search is None
        and filters.date_from is None
        and filters.date_to is None
        and not filters.services
        and filters.partner_id is None
    )


async def list_page(session: AsyncSession, filters: ListFilters, page: PageParams) -> Sequence[Application]:
    """One page of applications, read in index order (``created_at``/``id``): the database stops after the page.

    The total comes from :func:`status_counts` (the same filters, grouped by status), not from this statement.
    """
    stmt = select(Application).where(*conditions(filters)).options(*LIST_ROW)
    stmt = _ordered(stmt, filters.sort).limit(page.page_size).offset(page.offset)
    return (await session.scalars(stmt)).all()


def total_of(filters: ListFilters, counts: dict[str, int]) -> int:
    """The filtered total, from the per-status counts under the same filters (the status filter picks the sum)."""
    if not filters.statuses:
        return sum(counts.values())
    return sum(counts.get(str(status), 0) for status in set(filters.statuses))


# --- Status counts: one grouped query, cached in process ------------------------------------------------------------
#
# Unfiltered counts are a GROUP BY over every live application: cheap once, costly on every page of the list. They
# are cached per database under the data version (``core.data_version``): any tracked write of this process, or
# another process's commit seen through the change feed, makes them be counted again. COUNTS_TTL_SECONDS only bounds
# writes made outside the application (``psql``).

COUNTS_TTL_SECONDS = 30.0


@dataclass(slots=True)
class _CountsCache:
    entries: dict[str, tuple[Version, float, dict[str, int]]] = field(default_factory=dict)


_counts_cache = _CountsCache()


def invalidate_status_counts() -> None:
    """Forget every cached count (tests; writes do it on their own)."""
    _counts_cache.entries.clear()


async def _grouped_counts(session: AsyncSession, filters: ListFilters) -> dict[str, int]:
    stmt = (
        select(Application.status, func.count())
        .where(*conditions(filters, with_status=False))
        .group_by(Application.status)
    )
    counts = {status.value: 0 for status in ApplicationStatus}
    for status, count in await session.execute(stmt):
        counts[str(status)] = int(count)
    return counts


async def status_counts(session: AsyncSession, filters: ListFilters) -> dict[str, int]:
    """Applications per status under every filter except the status one (summary cards), in one grouped query.

    Without search/date/service/partner filters the result is cached in process under the data version (see above).
    """
    if not only_status_filtered(filters):
        return await _grouped_counts(session, filters)
    version = data_version.current_for(session)
    if version is None:
        return await _grouped_counts(session, filters)
    key = session.get_bind().engine.url.render_as_string(hide_password=True)
    now = time.monotonic()
    cached = _counts_cache.entries.get(key)
    if cached is not None and cached[0] == version and now - cached[1] < COUNTS_TTL_SECONDS:
        return dict(cached[2])
    counts = await _grouped_counts(session, filters)
    if data_version.current_for(session) == version:
        _counts_cache.entries[key] = (version, now, dict(counts))
    return counts


async def row_extras(session: AsyncSession, application_ids: Sequence[int]) -> RowExtras:
    """Service names and active partners of many applications, in one statement whatever their number.

    The two lists ride one ``UNION ALL`` (kind ``s`` or ``p``): one round trip instead of two on every list page.
    """
    extras = RowExtras()
    if not application_ids:
        return extras
    services = (
        select(
            ApplicationService.application_id.label("application_id"),
            literal("s").label("kind"),
            ApplicationService.position.label("ordinal"),
            ApplicationService.service_code.label("code"),
            ServiceType.name.label("name"),
            cast(null(), BigInteger).label("partner_id"),
            cast(null(), String).label("status"),
            cast(null(), Date).label("scheduled_date"),
        )
        .join(ServiceType, ServiceType.code == ApplicationService.service_code)
        .where(ApplicationService.application_id.in_(application_ids))
    )
    partners = (
        select(
            Assignment.application_id,
            literal("p"),
            Assignment.id,
            cast(null(), String),
            Partner.company_name,
            Assignment.partner_id,
            Assignment.status,
            Assignment.scheduled_date,
        )
        .join(Partner, Partner.id == Assignment.partner_id)
        .where(Assignment.application_id.in_(application_ids), Assignment.status != AssignmentStatus.CANCELLED)
    )
    both = union_all(services, partners).subquery()
    rows = await session.execute(select(both).order_by(both.c.application_id, both.c.kind, both.c.ordinal))
    services_by_app: dict[int, list[tuple[str, str]]] = defaultdict(list)
    partners_by_app: dict[int, list[PartnerOnRow]] = defaultdict(list)
    for application_id, kind, _, code, name, partner_id, status, scheduled_date in rows:
        if kind == "s":
            services_by_app[application_id].append((code, name))
        else:
            partners_by_app[application_id].append(
                PartnerOnRow(partner_id, name, AssignmentStatus(status), scheduled_date)
            )
    extras.services = dict(services_by_app)
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


async def photo_files(session: AsyncSession, application_id: int) -> list[StoredFile]:
    """The stored files of an application's customer photos, in the customer's order."""
    stmt = (
        select(StoredFile)
        .join(ApplicationPhoto, ApplicationPhoto.file_id == StoredFile.id)
        .where(ApplicationPhoto.application_id == application_id)
        .order_by(ApplicationPhoto.position, ApplicationPhoto.id)
    )
    return list((await session.scalars(stmt)).all())


async def count_notes(session: AsyncSession, application_id: int) -> int:
    stmt = select(func.count()).where(
        ApplicationNote.application_id == application_id, ApplicationNote.deleted_at.is_(None)
    )
    return int(await session.scalar(stmt) or 0)


async def list_notes(
    session: AsyncSession, application_id: int, page: PageParams
) -> tuple[Sequence[ApplicationNote], int]:
    total = await count_notes(session, application_id)
    stmt = (
        select(ApplicationNote)
        .where(ApplicationNote.application_id == application_id, ApplicationNote.deleted_at.is_(None))
        .order_by(ApplicationNote.created_at.desc(), ApplicationNote.id.desc())
        .limit(page.page_size)
        .offset(page.offset)
    )
    return (await session.scalars(stmt)).all(), total


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
