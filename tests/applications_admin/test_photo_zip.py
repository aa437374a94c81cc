from __future__ import annotations

import io
import zipfile

import httpx
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.korean import now_utc
from jibsa.models import Admin, Application, ApplicationPhoto, AuditLog, StoredFile
from tests.factories import make_application

URL = "/api/v1/admin/applications"


async def add_photo(
    session: AsyncSession, app: FastAPI, application: Application, data: bytes, *, position: int
) -> StoredFile:
    key = f"application_photo/test/{application.id}-{position}.webp"
    await app.state.storage.put(key, data)
    stored = StoredFile(
        kind="application_photo",
        storage_key=key,
        thumbnail_key=None,
        content_type="image/webp",
        size_bytes=len(data),
        sha256="0" * 64,
        original_name="홍길동 마당.jpg",
    )
    session.add(stored)
    await session.flush()
    session.add(ApplicationPhoto(application_id=application.id, file_id=stored.id, position=position))
    await session.flush()
    return stored


async def file_audits(session: AsyncSession, application: Application) -> list[AuditLog]:
    stmt = select(AuditLog).where(
        AuditLog.entity_type == "application", AuditLog.entity_id == application.id, AuditLog.action == "download"
    )
    return list((await session.scalars(stmt)).all())


class TestPhotosZip:
    async def test_originals_stored_uncompressed_under_number_and_position(
        self, client: httpx.AsyncClient, session: AsyncSession, app: FastAPI, admin: Admin, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        # Added out of order: the archive follows the customer's order (position), not insertion.
        second = await add_photo(session, app, application, b"RIFF-second-photo", position=1)
        first = await add_photo(session, app, application, b"RIFF-first-photo", position=0)

        response = await client.get(f"{URL}/{application.id}/photos.zip", headers=headers)

        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/zip"
        assert response.headers["cache-control"] == "private, no-store"
        assert response.headers["content-disposition"] == (
            f'attachment; filename="{application.number}_photos.zip"; '
            f"filename*=UTF-8''{application.number}_photos.zip"
        )
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            assert archive.testzip() is None
            infos = archive.infolist()
            assert [i.filename for i in infos] == [f"{application.number}_1.webp", f"{application.number}_2.webp"]
            assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
            assert archive.read(infos[0]) == b"RIFF-first-photo"
            assert archive.read(infos[1]) == b"RIFF-second-photo"
        # No uploader file name (it can carry the customer's name) anywhere in the archive.
        assert "홍길동".encode() not in response.content

        (audit,) = await file_audits(session, application)
        assert audit.admin_id == admin.id
        assert audit.after is not None
        assert audit.after["file_ids"] == [first.id, second.id]
        assert audit.after["size_bytes"] == len(b"RIFF-first-photo") + len(b"RIFF-second-photo")
        assert "홍길동" not in audit.summary

    async def test_unknown_or_deleted_application_is_404(
        self, client: httpx.AsyncClient, session: AsyncSession, app: FastAPI, headers: dict[str, str]
    ) -> None:
        deleted = await make_application(session)
        await add_photo(session, app, deleted, b"RIFF", position=0)
        deleted.deleted_at = now_utc()
        await session.flush()
        for application_id in (deleted.id, 9_999_999):
            response = await client.get(f"{URL}/{application_id}/photos.zip", headers=headers)
            assert (response.status_code, response.json()["code"]) == (404, "application_not_found")
        assert await file_audits(session, deleted) == []

    async def test_no_photos_is_404_not_an_empty_archive(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        response = await client.get(f"{URL}/{application.id}/photos.zip", headers=headers)
        assert (response.status_code, response.json()["code"]) == (404, "no_photos")
        assert response.json()["message"]
        assert await file_audits(session, application) == []

    async def test_a_photo_missing_from_storage_is_404_and_not_audited(
        self, client: httpx.AsyncClient, session: AsyncSession, app: FastAPI, headers: dict[str, str]
    ) -> None:
        application = await make_application(session)
        stored = await add_photo(session, app, application, b"RIFF", position=0)
        await app.state.storage.delete(stored.storage_key)
        response = await client.get(f"{URL}/{application.id}/photos.zip", headers=headers)
        assert (response.status_code, response.json()["code"]) == (404, "photo_missing")
        assert await file_audits(session, application) == []
