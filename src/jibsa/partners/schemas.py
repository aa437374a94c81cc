from __future__ import annotations

from typing import Annotated, Literal

from pydantic import EmailStr, Field, field_validator, model_validator

from jibsa.core.pagination import Schema
from jibsa.core.validation import BusinessNumber, CleanText, Consent, OptionalCleanText, Phone, length


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
