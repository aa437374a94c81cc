"""Upload checks by content (not declared type) and image re-encoding that strips metadata."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from jibsa.core.errors import AppError

THUMBNAIL_SIZE = (300, 300)
ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


class InvalidFile(AppError):
    status_code = 422
    code = "invalid_file"
    message = "파일을 처리할 수 없습니다."

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, details=[{"field": field, "message": message}])


class FileTooLarge(InvalidFile):
    status_code = 413
    code = "file_too_large"


@dataclass(frozen=True, slots=True)
class ProcessedImage:
    data: bytes
    thumbnail: bytes
    width: int
    height: int
    content_type: str = "image/webp"
    extension: str = "webp"


def process_image(raw: bytes, *, field: str, max_edge: int, max_pixels: int) -> ProcessedImage:
    """Verify that ``raw`` is an image, then re-encode it (EXIF and GPS dropped) plus a thumbnail.

    CPU-bound: call it through ``asyncio.to_thread``.
    """
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            if probe.format not in ALLOWED_IMAGE_FORMATS:
                raise InvalidFile(field, "JPG, PNG, WEBP, GIF 이미지만 올릴 수 있습니다.")
            if probe.width * probe.height > max_pixels:
                raise InvalidFile(field, "이미지 해상도가 너무 큽니다.")
            probe.verify()
        with Image.open(io.BytesIO(raw)) as img:
            img.load()
            image = ImageOps.exif_transpose(img)
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    except InvalidFile:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InvalidFile(field, "이미지 파일이 아니거나 손상된 파일입니다.") from exc
    image.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "WEBP", quality=80, method=4)  # a fresh file: no EXIF, no GPS, no ICC text chunks
    thumb = ImageOps.fit(image, THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
    thumb_out = io.BytesIO()
    thumb.save(thumb_out, "WEBP", quality=75)
    return ProcessedImage(data=out.getvalue(), thumbnail=thumb_out.getvalue(), width=image.width, height=image.height)


def sniff_document(raw: bytes) -> tuple[str, str] | None:
    """(content type, extension) of a PDF, JPEG or PNG by its magic bytes, else ``None``."""
    if raw.startswith(b"%PDF-"):
        return "application/pdf", "pdf"
    if raw.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", "jpg"
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", "png"
    return None
