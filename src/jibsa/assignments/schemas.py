from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, field_validator

from jibsa.core.pagination import Schema
from jibsa.core.validation import CleanText, OptionalCleanText, length
from jibsa.models import AssignmentStatus, QuoteStatus

SLOT_WORDS = ("오전", "오후", "종일")
_HOUR = re.compile(r"^(0?9|1[0-6]):(00|30)$")


def _slot(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if value in SLOT_WORDS:
        return value
    match = _HOUR.match(value)
    if match is None or (match.group(1) == "16" and match.group(2) == "30"):
        raise ValueError("시간은 09:00~16:00 또는 오전, 오후, 종일 중에서 골라 주세요.")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


ScheduledTime = Annotated[str | None, BeforeValidator(_blank_to_none), AfterValidator(_slot)]
Cost = Annotated[int | None, Field(ge=0, le=1_000_000_000)]
ServiceCodes = Annotated[list[Annotated[str, Field(min_length=1, max_length=30)]], Field(min_length=1, max_length=40)]


def _unique(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(code.strip() for code in codes))


class ServiceRef(Schema):
    code: str
    name: str


class AssignmentCreate(Schema):
    """A partner takes on some of the application's services (service codes in)."""

    partner_id: int
    service_codes: ServiceCodes
    scheduled_date: date | None = None
    scheduled_time: ScheduledTime = None
    estimated_cost: Cost = None
    estimate_note: Annotated[OptionalCleanText, length(0, 1000)] = None
    note: Annotated[OptionalCleanText, length(0, 500)] = None
    send_sms: bool = False

    @field_validator("service_codes")
    @classmethod
    def _unique_services(cls, value: list[str]) -> list[str]:
        return _unique(value)


class AssignmentUpdate(Schema):
    """Partial update: only the fields sent change (``null`` clears a date, time, cost or note)."""

    version: int | None = None
    partner_id: int | None = None
    service_codes: ServiceCodes | None = None
    status: Literal["pending", "scheduled", "completed"] | None = None
    scheduled_date: date | None = None
    scheduled_time: ScheduledTime = None
    estimated_cost: Cost = None
    final_cost: Cost = None
    estimate_note: Annotated[OptionalCleanText, length(0, 1000)] = None
    note: Annotated[OptionalCleanText, length(0, 500)] = None
    send_sms: bool = False

    @field_validator("service_codes")
    @classmethod
    def _unique_services(cls, value: list[str] | None) -> list[str] | None:
        return _unique(value) if value is not None else None


class AssignmentCancel(Schema):
    reason: Annotated[CleanText, length(1, 500)]
    version: int | None = None
    send_sms: bool = False


class BatchStatusUpdate(Schema):
    assignment_ids: Annotated[list[int], Field(min_length=1, max_length=100)]
    status: Literal["pending", "scheduled", "completed"]
    send_sms: bool = True


class BulkAssign(Schema):
    """One partner for many applications; a date schedules every assignment made (status ``scheduled``)."""

    application_ids: Annotated[list[int], Field(min_length=1, max_length=50)]
    partner_id: int
    scheduled_date: date | None = None
    scheduled_time: ScheduledTime = None
    send_sms: bool = False


class AssignmentOut(Schema):
    id: int
    application_id: int
    partner_id: int
    partner_name: str
    partner_representative: str
    partner_phone: str
    services: list[ServiceRef]
    status: AssignmentStatus
    status_label: str
    scheduled_date: date | None
    scheduled_time: str | None
    estimated_cost: int | None
    final_cost: int | None
    estimate_note: str | None
    note: str | None
    quote_status: QuoteStatus
    quote_sent_at: datetime | None
    quote_viewed_at: datetime | None
    assigned_by: int | None
    completed_at: datetime | None
    cancelled_at: datetime | None
    cancel_reason: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class ScheduleConflict(Schema):
    """Another job of the same partner on the same day in an overlapping slot (a warning, never a refusal)."""

    assignment_id: int
    application_id: int
    application_number: str
    scheduled_date: date
    scheduled_time: str | None
    status: AssignmentStatus


class AssignmentResult(Schema):
    assignment: AssignmentOut
    application_status: str
    application_version: int
    schedule_conflicts: list[ScheduleConflict]


class BatchItemResult(Schema):
    assignment_id: int
    success: bool
    code: str | None = None
    message: str
    old_status: str | None = None
    new_status: str | None = None


class BatchStatusResult(Schema):
    message: str
    success_count: int
    failed_count: int
    results: list[BatchItemResult]
    application_status: str
    application_version: int


class BulkItemResult(Schema):
    application_id: int
    application_number: str | None = None
    success: bool
    code: str | None = None
    message: str
    assignment_id: int | None = None
    service_codes: list[str] = Field(default_factory=list)
    schedule_conflicts: list[ScheduleConflict] = Field(default_factory=list)


class BulkAssignResult(Schema):
    message: str
    success_count: int
    failed_count: int
    results: list[BulkItemResult]


class RegionOut(Schema):
    province_code: str
    province_name: str
    district_code: str | None
    district_name: str | None


class PartnerRank(Schema):
    partner_id: int
    company_name: str
    representative_name: str
    covered_services: list[ServiceRef]
    covered_count: int
    unassigned_count: int
    covers_all: bool
    covers_district: bool | None
    regions: list[RegionOut]
    active_assignments: int


class PartnerRanking(Schema):
    application_id: int
    district_code: str | None
    unassigned_services: list[ServiceRef]
    partners: list[PartnerRank]


class SmsQueued(Schema):
    message_id: int
    target: Literal["customer", "partner"]
    recipient_masked: str
    template_key: str
    message_type: str
    status: str
