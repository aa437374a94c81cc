"""Backup and restore are lossless, and a backup moves between engines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from jibsa.backup import backup, restore
from jibsa.core import data_version
from jibsa.core.data_version import SQLiteChangeFeed
from jibsa.core.db import Database
from jibsa.models import Application, Partner, SmsMessage, StoredFile
from tests.factories import application_payload, make_admin, partner_payload
from tests.images import png


@pytest.mark.committing
async def test_backup_restores_into_an_empty_sqlite_database(
    client: httpx.AsyncClient, db: Database, app: Any, settings: Any, tmp_path: Path
) -> None:
    async with db.transaction() as session:
        await make_admin(session, phone="01033334444")
    response = await client.post(
        "/api/v1/applications",
        data={
            k: str(v).lower() if isinstance(v, bool) else v
            for k, v in application_payload(customer_name="백업고객", selected_services='["WEEDING"]').items()
        },
        files=[("photos", ("a.png", png(), "image/png"))],
    )
    assert response.status_code == 201, response.text
    number = response.json()["application_number"]
    assert (await client.post("/api/v1/partners", json=partner_payload())).status_code == 201

    target = tmp_path / "backup"
    counts = await backup(db, settings.upload_dir, target)
    assert counts["application"] == 1
    assert counts["sms_message"] == 2
    assert (target / "uploads").is_dir()

    restored = Database(f"sqlite+aiosqlite:///{tmp_path / 'restored.db'}")
    uploads = tmp_path / "restored-uploads"
    try:
        generation = data_version.local_generation()
        await restore(restored, uploads, target)
        # Servers that cached the empty database's pages see the restored data at once.
        assert data_version.local_generation() > generation
        feed = SQLiteChangeFeed(restored.url)
        assert feed.token() == 1
        await feed.stop()
        async with restored.transaction(read_only=True) as session:
            application = (
                await session.scalars(
                    select(Application).where(Application.number == number).options(selectinload(Application.photos))
                )
            ).one()
            assert application.customer_name == "백업고객"
            assert len(application.photos) == 1
            stored = await session.get(StoredFile, application.photos[0].file_id)
            assert stored is not None
            assert (uploads / stored.storage_key).is_file()
            assert await session.scalar(select(func.count()).select_from(Partner)) == 1
            texts = (await session.scalars(select(SmsMessage.text))).all()
            assert any(number in t for t in texts)
        # History is append-only: a second restore over live data is refused, nothing is overwritten.
        with pytest.raises(ValueError, match="already holds data"):
            await restore(restored, uploads, target)
        async with restored.transaction(read_only=True) as session:
            assert await session.scalar(select(func.count()).select_from(Application)) == 1
    finally:
        await restored.dispose()


async def test_backup_refuses_a_non_empty_directory(database: Database, tmp_path: Path) -> None:
    (tmp_path / "x").write_text("keep me")
    with pytest.raises(FileExistsError):
        await backup(database, tmp_path / "uploads", tmp_path)


async def test_restore_refuses_another_schema_version(database: Database, tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text('{"format": 1, "revision": "0001", "tables": {}}')
    with pytest.raises(ValueError, match="schema"):
        await restore(database, tmp_path / "uploads", tmp_path)
