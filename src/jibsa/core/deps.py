"""Shared request dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from jibsa.core.config import Settings
from jibsa.core.ratelimit import RateLimiter, get_rate_limiter
from jibsa.files.storage import Storage


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_storage(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
StorageDep = Annotated[Storage, Depends(get_storage)]
LimiterDep = Annotated[RateLimiter, Depends(get_rate_limiter)]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="같은 키로 다시 보내면 첫 응답을 그대로 돌려줍니다.",
        max_length=120,
    ),
]
