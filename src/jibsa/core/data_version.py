"""Which committed state of the database a cached read was computed from.

A cached admin read (``core.read_cache``) is valid while no write has committed since it was computed. Two parts
name that state:

- **this process's writes**: session and engine events below move a generation counter whenever a unit of work
  flushes, commits or rolls back a write to a tracked table (every table but the bookkeeping ones in
  ``UNTRACKED_TABLES``). It moves at flush time and again after the commit, so a read that started in between is
  never stored under the new generation.
- **other processes' writes** (a second server process, ``jibsa worker``, the CLI): a ``ChangeFeed`` per database.
  On PostgreSQL every writing transaction sends ``NOTIFY jibsa_data_change`` just before it commits (its payload:
  the process's token and the tables written), and each server process ``LISTEN``s on one dedicated connection;
  while that connection is down the feed answers ``None`` and nothing is cached. On SQLite, a writing transaction
  moves the one-row ``data_change`` counter before it commits, and each process reads it on a dedicated connection.

Writes are also counted per table, so a read of a few tables (``tables_of``) can be keyed by
``current_for(session, tables)``: a public submission, which writes applications, does not move the version of the
SMS templates it reads, here or (PostgreSQL) in the other processes. A write whose table is not known (a ``text()``
statement, a notification without tables) moves every table's count. SQLite's counter is one for all tables and
moves with this process's writes too: nothing is kept by tables there.

A reader takes the version *before* it queries and stores its result under that version: a write committing
during the query has moved the version by the time anyone looks the result up, so the result is never served.
Another process's write becomes visible once its notification arrives (PostgreSQL, about a millisecond) or at once
(SQLite). Bulk writes on a bare connection (``jibsa restore``) say so with ``mark_bulk_write``. Writes that bypass
SQLAlchemy sessions and engines entirely (``psql``) are caught by the cache's TTL.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import uuid
import weakref
from collections.abc import Collection, Hashable, Iterable
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.sql.expression import TableClause

log = logging.getLogger(__name__)

CHANNEL = "jibsa_data_change"
# Bookkeeping that no cached read shows: writing these must not throw every cached page away.
UNTRACKED_TABLES = frozenset(
    {
        "audit_log",
        "idempotency_record",
        "worker_heartbeat",
        "refresh_token",
        "login_throttle",
        "daily_sequence",
        "data_change",
    }
)
# SQLite's cross-process counter (migration 0004): moved in every transaction that writes a tracked table.
_MOVE_SQLITE_COUNTER = text("UPDATE data_change SET generation = generation + 1 WHERE id = 1")
_READ_SQLITE_COUNTER = "SELECT generation FROM data_change WHERE id = 1"
# In ``session.info`` / ``connection.info``: the tracked tables written in the open transaction (``None``: unknown).
_WROTE = "jibsa.wrote_data"
_WRITE_VERBS = ("insert", "update", "delete", "replace", "merge")
_ANY_TABLE = "*"  # in a notification: a table not known


class _Generation:
    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0


_generation = _Generation()
# Per table name; the ``None`` entry counts writes to a table not known, and is part of every table's count.
_table_generations: dict[str | None, int] = {}


def local_generation() -> int:
    """This process's write generation (moves on every tracked flush, commit and rollback)."""
    return _generation.value


def _bump(tables: Iterable[str | None]) -> None:
    _generation.value += 1
    for table in tables:
        _table_generations[table] = _table_generations.get(table, 0) + 1


def bump() -> None:
    """Invalidate every cached read of this process (tests; writes through SQLAlchemy do it on their own)."""
    _bump((None,))


_process_tokens: dict[int, str] = {}


def process_token() -> str:
    """This process's name in notifications (a forked worker gets its own: the pid is part of the key)."""
    pid = os.getpid()
    token = _process_tokens.get(pid)
    if token is None:
        token = _process_tokens[pid] = f"{pid}-{uuid.uuid4().hex[:12]}"
    return token


def _tracked(table_name: str | None) -> bool:
    return table_name is None or table_name not in UNTRACKED_TABLES


def _record(info: dict[Any, Any], tables: Iterable[str | None]) -> None:
    written: set[str | None] = info.setdefault(_WROTE, set())
    written.update(tables)


def _mark_write(session: Session, tables: Collection[str | None]) -> None:
    _bump(tables)
    _record(session.info, tables)
    if session.in_transaction():
        # A unit of work joined to an outer transaction (the test harness) ends on the connection, not the session.
        _record(session.connection().info, tables)


def _table_of(obj: Any) -> str | None:
    return getattr(type(obj), "__tablename__", None)


