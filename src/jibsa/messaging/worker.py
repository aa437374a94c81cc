"""The outbox worker: claims due rows, hands them to the gateway, records what happened.

Guarantees, in order of importance:

1. **Nothing is lost.** A row leaves ``queued``/``sending`` only with a recorded outcome. A worker that dies
   leaves its rows ``sending`` with a lease; any worker reclaims them once the lease has expired (on SQLite the
   single claimer reclaims every other claimer's rows as soon as it takes over).
2. **Nothing is sent twice.** A claim is exclusive (PostgreSQL ``FOR UPDATE SKIP LOCKED``; SQLite serialises
   writers with ``BEGIN IMMEDIATE``), every write after the claim is fenced on ``claimed_by``, and a row whose
   previous attempt may have reached the gateway (reclaimed from a dead worker, an unanswered request, a stored
   Solapi group) is first *resolved* with the gateway, never blindly resent.
3. **Throughput.** Rows are claimed in batches, sent concurrently (bounded) under a rate limit, and outcomes
   are written in batches by one recorder.

On SQLite only one worker claims at a time (the others stand by): the heartbeat table elects it.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import os
import random
import re
import secrets
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import and_, bindparam, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from jibsa.core import metrics
from jibsa.core.config import Settings
from jibsa.core.db import Database
from jibsa.core.korean import KST, now_utc
from jibsa.files.storage import LocalStorage, Storage
from jibsa.messaging.periodic import PERIODIC_TASKS, TASK_MODULES
from jibsa.messaging.providers import Attachment, Outcome, OutgoingMessage, Provider, SendResult, get_provider
from jibsa.messaging.providers.solapi import GROUP_MISSING
from jibsa.models import MessageStatus, MessageType, SmsMessage, StoredFile, WorkerHeartbeat

logger = logging.getLogger("jibsa.sms.worker")

# ``result_code`` of a row whose last attempt may or may not have reached the gateway: resolve before sending.
UNRESOLVED = "unresolved"
RECORD_BATCH = 200
HEARTBEAT_RETENTION = timedelta(days=1)

Clock = Callable[[], datetime]


def backoff_delay(attempts: int, *, base: float, cap: float, jitter: float) -> float:
    """Seconds before attempt ``attempts + 1``: ``base·2^(attempts-1)`` capped at ``cap``, scaled by a jitter
    factor in ``[0.5, 1)`` (``jitter`` is a uniform draw in ``[0, 1)``) so retries of a burst spread out."""
    raw = min(cap, base * 2.0 ** max(0, attempts - 1))
    return float(raw * (0.5 + jitter / 2))


class RateLimiter:
    """Spaces calls ``1/rate`` seconds apart across all tasks; ``pause`` honours a gateway's ``Retry-After``."""

    def __init__(self, rate_per_second: float) -> None:
        self.interval = 1.0 / rate_per_second if rate_per_second > 0 else 0.0
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            await asyncio.sleep(start - now)

    def pause(self, seconds: float) -> None:
        self._next = max(self._next, time.monotonic() + seconds)


@dataclass(frozen=True, slots=True)
class Claimed:
    message: OutgoingMessage
    attempts: int
    needs_resolution: bool
    image_file_ids: tuple[int, ...] = ()


@dataclass(slots=True)
class DrainStats:
    """What a worker did (``run_until_empty`` returns it; ``make bench`` prints messages per second)."""

    claimed: int = 0
    sent: int = 0
    failed: int = 0
    retried: int = 0
    resolved: int = 0
    seconds: float = 0.0

    @property
    def messages_per_second(self) -> float:
        return self.sent / self.seconds if self.seconds > 0 else 0.0


@dataclass(slots=True)
class _Decision:
    claimed: Claimed
    result: SendResult
    resolved: bool = False
    done: asyncio.Event = field(default_factory=asyncio.Event)


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(3)}"


def import_task_modules(modules: Sequence[str] = TASK_MODULES) -> None:
    """Import the modules that register periodic tasks and event handlers."""
    for name in modules:
        importlib.import_module(name)


