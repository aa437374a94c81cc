"""Rate limits per client IP and per phone hash: in memory per process, or shared through Redis when configured.

The limits themselves are the ``limits`` package's strings ("10/minute"). Shared limits use its Redis moving window;
the in-process default is a small sliding-window log of our own, because the package's in-memory async storage
expires keys with a thread hop per key, which measurably cost every request under load (docs/benchmarks.md).
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from fastapi import Request
from limits import RateLimitItem, parse
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from jibsa.core.errors import RateLimited

SWEEP_EVERY = 1024

# The few limit strings of the settings, parsed once each (``parse`` runs its regular expressions on every call).
_parse = lru_cache(maxsize=64)(parse)


class SlidingWindowLog:
    """In-process moving window: the times of the last ``amount`` hits per key."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._hits: dict[tuple[str, ...], deque[float]] = {}
        self._clock = clock
        self._since_sweep = 0

    def hit(self, item: RateLimitItem, key: tuple[str, ...]) -> float | None:
        """Record a hit; ``None`` when allowed, else the seconds until the oldest hit leaves the window."""
        now = self._clock()
        window = float(item.get_expiry())
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = deque(maxlen=item.amount)
        while hits and hits[0] <= now - window:
            hits.popleft()
        self._maybe_sweep(now)
        if len(hits) >= item.amount:
            return hits[0] + window - now
        hits.append(now)
        return None

    def _maybe_sweep(self, now: float) -> None:
        self._since_sweep += 1
        if self._since_sweep < SWEEP_EVERY:
            return
        self._since_sweep = 0
        # Keys idle for an hour are dropped (no limit we use has a longer window than that).
        stale = [key for key, hits in self._hits.items() if not hits or hits[-1] < now - 3600]
        for key in stale:
            del self._hits[key]

    def reset(self) -> None:
        self._hits.clear()


class RateLimiter:
    def __init__(self, redis_url: str | None = None) -> None:
        self._local = SlidingWindowLog() if not redis_url else None
        self._storage: Any = storage_from_string(f"async+{redis_url}") if redis_url else None
        self._shared = MovingWindowRateLimiter(self._storage) if self._storage is not None else None
        self.enabled = True

    async def hit(self, limit: str, scope: str, identifier: str) -> None:
        """Count one request; raise ``RateLimited`` (429 with Retry-After) when over the limit."""
        if not self.enabled:
            return
        item = _parse(limit)
        if self._local is not None:
            wait = self._local.hit(item, (scope, identifier))
            if wait is not None:
                raise RateLimited(retry_after=math.ceil(wait))
            return
        assert self._shared is not None
        if await self._shared.hit(item, scope, identifier):
            return
        stats = await self._shared.get_window_stats(item, scope, identifier)
        raise RateLimited(retry_after=math.ceil(stats.reset_time - time.time()))

    async def reset(self) -> None:
        if self._local is not None:
            self._local.reset()
        if self._storage is not None:
            await self._storage.reset()


def client_ip(request: Request) -> str:
    """The peer address; put a trusted proxy's ``--forwarded-allow-ips`` in front to honour X-Forwarded-For."""
    return request.client.host if request.client else "unknown"


def get_rate_limiter(request: Request) -> RateLimiter:
    limiter: RateLimiter = request.app.state.rate_limiter
    return limiter
