"""Admin reads answered from memory while the database has not changed since they were computed.

Several admins (and each admin's screens, on focus and on polling) ask for the same list page, calendar month or
SMS log page again and again between writes. Each answer is stored as its JSON bytes under the data version it was
computed from (``core.data_version``: this process's write generation and the other processes' change feed), and
served again only while that version is current and the entry is younger than the TTL. Any tracked write anywhere
moves the version, so an admin never sees a page older than their own last change; another process's change shows
within about a millisecond on PostgreSQL (its notification), at once on SQLite.

Entries hold decrypted personal data in this process's memory only, like any response being built; they are
bounded by total size (least recently used go first) and by the TTL, and never written anywhere.

``memo`` does the same for the few small reads a unit of work repeats on every request (a public submission's
service catalogue, admins to notify, SMS templates and company name and prefix), keyed by the version of just the
tables they read.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Collection, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from fastapi import Request, Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core import data_version, metrics
from jibsa.core.data_version import ChangeFeed, Version
from jibsa.core.db import Database, get_database
from jibsa.core.engine import READ_ONLY

ReadQuery = Callable[[AsyncSession], Awaitable[BaseModel]]
T = TypeVar("T")


@dataclass(slots=True)
class _Entry:
    version: Version
    expires: float
    value: Any
    size: int


class ReadCache:
    """Values (response bodies, admin principals) keyed by what was asked, valid for one data version."""

    def __init__(self, feed: ChangeFeed, *, enabled: bool = True, ttl: float = 30.0, max_bytes: int = 64 << 20):
        self.feed = feed
        self.enabled = enabled
        self.ttl = ttl
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._bytes = 0
        self._flights: dict[Hashable, asyncio.Future[Any]] = {}

    def version(self) -> Version | None:
        """The current data version; ``None`` when it cannot be known (nothing is then read from or stored here)."""
        return data_version.current(self.feed) if self.enabled else None

    def get(self, key: Hashable, version: Version | None) -> Any | None:
        if version is None:
            metrics.READ_CACHE_OFF.inc()
            return None
        entry = self._entries.get(key)
        if entry is None or entry.version != version or entry.expires < time.monotonic():
            metrics.READ_CACHE_MISS.inc()
            return None
        self._entries.move_to_end(key)
        metrics.READ_CACHE_HIT.inc()
        return entry.value

    def put(self, key: Hashable, version: Version | None, value: Any, size: int = 64) -> None:
        """Store ``value`` computed from ``version`` (taken before computing it); a stale version is not stored."""
        if version is None or version != self.version() or size > self.max_bytes // 4:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= old.size
        self._entries[key] = _Entry(version, time.monotonic() + self.ttl, value, size)
        self._bytes += size
        while self._bytes > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self._bytes -= evicted.size

    def clear(self) -> None:
        self._entries.clear()
        self._bytes = 0

    async def respond(self, request: Request, db: Database, query: ReadQuery, *, key: str = "") -> Response:
        """The JSON of ``query(session)`` for this request, from memory while the data version is current.

        Keyed by method, path and query string, plus ``key``: what else the answer depends on (a POST read's
        validated body, today's date for a default range). On a miss the query runs in a read-only unit of work.
        """
        scope = request.scope  # not ``request.url``: that parses the whole URL again on every request
        cache_key = ("response", scope["method"], scope["path"], scope["query_string"], key)
        version = self.version()
        body: bytes | None = self.get(cache_key, version)
        if body is None:

            async def compute() -> bytes:
                async with db.transaction(read_only=True) as session:
                    model = await query(session)
                return model.__pydantic_serializer__.to_json(model, by_alias=True)

            body = await self.once(cache_key, version, compute)
            self.put(cache_key, version, body, len(body))
        return Response(body, media_type="application/json")

    async def once(self, key: Hashable, version: Version | None, compute: Callable[[], Awaitable[T]]) -> T:
        """Compute a missing answer once for everyone asking at the same time (after a write, 32 open screens would
        otherwise run the same queries 32 times); a failure is everyone's, a cancelled computation is redone."""
        if version is None:
            return await compute()
        flight_key = (key, version)
        flight = self._flights.get(flight_key)
        if flight is not None:
            try:
                return await asyncio.shield(flight)
            except asyncio.CancelledError:
                current = asyncio.current_task()
                if flight.cancelled() and not (current is not None and current.cancelling()):
                    return await compute()  # the first asker went away; this one still wants the answer
                raise
        flight = asyncio.get_running_loop().create_future()
        flight.add_done_callback(_retrieve)
        self._flights[flight_key] = flight
        try:
            value = await compute()
        except Exception as error:
            flight.set_exception(error)
            raise
        except BaseException:  # cancelled (or the process is stopping): the others compute for themselves
            flight.cancel()
            raise
        else:
            flight.set_result(value)
            return value
        finally:
            self._flights.pop(flight_key, None)


def _retrieve(flight: asyncio.Future[Any]) -> None:
    # Nobody may be waiting on a failed computation: mark its error as seen (its asker has it already).
    if not flight.cancelled():
        flight.exception()


def get_read_cache(request: Request) -> ReadCache:
    cache: ReadCache = request.app.state.read_cache
    return cache


class CachedRead:
    """A route's cached read: ``await read(lambda session: service.list_x(session, ...))`` returns the response.

    Routes get one through ``admins.dependencies.AdminRead`` and declare their ``response_model``: the body is
    that model's JSON."""

    __slots__ = ("_db", "_request")

    def __init__(self, request: Request) -> None:
        self._request = request
        self._db = get_database(request)

    async def __call__(self, query: ReadQuery, *, key: str = "") -> Response:
        return await get_read_cache(self._request).respond(self._request, self._db, query, key=key)


# --- Small reads inside a unit of work -----------------------------------------------------------------------------

MEMO_TTL_SECONDS = 30.0
MEMO_ENTRIES = 256
_memos: OrderedDict[Hashable, tuple[Version, float, Any]] = OrderedDict()


def clear_memos() -> None:
    """Forget every memoised read (tests; writes do it on their own)."""
    _memos.clear()


async def memo(session: AsyncSession, key: Hashable, tables: Collection[str], compute: Callable[[], Awaitable[T]]) -> T:
    """``compute()`` (a read of ``tables`` in ``session``, ``data_version.tables_of``), answered from memory while
    none of those tables has changed since it last ran. The value must be plain immutable data, never ORM objects.

    The version is taken before computing, and a value is stored only if that version is still current after it:
    a write committing meanwhile leaves nothing behind. The memory is skipped when ``session`` might not read what
    others have committed: it wrote those tables itself (its uncommitted rows are no one else's answer, and no
    entry is its own), or it is a read-only SQLite transaction already holding an older snapshot.
    """
    version = data_version.current_for(session, tables)
    if version is None or data_version.wrote_any(session, tables) or _may_hold_older_snapshot(session):
        return await compute()
    memo_key = (data_version.database_key(session), key)
    entry = _memos.get(memo_key)
    now = time.monotonic()
    if entry is not None and entry[0] == version and entry[1] > now:
        _memos.move_to_end(memo_key)
        return cast(T, entry[2])
    value = await compute()
    if data_version.current_for(session, tables) == version:
        _memos[memo_key] = (version, now + MEMO_TTL_SECONDS, value)
        _memos.move_to_end(memo_key)
        while len(_memos) > MEMO_ENTRIES:
            _memos.popitem(last=False)
    return value


def _may_hold_older_snapshot(session: AsyncSession) -> bool:
    # A deferred SQLite transaction reads the snapshot of its first statement. PostgreSQL's writers (READ COMMITTED)
    # and readers (autocommit) see every commit at each statement; SQLite's writers hold the write lock throughout.
    if not session.in_transaction() or session.get_bind().dialect.name != "sqlite":
        return False
    return bool(session.get_bind().get_execution_options().get(READ_ONLY, False))
