from __future__ import annotations

import httpx
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.files.admin_router import content_disposition
from jibsa.models import Admin, AuditLog, StoredFile

URL = "/api/v1/admin/files"


async def stored(session: AsyncSession, app: FastAPI, *, original_name: str | None = "홍길동 마당.JPG") -> StoredFile:
    await app.state.storage.put("application_photo/test/a.webp", b"RIFF-original")
    await app.state.storage.put("application_photo/test/a.thumb.webp", b"RIFF-thumb")
    row = StoredFile(
        kind="application_photo",
        storage_key="application_photo/test/a.webp",
        thumbnail_key="application_photo/test/a.thumb.webp",
        content_type="image/webp",
        size_bytes=13,
        sha256="0" * 64,
        original_name=original_name,
    )
    session.add(row)
    await session.flush()
    return row


class TestContentDisposition:
    def test_ascii_fallback_and_utf8_name(self) -> None:
        assert content_disposition("attachment", "홍길동 마당.webp") == (
            "attachment; filename=\"file.webp\"; filename*=UTF-8''%ED%99%8D%EA%B8%B8%EB%8F%99%20%EB%A7%88%EB%8B%B9.webp"
        )
        assert content_disposition("inline", 'a"b.pdf') == "inline; filename=\"a_b.pdf\"; filename*=UTF-8''a%22b.pdf"


class TestGetFile:
    async def test_streams_inline_with_rfc6266_name_and_audits_the_view(
        self, client: httpx.AsyncClient, session: AsyncSession, app: FastAPI, admin: Admin, headers: dict[str, str]
    ) -> None:
        row = await stored(session, app)
        response = await client.get(f"{URL}/{row.id}", headers=headers)
        assert response.status_code == 200
        assert response.content == b"RIFF-original"
        assert response.headers["content-type"] == "image/webp"
        assert response.headers["content-disposition"].startswith('inline; filename="')
        assert "filename*=UTF-8''%ED%99%8D" in response.headers["content-disposition"]
        assert response.headers["content-disposition"].endswith(".webp")
        assert response.headers["cache-control"] == "private, no-store"
        (audit,) = (await session.scalars(select(AuditLog).where(AuditLog.entity_type == "file"))).all()
        assert (audit.action, audit.entity_id, audit.admin_id) == ("view", row.id, admin.id)

    async def test_thumbnail_download_is_audited_as_download(
        self, client: httpx.AsyncClient, session: AsyncSession, app: FastAPI, headers: dict[str, str]
    ) -> None:
        row = await stored(session, app, original_name=None)
        response = await client.get(
            f"{URL}/{row.id}", params={"variant": "thumbnail", "download": True}, headers=headers
        )
        assert response.content == b"RIFF-thumb"
        assert response.headers["content-disposition"] == (
            f"attachment; filename=\"file-{row.id}.webp\"; filename*=UTF-8''file-{row.id}.webp"
        )
        (audit,) = (await session.scalars(select(AuditLog).where(AuditLog.entity_type == "file"))).all()
        assert audit.action == "download"

    async def test_unknown_or_missing_file_is_404(
        self, client: httpx.AsyncClient, session: AsyncSession, headers: dict[str, str]
    ) -> None:
        missing = StoredFile(
            kind="x", storage_key="nowhere/none.webp", content_type="image/webp", size_bytes=1, sha256="0"
        )
        session.add(missing)
        await session.flush()
        for file_id in (missing.id, 9_999_999):
            response = await client.get(f"{URL}/{file_id}", headers=headers)
            assert (response.status_code, response.json()["code"]) == (404, "file_not_found")
