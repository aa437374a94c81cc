"""The stack's floor: what the chosen stack costs per request with none of Jibsa's code in it.

A bare FastAPI app, served like ``jibsa serve`` (uvicorn, one process) on the same scratch database with Jibsa's own
engine settings (``jibsa.core.engine.create_engine``), answers ``/health`` and ``/units/{mode}/{reads}/{writes}``: one
unit of work of ``reads`` trivial ``SELECT 1`` and ``writes`` one-row INSERTs into a table of its own, committed,
either in one transaction or (``statements``) the way Jibsa runs its reads and audited reads on PostgreSQL. No
middleware, no authentication, no validation beyond the path, no encryption, no response model.

``make bench`` with ``--floor`` measures it with the same load generator after Jibsa's workloads. A workload that
needs k round trips to the database cannot be faster than the floor of k statements: the floor is a lower bound, and
it says which of the issue's targets this machine and this stack can reach at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Path
from sqlalchemy import Column, Integer, MetaData, Table, insert, literal, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

MAX_STATEMENTS = 25

_metadata = MetaData()
floor_rows = Table("bench_floor_row", _metadata, Column("id", Integer, primary_key=True), Column("value", Integer))


def create_app() -> FastAPI:
    """The floor app (``uvicorn --factory benchmarks.floor:create_app``) on ``$JIBSA_DATABASE_URL``.

    Only Jibsa's engine configuration is imported (``core.engine``): none of its session listeners (the data
    version's bookkeeping and notifications) come with it.
    """
    from jibsa.core.engine import READ_ONLY, create_engine, is_sqlite

    url = os.environ["JIBSA_DATABASE_URL"]
    engine = create_engine(url)
    one = select(literal(1))
    add_row = insert(floor_rows).values(value=1)
    if is_sqlite(url):
        # As Jibsa runs them on SQLite: one transaction, deferred when it only reads, ``BEGIN IMMEDIATE`` when it
        # writes, and this process's writers queued on a lock (``Database.transaction``).
        readers, writers = async_sessionmaker(engine.execution_options(**{READ_ONLY: True})), async_sessionmaker(engine)
        write_queue: contextlib.AbstractAsyncContextManager[Any] = asyncio.Lock()

        def sessions(mode: str, writes: int) -> async_sessionmaker[AsyncSession]:
            return writers if writes else readers
    else:
        # On PostgreSQL: a unit of work in one transaction, or reads (with at most an audit row) statement by
        # statement, as Jibsa's reads and audited reads run.
        in_transaction = async_sessionmaker(engine)
        by_statement = async_sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"))
        write_queue = contextlib.nullcontext()

        def sessions(mode: str, writes: int) -> async_sessionmaker[AsyncSession]:
            return by_statement if mode == "statements" else in_transaction

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        async with engine.begin() as connection:
            await connection.run_sync(_metadata.create_all)
        yield
        await engine.dispose()

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/units/{mode}/{reads}/{writes}")
    async def unit_of_work(
        mode: Literal["statements", "transaction"],
        reads: Annotated[int, Path(ge=0, le=MAX_STATEMENTS)],
        writes: Annotated[int, Path(ge=0, le=MAX_STATEMENTS)],
    ) -> dict[str, int]:
        async with write_queue if writes else contextlib.nullcontext(), sessions(mode, writes)() as session:
            for _ in range(reads):
                await session.execute(one)
            for _ in range(writes):
                await session.execute(add_row)
            await session.commit()
        return {"statements": reads + writes}

    return app
