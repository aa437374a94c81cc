from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, Field, model_validator

from jibsa.core.pagination import MAX_PAGE_SIZE, Schema
from jibsa.core.validation import CleanText, Phone, length
from jibsa.models import ApplicationStatus, MessageStatus, MessageType, PartnerStatus, TriggerSource

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_message(value: str) -> str:
    """NFC, Unix line ends, no control characters, trimmed (message texts are plain text, never markup)."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value).strip()


MessageText = Annotated[str, AfterValidator(clean_message), length(1, 2000)]
Subject = Annotated[str | None, AfterValidator(lambda v: clean_message(v) or None if v is not None else None)]
Identifier = Annotated[str, Field(min_length=1, max_length=50, pattern=r"^[a-zA-Z_][a-zA-Z0-9_]*$")]
RecipientKind = Literal["customer", "partner", "admin", "other"]


# --- templates -------------------------------------------------------------------------------------------------


class SmsTemplateRead(Schema):
    id: int
    key: str
    title: str
    description: str
    content: str
    subject: str | None
    variables: list[str]
    is_active: bool
    is_system: bool
    updated_by: int | None
    created_at: datetime
    updated_at: datetime


class SmsTemplateCreate(Schema):
    key: Annotated[str, Field(min_length=2, max_length=50, pattern=r"^[a-z][a-z0-9_]*$")]
    title: Annotated[CleanText, length(1, 100)]
    description: Annotated[CleanText, length(0, 255)] = ""
    content: MessageText
    subject: Subject = None
    variables: Annotated[list[Identifier], Field(default_factory=list, max_length=30)]
    is_active: bool = True


class SmsTemplateUpdate(Schema):
    """Fields to change; system templates accept ``content`` and ``is_active`` only."""

    title: Annotated[CleanText | None, length(1, 100)] = None
    description: Annotated[CleanText | None, length(0, 255)] = None
    content: MessageText | None = None
    subject: Subject = None
    variables: Annotated[list[Identifier] | None, Field(max_length=30)] = None
    is_active: bool | None = None


class TemplatePreviewRequest(Schema):
    """Either a stored template (``template_key``) or unsaved ``content``, with sample ``variables``."""

    template_key: Annotated[str | None, Field(max_length=50)] = None
    content: MessageText | None = None
    variables: dict[Identifier, str | int | None] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        if (self.template_key is None) == (self.content is None):
            raise ValueError("template_key 또는 content 중 하나만 보내 주세요.")
        return self


class TemplatePreview(Schema):
    original: str
    preview: str
    subject: str | None
    byte_length: int
    message_type: MessageType
    unsupported_characters: list[str]


# --- manual sends ----------------------------------------------------------------------------------------------


class _Recipient(Schema):
    receiver_phone: Phone | None = None
    application_id: int | None = Field(default=None, description="받는 사람: 이 신청의 고객 (전화번호 대신)")
    partner_id: int | None = Field(default=None, description="받는 사람: 이 협력사 (전화번호 대신)")
    recipient_kind: RecipientKind | None = None

    @model_validator(mode="after")
    def _one_recipient(self) -> Self:
        given = [v for v in (self.receiver_phone, self.application_id, self.partner_id) if v is not None]
        if len(given) != 1:
            raise ValueError("receiver_phone, application_id, partner_id 중 하나만 보내 주세요.")
        return self


class SmsSendRequest(_Recipient):
    message: MessageText
    subject: Subject = None


class MmsSendForm(_Recipient):
    """The text fields of the ``send-mms`` multipart form (images come as ``images`` files)."""

    message: MessageText
    subject: Subject = None


class SmsQueued(Schema):
    id: int
    status: MessageStatus
    message_type: MessageType
    byte_length: int
    recipient_masked: str
    image_file_ids: list[int] = Field(default_factory=list)
    message: str = "발송 대기열에 등록되었습니다."


# --- logs ------------------------------------------------------------------------------------------------------


class SmsItem(Schema):
    id: int
    recipient_masked: str
    recipient_kind: str
    text: str
    subject: str | None
    message_type: MessageType
    template_key: str | None
    trigger: TriggerSource
    reference_type: str | None
    reference_id: int | None
    bulk_job_id: int | None
    retry_of_id: int | None
    status: MessageStatus
    attempts: int
    result_code: str | None
    result_message: str | None
    image_file_ids: list[int]
    created_by: int | None
    created_at: datetime
    sent_at: datetime | None


class SmsDetail(SmsItem):
    recipient: str
    provider: str | None
    provider_message_id: str | None
    next_attempt_at: datetime


class SmsStatsBucket(Schema):
    total: int = 0
    queued: int = 0
    sent: int = 0
    failed: int = 0
    cancelled: int = 0


class SmsStats(Schema):
    today: SmsStatsBucket
    this_month: SmsStatsBucket
    total: SmsStatsBucket


class SmsLogFilters(Schema):
    status: MessageStatus | None = None
    message_type: MessageType | None = None
    trigger: TriggerSource | None = None
    template_key: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    search: str | None = None


class SmsLogQuery(BaseModel):
    """The log's filters and cursor: the GET list's query parameters (one model, validated in one call), and the
    search body's fields besides the phone. Unknown query parameters are ignored, as for any GET."""

    status: MessageStatus | None = None
    message_type: MessageType | None = None
    trigger: TriggerSource | None = None
    template_key: Annotated[str | None, Field(max_length=50)] = None
    date_from: date | None = Field(None, description="YYYY-MM-DD (KST)")
    date_to: date | None = Field(None, description="YYYY-MM-DD (KST), 포함")
    cursor: Annotated[str | None, Field(max_length=40)] = None
    limit: int = Field(50, ge=1, le=100)

    def filters(self) -> SmsLogFilters:
        return SmsLogFilters.model_validate(self.model_dump(exclude={"cursor", "limit"}))


