from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import EmailStr, Field, field_validator

from jibsa.core.pagination import Schema
from jibsa.core.validation import BusinessNumber, CleanText, OptionalCleanText, Phone, length
from jibsa.models import VatMode


class CompanyProfileOut(Schema):
    name: str
    phone: str
    sms_prefix: str
    address: str
    business_number: str
    """Digits (empty when not set); ``business_number_formatted`` is 123-45-67890."""
    business_number_formatted: str
    representative: str
    email: str
    bank_account: str
    stamp_text: str
    tagline: str
    vat_mode: VatMode
    sms_sender: str
    reminder_hour: int
    updated_at: datetime


class CompanyProfileUpdate(Schema):
    """Only the fields sent change; ``null`` or an empty string clears an optional field."""

    name: Annotated[CleanText | None, length(1, 100)] = None
    phone: Phone | None = None
    sms_prefix: Annotated[OptionalCleanText, length(0, 30)] = None
    address: Annotated[OptionalCleanText, length(0, 200)] = None
    business_number: BusinessNumber = None
    representative: Annotated[OptionalCleanText, length(0, 50)] = None
    email: Annotated[EmailStr | None, Field(max_length=100)] = None
    bank_account: Annotated[OptionalCleanText, length(0, 100)] = None
    stamp_text: Annotated[OptionalCleanText, length(0, 50)] = None
    tagline: Annotated[OptionalCleanText, length(0, 200)] = None
    vat_mode: VatMode | None = None
    sms_sender: Phone | None = None
    reminder_hour: Annotated[int | None, Field(ge=0, le=23)] = None

    @field_validator("phone", "email", "sms_sender", mode="before")
    @classmethod
    def _blank(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


class PublicCompany(Schema):
    """What the public web app shows in its header and footer."""

    name: str
    phone: str
    address: str
    business_number: str
    """Formatted 123-45-67890, or empty."""
    representative: str
    email: str
    tagline: str
