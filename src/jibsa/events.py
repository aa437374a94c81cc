"""Domain events, published inside the unit of work that causes them.

Features that change state publish events (the state machine owns application transitions); features that react
(messaging turns them into outbox rows) subscribe. Handlers run in the caller's transaction, so a reaction commits
or rolls back together with its cause. Handlers must only write to the database: no network calls.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    admin_id: int | None = None
    send_sms: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplicationSubmitted(Event):
    """``application.submitted``: a public service request was created."""

    application_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerRegistered(Event):
    """``partner.registered``: a public partner registration was created."""

    partner_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplicationStatusChanged(Event):
    """``application.status_changed``: any transition, admin-made or derived from assignments."""

    application_id: int
    from_status: str
    to_status: str
    reason: str | None = None
    derived: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class AssignmentCreated(Event):
    """``assignment.created``."""

    application_id: int
    assignment_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AssignmentScheduled(Event):
    """``assignment.scheduled``: an assignment got its first date (or moved pending → scheduled)."""

    application_id: int
    assignment_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AssignmentRescheduled(Event):
    """``assignment.rescheduled``: a scheduled assignment's date or time changed."""

    application_id: int
    assignment_id: int
    old_date: date | None
    old_time: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class AssignmentChanged(Event):
    """``assignment.changed``: partner, services or estimate changed on an existing assignment."""

    application_id: int
    assignment_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AssignmentCompleted(Event):
    application_id: int
    assignment_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AssignmentCancelled(Event):
    application_id: int
    assignment_id: int
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerStatusChanged(Event):
    """``partner.status_changed``: approve, reject, suspend, deactivate, reactivate."""

    partner_id: int
    from_status: str
    to_status: str
    reason: str | None = None


E = TypeVar("E", bound=Event)
Handler = Callable[[AsyncSession, Any], Awaitable[None]]
_handlers: dict[type[Event], list[Handler]] = defaultdict(list)


def subscribe(event_type: type[E]) -> Callable[[Callable[[AsyncSession, E], Awaitable[None]]], Handler]:
    """Register ``handler`` for ``event_type`` (decorator); registration happens at import time."""

    def register(handler: Callable[[AsyncSession, E], Awaitable[None]]) -> Handler:
        if handler not in _handlers[event_type]:
            _handlers[event_type].append(handler)
        return handler

    return register


async def publish(session: AsyncSession, event: Event) -> None:
    """Run every handler of ``event`` in the caller's transaction."""
    for handler in _handlers.get(type(event), ()):
        await handler(session, event)
