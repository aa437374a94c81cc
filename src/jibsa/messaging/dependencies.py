"""Request dependencies of the messaging routes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends

from jibsa.core.korean import now_utc

Clock = Callable[[], datetime]


async def get_clock() -> Clock:
    """The current time (UTC); tests override it to check quiet hours."""
    return now_utc


ClockDep = Annotated[Clock, Depends(get_clock)]