class Worker:
    """One outbox worker. ``run`` until cancelled or ``stop`` is set; ``run_until_empty`` to drain and return."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        provider: Provider | None = None,
        *,
        worker_id: str | None = None,
        clock: Clock = now_utc,
        rng: random.Random | None = None,
        storage: Storage | None = None,
        shutdown_grace_seconds: float = 10.0,
    ) -> None:
        self.db = db
        self.settings = settings
        self.provider = provider or get_provider(settings)
        self._owns_provider = provider is None
        self.id = worker_id or new_worker_id()
        self.clock = clock
        self.rng = rng or random.Random()
        self.storage = storage or LocalStorage(settings.upload_dir)
        self.shutdown_grace = shutdown_grace_seconds
        self.concurrency = settings.sms_worker_concurrency
        # Claim ahead of the senders: fewer, larger claim and record transactions (each database round trip
        # costs far more than the rows in it). The leases of waiting rows are far longer than the wait.
        self.batch = max(2 * self.concurrency, 20)
        self._slots = asyncio.Semaphore(self.concurrency)
        self.lease = timedelta(seconds=settings.sms_lease_seconds)
        self.limiter = RateLimiter(settings.sms_rate_per_second)
        self.sender = re.sub(r"\D", "", settings.sms_sender)
        self.stats = DrainStats()
        # SQLite: one claimer, elected through the heartbeat table. PostgreSQL: every worker claims.
        self.single_claimer = db.is_sqlite
        self.is_claimer = not self.single_claimer
        self.started_at = clock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._unsent: set[int] = set()
        self._records: asyncio.Queue[_Decision] = asyncio.Queue()
        self._last_runs: dict[str, datetime] = {}
        self.last_beat: datetime | None = None

    @contextlib.asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncSession]:
        """A write transaction (on SQLite, writers of this process queue fairly in ``Database.transaction``)."""
        async with self.db.transaction() as session:
            yield session

    # ---------------------------------------------------------------- claiming

    async def claim(self, limit: int) -> list[Claimed]:
        """Claim up to ``limit`` due rows (queued and due, or ``sending`` with an expired lease) in one transaction."""
        if limit <= 0 or not self.is_claimer:
            return []
        now = self.clock()
        reclaimable = and_(SmsMessage.status == MessageStatus.SENDING, SmsMessage.lease_until < now)
        if self.single_claimer:
            # The elected SQLite claimer is alone: rows held by anyone else belong to a dead worker.
            reclaimable = and_(
                SmsMessage.status == MessageStatus.SENDING,
                or_(SmsMessage.lease_until < now, SmsMessage.claimed_by != self.id),
            )
        due = or_(and_(SmsMessage.status == MessageStatus.QUEUED, SmsMessage.next_attempt_at <= now), reclaimable)
        query = select(SmsMessage).where(due).order_by(SmsMessage.next_attempt_at, SmsMessage.id).limit(limit)
        if not self.db.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        async with self._write() as session:
            rows = (await session.scalars(query)).all()
            if not rows:
                return []
            claimed = [self._snapshot(row) for row in rows]
            await session.execute(
                update(SmsMessage)
                .where(SmsMessage.id.in_([row.id for row in rows]))
                .values(status=MessageStatus.SENDING, lease_until=now + self.lease, claimed_by=self.id)
                .execution_options(synchronize_session=False)
            )
        self.stats.claimed += len(claimed)
        self._unsent.update(item.message.id for item in claimed)
        return claimed

    def _snapshot(self, row: SmsMessage) -> Claimed:
        reclaimed = row.status == MessageStatus.SENDING
        if reclaimed:
            logger.warning("SMS #%s: reclaimed from %s; resolving before any resend", row.id, row.claimed_by)
        message = OutgoingMessage(
            id=row.id,
            recipient=row.recipient,
            text=row.text,
            message_type=MessageType(row.message_type),
            sender=self.sender,
            subject=row.subject,
            group_id=row.provider_group_id,
            first_attempt_kst_day=row.created_at.astimezone(KST).strftime("%Y%m%d") if row.created_at else None,
        )
        needs_resolution = reclaimed or row.result_code == UNRESOLVED or row.provider_group_id is not None
        return Claimed(message, row.attempts, needs_resolution, tuple(row.image_file_ids or ()))

    # ---------------------------------------------------------------- delivering

    async def deliver(self, claimed: Claimed) -> _Decision | None:
        """Resolve if needed, then send once. ``None`` when this worker lost the row to another one."""
        try:
            async with asyncio.timeout(self.lease.total_seconds() * 0.8):
                return await self._deliver(claimed)
        except TimeoutError:
            return _Decision(claimed, SendResult.ambiguous("worker_timeout", "시간 안에 끝나지 않음"))

    async def _deliver(self, claimed: Claimed) -> _Decision | None:
        message = claimed.message
        if claimed.image_file_ids:
            images = await self._load_images(claimed.image_file_ids)
            if images is None:
                return _Decision(claimed, SendResult.permanent("image_missing", "첨부 이미지를 찾을 수 없음"))
            message = replace(message, images=images)
        if claimed.needs_resolution:
            self._unsent.discard(message.id)
            settled = await self.provider.resolve(message)
            if settled is not None and settled.code == GROUP_MISSING:
                settled, message = None, replace(message, group_id=None)  # nothing went out through it
            if settled is not None:
                if settled.outcome in (Outcome.ACCEPTED, Outcome.PERMANENT):
                    return _Decision(claimed, settled, resolved=True)
                return _Decision(claimed, SendResult.ambiguous(settled.code or UNRESOLVED, settled.detail or ""))
        if self.provider.uses_groups and not message.group_id:
            created = await self.provider.create_group(message)
            if created.outcome is not Outcome.ACCEPTED or not created.group_id:
                return _Decision(claimed, replace(created, outcome=_not_sent(created.outcome)))
            if not await self._store_group(message.id, created.group_id):
                return None
            message = replace(message, group_id=created.group_id)
        await self.limiter.acquire()
        self._unsent.discard(message.id)
        try:
            result = await self.provider.send(message)
        except Exception as exc:  # a provider bug after the request may have left: treat as unknown
            logger.exception("SMS #%s: provider %s raised", message.id, self.provider.name)
            result = SendResult.ambiguous("provider_error", f"{type(exc).__name__}: {exc}")
        if result.retry_after:
            self.limiter.pause(result.retry_after)
        if message.group_id and not result.group_id:
            result = replace(result, group_id=message.group_id)
        return _Decision(claimed, result)

    async def _load_images(self, file_ids: Sequence[int]) -> tuple[Attachment, ...] | None:
        async with self.db.transaction(read_only=True) as session:
            files = {f.id: f for f in (await session.scalars(select(StoredFile).where(StoredFile.id.in_(file_ids))))}
        images = []
        for index, file_id in enumerate(file_ids, start=1):
            stored = files.get(file_id)
            if stored is None or not await self.storage.exists(stored.storage_key):
                return None
            name = f"image{index}.{stored.storage_key.rsplit('.', 1)[-1]}"
            images.append(Attachment(await self.storage.get(stored.storage_key), stored.content_type, name))
        return tuple(images)

    async def _store_group(self, message_id: int, group_id: str) -> bool:
        """Commit the provider's group id before anything is sent through it (fenced on our claim)."""
        async with self._write() as session:
            result = await session.execute(
                update(SmsMessage)
                .where(self._ours(message_id))
                .values(provider_group_id=group_id)
                .execution_options(synchronize_session=False)
            )
        return _rowcount(result) == 1

    def _ours(self, message_id: int) -> ColumnElement[bool]:
        return and_(
            SmsMessage.id == message_id,
            SmsMessage.claimed_by == self.id,
            SmsMessage.status == MessageStatus.SENDING,
        )

    async def _process(self, claimed: Claimed) -> None:
        try:
            async with self._slots:
                decision = await self.deliver(claimed)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            logger.exception("SMS #%s: delivery crashed", claimed.message.id)
            decision = _Decision(claimed, SendResult.ambiguous("worker_error", f"{type(exc).__name__}: {exc}"))
        # Cancelled before this point with the send not begun, the row stays in ``_unsent`` and is handed back.
        self._unsent.discard(claimed.message.id)
        if decision is not None:
            await self._records.put(decision)

    # ---------------------------------------------------------------- recording

    async def _record_loop(self) -> None:
        while True:
            batch = [await self._records.get()]
            while len(batch) < RECORD_BATCH and not self._records.empty():
                batch.append(self._records.get_nowait())
            try:
                await self.record(batch)
            except Exception:
                # The rows stay ``sending`` under our lease and are reclaimed (and resolved) later.
                logger.exception("could not record %d SMS outcomes", len(batch))
            finally:
                for _ in batch:
                    self._records.task_done()

    async def record(self, decisions: Sequence[_Decision]) -> None:
        """Write outcomes in one transaction (one UPDATE for the batch); rows this worker no longer holds are left
        alone: another worker reclaimed them and will settle them itself."""
        if not decisions:
            return
        now = self.clock()
        counts = {"sent": 0, "failed": 0, "retried": 0}
        async with self._write() as session:
            held_query = select(SmsMessage.id).where(
                SmsMessage.id.in_([d.claimed.message.id for d in decisions]),
                SmsMessage.claimed_by == self.id,
                SmsMessage.status == MessageStatus.SENDING,
            )
            if not self.db.is_sqlite:
                held_query = held_query.with_for_update()
            held = set((await session.scalars(held_query)).all())
            rows = []
            for decision in decisions:
                message_id = decision.claimed.message.id
                if message_id not in held:
                    logger.warning("SMS #%s: lease lost before recording %s", message_id, decision.result.outcome.value)
                    continue
                outcome, values = self._outcome(decision, now)
                counts[outcome] += 1
                rows.append({"v_id": message_id, **{f"v_{name}": value for name, value in values.items()}})
            if rows:
                await session.execute(_RECORD_STATEMENT, rows)
        provider = self.provider.name
        metrics.SMS_SENT.labels(provider).inc(counts["sent"])
        metrics.SMS_FAILED.labels(provider).inc(counts["failed"])
        metrics.SMS_RETRIED.labels(provider).inc(counts["retried"])
        self.stats.sent += counts["sent"]
        self.stats.failed += counts["failed"]
        self.stats.retried += counts["retried"]
        self.stats.resolved += sum(1 for d in decisions if d.resolved and d.claimed.message.id in held)

    def _outcome(self, decision: _Decision, now: datetime) -> tuple[str, dict[str, object]]:
        """The row's new state after ``decision`` (every column of ``_RECORD_COLUMNS``)."""
        result, claimed = decision.result, decision.claimed
        attempts = claimed.attempts + 1
        detail = f"{result.code}: {result.detail}" if result.detail else result.code
        group_id = None if result.code == GROUP_MISSING else (result.group_id or claimed.message.group_id)
        values: dict[str, object] = {
            "attempts": attempts,
            "provider": self.provider.name,
            "result_code": result.code,
            "result_message": (detail or "")[:500] or None,
            "provider_group_id": group_id,
            "provider_message_id": None,
            "sent_at": None,
            "next_attempt_at": now,
        }
        if result.outcome is Outcome.ACCEPTED:
            values.update(status=MessageStatus.SENT, sent_at=now, provider_message_id=result.message_id)
            return "sent", values
        if result.outcome is Outcome.AMBIGUOUS:
            values["result_code"] = UNRESOLVED  # the next attempt asks the gateway first
        if result.outcome is Outcome.PERMANENT or attempts >= self.settings.sms_max_attempts:
            values["status"] = MessageStatus.FAILED
            logger.warning("SMS #%s failed after %d attempt(s): %s", claimed.message.id, attempts, detail)
            return "failed", values
        delay = backoff_delay(
            attempts,
            base=self.settings.sms_backoff_base_seconds,
            cap=self.settings.sms_backoff_max_seconds,
            jitter=self.rng.random(),
        )
        delay = max(delay, result.retry_after or 0.0)
        values.update(status=MessageStatus.QUEUED, next_attempt_at=now + timedelta(seconds=delay))
        return "retried", values

    async def release_unsent(self) -> None:
        """Give back claimed rows that never reached the gateway (shutdown), so nobody has to wait for a lease."""
        ids = list(self._unsent)
        self._unsent.clear()
        if not ids:
            return
        async with self._write() as session:
            await session.execute(
                update(SmsMessage)
                .where(
                    SmsMessage.id.in_(ids),
                    SmsMessage.claimed_by == self.id,
                    SmsMessage.status == MessageStatus.SENDING,
                )
                .values(status=MessageStatus.QUEUED, lease_until=None, claimed_by=None)
                .execution_options(synchronize_session=False)
            )

    # ---------------------------------------------------------------- heartbeat and periodic tasks

    async def heartbeat(self) -> None:
        """Beat (and on SQLite, hold or wait for the claimer role); prune long-dead workers' rows."""
        now = self.clock()
        stale = now - timedelta(seconds=max(30.0, 4 * self.settings.worker_heartbeat_seconds))
        async with self._write() as session:
            if self.single_claimer:
                other = await session.scalar(
                    select(WorkerHeartbeat.worker_id).where(
                        WorkerHeartbeat.worker_id != self.id, WorkerHeartbeat.beat_at > stale
                    )
                )
                if other is not None:
                    if self.is_claimer:
                        logger.warning("another worker (%s) claims on this SQLite database; standing by", other)
                    self.is_claimer = False
                    return
                if not self.is_claimer:
                    logger.info("worker %s is now the SQLite claimer", self.id)
                self.is_claimer = True
            updated = await session.execute(
                update(WorkerHeartbeat).where(WorkerHeartbeat.worker_id == self.id).values(beat_at=now)
            )
            if _rowcount(updated) == 0:
                session.add(
                    WorkerHeartbeat(
                        worker_id=self.id, started_at=self.started_at, beat_at=now, hostname=socket.gethostname()[:100]
                    )
                )
            await session.execute(delete(WorkerHeartbeat).where(WorkerHeartbeat.beat_at < now - HEARTBEAT_RETENTION))
        self.last_beat = now
        metrics.WORKER_HEARTBEAT.set(time.time())

    async def run_periodic(self) -> None:
        """Run each registered periodic task that is due, each in its own unit of work."""
        if not self.is_claimer:
            return
        for task in list(PERIODIC_TASKS.values()):
            now = self.clock()
            last = self._last_runs.get(task.name)
            if last is not None and now - last < task.every:
                continue
            self._last_runs[task.name] = now
            try:
                async with self._write() as session:
                    await task.fn(session, now)
            except Exception:
                logger.exception("periodic task %s failed", task.name)

    async def _every(self, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
        while True:
            await asyncio.sleep(seconds)
            try:
                await job()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("worker housekeeping failed")

    async def run_once(self) -> int:
        """Claim one batch, deliver it concurrently, record the outcomes; return how many rows were claimed."""
        claimed = await self.claim(self.concurrency)
        decisions = await asyncio.gather(*(self.deliver(item) for item in claimed))
        for item in claimed:
            self._unsent.discard(item.message.id)
        await self.record([decision for decision in decisions if decision is not None])
        return len(claimed)

    # ---------------------------------------------------------------- the loop

    async def run(self, stop: asyncio.Event | None = None) -> None:
        """Deliver until cancelled or ``stop`` is set; then finish in-flight sends (within the grace period)."""
        import_task_modules()
        await self._loop(stop or asyncio.Event(), drain=False)

    async def run_until_empty(self, *, timeout: float = 300.0) -> DrainStats:
        """Deliver until no row is queued or sending; return what was done (for tests and ``make bench``)."""
        started = time.perf_counter()
        async with asyncio.timeout(timeout):
            await self._loop(asyncio.Event(), drain=True)
        self.stats.seconds = time.perf_counter() - started
        return self.stats

    async def _loop(self, stop: asyncio.Event, *, drain: bool) -> None:
        background: list[asyncio.Task[None]] = []
        try:
            await self.heartbeat()
        except BaseException:
            await self._shutdown(background)
            raise
        background = [
            asyncio.create_task(self._record_loop(), name=f"sms-recorder-{self.id}"),
            asyncio.create_task(
                self._every(self.settings.worker_heartbeat_seconds, self.heartbeat), name=f"sms-heartbeat-{self.id}"
            ),
        ]
        if not drain:
            background.append(
                asyncio.create_task(self._every(self.settings.sms_poll_seconds, self.run_periodic), name="sms-periodic")
            )
        logger.info("SMS worker %s started (provider %s)", self.id, self.provider.name)
        try:
            while not stop.is_set():
                free = self.batch - len(self._tasks)
                claimed: list[Claimed] = []
                if free >= self.batch // 2 or not self._tasks:
                    try:
                        claimed = await self.claim(free)
                    except Exception:  # database unreachable, lock timeout...: keep the worker alive
                        logger.exception("could not claim SMS; retrying shortly")
                        await asyncio.sleep(min(5.0, self.settings.sms_poll_seconds * 10))
                        continue
                for item in claimed:
                    task = asyncio.create_task(self._process(item))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
                if claimed and len(claimed) == free:
                    await asyncio.wait(self._tasks, return_when=asyncio.FIRST_COMPLETED)
                    continue
                if drain and not self._tasks:
                    await self._records.join()
                    with contextlib.suppress(Exception):
                        if not await self._pending():
                            return
                await self._idle(stop)
        finally:
            await self._shutdown(background)

    async def _idle(self, stop: asyncio.Event) -> None:
        stopped = asyncio.ensure_future(stop.wait())
        await asyncio.wait(
            {stopped, *self._tasks}, timeout=self.settings.sms_poll_seconds, return_when=asyncio.FIRST_COMPLETED
        )
        stopped.cancel()

    async def _pending(self) -> bool:
        async with self.db.transaction(read_only=True) as session:
            found = await session.scalar(
                select(SmsMessage.id)
                .where(SmsMessage.status.in_([MessageStatus.QUEUED, MessageStatus.SENDING]))
                .limit(1)
            )
        return found is not None

    async def _shutdown(self, background: list[asyncio.Task[None]]) -> None:
        # Shielded so a second cancellation (impatient caller) cannot skip releasing our rows.
        await asyncio.shield(self._graceful_shutdown(background))

    async def _graceful_shutdown(self, background: list[asyncio.Task[None]]) -> None:
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=self.shutdown_grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        with contextlib.suppress(Exception):
            async with asyncio.timeout(10):
                await self._records.join()
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        with contextlib.suppress(Exception):
            await self.release_unsent()
        with contextlib.suppress(Exception):
            async with self._write() as session:
                await session.execute(delete(WorkerHeartbeat).where(WorkerHeartbeat.worker_id == self.id))
        if self._owns_provider:
            await self.provider.aclose()
        logger.info("SMS worker %s stopped", self.id)


_RECORD_COLUMNS = (
    "status",
    "attempts",
    "provider",
    "result_code",
    "result_message",
    "provider_group_id",
    "provider_message_id",
    "sent_at",
    "next_attempt_at",
)
_table = SmsMessage.__table__
# One statement for a whole batch of outcomes (executemany); the ``held`` check before it is the fence.
_RECORD_STATEMENT = (
    _table.update()  # type: ignore[attr-defined]
    .where(_table.c.id == bindparam("v_id"))
    .values(
        lease_until=None,
        claimed_by=None,
        **{name: bindparam(f"v_{name}", type_=_table.c[name].type) for name in _RECORD_COLUMNS},
    )
)


def _not_sent(outcome: Outcome) -> Outcome:
    # Creating a group sends nothing: whatever went wrong there, the message itself is safe to try again.
    return Outcome.PERMANENT if outcome is Outcome.PERMANENT else Outcome.TRANSIENT


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


async def run_until_empty(
    db: Database, settings: Settings, provider: Provider | None = None, *, timeout: float = 300.0
) -> DrainStats:
    """Drain the outbox with one worker and return its counts (``make bench`` prints messages per second)."""
    worker = Worker(db, settings, provider)
    return await worker.run_until_empty(timeout=timeout)
