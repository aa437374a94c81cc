"""The async engine, configured once for every process (server, worker, CLI, the benchmark's floor app).

SQLite notes: WAL, foreign keys and a busy timeout on every connection; the driver's own transaction
handling is switched off so that SQLAlchemy emits ``BEGIN`` itself. Writers begin with ``BEGIN IMMEDIATE``
(take the write lock up front, so two writers queue on the busy timeout instead of failing on a lock
upgrade); read-only sessions begin deferred and run concurrently with a writer.

Nothing here knows about units of work or the data version (``core.db``, ``core.data_version``).
"""

from __future__ import annotations

import contextlib
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from jibsa.core.config import Settings, get_settings

READ_ONLY = "jibsa_read_only"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _install_sqlite_hooks(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=15000", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    @event.listens_for(engine.sync_engine, "invalidate")
    def _on_invalidate(dbapi_connection: Any, _: ConnectionPoolEntry, _error: BaseException | None) -> None:
        # SQLAlchemy drops a connection whose statement was interrupted (a task cancelled mid-query). Closed with
        # that statement unfinished, SQLite keeps the connection as a "zombie" that holds its write lock until the
        # garbage collector finalises the statement: every other writer waits, then fails "database is locked".
        # Roll back first (it resets the statements); when that cannot run, the close is all there is.
        with contextlib.suppress(Exception):
            dbapi_connection.rollback()


class WriteInReadOnlySession(RuntimeError):
    """A programming error: a read-only unit of work (a GET without ``WritesOnRead``, a ``ReadOnly`` POST) wrote."""


def _install_read_only_guard(engine: AsyncEngine) -> None:
    # On PostgreSQL a read-only session runs in autocommit: a write there would commit on its own, outside any
    # unit of work. Refuse it loudly instead (SQLite gets the same rule, so a bug shows on either engine).
    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _refuse_writes(
        connection: Connection, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool
    ) -> None:
        if context is not None and (context.isinsert or context.isupdate or context.isdelete):
            if connection.get_execution_options().get(READ_ONLY, False):
                raise WriteInReadOnlySession(f"write in a read-only unit of work: {statement.split(maxsplit=3)[:3]}")


def create_engine(url: str, settings: Settings | None = None) -> AsyncEngine:
    settings = settings or get_settings()
    if is_sqlite(url):
        engine = create_async_engine(url, connect_args={"timeout": 15})
        _install_sqlite_hooks(engine)
    else:
        engine = create_async_engine(
            url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            # A ping per checkout is a round trip per request; a connection found dead instead fails its one
            # statement, and SQLAlchemy then recycles every older pooled connection (see docs/deploy.md).
            pool_pre_ping=settings.db_pool_pre_ping,
            pool_recycle=1800,
        )
    _install_read_only_guard(engine)
    return engine
