"""Periodic work the messaging worker runs on every tick (visit reminders, bulk job batches, ...).

Tasks register themselves at import; the worker imports the modules that define them and runs each task in its
own unit of work. A task must be idempotent: it may run on several workers or twice after a crash.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

PeriodicFn = Callable[[AsyncSession, datetime], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class PeriodicTask:
    name: str
    fn: PeriodicFn
    every: timedelta


PERIODIC_TASKS: dict[str, PeriodicTask] = {}

# Modules that register periodic tasks or event handlers; the app and the worker import them at start.
TASK_MODULES: tuple[str, ...] = (
    "jibsa.messaging.triggers",
    "jibsa.messaging.reminders",
    "jibsa.messaging.bulk",
    "jibsa.files.sweep",
)


def periodic(name: str, every: timedelta) -> Callable[[PeriodicFn], PeriodicFn]:
    """Register ``fn(session, now)`` to run about every ``every``."""

    def register(fn: PeriodicFn) -> PeriodicFn:
        PERIODIC_TASKS[name] = PeriodicTask(name, fn, every)
        return fn

    return register
