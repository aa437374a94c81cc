"""Migrations build the schema from nothing, step down and up again, and match the models."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, make_url

from jibsa.core.engine import create_engine
from jibsa.migrate import downgrade, head_revision, upgrade
from jibsa.models import Base
from tests.conftest import ENGINE


@pytest.fixture
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    if ENGINE == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'migrations.db'}"
        return
    server = make_url(os.environ["JIBSA_TEST_DATABASE_URL"])
    name = f"jibsa_mig_{secrets.token_hex(4)}"
    dsn = server.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)

    async def run(sql: str) -> None:
        connection = await asyncpg.connect(dsn)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(run(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _inspect(url: str, fn):  # type: ignore[no-untyped-def]
    async def go():  # type: ignore[no-untyped-def]
        engine = create_engine(url)
        try:
            async with engine.connect() as connection:
                return await connection.run_sync(fn)
        finally:
            await engine.dispose()

    return asyncio.run(go())


def _revision(connection: Connection) -> str | None:
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, Base.metadata)


class TestMigrations:
    def test_up_from_empty_down_one_step_and_up_again(self, empty_database_url: str) -> None:
        upgrade(empty_database_url)
        assert _inspect(empty_database_url, _revision) == head_revision()
        tables = _inspect(empty_database_url, lambda c: set(inspect(c).get_table_names()))
        assert set(Base.metadata.tables) <= tables

        downgrade(empty_database_url, "-1")
        assert _inspect(empty_database_url, _revision) != head_revision()
        upgrade(empty_database_url)
        assert _inspect(empty_database_url, _revision) == head_revision()

    def test_models_and_migrations_agree(self, empty_database_url: str) -> None:
        upgrade(empty_database_url)
        assert _inspect(empty_database_url, _diff) == []

    def test_down_to_nothing(self, empty_database_url: str) -> None:
        upgrade(empty_database_url)
        downgrade(empty_database_url, "base")
        tables = _inspect(empty_database_url, lambda c: set(inspect(c).get_table_names()))
        assert tables <= {"alembic_version"}
