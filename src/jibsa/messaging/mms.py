"""MMS images: re-encoded to a JPEG the gateways accept (≤ 200 KB), stored like every other upload."""

from __future__ import annotations

import asyncio
import hashlib
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.config import Settings
from jibsa.core.db import on_rollback
from jibsa.files.images import ALLOWED_IMAGE_FORMATS, InvalidFile
from jibsa.files.storage import Storage, new_key
from jibsa.models import StoredFile

MMS_IMAGE_MAX_BYTES = 200 * 1024
MMS_IMAGE_MAX_EDGE = 1000
MMS_MAX_IMAGES = 3
_QUALITIES = (85, 75, 65, 55, 45, 35)
_MIN_EDGE = 160


@dataclass(frozen=True, slots=True)
class MmsJpeg:
    data: bytes
    width: int
    height: int


def to_mms_jpeg(raw: bytes, *, field: str, max_pixels: int, limit: int = MMS_IMAGE_MAX_BYTES) -> MmsJpeg:
    """Verify ``raw`` is an image and re-encode it as a baseline JPEG within ``limit`` bytes (CPU-bound)."""
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            if probe.format not in ALLOWED_IMAGE_FORMATS:
                raise InvalidFile(field, "JPG, PNG, WEBP, GIF 이미지만 보낼 수 있습니다.")
            if probe.width * probe.height > max_pixels:
                raise InvalidFile(field, "이미지 해상도가 너무 큽니다.")
            probe.verify()
        with Image.open(io.BytesIO(raw)) as img:
            img.load()
            image = ImageOps.exif_transpose(img)
    except InvalidFile:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InvalidFile(field, "이미지 파일이 아니거나 손상된 파일입니다.") from exc
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    else:
        image = image.convert("RGB")
    edge = MMS_IMAGE_MAX_EDGE
    while edge >= _MIN_EDGE:
        candidate = image.copy()
        candidate.thumbnail((edge, edge), Image.Resampling.LANCZOS)
        for quality in _QUALITIES:
            out = io.BytesIO()
            candidate.save(out, "JPEG", quality=quality, optimize=True)
            if out.tell() <= limit:
                return MmsJpeg(out.getvalue(), candidate.width, candidate.height)
        edge = edge * 3 // 4
    raise InvalidFile(field, "이미지를 MMS 크기(200KB)로 줄일 수 없습니다.")


async def save_mms_image(
    session: AsyncSession, storage: Storage, settings: Settings, raw: bytes, *, field: str, original_name: str | None
) -> StoredFile:
    """Re-encode off the event loop, store under a server key, and add the ``stored_file`` row (kind ``mms_image``)."""
    jpeg = await asyncio.to_thread(to_mms_jpeg, raw, field=field, max_pixels=settings.max_image_pixels)
    key = new_key("mms_image", "jpg")
    await storage.put(key, jpeg.data)
    on_rollback(session, lambda: storage.delete(key))
    stored = StoredFile(
        kind="mms_image",
        storage_key=key,
        content_type="image/jpeg",
        size_bytes=len(jpeg.data),
        width=jpeg.width,
        height=jpeg.height,
        sha256=hashlib.sha256(jpeg.data).hexdigest(),
        original_name=original_name,
    )
    session.add(stored)
    await session.flush()
    return stored
