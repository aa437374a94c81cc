"""Reusable field types with Korean error messages."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from jibsa.core.korean import normalise_business_number, normalise_phone, today_kst

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|javascript\s*:|\bon[a-z]+\s*=|expression\s*\(", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """NFC, trimmed, without control characters; markup is refused."""
    value = _CONTROL.sub("", unicodedata.normalize("NFC", value)).strip()
    if _MARKUP.search(value):
        raise ValueError("HTML 태그나 스크립트는 입력할 수 없습니다.")
    return value


def length(min_length: int, max_length: int) -> AfterValidator:
    """Length bounds with Korean messages (applied after cleaning)."""

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        if len(value) < min_length:
            raise ValueError(f"{min_length}자 이상 입력해 주세요.")
        if len(value) > max_length:
            raise ValueError(f"{max_length}자 이하로 입력해 주세요.")
        return value

    return AfterValidator(check)


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _clean_optional(value: str | None) -> str | None:
    return clean_text(value) or None if value is not None else None


CleanText = Annotated[str, AfterValidator(clean_text)]
OptionalCleanText = Annotated[str | None, BeforeValidator(_blank_to_none), AfterValidator(_clean_optional)]


def _phone(value: str) -> str:
    digits = normalise_phone(value)
    if digits is None:
        raise ValueError("올바른 전화번호를 입력해 주세요. (예: 010-1234-5678)")
    return digits


def _business_number(value: str | None) -> str | None:
    if value is None:
        return None
    digits = normalise_business_number(value)
    if digits is None:
        raise ValueError("올바른 사업자등록번호가 아닙니다. (예: 123-45-67890)")
    return digits


def _not_past(value: date | None) -> date | None:
    if value is not None and value < today_kst():
        raise ValueError("오늘 이후의 날짜를 선택해 주세요.")
    return value


def _must_be_true(value: bool) -> bool:
    if not value:
        raise ValueError("동의가 필요합니다.")
    return value


Phone = Annotated[str, AfterValidator(_phone)]
BusinessNumber = Annotated[str | None, BeforeValidator(_blank_to_none), AfterValidator(_business_number)]
FutureDate = Annotated[date | None, BeforeValidator(_blank_to_none), AfterValidator(_not_past)]
Consent = Annotated[bool, AfterValidator(_must_be_true)]
