"""Orphan files: a crash between writing a file and committing its row leaves one; the sweep removes it a day later."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.korean import now_utc
from jibsa.files.storage import LocalStorage
from jibsa.files.sweep import ORPHAN_AGE, remove_orphans
from jibsa.messaging.periodic import PERIODIC_TASKS, TASK_MODULES
from jibsa.models import StoredFile


async def _write(storage: LocalStorage, key: str, *, age: timedelta) -> None:
    await storage.put(key, b"x")
    stamp = (now_utc() - age).timestamp()
    os.utime(storage.root / key, (stamp, stamp))


class TestRemoveOrphans:
    async def test_only_old_files_without_a_row_go(self, session: AsyncSession, tmp_path: Path) -> None:
        storage = LocalStorage(tmp_path)
        day_and_more = ORPHAN_AGE + timedelta(hours=1)
        await _write(storage, "application_photo/202611/kept.webp", age=day_and_more)
        await _write(storage, "application_photo/202611/kept.thumb.webp", age=day_and_more)
        await _write(storage, "application_photo/202611/orphan.webp", age=day_and_more)
        await _write(storage, "application_photo/202611/orphan.webp.tmp", age=day_and_more)
        await _write(storage, "application_photo/202611/in-flight.webp", age=timedelta(minutes=5))
        session.add(
            StoredFile(
                kind="application_photo",
                storage_key="application_photo/202611/kept.webp",
                thumbnail_key="application_photo/202611/kept.thumb.webp",
                content_type="image/webp",
                size_bytes=1,
                sha256="0" * 64,
            )
        )
        await session.flush()

        removed = await remove_orphans(session, storage, older_than=now_utc() - ORPHAN_AGE)

        assert removed == 2
        left = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
        assert left == ["in-flight.webp", "kept.thumb.webp", "kept.webp"]

    async def test_an_empty_or_missing_storage_is_fine(self, session: AsyncSession, tmp_path: Path) -> None:
        assert await remove_orphans(session, LocalStorage(tmp_path / "none"), older_than=now_utc()) == 0

    def test_the_worker_runs_it(self) -> None:
        assert "jibsa.files.sweep" in TASK_MODULES
        assert PERIODIC_TASKS["orphan_files"].every == timedelta(hours=6)
