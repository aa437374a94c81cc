"""All of an application's customer photos as one ZIP: read and audited in the request, streamed after commit."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.applications import repository as repo
from jibsa.applications.exceptions import ApplicationNotFound, NoPhotos, PhotoMissing
from jibsa.audit.service import record
from jibsa.core.korean import KST
from jibsa.files.storage import Storage
from jibsa.models import Admin


@dataclass(frozen=True, slots=True)
class ArchiveEntry:
    name: str
    data: bytes
    date_time: tuple[int, int, int, int, int, int]


@dataclass(frozen=True, slots=True)
class PhotoArchive:
    filename: str
    entries: list[ArchiveEntry]


async def collect(
    session: AsyncSession, storage: Storage, application_id: int, *, admin: Admin, request: Request | None
) -> PhotoArchive:
    """Read every original photo of a live application and audit the download as one row.

    Names are the application number and the photo's position (``20250301-004_1.webp``): never the uploader's
    file name, which can carry the customer's name. Everything is read before the response starts, so a missing
    file is a clean 404 rather than a truncated archive (at most 10 photos of ≤ 2,560 px each).
    """
    application = await repo.get_application(session, application_id)
    if application is None:
        raise ApplicationNotFound()
    files = await repo.photo_files(session, application_id)
    if not files:
        raise NoPhotos()
    entries: list[ArchiveEntry] = []
    for n, stored in enumerate(files, start=1):
        try:
            data = await storage.get(stored.storage_key)
        except FileNotFoundError as exc:
            raise PhotoMissing() from exc
        extension = PurePosixPath(stored.storage_key).suffix or ".bin"
        stamp = stored.created_at.astimezone(KST)
        entries.append(
            ArchiveEntry(
                name=f"{application.number}_{n}{extension}",
                data=data,
                date_time=(stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second),
            )
        )
    await record(
        session,
        action="download",
        entity_type="application",
        entity_id=application.id,
        summary=f"신청 {application.number} 고객 사진 {len(entries)}장 ZIP 내려받기",
        admin=admin,
        after={
            "kind": "application_photo",
            "file_ids": [f.id for f in files],
            "size_bytes": sum(len(e.data) for e in entries),
        },
        request=request,
    )
    return PhotoArchive(filename=f"{application.number}_photos.zip", entries=entries)


class _Spool(io.RawIOBase):
    """A write-only, unseekable sink: ``zipfile`` then writes data descriptors and never seeks back."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self._parts.append(bytes(data))
        return len(data)

    def drain(self) -> bytes:
        out = b"".join(self._parts)
        self._parts.clear()
        return out


def zip_stream(entries: Sequence[ArchiveEntry]) -> Iterator[bytes]:
    """The archive one member at a time, stored as is: the photos are already compressed images."""
    spool = _Spool()
    with zipfile.ZipFile(spool, mode="w", compression=zipfile.ZIP_STORED) as archive:
        for entry in entries:
            info = zipfile.ZipInfo(entry.name, date_time=entry.date_time)
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, entry.data)
            yield spool.drain()
    yield spool.drain()
