"""Saving uploads: checks, re-encoding off the event loop, storage and the ``stored_file`` row.

Files reach storage before the transaction commits; each write registers its own removal for the case where the
unit of work rolls back (a later photo refused, a database error), so a refused request leaves no file behind.
"""

from __future__ import annotations

import asyncio
import hashlib

from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.config import Settings
from jibsa.core.db import on_rollback
from jibsa.files.images import InvalidFile, process_image, sniff_document
from jibsa.files.storage import Storage, new_key
from jibsa.models import StoredFile


async def save_image(
    session: AsyncSession,
    storage: Storage,
    settings: Settings,
    raw: bytes,
    *,
    kind: str,
    field: str,
    original_name: str | None,
) -> StoredFile:
    processed = await asyncio.to_thread(
        process_image,
        raw,
        field=field,
        max_edge=settings.image_max_edge,
        max_pixels=settings.max_image_pixels,
    )
    key = new_key(kind, processed.extension)
    thumb_key = key.rsplit(".", 1)[0] + ".thumb.webp"
    await storage.put(key, processed.data)
    on_rollback(session, lambda: storage.delete(key))
    await storage.put(thumb_key, processed.thumbnail)
    on_rollback(session, lambda: storage.delete(thumb_key))
    stored = StoredFile(
        kind=kind,
        storage_key=key,
        thumbnail_key=thumb_key,
        content_type=processed.content_type,
        size_bytes=len(processed.data),
        width=processed.width,
        height=processed.height,
        sha256=hashlib.sha256(processed.data).hexdigest(),
        original_name=original_name,
    )
    session.add(stored)
    await session.flush()
    return stored


async def save_document(
    session: AsyncSession, storage: Storage, raw: bytes, *, kind: str, field: str, original_name: str | None
) -> StoredFile:
    """Store a PDF/JPG/PNG document as uploaded (verified by its magic bytes)."""
    sniffed = sniff_document(raw)
    if sniffed is None:
        raise InvalidFile(field, "PDF, JPG, PNG 파일만 올릴 수 있습니다.")
    content_type, extension = sniffed
    key = new_key(kind, extension)
    await storage.put(key, raw)
    on_rollback(session, lambda: storage.delete(key))
    stored = StoredFile(
        kind=kind,
        storage_key=key,
        content_type=content_type,
        size_bytes=len(raw),
        sha256=hashlib.sha256(raw).hexdigest(),
        original_name=original_name,
    )
    session.add(stored)
    await session.flush()
    return stored
