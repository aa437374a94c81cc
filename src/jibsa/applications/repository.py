"""Queries over applications for the back office. Lists never query per row: each batch is one statement."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    Row,
    Select,
    String,
    bindparam,
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
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.elements import BindParameter

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
    AssignmentService,
    AssignmentStatus,
    Partner,
    ServiceType,
    StoredFile,
)

S = TypeVar("S", bound=Select[*tuple[Any, ...]])


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
# Decrypt only what a screen shows: list rows are the list's columns (no detail-only PII), as plain rows.
LIST_COLUMNS = (
    Application.id,
    Application.number,
    Application.customer_name,
    Application.customer_phone,
    Application.address,
    Application.district_code,
    Application.status,
    Application.preferred_consultation_date,
    Application.preferred_work_date,
    Application.created_at,
    Application.updated_at,
    Application.version,
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


def _ordered(stmt: S, sort: SortOrder) -> S:
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


def _page_statement(where: Sequence[ColumnElement[bool]], sort: SortOrder) -> Select[*tuple[Any, ...]]:
    stmt = _ordered(select(*LIST_COLUMNS).where(*where), sort)
    return stmt.limit(bindparam("limit")).offset(bindparam("offset"))


# The list's usual statements are built once: no filter, the status tabs, and a blind-index search (one equality on
# one column), per sort order; a request only binds. A number prefix, dates, services or a partner build their own.
_SEARCH_COLUMNS = {
    SearchKind.PHONE: Application.phone_bidx,
    SearchKind.PHONE_LAST4: Application.phone_last4_bidx,
    SearchKind.NAME: Application.name_bidx,
}
_NO_SEARCH = ""


def _prebuilt_shape(filters: ListFilters) -> str | None:
    """The search kind the filters' prebuilt statements are keyed on (``_NO_SEARCH`` without a search), or ``None``
    when the filters need statements of their own."""
    if only_status_filtered(filters):
        return _NO_SEARCH
    searched_only = (
        filters.date_from is None and filters.date_to is None and not filters.services and filters.partner_id is None
    )
    if searched_only and filters.search is not None and filters.search.kind in _SEARCH_COLUMNS:
        return filters.search.kind
    return None


def _prebuilt_where(shape: str, *, by_status: bool) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [ALIVE]
    if by_status:
        where.append(Application.status.in_(bindparam("statuses", expanding=True)))
    if shape != _NO_SEARCH:
        where.append(_SEARCH_COLUMNS[SearchKind(shape)] == bindparam("search"))
    return where


_SHAPES = (_NO_SEARCH, *_SEARCH_COLUMNS)
_PAGES = {
    (sort, shape, by_status): _page_statement(_prebuilt_where(shape, by_status=by_status), sort)
    for sort in SortOrder
    for shape in _SHAPES
    for by_status in (False, True)
}
_COUNTS = {
    shape: select(Application.status, func.count())
    .where(*_prebuilt_where(shape, by_status=False))
    .group_by(Application.status)
    for shape in _SHAPES
}


def _search_params(filters: ListFilters) -> dict[str, Any]:
    return {} if filters.search is None else {"search": filters.search.value}


async def list_page(session: AsyncSession, filters: ListFilters, page: PageParams) -> Sequence[Row[*tuple[Any, ...]]]:
    """One page of applications, read in index order (``created_at``/``id``): the database stops after the page.

    The total comes from :func:`status_counts` (the same filters, grouped by status), not from this statement.
    """
    params: dict[str, Any] = {"limit": page.page_size, "offset": page.offset}
    shape = _prebuilt_shape(filters)
    if shape is None:
        stmt = _page_statement(conditions(filters), filters.sort)
    else:
        stmt = _PAGES[filters.sort, shape, bool(filters.statuses)]
        params |= _search_params(filters)
        if filters.statuses:
            params["statuses"] = list(filters.statuses)
    return (await session.execute(stmt, params)).all()


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


# Per database URL: (version, when, counts).
_counts_cache: dict[str, tuple[Version, float, dict[str, int]]] = {}


def invalidate_status_counts() -> None:
    """Forget every cached count (tests; writes do it on their own)."""
    _counts_cache.clear()


async def _grouped_counts(session: AsyncSession, filters: ListFilters) -> dict[str, int]:
    shape = _prebuilt_shape(filters)
    if shape is None:
        stmt = (
            select(Application.status, func.count())
            .where(*conditions(filters, with_status=False))
            .group_by(Application.status)
        )
        params = {}
    else:
        stmt, params = _COUNTS[shape], _search_params(filters)
    counts = {status.value: 0 for status in ApplicationStatus}
    for status, count in await session.execute(stmt, params):
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
    cached = _counts_cache.get(key)
    if cached is not None and cached[0] == version and now - cached[1] < COUNTS_TTL_SECONDS:
        return dict(cached[2])
    counts = await _grouped_counts(session, filters)
    if data_version.current_for(session) == version:
        _counts_cache[key] = (version, now, dict(counts))
    return counts


# Built once: each request only binds the ids, and SQLAlchemy's compiled cache answers the rest (building a UNION's
# subquery per request cost a quarter of the list's CPU).
_IDS: BindParameter[Sequence[int]] = bindparam("ids", expanding=True)
_SERVICES_AND_PARTNERS = union_all(
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
    .where(ApplicationService.application_id.in_(_IDS)),
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
    .where(Assignment.application_id.in_(_IDS), Assignment.status != AssignmentStatus.CANCELLED),
).subquery()
_ROW_EXTRAS = select(_SERVICES_AND_PARTNERS).order_by(
    _SERVICES_AND_PARTNERS.c.application_id, _SERVICES_AND_PARTNERS.c.kind, _SERVICES_AND_PARTNERS.c.ordinal
)


async def row_extras(session: AsyncSession, application_ids: Sequence[int]) -> RowExtras:
    """Service names and active partners of many applications, in one statement whatever their number.

    The two lists ride one ``UNION ALL`` (kind ``s`` or ``p``): one round trip instead of two on every list page.
    """
    extras = RowExtras()
    if not application_ids:
        return extras
    services_by_app: dict[int, list[tuple[str, str]]] = defaultdict(list)
    partners_by_app: dict[int, list[PartnerOnRow]] = defaultdict(list)
    rows = await session.execute(_ROW_EXTRAS, {"ids": list(application_ids)})
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


# Built once: a request binds the id (SQLAlchemy's compiled cache does the rest).
_LIVE_APPLICATION = (
    select(Application)
    .where(Application.id == bindparam("application_id"), ALIVE)
    .options(selectinload(Application.services))
)


async def get_application(
    session: AsyncSession,
    application_id: int,
    *,
    for_update: bool = False,
) -> Application | None:
    """A live (not deleted) application with its services; ``for_update`` locks the row (PostgreSQL)."""
    stmt = _LIVE_APPLICATION
    if for_update:
        stmt = stmt.with_for_update(of=Application).execution_options(populate_existing=True)
    return (await session.scalars(stmt, {"application_id": application_id})).first()


# The detail screen's application: its columns as a plain row (no identity map, no change tracking) ...
_DETAIL_COLUMNS = (
    Application.id,
    Application.number,
    Application.customer_name,
    Application.customer_phone,
    Application.address,
    Application.address_detail,
    Application.phone_bidx,
    Application.district_code,
    Application.description,
    Application.preferred_consultation_date,
    Application.preferred_work_date,
    Application.status,
    Application.status_changed_at,
    Application.first_assigned_at,
    Application.completed_at,
    Application.cancelled_at,
    Application.cancel_reason,
    Application.assigned_admin_id,
    Application.created_at,
    Application.updated_at,
    Application.version,
)
_LIVE_DETAIL_ROW = select(*_DETAIL_COLUMNS).where(Application.id == bindparam("application_id"), ALIVE)
# ... and the lists around it in one UNION ALL: its service codes (kind s), its photos (p) and the service codes of
# each of its assignments (a), each in its own order. One round trip where the ORM's eager loads took three.
_APPLICATION_ID: BindParameter[int] = bindparam("application_id")
_PARTS = union_all(
    select(
        literal("s").label("kind"),
        ApplicationService.application_id.label("owner_id"),
        ApplicationService.position.label("ordinal"),
        cast(literal(0), BigInteger).label("tiebreak"),
        ApplicationService.service_code.label("code"),
        cast(null(), BigInteger).label("file_id"),
    ).where(ApplicationService.application_id == _APPLICATION_ID),
    select(
        literal("p"),
        ApplicationPhoto.application_id,
        ApplicationPhoto.position,
        ApplicationPhoto.id,
        cast(null(), String),
        ApplicationPhoto.file_id,
    ).where(ApplicationPhoto.application_id == _APPLICATION_ID),
    select(
        literal("a"),
        AssignmentService.assignment_id,
        AssignmentService.position,
        cast(literal(0), BigInteger),
        AssignmentService.service_code,
        cast(null(), BigInteger),
    )
    .join(Assignment, Assignment.id == AssignmentService.assignment_id)
    .where(Assignment.application_id == _APPLICATION_ID),
).subquery()
_DETAIL_PARTS = select(_PARTS.c.kind, _PARTS.c.owner_id, _PARTS.c.code, _PARTS.c.file_id).order_by(
    _PARTS.c.kind, _PARTS.c.owner_id, _PARTS.c.ordinal, _PARTS.c.tiebreak
)


@dataclass(frozen=True, slots=True)
class DetailRecord:
    """A live application as the detail screens read it: plain values, nothing bound to the session."""

    application: Row[*tuple[Any, ...]]  # the _DETAIL_COLUMNS, by name
    service_codes: list[str]
    photo_file_ids: list[int]
    assignment_service_codes: dict[int, list[str]]  # assignment id → its service codes


async def detail_record(session: AsyncSession, application_id: int) -> DetailRecord | None:
    """A live application with its service codes, photos and its assignments' service codes, in two statements."""
    params = {"application_id": application_id}
    application = (await session.execute(_LIVE_DETAIL_ROW, params)).first()
    if application is None:
        return None
    services: list[str] = []
    photos: list[int] = []
    assignment_services: dict[int, list[str]] = defaultdict(list)
    for kind, owner_id, code, file_id in await session.execute(_DETAIL_PARTS, params):
        if kind == "s":
            services.append(code)
        elif kind == "p":
            photos.append(file_id)
        else:
            assignment_services[owner_id].append(code)
    return DetailRecord(application, services, photos, dict(assignment_services))


