"""Units of work: read-only ones never write, and on PostgreSQL they cost no BEGIN/COMMIT round trips."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select, text

from jibsa.core.db import Database, WriteInReadOnlySession
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
