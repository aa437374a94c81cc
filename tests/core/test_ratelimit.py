from __future__ import annotations

import pytest
from limits import parse

from jibsa.core.errors import RateLimited
from jibsa.core.ratelimit import RateLimiter, SlidingWindowLog


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class TestSlidingWindowLog:
    def test_allows_the_limit_then_waits_for_the_oldest_hit(self) -> None:
        clock = FakeClock()
        log = SlidingWindowLog(clock)
        item = parse("3/minute")
        for step in range(3):
            clock.now += 1
            assert log.hit(item, ("ip", "a")) is None, step
        clock.now += 1
        assert log.hit(item, ("ip", "a")) == pytest.approx(57.0)
        assert log.hit(item, ("ip", "b")) is None  # keys are independent
        clock.now += 57.5
        assert log.hit(item, ("ip", "a")) is None

    def test_refused_hits_do_not_extend_the_window(self) -> None:
        clock = FakeClock()
        log = SlidingWindowLog(clock)
        item = parse("1/second")
        assert log.hit(item, ("k",)) is None
        for _ in range(5):
            assert log.hit(item, ("k",)) is not None
        clock.now += 1.01
        assert log.hit(item, ("k",)) is None


class TestRateLimiter:
    async def test_raises_429_with_retry_after(self) -> None:
        limiter = RateLimiter()
        await limiter.hit("2/hour", "submit", "x")
        await limiter.hit("2/hour", "submit", "x")
        with pytest.raises(RateLimited) as refused:
            await limiter.hit("2/hour", "submit", "x")
        assert refused.value.headers is not None
        assert 3500 < int(refused.value.headers["Retry-After"]) <= 3600
        await limiter.reset()
        await limiter.hit("2/hour", "submit", "x")