async def photo_files(session: AsyncSession, application_id: int) -> list[StoredFile]:
    """The stored files of an application's customer photos, in the customer's order."""
    stmt = (
        select(StoredFile)
        .join(ApplicationPhoto, ApplicationPhoto.file_id == StoredFile.id)
        .where(ApplicationPhoto.application_id == application_id)
        .order_by(ApplicationPhoto.position, ApplicationPhoto.id)
    )
    return list((await session.scalars(stmt)).all())


_LIVE_NOTE = (ApplicationNote.application_id == bindparam("application_id"), ApplicationNote.deleted_at.is_(None))
_COUNT_NOTES = select(func.count()).where(*_LIVE_NOTE)
# Notes are appended and only ever hidden: a page of them is plain rows of their columns.
_NOTE_COLUMNS = tuple(attribute.class_attribute for attribute in ApplicationNote.__mapper__.column_attrs)
_NOTES_PAGE = (
    select(*_NOTE_COLUMNS)
    .where(*_LIVE_NOTE)
    .order_by(ApplicationNote.created_at.desc(), ApplicationNote.id.desc())
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)


async def count_notes(session: AsyncSession, application_id: int) -> int:
    return int(await session.scalar(_COUNT_NOTES, {"application_id": application_id}) or 0)


async def list_notes(
    session: AsyncSession, application_id: int, page: PageParams
) -> tuple[Sequence[Row[*tuple[Any, ...]]], int]:
    """A page of live notes (rows of their columns), newest first, and how many there are (counted only when the
    page cannot tell)."""
    params = {"application_id": application_id, "limit": page.page_size, "offset": page.offset}
    notes = (await session.execute(_NOTES_PAGE, params)).all()
    if len(notes) < page.page_size and (notes or page.offset == 0):
        return notes, page.offset + len(notes)  # the last page: the total is what came before it plus what it holds
    return notes, await count_notes(session, application_id)


