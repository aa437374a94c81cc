"""Back-office views of applications."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from jibsa.applications.repository import SortOrder
from jibsa.applications.search import SearchType
from jibsa.assignments.schemas import AssignmentOut, ServiceRef
from jibsa.audit.schemas import AuditLogRead
from jibsa.core.pagination import MAX_PAGE_SIZE, CursorPage, Page, Schema
from jibsa.core.validation import CleanText, OptionalCleanText, Phone, length
from jibsa.models import ApplicationStatus


class PartnerRef(Schema):
    partner_id: int
    company_name: str
    assignment_status: str
    scheduled_date: date | None


class ApplicationListItem(Schema):
    id: int
    number: str
    customer_name: str
    customer_phone: str
    address: str
    district_code: str | None
    services: list[ServiceRef]
    status: ApplicationStatus
    status_label: str
    partners: list[PartnerRef]
    next_scheduled_date: date | None
    preferred_consultation_date: date | None
    preferred_work_date: date | None
    created_at: datetime
    updated_at: datetime
    version: int


class StatusCounts(Schema):
    total: int
    new: int
    consulting: int
    assigned: int
    scheduled: int
    completed: int
    cancelled: int


class ApplicationList(Page[ApplicationListItem]):
    counts: StatusCounts


class ApplicationSearch(Schema):
    """The list's filters and page with a search term: sent as a body, so the term stays out of URLs and logs."""

    search: Annotated[
        str, Field(min_length=1, max_length=50, description="신청번호(앞부분), 전화번호, 전화번호 뒤 4자리 또는 고객명")
    ]
    search_type: SearchType = Field(SearchType.AUTO, description="검색 종류 (auto: 자동 판별)")
    status: Annotated[list[ApplicationStatus], Field(max_length=len(ApplicationStatus))] = Field(default_factory=list)
    date_from: date | None = Field(None, description="접수일 시작 (KST, 포함)")
    date_to: date | None = Field(None, description="접수일 끝 (KST, 포함)")
    services: Annotated[
        list[Annotated[str, Field(max_length=30)]], Field(max_length=40, description="서비스 코드 (하나라도 포함)")
    ] = Field(default_factory=list)
    partner_id: int | None = Field(None, description="이 협력사가 배정된 신청")
    sort: SortOrder = SortOrder.NEWEST
    page: int = Field(1, ge=1, le=100_000, description="1부터 시작하는 페이지 번호")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class PhotoOut(Schema):
    file_id: int
    url: str
    thumbnail_url: str


class StatusChangeOut(Schema):
    from_status: str | None
    to_status: str
    reason: str | None
    source: str
    admin_id: int | None
    admin_name: str | None
    created_at: datetime


class ApplicationDetail(Schema):
    id: int
    number: str
    customer_name: str
    customer_phone: str
    address: str
    address_detail: str | None
    district_code: str | None
    district_name: str | None
    description: str
    services: list[ServiceRef]
    photos: list[PhotoOut]
    preferred_consultation_date: date | None
    preferred_work_date: date | None
    status: ApplicationStatus
    status_label: str
    allowed_transitions: list[ApplicationStatus]
    status_changed_at: datetime | None
    first_assigned_at: datetime | None
    completed_at: datetime | None
    cancelled_at: datetime | None
    cancel_reason: str | None
    assigned_admin_id: int | None
    created_at: datetime
    updated_at: datetime
    version: int
    assignments: list[AssignmentOut]
    notes_count: int
    status_history: list[StatusChangeOut]


class ApplicationUpdate(Schema):
    """Partial update. ``version`` (or ``If-Match``) is required; ``reason`` is required to cancel or reopen."""

    version: int | None = None
    status: ApplicationStatus | None = None
    reason: Annotated[OptionalCleanText, length(0, 500)] = None
    send_sms: bool = False
    customer_name: Annotated[CleanText, length(2, 50)] | None = None
    customer_phone: Phone | None = None
    address: Annotated[CleanText, length(5, 200)] | None = None
    address_detail: Annotated[OptionalCleanText, length(0, 200)] = None
    district_code: Annotated[str | None, Field(pattern=r"^\d{5}$")] = None
    description: Annotated[CleanText, length(1, 1000)] | None = None
    preferred_consultation_date: date | None = None
    preferred_work_date: date | None = None


class NoteCreate(Schema):
    content: Annotated[CleanText, length(1, 2000)]


class NoteOut(Schema):
    id: int
    application_id: int
    admin_id: int | None
    admin_name: str
    content: str
    created_at: datetime


class NoteList(Page[NoteOut]):
    pass


class HistoryItem(Schema):
    id: int
    number: str
    status: ApplicationStatus
    status_label: str
    services: list[ServiceRef]
    created_at: datetime
    completed_at: datetime | None
    is_current: bool


class CustomerHistory(Schema):
    customer_phone_masked: str
    total_applications: int
    applications: list[HistoryItem]


class ApplicationDetailView(ApplicationDetail):
    """The detail screen's first load: the detail with the first page of every section the screen shows.

    Each section has its own endpoint too (notes, customer history, the entity's audit history), which the screen
    uses to refresh one section after a change; this saves the round trips of opening the screen.
    """

    notes: NoteList
    """First page of notes, newest first (as ``GET …/notes?page=1&page_size=100``)."""
    customer_history: CustomerHistory
    activity: CursorPage[AuditLogRead]
    """First entries of the application's audit history, newest first (as ``GET /admin/audit-logs/entity/…``)."""
