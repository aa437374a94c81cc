"""Values as messages show them, and the checks every outgoing text passes before it is queued."""

from __future__ import annotations

from datetime import date
from typing import Any

from jibsa.messaging.exceptions import MessageTooLong, UnsupportedCharacters
from jibsa.messaging.outbox import format_company_phone
from jibsa.messaging.text import LMS_MAX_BYTES, SUBJECT_MAX_BYTES, byte_length, unsupported_characters
from jibsa.models import CompanyProfile

COMPANY_VARIABLES = ("company_name", "company_phone")


def won(amount: int | None, *, missing: str = "협의") -> str:
    """12000 → ``12,000원``."""
    return f"{amount:,}원" if amount is not None else missing


def day(value: date | None, *, missing: str = "미정") -> str:
    return value.isoformat() if value is not None else missing


def phone(digits: str | None) -> str:
    """Digits as ``010-1234-5678``; anything else is shown as stored."""
    return format_company_phone(digits) if digits else ""


def company_variables(profile: CompanyProfile) -> dict[str, Any]:
    return {"company_name": profile.name, "company_phone": phone(profile.phone)}


def check_text(text: str, *, field: str = "message", limit: int = LMS_MAX_BYTES) -> int:
    """Refuse characters outside EUC-KR and texts over ``limit`` CP949 bytes; return the byte length."""
    unsupported = unsupported_characters(text)
    if unsupported:
        raise UnsupportedCharacters(field, unsupported)
    length = byte_length(text)
    if length > limit:
        raise MessageTooLong(field, length, limit)
    return length


def check_subject(subject: str | None) -> None:
    if subject:
        check_text(subject, field="subject", limit=SUBJECT_MAX_BYTES)
