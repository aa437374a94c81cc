"""Scratch databases: a SQLite file in a temporary directory, or a fresh PostgreSQL database dropped afterwards."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from jibsa.migrate import upgrade


@contextmanager
def sqlite_database(workdir: Path) -> Iterator[str]:
    """A migrated SQLite database in ``workdir`` (removed with it)."""
    url = f"sqlite+aiosqlite:///{(workdir / 'bench.db').resolve()}"
    upgrade(url)
    yield url


async def _admin_execute(server_url: str, statement: str) -> None:
    engine = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


@contextmanager
def postgresql_database(server_url: str) -> Iterator[str]:
    """Create ``jibsa_bench_<random>`` next to the database ``server_url`` names, migrate it, drop it afterwards."""
    name = f"jibsa_bench_{secrets.token_hex(4)}"
    asyncio.run(_admin_execute(server_url, f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        asyncio.run(_admin_execute(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def describe(url: str) -> str:
    """The URL without its password, for printing."""
    return make_url(url).render_as_string(hide_password=True)