class SmsLogSearch(SmsLogQuery):
    """The log's filters and cursor with a phone to search: sent as a body, so the number stays out of URLs."""

    model_config = Schema.model_config

    search: Annotated[str, Field(min_length=1, max_length=20, description="전화번호 전체 또는 뒤 4자리")]


class RecipientSearch(Schema):
    """The recipient picker's query with a name or phone to search: sent as a body, out of URLs and logs."""

    search: Annotated[
        str,
        Field(
            min_length=1,
            max_length=50,
            description="고객: 이름, 전화번호(전체·뒤 4자리), 신청번호 / 협력사: 업체명, 대표자명, 전화번호",
        ),
    ]
    target_type: Literal["customer", "partner"] = "customer"
    status: Annotated[str | None, Field(max_length=20)] = None
    page: int = Field(1, ge=1, le=100_000, description="1부터 시작하는 페이지 번호")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class RecipientItem(Schema):
    target_type: Literal["customer", "partner"]
    id: int = Field(description="고객: 최근 신청 id, 협력사: 협력사 id")
    name: str
    phone_masked: str
    label: str
    status: str


# --- bulk jobs -------------------------------------------------------------------------------------------------


class BulkTargetFilter(Schema):
    status: Annotated[str | None, Field(max_length=20)] = None
    district_code: Annotated[str | None, Field(pattern=r"^\d{5}$")] = None
    service_code: Annotated[str | None, Field(max_length=30)] = None


class BulkJobCreate(Schema):
    title: Annotated[CleanText, length(1, 200)]
    job_type: Literal["announcement", "status_notify", "manual_select"]
    target_type: Literal["customer", "partner"]
    target_filter: BulkTargetFilter | None = None
    target_ids: Annotated[list[int] | None, Field(max_length=5000)] = None
    message: MessageText
    is_advertisement: bool = False

    @model_validator(mode="after")
    def _targets(self) -> Self:
        status = self.target_filter.status if self.target_filter else None
        allowed = ApplicationStatus if self.target_type == "customer" else PartnerStatus
        if status is not None and status not in set(allowed):
            raise ValueError(f"target_filter.status: 허용되지 않는 상태입니다 ({status}).")
        if self.job_type == "manual_select" and not self.target_ids:
            raise ValueError("manual_select 작업에는 target_ids가 필요합니다.")
        if self.job_type == "status_notify" and status is None:
            raise ValueError("status_notify 작업에는 target_filter.status가 필요합니다.")
        if self.target_type == "partner" and self.target_filter and self.target_filter.district_code:
            raise ValueError("협력사 대상에는 district_code 조건을 쓸 수 없습니다.")
        return self


class BulkProgress(Schema):
    total: int
    enqueued: int
    queued: int
    sent: int
    failed: int
    cancelled: int
    percent: int


class BulkFailure(Schema):
    id: int
    recipient_masked: str
    result_code: str | None
    result_message: str | None


class BulkJobRead(Schema):
    id: int
    title: str
    job_type: str
    target_type: str
    target_filter: dict[str, Any] | None
    target_ids: list[int] | None
    message: str
    is_advertisement: bool
    status: str
    created_by: int | None
    created_by_name: str | None = Field(description="만든 관리자 이름 (계정이 지워졌으면 없음)")
    created_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    cancelled_at: datetime | None
    progress: BulkProgress


class BulkJobDetail(BulkJobRead):
    failures: list[BulkFailure]
