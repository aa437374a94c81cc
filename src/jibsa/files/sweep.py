"""Stored files that no row refers to: left by a process that died between writing a file and committing its row.

A rolled-back unit of work removes its own files (``on_rollback``); only a crash leaves one behind. The sweep waits
a day before calling a file an orphan, so a request still in flight is never robbed of the file it just wrote.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.config import get_settings
from jibsa.files.storage import LocalStorage, Storage
from jibsa.messaging.periodic import periodic
from jibsa.models import StoredFile

log = logging.getLogger(__name__)

ORPHAN_AGE = timedelta(hours=24)
CHUNK = 500


async def remove_orphans(session: AsyncSession, storage: Storage, *, older_than: datetime) -> int:
    """Delete the files written before ``older_than`` that no ``stored_file`` row names; returns how many."""
    candidates = await storage.keys_older_than(older_than)
    removed = 0
    for start in range(0, len(candidates), CHUNK):
        chunk = candidates[start : start + CHUNK]
        rows = await session.execute(
            select(StoredFile.storage_key, StoredFile.thumbnail_key).where(
                or_(StoredFile.storage_key.in_(chunk), StoredFile.thumbnail_key.in_(chunk))
            )
        )
        referenced = {key for row in rows for key in row if key}
        for key in chunk:
            if key not in referenced:
                await storage.delete(key)
                removed += 1
    if removed:
        log.info("removed %d orphan file(s) from storage", removed)
    return removed


@periodic("orphan_files", every=timedelta(hours=6))
async def sweep_orphan_files(session: AsyncSession, now: datetime) -> None:
    """Every six hours: files older than a day that no row refers to are deleted."""
    await remove_orphans(session, LocalStorage(get_settings().upload_dir), older_than=now - ORPHAN_AGE)
