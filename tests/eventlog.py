"""A test subscriber recording the application and assignment domain events published while it is installed."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from jibsa import events

E = TypeVar("E", bound=events.Event)
EVENT_TYPES = (
    events.ApplicationStatusChanged,
    events.AssignmentCreated,
    events.AssignmentScheduled,
    events.AssignmentRescheduled,
    events.AssignmentChanged,
    events.AssignmentCompleted,
    events.AssignmentCancelled,
)


class EventLog:
    """Every domain event published while installed (a test subscriber, removed afterwards)."""

    def __init__(self) -> None:
        self.events: list[events.Event] = []

    async def __call__(self, _: AsyncSession, event: events.Event) -> None:
        self.events.append(event)

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]

    def install(self) -> None:
        for kind in EVENT_TYPES:
            events._handlers[kind].append(self)

    def remove(self) -> None:
        for kind in EVENT_TYPES:
            events._handlers[kind].remove(self)
