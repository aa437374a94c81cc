"""The list's search box: what was typed is recognised (number, phone, last 4 digits, name) and turned into an
exact blind-index match or an application-number prefix. No plaintext ever reaches the database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.korean import normalise_phone


class SearchType(StrEnum):
    AUTO = "auto"
    NUMBER = "number"
    PHONE = "phone"
    NAME = "name"


class SearchKind(StrEnum):
    NUMBER_PREFIX = "number_prefix"
    PHONE = "phone"
    PHONE_LAST4 = "phone_last4"
    NAME = "name"
    NOTHING = "nothing"  # recognisably nothing that can match


@dataclass(frozen=True, slots=True)
class SearchTerm:
    kind: SearchKind
    value: str


_NUMBER_WITH_HYPHEN = re.compile(r"^(\d{8})-(\d{0,5})$")
_NUMBER_DIGITS = re.compile(r"^(\d{8})(\d{0,5})$")
_PHONE_CHARS = re.compile(r"^[\d\s\-().+]+$")
_SEPARATORS = re.compile(r"[\s\-().]")


def _is_date(digits: str) -> bool:
    try:
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return 2020 <= day.year <= 2099


def _number_prefix(text: str) -> str | None:
    """``20261128-00``, ``2026112800`` or ``20261128`` → a prefix of ``YYYYMMDD-NNN``."""
    match = _NUMBER_WITH_HYPHEN.match(text) or _NUMBER_DIGITS.match(text)
    if match is None or not _is_date(match.group(1)):
        return None
    day, sequence = match.groups()
    return f"{day}-{sequence}" if sequence or "-" in text else day


def _phone(text: str) -> SearchTerm | None:
    if not _PHONE_CHARS.match(text):
        return None
    digits = _SEPARATORS.sub("", text)
    if len(digits) == 4 and digits.isdigit():
        return SearchTerm(SearchKind.PHONE_LAST4, blind_index("phone_last4", digits))
    full = normalise_phone(text)
    if full is not None:
        return SearchTerm(SearchKind.PHONE, blind_index("phone", full))
    return None


def _name(text: str) -> SearchTerm:
    name = normalise_name(text)
    return SearchTerm(SearchKind.NAME, blind_index("name", name)) if name else SearchTerm(SearchKind.NOTHING, "")


def parse_search(raw: str | None, search_type: SearchType = SearchType.AUTO) -> SearchTerm | None:
    """Recognise the search text; ``None`` means no search at all."""
    text = (raw or "").strip()
    if not text:
        return None
    nothing = SearchTerm(SearchKind.NOTHING, "")
    if search_type == SearchType.NUMBER:
        prefix = _number_prefix(text.replace(" ", ""))
        return SearchTerm(SearchKind.NUMBER_PREFIX, prefix) if prefix else nothing
    if search_type == SearchType.PHONE:
        return _phone(text) or nothing
    if search_type == SearchType.NAME:
        return _name(text)
    prefix = _number_prefix(text)
    if prefix is not None:
        return SearchTerm(SearchKind.NUMBER_PREFIX, prefix)
    phone = _phone(text)
    if phone is not None:
        return phone
    if _PHONE_CHARS.match(text):
        return nothing  # digits that are neither a number, a phone nor its last 4 digits
    return _name(text)
