"""Shared request dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from jibsa.core.config import Settings
from jibsa.core.errors import SearchInUrl
from jibsa.core.ratelimit import RateLimiter, get_rate_limiter
from jibsa.files.storage import Storage


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_storage(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


# FastAPI runs a plain ``def`` dependency in its thread pool: a thread hop (and a GIL hand-over) per dependency per
# request. These only read ``app.state``, so the dependencies are ``async def`` wrappers around the helpers above
# (which stay plain functions for direct callers).
async def _settings(request: Request) -> Settings:
    return get_app_settings(request)


async def _storage(request: Request) -> Storage:
    return get_storage(request)


async def _rate_limiter(request: Request) -> RateLimiter:
    return get_rate_limiter(request)


SettingsDep = Annotated[Settings, Depends(_settings)]
StorageDep = Annotated[Storage, Depends(_storage)]
LimiterDep = Annotated[RateLimiter, Depends(_rate_limiter)]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="같은 키로 다시 보내면 첫 응답을 그대로 돌려줍니다.",
        max_length=120,
    ),
]


SEARCH_QUERY_KEYS = ("search", "search_type")


def check_no_search_in_url(request: Request) -> None:
    """Refuse ``?search=`` on a list whose search moved to ``POST …/search`` (the term may be personal data).

    An older page still sending it would otherwise get the whole list back as if it were the search result.
    """
    for key in SEARCH_QUERY_KEYS:
        if key in request.query_params:
            raise SearchInUrl(key)


async def refuse_search_in_url(request: Request) -> None:
    check_no_search_in_url(request)


NoSearchInUrl = Depends(refuse_search_in_url)
