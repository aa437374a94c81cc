"""Stored files streamed to signed-in admins; every read is audited.

Portal links and short-lived signed URLs arrive with the portals issue; this route needs an admin token.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response

from jibsa.admins.dependencies import CurrentAdmin
from jibsa.audit.service import record
from jibsa.core.db import SessionDep, WritesOnRead
from jibsa.core.deps import StorageDep
from jibsa.core.errors import NotFound
from jibsa.models import StoredFile

router = APIRouter(prefix="/admin/files", tags=["admin-files"])

CONTENT_TYPES = {
    "webp": "image/webp",
    "jpg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "pdf": "application/pdf",
}
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9._-]")


class FileNotFound(NotFound):
    code = "file_not_found"
    message = "파일을 찾을 수 없습니다."


def content_disposition(kind: Literal["inline", "attachment"], filename: str) -> str:
    """RFC 6266: an ASCII ``filename`` fallback and the real name as UTF-8 ``filename*``."""
    stem, dot, ext = filename.rpartition(".")
    fallback = _UNSAFE_ASCII.sub("_", stem if dot else filename).strip("_") or "file"
    fallback = f"{fallback}.{_UNSAFE_ASCII.sub('', ext)}" if dot else fallback
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def download_name(stored: StoredFile, key: str) -> str:
    """The uploader's name with the extension of what we actually store (images are re-encoded)."""
    extension = PurePosixPath(key).suffix.lstrip(".")
    base = PurePosixPath((stored.original_name or "").replace("\\", "/")).name
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{stem or f'file-{stored.id}'}.{extension}" if extension else (stem or f"file-{stored.id}")


@router.get("/{file_id}", operation_id="admin-files-get", response_class=Response, dependencies=[WritesOnRead])
async def get_file(
    file_id: int,
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    storage: StorageDep,
    variant: Annotated[Literal["original", "thumbnail"], Query(description="original 또는 thumbnail")] = "original",
    download: Annotated[bool, Query(description="true면 내려받기(attachment), 아니면 보기(inline)")] = False,
) -> Response:
    """Stream a stored file (photo, business registration) to an admin; views and downloads are audited."""
    stored = await session.get(StoredFile, file_id)
    if stored is None:
        raise FileNotFound()
    key = stored.thumbnail_key if variant == "thumbnail" and stored.thumbnail_key else stored.storage_key
    try:
        data = await storage.get(key)
    except FileNotFoundError as exc:
        raise FileNotFound("파일이 저장소에 없습니다.") from exc
    name = download_name(stored, key)
    action = "download" if download else "view"
    await record(
        session,
        action=action,
        entity_type="file",
        entity_id=stored.id,
        summary=f"파일 #{stored.id} ({stored.kind}) {'내려받기' if download else '보기'}",
        admin=admin,
        after={"kind": stored.kind, "variant": variant, "size_bytes": len(data)},
        request=request,
    )
    extension = PurePosixPath(key).suffix.lstrip(".")
    media_type = stored.content_type if key == stored.storage_key else CONTENT_TYPES.get(extension, "image/webp")
    return Response(
        content=data,
        media_type=media_type,
        headers={
            "Content-Disposition": content_disposition("attachment" if download else "inline", name),
            "Cache-Control": "private, no-store",
        },
    )
