"""The gateway interface: every provider answers a send with one of four outcomes.

- ``accepted``: the gateway took the message (its ids are kept on the outbox row);
- ``transient``: it certainly did not, and a later attempt may succeed (network error before the request left,
  5xx, rate limiting, "try later" codes);
- ``permanent``: it did not and never will (invalid number, unregistered sender, content or byte errors, bad
  credentials);
- ``ambiguous``: the request left but no answer came back (timeout, dropped connection): the message may have
  been sent. The worker never resends such a message blindly; it asks the provider first (``resolve``).
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from enum import StrEnum

import httpx

from jibsa.models import MessageType


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    TRANSIENT = "transient"
    PERMANENT = "permanent"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True, slots=True)
class SendResult:
    outcome: Outcome
    message_id: str | None = None
    group_id: str | None = None
    code: str | None = None
    detail: str | None = None
    retry_after: float | None = None

    @classmethod
    def accepted(cls, message_id: str | None, *, group_id: str | None = None, code: str | None = None) -> SendResult:
        return cls(Outcome.ACCEPTED, message_id=message_id, group_id=group_id, code=code)

    @classmethod
    def transient(cls, code: str, detail: str = "", *, retry_after: float | None = None) -> SendResult:
        return cls(Outcome.TRANSIENT, code=code, detail=detail[:500], retry_after=retry_after)

    @classmethod
    def permanent(cls, code: str, detail: str = "") -> SendResult:
        return cls(Outcome.PERMANENT, code=code, detail=detail[:500])

    @classmethod
    def ambiguous(cls, code: str, detail: str = "") -> SendResult:
        return cls(Outcome.AMBIGUOUS, code=code, detail=detail[:500])


@dataclass(frozen=True, slots=True)
class Attachment:
    data: bytes
    content_type: str
    filename: str


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """What a provider needs to send one outbox row (a snapshot: providers never touch the database)."""

    id: int
    recipient: str
    text: str
    message_type: MessageType
    sender: str
    subject: str | None = None
    images: tuple[Attachment, ...] = field(default=())
    group_id: str | None = None
    first_attempt_kst_day: str | None = None  # YYYYMMDD, to narrow look-ups of earlier attempts


def classify_transport_error(exc: httpx.HTTPError) -> SendResult:
    """Errors raised before the request reached the gateway are transient; after, ambiguous."""
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout | httpx.UnsupportedProtocol):
        return SendResult.transient("network", f"{type(exc).__name__}: {exc}")
    if isinstance(exc, httpx.TimeoutException | httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return SendResult.ambiguous("no_response", f"{type(exc).__name__}: {exc}")
    return SendResult.ambiguous("transport", f"{type(exc).__name__}: {exc}")


def retry_after_seconds(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


class Provider(abc.ABC):
    """One SMS gateway. Implementations are safe to call concurrently."""

    name: str = "base"
    # Solapi-style providers create a server-side group first; the worker stores its id before sending.
    uses_groups: bool = False

    async def create_group(self, message: OutgoingMessage) -> SendResult:
        """Create the server-side container for ``message`` (only when ``uses_groups``): accepted with its id."""
        raise TypeError(f"the {self.name} gateway sends without groups; the worker only asks when uses_groups is set")

    @abc.abstractmethod
    async def send(self, message: OutgoingMessage) -> SendResult:
        """Hand ``message`` to the gateway once."""

    @abc.abstractmethod
    async def resolve(self, message: OutgoingMessage) -> SendResult | None:
        """Settle an earlier attempt whose outcome is unknown.

        Returns ``accepted``/``permanent`` when the gateway knows the message, ``None`` when it certainly does
        not (sending it is safe), and ``transient``/``ambiguous`` when it cannot tell right now.
        """

    async def aclose(self) -> None:  # noqa: B027 - optional hook, most providers hold connections
        """Release connections."""
