"""Test harness: a real database per test worker (SQLite, or PostgreSQL with JIBSA_TEST_ENGINE=postgresql),
migrated with Alembic once, and every test rolled back (tests marked ``committing`` commit and are cleaned up)."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Collection, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import delete, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from jibsa.core import data_version
from jibsa.core.config import Environment, Settings, get_settings
from jibsa.core.crypto import get_keyring
from jibsa.core.db import Database, forget_rollback_hooks, run_rollback_hooks
from jibsa.core.engine import READ_ONLY
from jibsa.core.read_cache import ReadCache, clear_memos
from jibsa.main import create_app
from jibsa.migrate import upgrade
from jibsa.models import Base

pytest_plugins = ["tests.admin_fixtures"]

ENGINE = os.environ.get("JIBSA_TEST_ENGINE", "sqlite")
REFERENCE_TABLES = {
    "alembic_version",
    "service_category",
    "service_type",
    "province",
    "district",
    "sms_template",
    "company_profile",
    "data_change",  # one counter row, seeded by its migration
}

# Protected by triggers against UPDATE/DELETE (migration 0003a): emptied around them after committing tests.
APPEND_ONLY_TABLES = {"audit_log"}


async def _empty_append_only(session: AsyncSession, table: str) -> None:
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text(f"TRUNCATE {table}"))  # row triggers do not fire on TRUNCATE
        return
    triggers = (
        await session.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table}
        )
    ).all()
    for name, _ in triggers:
        await session.execute(text(f'DROP TRIGGER "{name}"'))
    await session.execute(text(f"DELETE FROM {table}"))
    for _, sql in triggers:
        await session.execute(text(sql))


def _worker_id() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def tmp_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def database_url(tmp_data_dir: Path) -> Iterator[str]:
    """A fresh database for this test worker, migrated to head."""
    if ENGINE == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_data_dir / 'test.db'}"
        upgrade(url)
        yield url
        return
    base = os.environ.get("JIBSA_TEST_DATABASE_URL")
    if not base:
        pytest.exit("JIBSA_TEST_ENGINE=postgresql needs JIBSA_TEST_DATABASE_URL", returncode=2)
    name = f"jibsa_test_{_worker_id()}_{secrets.token_hex(3)}"
    server = make_url(base)
    admin_dsn = server.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)

    async def run(sql: str) -> None:
        connection = await asyncpg.connect(admin_dsn)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(run(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        asyncio.run(run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def settings(tmp_data_dir: Path, database_url: str) -> Iterator[Settings]:
    test_settings = Settings(
        env=Environment.TEST,
        data_dir=tmp_data_dir,
        database_url=database_url,
        secret_key="test-secret-" + "x" * 40,
        rate_limit_public_submit_ip="10000/minute",
        rate_limit_public_submit_phone="10000/minute",
        rate_limit_login_ip="10000/minute",
        rate_limit_refresh_ip="10000/minute",
        rate_limit_portal_ip="10000/minute",
    )
    # Code that calls get_settings() directly (crypto keys, CLI) must see the same settings.
    get_settings.cache_clear()
    get_keyring.cache_clear()
    os.environ["JIBSA_SECRET_KEY"] = test_settings.secret_key or ""
    os.environ["JIBSA_DATA_DIR"] = str(tmp_data_dir)
    os.environ["JIBSA_DATABASE_URL"] = database_url
    os.environ["JIBSA_ENV"] = "test"
    yield test_settings
    get_settings.cache_clear()
    get_keyring.cache_clear()


@pytest.fixture(scope="session")
async def database(settings: Settings) -> AsyncIterator[Database]:
    db = Database(settings.resolved_database_url, settings)
    yield db
    await db.dispose()


class RollbackDatabase(Database):
    """A ``Database`` whose units of work are savepoints inside one outer transaction per test."""

    def __init__(self, real: Database, connection: AsyncConnection) -> None:
        self.url = real.url
        self.engine = real.engine
        self.connection = connection

    @asynccontextmanager
    async def transaction(self, *, read_only: bool = False, audited_read: bool = False) -> AsyncIterator[AsyncSession]:
        # ``audited_read`` (autocommit statements on PostgreSQL) is a writer's savepoint here: it cannot leave the
        # outer transaction. ``committing`` tests exercise the real one.
        session = AsyncSession(
            bind=self.connection, join_transaction_mode="create_savepoint", expire_on_commit=False, autoflush=False
        )
        # The production read-only guard applies here too (a GET that writes without ``WritesOnRead`` fails).
        await self.connection.execution_options(**{READ_ONLY: read_only})
        try:
            yield session
            await session.commit()
            forget_rollback_hooks(session)
        except BaseException:
            await session.rollback()
            await run_rollback_hooks(session)
            raise
        finally:
            await session.close()
            await self.connection.execution_options(**{READ_ONLY: False})


@pytest.fixture
async def db(request: pytest.FixtureRequest, database: Database) -> AsyncIterator[Database]:
    """The database as the app sees it: rolled back after the test, or real for ``committing`` tests."""
    # A test may change rows behind SQLAlchemy's back (raw SQL, as another process would) and roll them back.
    clear_memos()
    if request.node.get_closest_marker("committing"):
        yield database
        async with database.transaction() as session:
            for table in reversed(Base.metadata.sorted_tables):
                if table.name in APPEND_ONLY_TABLES:
                    await _empty_append_only(session, table.name)
                elif table.name not in REFERENCE_TABLES:
                    await session.execute(delete(table))
        return
    async with database.engine.connect() as connection:
        transaction = await connection.begin()
        try:
            yield RollbackDatabase(database, connection)
        finally:
            await transaction.rollback()


@pytest.fixture
async def session(db: Database) -> AsyncIterator[AsyncSession]:
    """A session for arranging and inspecting data in the test's database."""
    async with db.transaction() as s:
        yield s


@pytest.fixture(scope="session")
def app(settings: Settings, database: Database) -> FastAPI:
    return create_app(settings, database=database, frontend_dist=None)


@pytest.fixture
async def client(app: FastAPI, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    app.state.db = db
    await app.state.rate_limiter.reset()
    app.state.response_cache.invalidate()
    app.state.read_cache.clear()  # each test starts cold (within a test, invalidation is what is tested)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


class StillFeed:
    """A change feed in which nobody else ever commits (or, with ``token=None``, which cannot tell)."""

    def __init__(self, token: int | None = 0) -> None:
        self.value = token

    def token(self) -> int | None:
        return self.value

    def token_for(self, _tables: Collection[str]) -> int | None:
        return self.value

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


@pytest.fixture
def still_feed(app: FastAPI, database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[StillFeed]:
    """The test database's change feed, replaced by one the test moves by hand (``value += 1``: a commit elsewhere)."""
    feed = StillFeed()
    monkeypatch.setitem(data_version._feeds, make_url(database.url).render_as_string(hide_password=False), feed)
    original = app.state.read_cache
    app.state.read_cache = ReadCache(feed)
    yield feed
    app.state.read_cache = original
