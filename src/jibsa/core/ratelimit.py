"""Rate limits per client IP and per phone hash (in memory, or shared through Redis when configured)."""

from __future__ import annotations

import math
import time
from typing import Any

from fastapi import Request
from limits import parse
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from jibsa.core.errors import RateLimited


class RateLimiter:
    def __init__(self, redis_url: str | None = None) -> None:
        uri = f"async+{redis_url}" if redis_url else "async+memory://"
        self._storage: Any = storage_from_string(uri)
        self._limiter = MovingWindowRateLimiter(self._storage)
        self.enabled = True

    async def hit(self, limit: str, scope: str, identifier: str) -> None:
        """Count one request; raise ``RateLimited`` (429 with Retry-After) when over the limit."""
        if not self.enabled:
            return
        item = parse(limit)
        if await self._limiter.hit(item, scope, identifier):
            return
        stats = await self._limiter.get_window_stats(item, scope, identifier)
        raise RateLimited(retry_after=math.ceil(stats.reset_time - time.time()))

    async def reset(self) -> None:
        await self._storage.reset()


def client_ip(request: Request) -> str:
    """The peer address; put a trusted proxy's ``--forwarded-allow-ips`` in front to honour X-Forwarded-For."""
    return request.client.host if request.client else "unknown"


def get_rate_limiter(request: Request) -> RateLimiter:
    limiter: RateLimiter = request.app.state.rate_limiter
    return limiter
