"""The worker's mechanics: backoff with an injected clock, leases, the SQLite claimer, heartbeat, periodic tasks."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core import metrics
from jibsa.core.config import Settings
from jibsa.core.db import Database
from jibsa.core.korean import now_utc
from jibsa.main import create_app
from jibsa.messaging import periodic
from jibsa.messaging.providers import ConsoleProvider
from jibsa.messaging.worker import Worker, backoff_delay
from jibsa.models import MessageStatus, WorkerHeartbeat
from tests.factories import outbox_rows, queue_messages
from tests.messaging.conftest import aligo_gateway, faults
from tests.messaging.fakes.aligo import FakeAligo


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class TestBackoffDelay:
    def test_doubles_from_the_base_and_stops_at_the_cap(self) -> None:
        delays = [backoff_delay(n, base=5, cap=60, jitter=0.999999) for n in range(1, 7)]
        assert [round(d) for d in delays] == [5, 10, 20, 40, 60, 60]

    def test_jitter_spreads_between_half_and_full(self) -> None:
        assert backoff_delay(3, base=5, cap=600, jitter=0.0) == 10.0
        assert backoff_delay(3, base=5, cap=600, jitter=0.5) == 15.0
        assert backoff_delay(3, base=5, cap=600, jitter=0.9999) < 20.0


@pytest.mark.committing
class TestRetrySchedule:
    async def test_transient_failures_wait_out_their_backoff(self, db: Database, worker_settings: Settings) -> None:
        [message_id] = await queue_messages(db, 1)
        clock = Clock(now_utc() + timedelta(seconds=1))
        tuned = worker_settings.model_copy(
            update={"sms_backoff_base_seconds": 30.0, "sms_backoff_max_seconds": 600.0, "sms_max_attempts": 3}
        )
        async with aligo_gateway(tuned, FakeAligo(faults(error_rate=1.0))) as gw:
            worker = Worker(db, gw.settings, clock=clock, rng=random.Random(3))
            await worker.heartbeat()
            expected = random.Random(3)

            await worker.run_once()
            [row] = await outbox_rows(db, [message_id])
            first_delay = backoff_delay(1, base=30, cap=600, jitter=expected.random())
            assert (row.status, row.attempts, row.result_code) == (MessageStatus.QUEUED, 1, "http_503")
            assert row.next_attempt_at == clock.now + timedelta(seconds=first_delay)

            clock.advance(seconds=first_delay - 0.5)
            assert await worker.run_once() == 0  # not due yet
            clock.advance(seconds=1)
            assert await worker.run_once() == 1
            [row] = await outbox_rows(db, [message_id])
            second_delay = backoff_delay(2, base=30, cap=600, jitter=expected.random())
            assert row.attempts == 2
            assert row.next_attempt_at == clock.now + timedelta(seconds=second_delay)
            assert 30 <= second_delay < 60

            clock.advance(seconds=second_delay)
            await worker.run_once()
            [row] = await outbox_rows(db, [message_id])
            assert (row.status, row.attempts) == (MessageStatus.FAILED, 3)
        assert gw.fake.requests["send"] == 3

    async def test_retry_after_from_the_gateway_is_honoured(self, db: Database, worker_settings: Settings) -> None:
        [message_id] = await queue_messages(db, 1)
        clock = Clock(now_utc() + timedelta(seconds=1))
        async with aligo_gateway(worker_settings, FakeAligo(faults(rate_limit_rate=1.0))) as gw:
            worker = Worker(db, gw.settings, clock=clock, rng=random.Random(1))
            await worker.heartbeat()
            await worker.run_once()
        [row] = await outbox_rows(db, [message_id])
        assert (row.status, row.result_code) == (MessageStatus.QUEUED, "http_429")
        assert row.next_attempt_at >= clock.now + timedelta(seconds=0.05)


@pytest.mark.committing
class TestLeases:
    async def test_expired_lease_is_reclaimed_and_resolved_not_resent(
        self, db: Database, worker_settings: Settings
    ) -> None:
        ids = await queue_messages(db, 3)
        async with aligo_gateway(worker_settings, FakeAligo()) as gw:
            start = now_utc() + timedelta(seconds=1)
            dead = Worker(db, gw.settings, worker_id="dead", clock=Clock(start))
            await dead.heartbeat()
            claimed = await dead.claim(10)
            assert len(claimed) == 3
            # It sends the first message and dies before recording anything.
            await dead.provider.send(claimed[0].message)
            await dead.provider.aclose()
            async with db.transaction() as session:
                await session.execute(WorkerHeartbeat.__table__.delete())

            heir_clock = Clock(start)
            heir = Worker(db, gw.settings, worker_id="heir", clock=heir_clock)
            await heir.heartbeat()
            if not db.is_sqlite:
                assert await heir.claim(10) == []  # leases still run
                heir_clock.advance(seconds=gw.settings.sms_lease_seconds + 1)
            reclaimed = await heir.claim(10)
            assert sorted(c.message.id for c in reclaimed) == ids
            assert all(c.needs_resolution for c in reclaimed)
            decisions = [await heir.deliver(c) for c in reclaimed]
            await heir.record([d for d in decisions if d is not None])
        rows = await outbox_rows(db, ids)
        assert [row.status for row in rows] == [MessageStatus.SENT] * 3
        assert [gw.fake.sent[row.text] for row in rows] == [1, 1, 1]
        assert heir.stats.resolved == 1

    async def test_a_worker_that_lost_its_lease_cannot_overwrite(self, db: Database, worker_settings: Settings) -> None:
        ids = await queue_messages(db, 1)
        start = now_utc() + timedelta(seconds=1)
        slow = Worker(db, worker_settings, ConsoleProvider(), worker_id="slow", clock=Clock(start))
        slow.is_claimer = True
        [claimed] = await slow.claim(1)
        fast_clock = Clock(start + timedelta(seconds=worker_settings.sms_lease_seconds + 1))
        fast = Worker(db, worker_settings, ConsoleProvider(), worker_id="fast", clock=fast_clock)
        fast.is_claimer = True
        [again] = await fast.claim(1)
        decision = await fast.deliver(again)
        assert decision is not None
        await fast.record([decision])
        late = await slow.deliver(claimed)
        assert late is not None
        await slow.record([late])
        [row] = await outbox_rows(db, ids)
        assert (row.status, row.provider_message_id) == (MessageStatus.SENT, decision.result.message_id)
        assert slow.stats.sent == 0


@pytest.mark.committing
class TestSqliteSingleClaimer:
    async def test_second_worker_stands_by_until_the_first_goes_quiet(
        self, db: Database, worker_settings: Settings
    ) -> None:
        if not db.is_sqlite:
            pytest.skip("PostgreSQL workers all claim")
        await queue_messages(db, 2)
        clock = Clock(now_utc() + timedelta(seconds=1))
        first = Worker(db, worker_settings, ConsoleProvider(), worker_id="first", clock=clock)
        second = Worker(db, worker_settings, ConsoleProvider(), worker_id="second", clock=clock)
        await first.heartbeat()
        await second.heartbeat()
        assert (first.is_claimer, second.is_claimer) == (True, False)
        assert await second.claim(10) == []
        assert len(await first.claim(1)) == 1
        clock.advance(minutes=5)  # the first one stopped beating
        await second.heartbeat()
        assert second.is_claimer
        # It takes over the first one's row at once, without waiting for the lease.
        assert len(await second.claim(10)) == 2


@pytest.mark.committing
class TestHeartbeat:
    async def test_beat_is_visible_in_readiness_and_metrics_and_removed_at_stop(
        self, db: Database, worker_settings: Settings, client: httpx.AsyncClient
    ) -> None:
        assert (await client.get("/health/ready")).json()["checks"]["worker"] == "no recent heartbeat"
        worker = Worker(db, worker_settings, ConsoleProvider(), worker_id="beating")
        task = asyncio.create_task(worker.run())
        await _until(lambda: worker.last_beat is not None)
        ready = await client.get("/health/ready")
        assert ready.status_code == 200
        assert ready.json()["checks"]["worker"] == "ok"
        assert metrics.WORKER_HEARTBEAT._value.get() > 0
        page = (await client.get("/metrics")).text
        assert "jibsa_worker_heartbeat_timestamp" in page
        assert "jibsa_outbox_depth" in page
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        async with db.transaction(read_only=True) as session:
            assert await session.get(WorkerHeartbeat, "beating") is None

    async def test_app_runs_a_worker_in_process_only_when_asked(self, db: Database, worker_settings: Settings) -> None:
        for enabled in (False, True):
            app: FastAPI = create_app(
                worker_settings.model_copy(update={"run_worker_in_process": enabled}), database=db
            )
            async with app.router.lifespan_context(app):
                await asyncio.sleep(0.2)
                async with db.transaction(read_only=True) as session:
                    beats = (await session.scalars(select(WorkerHeartbeat))).all()
                assert len(beats) == (1 if enabled else 0)
            async with db.transaction(read_only=True) as session:
                assert (await session.scalars(select(WorkerHeartbeat))).all() == []


@pytest.fixture
def registered_tasks() -> Iterator[dict[str, periodic.PeriodicTask]]:
    saved = dict(periodic.PERIODIC_TASKS)
    periodic.PERIODIC_TASKS.clear()
    yield periodic.PERIODIC_TASKS
    periodic.PERIODIC_TASKS.clear()
    periodic.PERIODIC_TASKS.update(saved)


@pytest.mark.committing
class TestPeriodicTasks:
    async def test_each_task_runs_at_its_interval_in_its_own_transaction(
        self, db: Database, worker_settings: Settings, registered_tasks: dict[str, periodic.PeriodicTask]
    ) -> None:
        runs: list[tuple[str, datetime]] = []

        @periodic.periodic("often", timedelta(minutes=1))
        async def often(session: AsyncSession, now: datetime) -> None:
            runs.append(("often", now))

        @periodic.periodic("broken", timedelta(seconds=1))
        async def broken(session: AsyncSession, now: datetime) -> None:
            raise RuntimeError("a failing task must not stop the others")

        clock = Clock(now_utc())
        worker = Worker(db, worker_settings, ConsoleProvider(), clock=clock)
        await worker.heartbeat()
        await worker.run_periodic()
        clock.advance(seconds=30)
        await worker.run_periodic()
        clock.advance(seconds=31)
        await worker.run_periodic()
        assert [name for name, _ in runs] == ["often", "often"]
        assert runs[1][1] - runs[0][1] == timedelta(seconds=61)


async def _until(condition: object, timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.01)