def _pending_tables(session: Session) -> set[str | None]:
    tables = {_table_of(obj) for obj in (*session.new, *session.dirty, *session.deleted)}
    return {table for table in tables if _tracked(table)}


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    tables = _pending_tables(session)  # still the pre-flush state here
    if tables:
        _mark_write(session, tables)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    statement = state.statement
    if state.is_insert or state.is_update or state.is_delete:
        target = getattr(statement, "table", None)
        # An alias or a join does not name the table it writes: a table not known.
        table = target.name if isinstance(target, TableClause) else None
        if _tracked(table):
            _mark_write(state.session, (table,))
    elif (
        isinstance(statement, TextClause)
        and statement is not _MOVE_SQLITE_COUNTER  # bookkeeping (``data_change``), not a write to a table not known
        and statement.text.lstrip().lower().startswith(_WRITE_VERBS)
    ):
        _mark_write(state.session, (None,))


@event.listens_for(Session, "after_begin")
def _after_begin(session: Session, _transaction: Any, connection: Connection) -> None:
    # A write marked before its session had a connection (its first statement) still marks that connection.
    written = session.info.get(_WROTE)
    if written:
        _record(connection.info, written)


@event.listens_for(Session, "before_commit")
def _notify_other_processes(session: Session) -> None:
    # ``before_commit`` fires before the commit's own final flush: pending objects count as writes too.
    written = session.info.get(_WROTE, set()) | _pending_tables(session)
    if not written:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        # Delivered by PostgreSQL only if and when this transaction commits.
        tables = ",".join(sorted(_ANY_TABLE if table is None else table for table in written))
        session.execute(select(func.pg_notify(CHANNEL, f"{process_token()} {tables}")))
    elif dialect == "sqlite":
        # Commits with the change (SQLite has one writer at a time: no row contention to speak of).
        session.execute(_MOVE_SQLITE_COUNTER)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    written = session.info.pop(_WROTE, None)
    if written:
        _bump(written)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, _previous: Any) -> None:
    written = session.info.pop(_WROTE, None)
    if written:
        _bump(written)


def mark_bulk_write(connection: Connection) -> None:
    """A write that went around the units of work (a restore's Core inserts on a bare connection): every cached
    answer may be stale, in this process once ``connection`` commits, and in the others through the change feed
    (a notification naming no table on PostgreSQL, the counter on SQLite, both committed with the write)."""
    _record(connection.info, (None,))
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_notify(CHANNEL, f"{process_token()} {_ANY_TABLE}")))
    elif connection.dialect.name == "sqlite":
        connection.execute(_MOVE_SQLITE_COUNTER)


@event.listens_for(Engine, "rollback")
@event.listens_for(Engine, "commit")
def _connection_end(connection: Connection) -> None:
    try:
        written = connection.info.pop(_WROTE, None)
    except Exception:  # a closed or invalidated connection: invalidating is always safe
        written = {None}
    if written:
        _bump(written)


class ChangeFeed(Protocol):
    """Other processes' commits, as a token that changes when any of them commits (``None``: unknown)."""

    def token(self) -> Hashable | None: ...

    def token_for(self, tables: Collection[str]) -> Hashable | None:
        """Like ``token``, but may stay put while other processes write only other tables (``None``: keep nothing
        keyed by tables)."""
        ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class SQLiteChangeFeed:
    """The ``data_change`` counter, read on a connection of its own (a look at the WAL: microseconds).

    ``PRAGMA data_version`` would be simpler but moves on every commit, an audit row or a heartbeat included; the
    counter moves only when a tracked table was written.
    """

    def __init__(self, url: str) -> None:
        self._path = make_url(url).database or ""
        self._connection: sqlite3.Connection | None = None

    def token(self) -> Hashable | None:
        if not self._path or self._path == ":memory:":
            return 0  # one connection, one process: there is nobody else
        try:
            if self._connection is None:
                # Opened lazily, on the event loop's thread; each read is a look at the WAL index (microseconds).
                self._connection = sqlite3.connect(self._path, timeout=0.05, check_same_thread=False)
            row = self._connection.execute(_READ_SQLITE_COUNTER).fetchone()
        except sqlite3.Error:  # unreadable, or not migrated yet
            log.warning("cannot read SQLite's data change counter: not caching", exc_info=True)
            self._close()
            return None
        return None if row is None else int(row[0])

    def token_for(self, tables: Collection[str]) -> Hashable | None:
        # One counter for every table, moved by this process's own writes too: a value keyed by it would not outlive
        # the next write anywhere, so reading the counter for it (a query) would cost more than it saves.
        return None

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        self._close()

    def _close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None


