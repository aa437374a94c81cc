"""The unit of work: one transaction per request or per worker task (the engine itself: ``core.engine``)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from jibsa.core.config import Settings
from jibsa.core.data_version import ChangeFeed, change_feed_for
from jibsa.core.engine import READ_ONLY, create_engine, is_sqlite

_ON_ROLLBACK = "jibsa.on_rollback"

log = logging.getLogger(__name__)

RollbackHook = Callable[[], Awaitable[None]]


def on_rollback(session: AsyncSession, hook: RollbackHook) -> None:
    """Undo a side effect outside the database (a file written to storage) if this unit of work rolls back."""
    session.info.setdefault(_ON_ROLLBACK, []).append(hook)


async def run_rollback_hooks(session: AsyncSession) -> None:
    """After a rollback: run the unit of work's undo hooks, newest first; a failing hook is logged, not raised."""
    hooks: list[RollbackHook] = session.info.pop(_ON_ROLLBACK, [])
    for hook in reversed(hooks):
        try:
            await hook()
        except Exception:
            log.exception("rollback hook failed")


def forget_rollback_hooks(session: AsyncSession) -> None:
    """After a commit: what was written stays."""
    session.info.pop(_ON_ROLLBACK, None)


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class Database:
    """Owns the engine and hands out sessions."""

    def __init__(self, url: str, settings: Settings | None = None) -> None:
        self.url = url
        self.engine = create_engine(url, settings)
        # Other processes' commits, for the admin read cache (started by the app's lifespan).
        self.change_feed: ChangeFeed = change_feed_for(url)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        read_options: dict[str, Any] = {READ_ONLY: True}
        if not is_sqlite(url):
            # Reads need no BEGIN/COMMIT round trips on PostgreSQL: each statement sees committed data. (SQLite
            # keeps a deferred transaction: one consistent snapshot, and no network to save.)
            read_options["isolation_level"] = "AUTOCOMMIT"
        self.read_sessionmaker = async_sessionmaker(
            self.engine.execution_options(**read_options), expire_on_commit=False, autoflush=False
        )
        # Reads that append an audit row (``WritesOnRead``): on PostgreSQL they too run statement by statement, the
        # audit INSERT last, before the response leaves; no BEGIN/COMMIT round trips (two of a detail's ten). SQLite
        # keeps a writer's transaction (no network to save, and no read-to-write upgrade to be refused).
        self.audited_read_sessionmaker = (
            None
            if is_sqlite(url)
            else async_sessionmaker(
                self.engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False, autoflush=False
            )
        )
        # SQLite has one writer at a time. Writers of this process queue here, first come first served, instead of
        # polling SQLite's busy handler, whose sleeps let a late writer overtake one that has waited for seconds.
        # (Other processes still meet the busy timeout.)
        self._writers: asyncio.Lock | None = asyncio.Lock() if is_sqlite(url) else None

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @asynccontextmanager
    async def transaction(self, *, read_only: bool = False, audited_read: bool = False) -> AsyncIterator[AsyncSession]:
        """A unit of work: commits when the block succeeds, rolls back when it raises. ``audited_read``: reads whose
        only writes are audit rows (see ``audited_read_sessionmaker``)."""
        queue: contextlib.AbstractAsyncContextManager[Any] = contextlib.nullcontext()
        if audited_read and self.audited_read_sessionmaker is not None:
            maker = self.audited_read_sessionmaker
        elif read_only:
            maker = self.read_sessionmaker
        else:
            maker = self.sessionmaker
            if self._writers is not None:
                queue = self._writers
        async with queue, maker() as session:
            try:
                yield session
                await session.commit()
                forget_rollback_hooks(session)
            except BaseException:
                await session.rollback()
                await run_rollback_hooks(session)
                raise

    async def dispose(self) -> None:
        await self.change_feed.stop()
        await self.engine.dispose()


def get_database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


async def _database(request: Request) -> Database:
    return get_database(request)


DatabaseDep = Annotated[Database, Depends(_database)]
"""Inject the app's ``Database`` (an ``async`` dependency: FastAPI would run a plain ``def`` one in a thread)."""


async def writes_on_read(request: Request) -> None:
    """Mark a GET route whose unit of work also writes (it audits a read of personal data).

    Its session may write, and the audit row goes through the request's own connection: one connection per
    request (a second one per request can exhaust the pool under load). On PostgreSQL the session runs statement by
    statement like a plain read's, the audit row written last, before the response leaves; on SQLite it begins as
    a writer (no read-to-write upgrade that a concurrent writer could refuse). Listed in the route's
    ``dependencies`` it runs before the session is opened.
    """
    request.state.writes_on_read = True


WritesOnRead = Depends(writes_on_read)


async def reads_only(request: Request) -> None:
    """Mark a POST route that only reads (a search whose terms travel in the body, out of URLs and logs).

    Its session then begins read-only like a GET's: deferred on SQLite (no write lock taken, so it runs beside a
    writer), autocommit on PostgreSQL, and the guard refuses any write. Listed in the route's ``dependencies``.
    """
    request.state.read_only = True


ReadOnly = Depends(reads_only)


def _is_read_only(request: Request) -> bool:
    if getattr(request.state, "writes_on_read", False):
        return False
    return request.method in SAFE_METHODS or getattr(request.state, "read_only", False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: commit on success, roll back on any error."""
    db = get_database(request)
    audited_read = getattr(request.state, "writes_on_read", False)
    async with db.transaction(read_only=_is_read_only(request), audited_read=audited_read) as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
"""Inject the request's session; it commits before the response is sent."""


def dialect_name(session: AsyncSession) -> str:
    bind = session.get_bind()
    return bind.dialect.name