async def get_note(session: AsyncSession, application_id: int, note_id: int) -> ApplicationNote | None:
    stmt = select(ApplicationNote).where(
        ApplicationNote.id == note_id,
        ApplicationNote.application_id == application_id,
        ApplicationNote.deleted_at.is_(None),
    )
    return (await session.scalars(stmt)).first()


_STATUS_HISTORY = (
    select(
        ApplicationStatusChange.from_status,
        ApplicationStatusChange.to_status,
        ApplicationStatusChange.reason,
        ApplicationStatusChange.source,
        ApplicationStatusChange.admin_id,
        Admin.name,
        ApplicationStatusChange.created_at,
    )
    .outerjoin(Admin, Admin.id == ApplicationStatusChange.admin_id)
    .where(ApplicationStatusChange.application_id == bindparam("application_id"))
    .order_by(ApplicationStatusChange.created_at, ApplicationStatusChange.id)
)
# from_status, to_status, reason, source, admin_id, admin name, created_at
StatusChangeRow = Row[str | None, str, str | None, str, int | None, str | None, datetime]


async def status_history(session: AsyncSession, application_id: int) -> Sequence[StatusChangeRow]:
    """Every status change of an application, oldest first, with the admin's name (plain rows)."""
    return (await session.execute(_STATUS_HISTORY, {"application_id": application_id})).all()


