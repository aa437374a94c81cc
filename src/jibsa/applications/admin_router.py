"""Back-office applications: list, status counts, detail, edit/status, soft delete, notes, customer history."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from jibsa.admins.dependencies import AdminRead, CurrentAdmin, ReadingAdmin, SuperAdmin
from jibsa.applications import photo_archive, service
from jibsa.applications.admin_schemas import (
    ApplicationDetail,
    ApplicationDetailView,
    ApplicationList,
    ApplicationSearch,
    ApplicationUpdate,
    CustomerHistory,
    NoteCreate,
    NoteList,
    NoteOut,
    StatusCounts,
)
from jibsa.applications.repository import ListFilters, SortOrder
from jibsa.applications.search import SearchTerm, parse_search
from jibsa.applications.versioning import IfMatch, expected_version
from jibsa.core.db import ReadOnly, SessionDep, WritesOnRead
from jibsa.core.deps import StorageDep, check_no_search_in_url
from jibsa.core.errors import InvalidInput
from jibsa.core.pagination import MAX_PAGE_SIZE, PageDep, PageParams
from jibsa.files.admin_router import content_disposition
from jibsa.models import ApplicationStatus

router = APIRouter(prefix="/admin/applications", tags=["admin-applications"])
MAX_SERVICES = 40


def _comma_list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def build_filters(
    *,
    statuses: list[str],
    date_from: date | None,
    date_to: date | None,
    services: list[str],
    partner_id: int | None,
    sort: SortOrder,
    search: SearchTerm | None = None,
) -> ListFilters:
    """The list's filters, checked once for the GET list and the POST search alike."""
    unknown = [s for s in statuses if s not in {m.value for m in ApplicationStatus}]
    if unknown:
        raise InvalidInput("status", f"알 수 없는 상태입니다: {', '.join(unknown)}")
    if date_from and date_to and date_from > date_to:
        raise InvalidInput("date_to", "끝 날짜가 시작 날짜보다 빠릅니다.")
    if len(services) > MAX_SERVICES:
        raise InvalidInput("services", f"서비스는 {MAX_SERVICES}개까지 고를 수 있습니다.")
    return ListFilters(
        statuses=[ApplicationStatus(s) for s in statuses],
        search=search,
        date_from=date_from,
        date_to=date_to,
        services=services,
        partner_id=partner_id,
        sort=sort,
    )


class ListQuery(BaseModel):
    """The GET list's and the status counts' filters, as query parameters.

    One model rather than a parameter each: FastAPI validates it in one call, where each separate parameter (and
    each dependency) costs it several microseconds per request on a screen that is otherwise answered from memory.
    """

    status: str | None = Field(None, description="상태 (쉼표로 여러 개: new,consulting)")
    date_from: date | None = Field(None, description="접수일 시작 (KST, 포함)")
    date_to: date | None = Field(None, description="접수일 끝 (KST, 포함)")
    services: str | None = Field(None, description="서비스 코드 (쉼표로 여러 개, 하나라도 포함)")
    partner_id: int | None = Field(None, description="이 협력사가 배정된 신청")
    sort: SortOrder = Field(SortOrder.NEWEST, description="newest(기본), oldest, number")

    def filters(self, request: Request) -> ListFilters:
        """The checked filters; a search in the URL is refused (it belongs in ``POST /search``)."""
        check_no_search_in_url(request)
        return build_filters(
            statuses=_comma_list(self.status),
            date_from=self.date_from,
            date_to=self.date_to,
            services=_comma_list(self.services),
            partner_id=self.partner_id,
            sort=self.sort,
        )


class ListPageQuery(ListQuery):
    page: int = Field(1, ge=1, le=100_000, description="1부터 시작하는 페이지 번호")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


@router.get("", response_model=ApplicationList, operation_id="admin-applications-list")
async def list_applications(read: AdminRead, request: Request, params: Annotated[ListPageQuery, Query()]) -> Response:
    """List applications with filters and per-status counts (searching is ``POST /search``: no terms in URLs)."""
    filters, page = params.filters(request), PageParams(page=params.page, page_size=params.page_size)
    return await read(lambda session: service.list_applications(session, filters, page))


