"""Optimistic concurrency: the client's ``version`` (body or ``If-Match``) against the row's."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Header
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from jibsa.applications.exceptions import VersionRequired
from jibsa.core.errors import InvalidInput, VersionConflict

_IF_MATCH = re.compile(r'^\s*(?:W/)?"?(\d{1,9})"?\s*$')

IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description='버전 번호 (예: "3"); 본문의 version 대신 보낼 수 있습니다.'),
]


def expected_version(body_version: int | None, if_match: str | None) -> int:
    """The version the client edited: the body's, else the ``If-Match`` header's (428 when neither)."""
    if body_version is not None:
        return body_version
    if if_match is None:
        raise VersionRequired()
    match = _IF_MATCH.match(if_match)
    if match is None:
        raise InvalidInput("If-Match", 'If-Match 헤더는 버전 번호여야 합니다. (예: "3")')
    return int(match.group(1))


def check_version(current: int, expected: int) -> None:
    """409 ``version_conflict`` when the row changed since the client read it."""
    if current != expected:
        raise VersionConflict(details={"current_version": current, "your_version": expected})


async def flush_or_conflict(session: AsyncSession) -> None:
    """Flush; a concurrent writer that got there first (0 rows matched the version) is a 409, not a 500."""
    try:
        await session.flush()
    except StaleDataError as exc:
        raise VersionConflict() from exc
