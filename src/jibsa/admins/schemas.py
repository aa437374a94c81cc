"""Admin accounts and authentication: request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, EmailStr, Field

from jibsa.core.korean import normalise_phone
from jibsa.core.pagination import Schema
from jibsa.core.validation import CleanText, Phone, length
from jibsa.models import AdminRole

# argon2 hashes whatever it is given: bound the input so a huge body cannot burn CPU.
Password = Annotated[str, Field(min_length=8, max_length=128)]
AnyPassword = Annotated[str, Field(min_length=1, max_length=128)]
AdminName = Annotated[CleanText, length(2, 100)]


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _optional_phone(value: str | None) -> str | None:
    if value is None:
        return None
    digits = normalise_phone(value) if len(value) <= 30 else None
    if digits is None:
        raise ValueError("올바른 전화번호를 입력해 주세요. (예: 010-1234-5678)")
    return digits


# "" (or null) clears the number; anything else must be a valid Korean phone number.
ClearablePhone = Annotated[str | None, BeforeValidator(_blank_to_none), AfterValidator(_optional_phone)]


class AdminCreate(Schema):
    email: EmailStr
    password: Password
    name: AdminName
    phone: Phone | None = None
    role: AdminRole = AdminRole.ADMIN


class AdminUpdate(Schema):
    """Fields a super admin may change on an account; omitted fields stay as they are."""

    name: AdminName | None = None
    phone: ClearablePhone = None
    role: AdminRole | None = None
    is_active: bool | None = None


class AdminRead(Schema):
    id: int
    email: str
    name: str
    phone: str | None
    role: AdminRole
    is_active: bool
    last_login_at: datetime | None
    created_at: datetime


class ProfileUpdate(Schema):
    """Own profile: ``phone: ""`` clears the number."""

    name: AdminName | None = None
    phone: ClearablePhone = None


class PasswordChange(Schema):
    current_password: AnyPassword
    new_password: Password


class LoginRequest(Schema):
    email: EmailStr
    password: AnyPassword


class RefreshRequest(Schema):
    refresh_token: Annotated[str, Field(min_length=1, max_length=1000)]


class TokenResponse(Schema):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="액세스 토큰 유효 시간(초)")
    admin: AdminRead
