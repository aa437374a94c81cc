"""``jibsa backup DIR`` / ``jibsa restore DIR``: a lossless, engine-neutral copy of the database and uploads.

Rows are copied as stored (PII stays encrypted; ciphertexts are bound to the root secret, which is not part of the
backup and must be kept separately). Tables are written as JSON lines in foreign-key order, so a backup taken from
SQLite restores into PostgreSQL and back.
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, delete, func, insert, select, text
from sqlalchemy.engine import Connection

from jibsa.core import data_version
from jibsa.core.db import Database
from jibsa.migrate import head_revision, upgrade
from jibsa.models import Base

FORMAT = 1
# Seeded by migrations; a restore replaces them with the backup's rows.
REFERENCE_TABLES = frozenset(
    {"service_category", "service_type", "province", "district", "sms_template", "company_profile"}
)
# Bookkeeping of running processes, seeded by its migration: neither saved nor restored.
NOT_BACKED_UP = frozenset({"data_change"})
BATCH = 1000
Progress = Callable[[str, int], None]


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return {"$dt": aware.astimezone(UTC).isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$dec": str(value)}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((kind, raw),) = value.items()
        if kind == "$b64":
            return base64.b64decode(raw)
        if kind == "$dt":
            return datetime.fromisoformat(raw)
        if kind == "$d":
            return date.fromisoformat(raw)
        if kind == "$dec":
            return Decimal(raw)
    return value


def _tables(connection: Connection) -> list[Table]:
    """The database's own tables (reflected: raw stored values, no decryption), in foreign-key order."""
    reflected = MetaData()
    reflected.reflect(bind=connection, only=list(Base.metadata.tables))
    return [
        reflected.tables[t.name]
        for t in Base.metadata.sorted_tables
        if t.name in reflected.tables and t.name not in NOT_BACKED_UP
    ]


def _dump(connection: Connection, target: Path, progress: Progress | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    (target / "tables").mkdir(parents=True, exist_ok=True)
    for table in _tables(connection):
        order = list(table.primary_key.columns) or list(table.columns)
        count = 0
        with (target / "tables" / f"{table.name}.jsonl").open("w", encoding="utf-8") as out:
            for row in connection.execute(select(table).order_by(*order)).mappings():
                out.write(json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
                count += 1
        counts[table.name] = count
        if progress:
            progress(table.name, count)
    return counts


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as source:
        for line in source:
            yield {k: _decode(v) for k, v in json.loads(line).items()}


def _load(connection: Connection, source: Path, progress: Progress | None) -> None:
    tables = _tables(connection)
    occupied = [
        t.name
        for t in tables
        if t.name not in REFERENCE_TABLES and connection.execute(select(func.count()).select_from(t)).scalar_one()
    ]
    if occupied:
        # The audit trail is append-only: a restore never overwrites history, it fills a fresh database.
        raise ValueError(f"the target database already holds data ({', '.join(occupied)}); restore into a new one")
    for table in reversed(tables):
        if table.name in REFERENCE_TABLES:
            connection.execute(delete(table))
    for table in tables:
        path = source / "tables" / f"{table.name}.jsonl"
        if not path.exists():
            continue
        batch: list[dict[str, Any]] = []
        count = 0
        for row in _rows(path):
            batch.append(row)
            if len(batch) >= BATCH:
                connection.execute(insert(table), batch)
                count += len(batch)
                batch.clear()
        if batch:
            connection.execute(insert(table), batch)
            count += len(batch)
        if connection.dialect.name == "postgresql" and "id" in table.c and count:
            top = connection.execute(select(func.max(table.c.id))).scalar_one()
            connection.execute(text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :v)"), {"t": table.name, "v": top})
        if progress:
            progress(table.name, count)
    # Running servers may have cached the empty database's pages: the restored data moves every data version.
    data_version.mark_bulk_write(connection)


async def backup(db: Database, uploads: Path, target: Path, progress: Progress | None = None) -> dict[str, int]:
    """Write the database (one consistent read transaction) and the uploads to ``target``."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    async with db.engine.connect() as connection:
        counts = await connection.run_sync(_dump, target, progress)
        await connection.rollback()
    if uploads.exists():
        shutil.copytree(uploads, target / "uploads")
    manifest = {
        "format": FORMAT,
        "revision": head_revision(),
        "created_at": datetime.now(UTC).isoformat(),
        "tables": counts,
    }
    (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return counts


async def restore(db: Database, uploads: Path, source: Path, progress: Progress | None = None) -> dict[str, int]:
    """Load the backup in ``source`` into a freshly migrated database and its uploads (one transaction)."""
    manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ValueError("unknown backup format")
    if manifest.get("revision") != head_revision():
        raise ValueError(f"backup was taken at schema {manifest.get('revision')}, this version is at {head_revision()}")
    await asyncio.to_thread(upgrade, db.url)
    async with db.engine.begin() as connection:
        await connection.run_sync(_load, source, progress)
    if (source / "uploads").exists():
        if uploads.exists():
            shutil.rmtree(uploads)
        shutil.copytree(source / "uploads", uploads)
    counts: dict[str, int] = manifest["tables"]
    return counts
