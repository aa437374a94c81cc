"""Builders for messaging tests: outbox rows queued through the real ``enqueue_text``."""

from __future__ import annotations

import io
import secrets

from PIL import Image
from sqlalchemy import select

from jibsa.core.db import Database
from jibsa.files.storage import LocalStorage, new_key
from jibsa.messaging.outbox import enqueue_text
from jibsa.models import MessageType, SmsMessage, StoredFile
from tests.factories import unique_phone


async def queue_messages(
    db: Database,
    count: int,
    *,
    text: str = "방문 일정 안내",
    recipient: str | None = None,
    image_file_ids: tuple[int, ...] = (),
    subject: str | None = None,
    message_type: MessageType | None = None,
) -> list[int]:
    """Queue ``count`` messages with distinct texts (the fakes count deliveries by text)."""
    ids = []
    async with db.transaction() as session:
        for n in range(count):
            message = await enqueue_text(
                session,
                recipient=recipient or unique_phone(),
                text=f"{text} {n + 1}번 ({secrets.token_hex(3)})",
                subject=subject,
                image_file_ids=image_file_ids,
                prefix="",
            )
            if message_type is not None:
                message.message_type = message_type
            await session.flush()
            ids.append(message.id)
    return ids


async def outbox_rows(db: Database, ids: list[int] | None = None) -> list[SmsMessage]:
    async with db.transaction(read_only=True) as session:
        query = select(SmsMessage).order_by(SmsMessage.id)
        if ids is not None:
            query = query.where(SmsMessage.id.in_(ids))
        return list((await session.scalars(query)).all())


async def stored_jpeg(db: Database, storage: LocalStorage, *, size: tuple[int, int] = (64, 48)) -> int:
    """A small JPEG in storage with its ``stored_file`` row."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (44, 164, 73)).save(buffer, "JPEG", quality=80)
    data = buffer.getvalue()
    key = new_key("sms_image", "jpg")
    await storage.put(key, data)
    async with db.transaction() as session:
        stored = StoredFile(
            kind="sms_image",
            storage_key=key,
            content_type="image/jpeg",
            size_bytes=len(data),
            width=size[0],
            height=size[1],
            sha256=secrets.token_hex(32),
        )
        session.add(stored)
        await session.flush()
        return stored.id
