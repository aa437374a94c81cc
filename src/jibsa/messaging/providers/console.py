"""Development gateway: records and logs a masked line, sends nothing."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from jibsa.core.korean import mask_phone
from jibsa.messaging.providers.base import OutgoingMessage, Provider, SendResult

logger = logging.getLogger("jibsa.sms.console")


@dataclass(frozen=True, slots=True)
class ConsoleRecord:
    outbox_id: int
    message_id: str
    message_type: str
    byte_count: int


class ConsoleProvider(Provider):
    name = "console"

    def __init__(self) -> None:
        self.records: dict[int, ConsoleRecord] = {}

    async def send(self, message: OutgoingMessage) -> SendResult:
        """Pretend to send: log the recipient masked and the size, never the text (it carries PII)."""
        message_id = f"console-{uuid.uuid4().hex[:16]}"
        self.records[message.id] = ConsoleRecord(
            message.id, message_id, message.message_type.value, len(message.text.encode("cp949", errors="replace"))
        )
        logger.info(
            "SMS #%s → %s (%s, %d자, 이미지 %d장) — 콘솔 모드: 실제로 보내지 않음",
            message.id,
            mask_phone(message.recipient),
            message.message_type.value,
            len(message.text),
            len(message.images),
        )
        return SendResult.accepted(message_id, code="console")

    async def resolve(self, message: OutgoingMessage) -> SendResult | None:
        """The console "gateway" is this process: it knows what it recorded."""
        record = self.records.get(message.id)
        return SendResult.accepted(record.message_id, code="console") if record else None
