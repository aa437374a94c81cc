"""Small in-process cache for public reference data, with ETag / If-None-Match revalidation."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

import orjson
from fastapi import Depends, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.db import get_database


@dataclass(frozen=True, slots=True)
class _Entry:
    body: bytes
    etag: str
    expires: float


class ResponseCache:
    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def invalidate(self, prefix: str = "") -> None:
        for key in [k for k in self._entries if k.startswith(prefix)]:
            del self._entries[key]

    async def respond(
        self,
        request: Request,
        key: str,
        produce: Callable[[], Awaitable[Any]],
        *,
        ttl: float = 60,
        max_age: int = 300,
    ) -> Response:
        entry = self._entries.get(key)
        if entry is None or entry.expires < time.monotonic():
            body = orjson.dumps(await produce())
            entry = _Entry(body, f'"{hashlib.sha256(body).hexdigest()[:20]}"', time.monotonic() + ttl)
            self._entries[key] = entry
        headers = {"ETag": entry.etag, "Cache-Control": f"public, max-age={max_age}"}
        if entry.etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(entry.body, media_type="application/json", headers=headers)


async def cached_read(
    request: Request,
    key: str,
    query: Callable[[AsyncSession], Awaitable[Any]],
    *,
    ttl: float = 60,
    max_age: int = 300,
) -> Response:
    """A public cached read: ``query(session)`` runs in a read-only unit of work only when the entry is missing.

    Called from the route body rather than injected: on a path answered from memory thousands of times a second,
    every FastAPI dependency costs about 10 µs (measured: the catalogue went from 67 % to 78 % of ``/health``).
    """

    async def produce() -> Any:
        async with get_database(request).transaction(read_only=True) as session:
            return await query(session)

    return await get_response_cache(request).respond(request, key, produce, ttl=ttl, max_age=max_age)


def get_response_cache(request: Request) -> ResponseCache:
    cache: ResponseCache = request.app.state.response_cache
    return cache


async def _response_cache(request: Request) -> ResponseCache:
    return get_response_cache(request)


ResponseCacheDep = Annotated[ResponseCache, Depends(_response_cache)]
"""Inject the response cache (an ``async`` dependency: FastAPI would run a plain ``def`` one in a thread)."""
