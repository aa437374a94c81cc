"""Request helpers for the partner back office: the expected version from the body or ``If-Match``."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Header

from jibsa.core.errors import InvalidInput

_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,9})"?\s*$')

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match", description='기대하는 버전 (예: "3"); 본문의 version 대신 보낼 수 있습니다.', max_length=40
    ),
]


def expected_version(body_version: int | None, if_match: str | None) -> int:
    """The version the client edited: the body's ``version``, else ``If-Match``; one of them is required."""
    if body_version is not None:
        return body_version
    if if_match is not None:
        match = _ETAG.match(if_match)
        if match is None:
            raise InvalidInput("If-Match", "버전 형식이 올바르지 않습니다.")
        return int(match.group(1))
    raise InvalidInput("version", "버전 정보(version 또는 If-Match)가 필요합니다.", code="version_required")
