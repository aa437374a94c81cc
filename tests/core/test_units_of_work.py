"""Units of work: read-only ones never write, and on PostgreSQL they cost no BEGIN/COMMIT round trips."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import delete, func, insert, select, text

from jibsa.core.db import Database
from jibsa.core.engine import WriteInReadOnlySession, create_engine
from jibsa.models import Customer
from tests.conftest import ENGINE


class TestReadOnlyUnitOfWork:
    async def test_a_write_is_refused(self, db: Database) -> None:
        with pytest.raises(WriteInReadOnlySession):
            async with db.transaction(read_only=True) as session:
                await session.execute(insert(Customer).values(phone_bidx="x" * 32))

    async def test_reads_are_allowed(self, db: Database) -> None:
        async with db.transaction(read_only=True) as session:
            assert await session.scalar(select(func.count()).select_from(Customer)) is not None

    async def test_a_writer_may_write_after_a_refused_read(self, db: Database) -> None:
        with pytest.raises(WriteInReadOnlySession):
            async with db.transaction(read_only=True) as session:
                await session.execute(insert(Customer).values(phone_bidx="y" * 32))
        async with db.transaction() as session:
            await session.execute(insert(Customer).values(phone_bidx="z" * 32))
            assert await session.scalar(select(func.count()).where(Customer.phone_bidx == "z" * 32)) == 1

    @pytest.mark.committing
    async def test_the_real_database_refuses_too_and_keeps_nothing(self, db: Database) -> None:
        with pytest.raises(WriteInReadOnlySession):
            async with db.transaction(read_only=True) as session:
                await session.execute(insert(Customer).values(phone_bidx="r" * 32))
        async with db.transaction(read_only=True) as session:
            assert await session.scalar(select(func.count()).where(Customer.phone_bidx == "r" * 32)) == 0

    @pytest.mark.committing
    async def test_postgresql_reads_outside_a_transaction_block(self, db: Database) -> None:
        if ENGINE != "postgresql":
            pytest.skip("PostgreSQL reads in autocommit; SQLite keeps a deferred transaction (no network to save)")
        async with db.transaction(read_only=True) as session:
            # A transaction-local setting outlives its statement only inside a transaction block: in autocommit
            # each statement is its own transaction, so no BEGIN/COMMIT round trips were spent.
            await session.execute(text("SELECT set_config('jibsa.probe', 'set', true)"))
            probe = await session.scalar(text("SELECT current_setting('jibsa.probe', true)"))
        assert probe in (None, "")

    @pytest.mark.committing
    async def test_writers_keep_their_transaction_block(self, db: Database) -> None:
        if ENGINE != "postgresql":
            pytest.skip("the transaction-block probe uses PostgreSQL settings")
        async with db.transaction() as session:
            await session.execute(text("SELECT set_config('jibsa.probe', 'set', true)"))
            probe = await session.scalar(text("SELECT current_setting('jibsa.probe', true)"))
        assert probe == "set"


class TestSqliteWriters:
    @pytest.mark.committing
    async def test_writers_of_one_process_take_turns_in_arrival_order(self, db: Database) -> None:
        if ENGINE != "sqlite":
            pytest.skip("PostgreSQL has row locks, not one writer at a time")
        entered: list[int] = []
        first_may_finish = asyncio.Event()

        async def writer(n: int) -> None:
            async with db.transaction() as session:
                entered.append(n)
                await session.execute(insert(Customer).values(phone_bidx=f"w{n}".ljust(32, "0")))
                if n == 0:
                    await first_may_finish.wait()

        tasks = [asyncio.create_task(writer(0))]
        await asyncio.sleep(0.05)
        for n in range(1, 6):
            tasks.append(asyncio.create_task(writer(n)))
            await asyncio.sleep(0.01)
        # Everyone queued behind writer 0; none has begun (no busy-handler polling, no overtaking).
        assert entered == [0]
        first_may_finish.set()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=30)
        assert entered == [0, 1, 2, 3, 4, 5]
        async with db.transaction() as session:
            await session.execute(delete(Customer).where(Customer.phone_bidx.like("w%")))

    async def test_a_connection_dropped_mid_statement_keeps_no_write_lock(self, tmp_path: Path) -> None:
        # A task cancelled between a statement and its cursor's close: SQLAlchemy invalidates the connection, and
        # SQLite used to keep it as a zombie holding the write lock until the garbage collector ran.
        path = tmp_path / "dropped.db"
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        try:
            async with engine.begin() as connection:
                await connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
                await connection.exec_driver_sql("INSERT INTO t VALUES (1), (2), (3)")
            async with engine.connect() as connection:
                await connection.exec_driver_sql("INSERT INTO t VALUES (4)")  # BEGIN IMMEDIATE: the write lock
                raw = await connection.get_raw_connection()
                unfinished = await raw.driver_connection.execute("SELECT x FROM t")  # never fetched nor closed
                await connection.invalidate()
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")  # "database is locked" while the zombie holds it
                other.execute("ROLLBACK")
            finally:
                other.close()
            del unfinished
        finally:
            await engine.dispose()
