"""SMS gateways behind one interface (``Provider``): ``console``, ``aligo``, ``solapi``."""

from __future__ import annotations

import httpx

from jibsa.core.config import Settings
from jibsa.messaging.providers.aligo import AligoProvider
from jibsa.messaging.providers.base import Attachment, Outcome, OutgoingMessage, Provider, SendResult
from jibsa.messaging.providers.console import ConsoleProvider
from jibsa.messaging.providers.solapi import SolapiProvider


def get_provider(settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> Provider:
    """The configured gateway (``JIBSA_SMS_PROVIDER``)."""
    if settings.sms_provider == "aligo":
        return AligoProvider(settings, transport=transport)
    if settings.sms_provider == "solapi":
        return SolapiProvider(settings, transport=transport)
    return ConsoleProvider()


__all__ = [
    "AligoProvider",
    "Attachment",
    "ConsoleProvider",
    "Outcome",
    "OutgoingMessage",
    "Provider",
    "SendResult",
    "SolapiProvider",
    "get_provider",
]
