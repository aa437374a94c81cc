from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field, field_validator

from jibsa.core.pagination import Schema
from jibsa.core.validation import CleanText, Consent, FutureDate, OptionalCleanText, Phone, length
from jibsa.models import ApplicationStatus


class ApplicationCreate(Schema):
    """A public service request (JSON body, or the text fields of the multipart form)."""

    customer_name: Annotated[CleanText, length(2, 50)]
    customer_phone: Phone
    address: Annotated[CleanText, length(5, 200)]
    address_detail: Annotated[OptionalCleanText, length(0, 200)] = None
    district_code: Annotated[str | None, Field(max_length=5, pattern=r"^\d{5}$")] = None
    selected_services: Annotated[list[Annotated[str, Field(max_length=30)]], Field(min_length=1, max_length=20)]
    description: Annotated[CleanText, length(10, 1000)]
    preferred_consultation_date: FutureDate = None
    preferred_work_date: FutureDate = None
    privacy_consent: Consent

    @field_validator("selected_services")
    @classmethod
    def _unique_services(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(code.strip() for code in value if code.strip())) or _raise_empty()


def _raise_empty() -> list[str]:
    raise ValueError("서비스를 하나 이상 선택해 주세요.")


class DuplicateInfo(Schema):
    existing_application_number: str
    existing_status: ApplicationStatus
    existing_status_label: str
    existing_created_at: datetime


class ApplicationSubmitted(Schema):
    application_number: str
    message: str
    is_duplicate: bool
    duplicate_info: DuplicateInfo | None = None
