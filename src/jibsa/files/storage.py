"""File storage behind one interface; the local-disk implementation keeps files outside any static folder."""

from __future__ import annotations

import asyncio
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol


class Storage(Protocol):
    async def put(self, key: str, data: bytes) -> None: ...
    async def get(self, key: str) -> bytes: ...
    async def delete(self, key: str) -> None: ...
    async def exists(self, key: str) -> bool: ...
    async def keys_older_than(self, cutoff: datetime) -> list[str]: ...


def new_key(kind: str, extension: str) -> str:
    """A server-generated key: ``kind/YYYYMM/<random>.<ext>`` (no user input in paths)."""
    month = datetime.now(UTC).strftime("%Y%m")
    return f"{kind}/{month}/{secrets.token_hex(16)}.{extension}"


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root):
            raise ValueError("storage key escapes the storage root")
        return path

    async def put(self, key: str, data: bytes) -> None:
        path = self._path(key)

        def write() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)

        await asyncio.to_thread(write)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._path(key).read_bytes)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, True)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).exists)

    async def keys_older_than(self, cutoff: datetime) -> list[str]:
        """Keys of the files last written before ``cutoff`` (a stale ``.tmp`` of an interrupted write included)."""
        limit = cutoff.timestamp()

        def walk() -> list[str]:
            if not self.root.is_dir():
                return []
            return sorted(
                path.relative_to(self.root).as_posix()
                for path in self.root.rglob("*")
                if path.is_file() and path.stat().st_mtime < limit
            )

        return await asyncio.to_thread(walk)