@router.post(
    "/search", response_model=ApplicationList, operation_id="admin-applications-search", dependencies=[ReadOnly]
)
async def search_applications(read: AdminRead, data: ApplicationSearch) -> Response:
    """The list searched by number, phone, last 4 digits or name; the term travels in the body, never the URL."""
    filters = build_filters(
        statuses=[s.value for s in data.status],
        date_from=data.date_from,
        date_to=data.date_to,
        services=[code.strip() for code in data.services if code.strip()],
        partner_id=data.partner_id,
        sort=data.sort,
        search=parse_search(data.search, data.search_type),
    )
    page = PageParams(page=data.page, page_size=data.page_size)
    return await read(lambda session: service.list_applications(session, filters, page), key=data.model_dump_json())


@router.get(
    "/status-counts",
    response_model=StatusCounts,
    operation_id="admin-applications-status-counts",
)
async def status_counts(read: AdminRead, request: Request, params: Annotated[ListQuery, Query()]) -> Response:
    """Per-status counts under the same filters as the list (the status filter aside; a search answers its own)."""
    filters = params.filters(request)
    return await read(lambda session: service.status_counts(session, filters))


@router.get(
    "/{application_id}",
    response_model=ApplicationDetailView,
    operation_id="admin-applications-get",
    dependencies=[WritesOnRead],
)
async def get_application(
    application_id: int, request: Request, session: SessionDep, admin: ReadingAdmin
) -> ApplicationDetailView:
    """One application with personal data, assignments, photos, status history and first notes (audited read)."""
    detail = await service.get_view(session, application_id, admin=admin)
    await service.record_view(session, admin=admin, application_id=application_id, request=request)
    return detail


@router.put("/{application_id}", response_model=ApplicationDetail, operation_id="admin-applications-update")
async def update_application(
    application_id: int,
    data: ApplicationUpdate,
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    if_match: IfMatch = None,
) -> ApplicationDetail:
    """Edit fields and/or change the status (``version`` or ``If-Match`` required; stale → 409)."""
    version = expected_version(data.version, if_match)
    return await service.update_application(
        session, application_id, data, expected_version=version, admin=admin, request=request
    )


@router.delete("/{application_id}", status_code=204, operation_id="admin-applications-delete")
async def delete_application(
    application_id: int, request: Request, session: SessionDep, admin: SuperAdmin, if_match: IfMatch = None
) -> Response:
    """Soft-delete an application (super admin only)."""
    version = expected_version(None, if_match) if if_match is not None else None
    await service.delete_application(session, application_id, expected_version=version, admin=admin, request=request)
    return Response(status_code=204)


@router.get("/{application_id}/notes", response_model=NoteList, operation_id="admin-applications-notes-list")
async def list_notes(application_id: int, session: SessionDep, _: CurrentAdmin, page: PageDep) -> NoteList:
    """Notes of an application, newest first."""
    return await service.list_notes(session, application_id, page)


@router.post(
    "/{application_id}/notes", status_code=201, response_model=NoteOut, operation_id="admin-applications-notes-add"
)
async def add_note(
    application_id: int, data: NoteCreate, request: Request, session: SessionDep, admin: CurrentAdmin
) -> NoteOut:
    """Append a note (notes are never edited)."""
    return await service.add_note(session, application_id, data, admin=admin, request=request)


@router.delete("/{application_id}/notes/{note_id}", status_code=204, operation_id="admin-applications-notes-delete")
async def delete_note(
    application_id: int, note_id: int, request: Request, session: SessionDep, admin: CurrentAdmin
) -> Response:
    """Delete (hide) a note: one's own, or any as super admin."""
    await service.delete_note(session, application_id, note_id, admin=admin, request=request)
    return Response(status_code=204)


@router.get(
    "/{application_id}/customer-history",
    response_model=CustomerHistory,
    operation_id="admin-applications-customer-history",
)
async def customer_history(application_id: int, session: SessionDep, _: CurrentAdmin) -> CustomerHistory:
    """The same customer's applications (same phone), newest first, at most 20."""
    return await service.customer_history(session, application_id)


@router.get(
    "/{application_id}/photos.zip",
    operation_id="admin-applications-photos-zip",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/zip": {}}, "description": "사진 원본 ZIP (무압축 저장)"}},
    dependencies=[WritesOnRead],
)
async def photos_zip(
    application_id: int, request: Request, session: SessionDep, admin: CurrentAdmin, storage: StorageDep
) -> StreamingResponse:
    """All of the application's customer photos (originals) as one ZIP; the download is audited."""
    archive = await photo_archive.collect(session, storage, application_id, admin=admin, request=request)
    return StreamingResponse(
        photo_archive.zip_stream(archive.entries),
        media_type="application/zip",
        headers={
            "Content-Disposition": content_disposition("attachment", archive.filename),
            "Cache-Control": "private, no-store",
        },
    )