class PostgresChangeFeed:
    """``LISTEN jibsa_data_change`` on one dedicated connection, reconnecting with backoff when it drops."""

    RETRY_SECONDS = (0.5, 1, 2, 5, 10)

    def __init__(self, url: str) -> None:
        self._dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self._counter = 0
        # Notifications per table written (``_ANY_TABLE``: one naming no tables, or a time nobody listened).
        self._tables: dict[str, int] = {}
        self._connected = False
        self._lost = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._connection: Any = None

    def token(self) -> Hashable | None:
        return self._counter if self._connected else None

    def token_for(self, tables: Collection[str]) -> Hashable | None:
        if not self._connected:
            return None
        # Every count only grows: the sum moves whenever one of them does.
        return self._tables.get(_ANY_TABLE, 0) + sum(self._tables.get(table, 0) for table in tables)

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="data-change-feed")

    async def wait_connected(self, timeout: float = 5.0) -> None:
        """For tests: wait until the feed listens (``TimeoutError`` after ``timeout`` seconds)."""
        async with asyncio.timeout(timeout):
            while not self._connected:
                await asyncio.sleep(0.01)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self._disconnect()

    def _on_notify(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        token, _, tables = payload.partition(" ")
        if token == process_token():
            return
        self._counter += 1
        self._count(tables.split(",") if tables else (_ANY_TABLE,))

    def _count(self, tables: Iterable[str]) -> None:
        for table in tables:
            self._tables[table] = self._tables.get(table, 0) + 1

    def _on_termination(self, _connection: Any) -> None:
        self._connected = False
        self._lost.set()

    async def _run(self) -> None:
        import asyncpg  # type: ignore[import-untyped]

        attempt = 0
        while True:
            try:
                self._connection = await asyncpg.connect(self._dsn)
                self._connection.add_termination_listener(self._on_termination)
                await self._connection.add_listener(CHANNEL, self._on_notify)
            except (OSError, TimeoutError, asyncpg.PostgresError) as error:
                delay = self.RETRY_SECONDS[min(attempt, len(self.RETRY_SECONDS) - 1)]
                log.warning("data change feed: cannot listen (%s); retrying in %s s", error, delay)
                await self._disconnect()
                attempt += 1
                await asyncio.sleep(delay)
                continue
            attempt = 0
            self._lost.clear()
            # Whatever committed while nobody listened is unknown: a new counter value drops every cached read.
            self._counter += 1
            self._count((_ANY_TABLE,))
            self._connected = True
            await self._lost.wait()
            log.warning("data change feed: connection lost; not caching until it is back")
            await self._disconnect()
            await asyncio.sleep(self.RETRY_SECONDS[0])  # a restarting server is not asked again at once

    async def _disconnect(self) -> None:
        self._connected = False
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection.close(timeout=1)


_feeds: dict[str, ChangeFeed] = {}
_database_keys: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def database_key(session: AsyncSession) -> str:
    """The URL of the database behind ``session``, as ``_feeds`` keys it (rendered once per engine, not per read)."""
    engine = session.get_bind().engine
    key = _database_keys.get(engine)
    if key is None:
        key = _database_keys[engine] = engine.url.render_as_string(hide_password=False)
    return key


def change_feed_for(url: str) -> ChangeFeed:
    """The process's one change feed for a database (``Database`` asks for it; the app's lifespan starts it)."""
    key = make_url(url).render_as_string(hide_password=False)
    feed = _feeds.get(key)
    if feed is None:
        feed = _feeds[key] = SQLiteChangeFeed(url) if url.startswith("sqlite") else PostgresChangeFeed(url)
    return feed


Version = tuple[int, Hashable]


def current(feed: ChangeFeed) -> Version | None:
    """The data version as seen through ``feed``; ``None`` when other processes' commits cannot be known."""
    remote = feed.token()
    return None if remote is None else (_generation.value, remote)


def current_for(session: AsyncSession, tables: Collection[str] | None = None) -> Version | None:
    """The data version of the database behind ``session`` (``None`` if its feed is unknown or not listening).

    With ``tables`` (``tables_of``), it moves only with writes to those tables (or to a table not known): this
    process's, and other processes' as far as their change feed tells them apart.
    """
    feed = _feeds.get(database_key(session))
    if feed is None or tables is None:
        return None if feed is None else current(feed)
    remote = feed.token_for(tables)
    if remote is None:
        return None
    # Every count only grows: the sum moves whenever one of them does.
    local = _table_generations.get(None, 0) + sum(_table_generations.get(table, 0) for table in tables)
    return (local, remote)


def wrote_any(session: AsyncSession, tables: Collection[str]) -> bool:
    """Whether ``session``'s open transaction wrote one of ``tables`` (or a table not known), or holds unflushed
    changes to one: what it reads of them may be its own uncommitted state."""
    written = session.info.get(_WROTE, set()) | _pending_tables(session.sync_session)
    return None in written or not written.isdisjoint(tables)


_FOREIGN_KEY_WRITES = frozenset({"CASCADE", "SET NULL", "SET DEFAULT"})


def tables_of(*models: type[Any]) -> frozenset[str]:
    """The tables whose writes can change rows of ``models``' tables: their own, and those whose foreign key
    actions (``ON DELETE`` / ``ON UPDATE`` cascades and ``SET NULL``) reach into them, which no event here sees."""
    found: set[str] = set()
    pending = [model.__table__ for model in models]
    while pending:
        table = pending.pop()
        if table.name in found:
            continue
        found.add(table.name)
        for key in table.foreign_keys:
            if {(key.ondelete or "").upper(), (key.onupdate or "").upper()} & _FOREIGN_KEY_WRITES:
                pending.append(key.column.table)
    return frozenset(found)
