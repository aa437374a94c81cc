"""Queueing a message: an idempotency key queues it once, whoever repeats it and however concurrently."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.db import Database
from jibsa.messaging.outbox import enqueue_text
from jibsa.models import SmsMessage
from tests.querycount import count_statements


async def _stored(session: AsyncSession, key: str) -> int:
    count = await session.scalar(select(func.count()).where(SmsMessage.idempotency_key == key))
    return int(count or 0)


class TestIdempotencyKey:
    async def test_a_repeated_key_returns_the_first_message(self, session: AsyncSession) -> None:
        first = await enqueue_text(session, recipient="01012345678", text="첫 안내", prefix="", idempotency_key="k:1")
        again = await enqueue_text(session, recipient="01012345678", text="다른 글", prefix="", idempotency_key="k:1")
        assert again.id == first.id
        assert again.text == "첫 안내"
        assert await _stored(session, "k:1") == 1

    async def test_a_new_key_is_one_statement(self, session: AsyncSession, database: Database) -> None:
        with count_statements(database.engine) as statements:
            message = await enqueue_text(
                session, recipient="01012345678", text="안내", prefix="", idempotency_key="k:2"
            )
        assert message.id is not None
        assert message.text == "안내"  # decrypted from what the insert returned
        assert [s.split()[0].upper() for s in statements] == ["INSERT"]

    async def test_messages_without_a_key_are_all_queued(self, session: AsyncSession) -> None:
        one = await enqueue_text(session, recipient="01012345678", text="하나", prefix="")
        two = await enqueue_text(session, recipient="01012345678", text="하나", prefix="")
        assert one.id != two.id

    @pytest.mark.committing
    async def test_two_transactions_racing_on_one_key_queue_one_message(self, db: Database) -> None:
        first_queued = asyncio.Event()
        may_commit = asyncio.Event()

        async def first() -> int:
            async with db.transaction() as session:
                message = await enqueue_text(
                    session, recipient="01011112222", text="먼저", prefix="", idempotency_key="race:1"
                )
                first_queued.set()
                await may_commit.wait()
                return message.id

        async def second() -> int:
            await first_queued.wait()
            async with db.transaction() as session:
                message = await enqueue_text(
                    session, recipient="01011112222", text="나중", prefix="", idempotency_key="race:1"
                )
                return message.id

        racing = asyncio.gather(first(), second())
        await first_queued.wait()
        await asyncio.sleep(0.2)  # the second one is waiting on the first's key (PostgreSQL) or write turn (SQLite)
        may_commit.set()
        first_id, second_id = await racing
        assert first_id == second_id
        async with db.transaction(read_only=True) as session:
            assert await _stored(session, "race:1") == 1
