from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import EmailStr, Field, field_validator, model_validator

from jibsa.audit.schemas import AuditLogRead
from jibsa.core.pagination import MAX_PAGE_SIZE, CursorPage, Page, Schema
from jibsa.core.validation import BusinessNumber, CleanText, Consent, OptionalCleanText, Phone, length
from jibsa.models import PartnerStatus


class WorkRegionIn(Schema):
    province_code: Annotated[str, Field(pattern=r"^\d{2}$")]
    district_codes: Annotated[list[Annotated[str, Field(pattern=r"^\d{5}$")]], Field(max_length=100)] = Field(
        default_factory=list
    )
    all_districts: bool = False

    @model_validator(mode="after")
    def _districts_or_all(self) -> WorkRegionIn:
        if not self.all_districts and not self.district_codes:
            raise ValueError("시/군/구를 하나 이상 선택하거나 '전체'를 선택해 주세요.")
        return self


class PartnerCreate(Schema):
    """A public partner registration (JSON body, or the text fields of the multipart form)."""

    company_name: Annotated[CleanText, length(2, 100)]
    representative_name: Annotated[CleanText, length(2, 50)]
    business_number: BusinessNumber = None
    contact_phone: Phone
    contact_email: Annotated[EmailStr | None, Field(max_length=100)] = None
    address: Annotated[CleanText, length(5, 200)]
    address_detail: Annotated[OptionalCleanText, length(0, 200)] = None
    service_codes: Annotated[list[Annotated[str, Field(max_length=30)]], Field(min_length=1, max_length=40)]
    work_regions: Annotated[list[WorkRegionIn], Field(min_length=1, max_length=17)]
    introduction: Annotated[OptionalCleanText, length(0, 500)] = None
    experience: Annotated[OptionalCleanText, length(0, 500)] = None
    remarks: Annotated[OptionalCleanText, length(0, 500)] = None
    privacy_consent: Consent
    terms_consent: Consent

    @field_validator("contact_email", mode="before")
    @classmethod
    def _blank_email(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("service_codes")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class PartnerRegistered(Schema):
    message: str
    is_duplicate: bool
    duplicate_type: Literal["business_number", "phone_company"] | None = None


# --- Back office -------------------------------------------------------------------------------------------------


class ServiceRef(Schema):
    code: str
    name: str


class PartnerListItem(Schema):
    id: int
    company_name: str
    representative_name: str
    contact_phone: str
    services: list[ServiceRef]
    status: PartnerStatus
    status_label: str
    created_at: datetime
    approved_at: datetime | None
    version: int


class PartnerList(Page[PartnerListItem]):
    status_counts: dict[str, int]
    """Counts per status under the same filters, ignoring ``status`` (for the summary cards)."""


class PartnerSearch(Schema):
    """The list's filters and page with a search term: sent as a body, so the term stays out of URLs and logs."""

    search: Annotated[
        str,
        Field(min_length=1, max_length=100, description="업체명, 대표자명, 전화번호(전체 또는 뒤 4자리), 사업자번호"),
    ]
    status: PartnerStatus | None = None
    services: Annotated[
        list[Annotated[str, Field(max_length=30)]], Field(max_length=40, description="서비스 코드 (하나라도 포함)")
    ] = Field(default_factory=list)
    district_code: Annotated[str | None, Field(pattern=r"^\d{5}$")] = None
    province_code: Annotated[str | None, Field(pattern=r"^\d{2}$")] = None
    date_from: date | None = Field(None, description="등록일 시작 (KST)")
    date_to: date | None = Field(None, description="등록일 끝 (KST, 포함)")
    page: int = Field(1, ge=1, le=100_000, description="1부터 시작하는 페이지 번호")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class DistrictRef(Schema):
    code: str
    name: str


class WorkRegionOut(Schema):
    province_code: str
    province_name: str
    all_districts: bool
    districts: list[DistrictRef]


class FileRef(Schema):
    url: str
    content_type: str
    size_bytes: int
    original_name: str | None


class PartnerDetail(Schema):
    id: int
    company_name: str
    representative_name: str
    business_number: str | None
    contact_phone: str
    contact_email: str | None
    address: str
    address_detail: str | None
    introduction: str | None
    experience: str | None
    remarks: str | None
    services: list[ServiceRef]
    work_regions: list[WorkRegionOut]
    business_registration: FileRef | None
    status: PartnerStatus
    status_label: str
    status_reason: str | None
    status_changed_at: datetime | None
    allowed_transitions: list[PartnerStatus]
    approved_by: int | None
    approved_by_name: str | None
    approved_at: datetime | None
    notes_count: int
    active_assignments: int
    created_at: datetime
    updated_at: datetime
    version: int


class PartnerUpdate(Schema):
    """Editable fields: only those sent change; an explicit ``null`` clears an optional field.

    ``version`` goes here or in ``If-Match``. Status changes go through ``/status``.
    """

    company_name: Annotated[CleanText | None, length(2, 100)] = None
    representative_name: Annotated[CleanText | None, length(2, 50)] = None
    business_number: BusinessNumber = None
    contact_phone: Phone | None = None
    contact_email: Annotated[EmailStr | None, Field(max_length=100)] = None
    address: Annotated[CleanText | None, length(5, 200)] = None
    address_detail: Annotated[OptionalCleanText, length(0, 200)] = None
    introduction: Annotated[OptionalCleanText, length(0, 500)] = None
    experience: Annotated[OptionalCleanText, length(0, 500)] = None
    remarks: Annotated[OptionalCleanText, length(0, 500)] = None
    service_codes: Annotated[list[Annotated[str, Field(max_length=30)]] | None, Field(min_length=1, max_length=40)] = (
        None
    )
    work_regions: Annotated[list[WorkRegionIn] | None, Field(min_length=1, max_length=17)] = None
    version: Annotated[int | None, Field(ge=1)] = None

    @field_validator("contact_email", mode="before")
    @classmethod
    def _blank_email(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("service_codes")
    @classmethod
    def _unique(cls, value: list[str] | None) -> list[str] | None:
        return list(dict.fromkeys(value)) if value is not None else None


class PartnerStatusChange(Schema):
    status: PartnerStatus
    reason: Annotated[OptionalCleanText, length(0, 500)] = None
    send_sms: bool = True
    version: Annotated[int | None, Field(ge=1)] = None


class SimilarPartner(Schema):
    id: int
    company_name: str
    representative_name: str
    status: PartnerStatus
    status_label: str
    matched_on: list[Literal["business_number", "phone"]]
    created_at: datetime


class SimilarPartners(Schema):
    partner_id: int
    company_name: str
    similar_partners: list[SimilarPartner]
    total: int


class PartnerNoteCreate(Schema):
    content: Annotated[CleanText, length(1, 2000)]


class PartnerNoteOut(Schema):
    id: int
    partner_id: int
    admin_id: int | None
    admin_name: str
    note_type: str
    content: str
    old_status: str | None
    new_status: str | None
    created_at: datetime


class PartnerDetailView(PartnerDetail):
    """The detail screen's first load: the detail with its notes, possible duplicates and audit history.

    Each section has its own endpoint too, which the screen uses to refresh one section after a change.
    """

    notes: list[PartnerNoteOut]
    similar: SimilarPartners
    activity: CursorPage[AuditLogRead]
    """First entries of the partner's audit history, newest first (as ``GET /admin/audit-logs/entity/…``)."""