_HISTORY_PAGE = (
    select(
        Application.id,
        Application.number,
        Application.status,
        Application.created_at,
        Application.completed_at,
        func.count().over().label("total"),  # windows run before LIMIT: every matching row is counted
    )
    .where(Application.phone_bidx == bindparam("phone_bidx"), ALIVE)
    .order_by(Application.created_at.desc(), Application.id.desc())
    .limit(bindparam("limit"))
    .subquery()
)
# The page, then each application's service codes joined to it: one statement (one row per service).
_CUSTOMER_HISTORY = (
    select(_HISTORY_PAGE, ApplicationService.service_code)
    .outerjoin(ApplicationService, ApplicationService.application_id == _HISTORY_PAGE.c.id)
    .order_by(_HISTORY_PAGE.c.created_at.desc(), _HISTORY_PAGE.c.id.desc(), ApplicationService.position)
)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    number: str
    status: str
    created_at: datetime
    completed_at: datetime | None
    service_codes: list[str]


async def customer_history(
    session: AsyncSession, phone_bidx: str, *, limit: int = 20
) -> tuple[list[HistoryEntry], int]:
    """The newest ``limit`` live applications with the same phone blind index with their service codes, and how
    many there are, in one statement (plain rows: no PII column is read)."""
    entries: dict[int, HistoryEntry] = {}
    total = 0
    for row in await session.execute(_CUSTOMER_HISTORY, {"phone_bidx": phone_bidx, "limit": limit}):
        entry = entries.get(row.id)
        if entry is None:
            entry = entries[row.id] = HistoryEntry(row.id, row.number, row.status, row.created_at, row.completed_at, [])
            total = row.total
        if row.service_code is not None:
            entry.service_codes.append(row.service_code)
    return list(entries.values()), total
