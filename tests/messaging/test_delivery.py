"""End to end: outbox rows → worker → fake gateway, with faults. Every message reaches the gateway once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from jibsa.core.config import Settings
from jibsa.core.db import Database
from jibsa.core.korean import now_utc
from jibsa.files.storage import LocalStorage
from jibsa.messaging.providers import ConsoleProvider, get_provider
from jibsa.messaging.worker import UNRESOLVED, Worker
from jibsa.models import MessageStatus, MessageType, SmsMessage
from tests.factories import outbox_rows, queue_messages, stored_jpeg
from tests.messaging.conftest import Gateway, aligo_gateway, faults, solapi_gateway
from tests.messaging.fakes.aligo import FakeAligo
from tests.messaging.fakes.common import FakeGateway, Faults
from tests.messaging.fakes.solapi import FakeSolapi

pytestmark = pytest.mark.committing

GatewayFactory = Callable[[Settings, Faults], AbstractAsyncContextManager[Gateway[Any]]]


def _aligo(settings: Settings, f: Faults) -> AbstractAsyncContextManager[Gateway[Any]]:
    return aligo_gateway(settings, FakeAligo(f))


def _solapi(settings: Settings, f: Faults) -> AbstractAsyncContextManager[Gateway[Any]]:
    return solapi_gateway(settings, FakeSolapi(f))


PROVIDERS = [pytest.param(_aligo, id="aligo"), pytest.param(_solapi, id="solapi")]


def assert_each_sent_once(fake: FakeGateway, texts: list[str]) -> None:
    assert {text: fake.sent[text] for text in texts} == dict.fromkeys(texts, 1)
    assert sum(fake.sent.values()) == len(texts)


@pytest.fixture
def storage(worker_settings: Settings) -> LocalStorage:
    return LocalStorage(worker_settings.upload_dir)


class TestExactlyOnce:
    @pytest.mark.parametrize("gateway", PROVIDERS)
    async def test_every_message_once_despite_5xx_timeouts_and_lost_answers(
        self, db: Database, worker_settings: Settings, gateway: GatewayFactory
    ) -> None:
        ids = await queue_messages(db, 40)
        chaos = faults(error_rate=0.12, timeout_rate=0.08, lost_rate=0.1, rate_limit_rate=0.03, seed=11)
        async with gateway(worker_settings, chaos) as gw:
            stats = await Worker(db, gw.settings).run_until_empty(timeout=60)
        rows = await outbox_rows(db, ids)
        assert [row.status for row in rows] == [MessageStatus.SENT] * len(ids)
        assert_each_sent_once(gw.fake, [row.text for row in rows])
        assert stats.sent == len(ids)
        assert stats.retried > 0  # the faults really happened
        assert stats.resolved > 0  # and lost answers were settled by asking the gateway
        assert all(row.provider_message_id for row in rows)

    async def test_solapi_rows_keep_their_group(self, db: Database, worker_settings: Settings) -> None:
        ids = await queue_messages(db, 3)
        async with solapi_gateway(worker_settings, FakeSolapi()) as gw:
            await Worker(db, gw.settings).run_until_empty(timeout=30)
        rows = await outbox_rows(db, ids)
        assert {row.provider_group_id for row in rows} == set(gw.fake.groups)
        assert all(gw.fake.groups[row.provider_group_id or ""].status == "COMPLETE" for row in rows)

    async def test_solapi_starts_a_new_group_when_the_stored_one_is_gone(
        self, db: Database, worker_settings: Settings
    ) -> None:
        ids = await queue_messages(db, 1)
        async with db.transaction() as session:
            await session.execute(
                update(SmsMessage).where(SmsMessage.id == ids[0]).values(provider_group_id="G4VGONE", attempts=1)
            )
        async with solapi_gateway(worker_settings, FakeSolapi()) as gw:
            await Worker(db, gw.settings).run_until_empty(timeout=30)
        [row] = await outbox_rows(db, ids)
        assert (row.status, row.attempts) == (MessageStatus.SENT, 2)
        assert row.provider_group_id in gw.fake.groups
        assert_each_sent_once(gw.fake, [row.text])


class TestCrashAndRestart:
    @pytest.mark.parametrize("gateway", PROVIDERS)
    async def test_worker_cancelled_mid_send_then_restarted(
        self, db: Database, worker_settings: Settings, gateway: GatewayFactory
    ) -> None:
        ids = await queue_messages(db, 20)
        # Every send is recorded by the gateway, then answered slowly: cancelling now loses answers, not messages.
        async with gateway(worker_settings, faults(latency=0.3)) as gw:
            first = Worker(db, gw.settings, worker_id="doomed", shutdown_grace_seconds=0)
            task = asyncio.create_task(first.run())

            async def four_sent() -> None:
                while sum(gw.fake.sent.values()) < 4:
                    await asyncio.sleep(0.01)

            await asyncio.wait_for(four_sent(), timeout=30)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            in_doubt = [row for row in await outbox_rows(db, ids) if row.status == MessageStatus.SENDING]
            assert all(row.claimed_by == "doomed" for row in in_doubt)
            # Sent, but the worker never heard back: only asking the gateway can tell.
            delivered_unknown = [row for row in in_doubt if gw.fake.sent[row.text]]
            assert delivered_unknown, "the cancel should have left sends without an answer"
            # A new worker comes up after the dead one's leases ran out.
            later = lambda: now_utc() + timedelta(seconds=gw.settings.sms_lease_seconds + 1)  # noqa: E731
            stats = await Worker(db, gw.settings, worker_id="heir", clock=later).run_until_empty(timeout=60)
        rows = await outbox_rows(db, ids)
        assert [row.status for row in rows] == [MessageStatus.SENT] * len(ids)
        assert_each_sent_once(gw.fake, [row.text for row in rows])
        assert stats.resolved >= len(delivered_unknown)

    async def test_unstarted_rows_are_released_on_shutdown(self, db: Database, worker_settings: Settings) -> None:
        ids = await queue_messages(db, 6)
        slow = worker_settings.model_copy(update={"sms_rate_per_second": 2.0, "sms_worker_concurrency": 6})
        worker = Worker(db, slow, ConsoleProvider(), shutdown_grace_seconds=0)
        task = asyncio.create_task(worker.run())
        await asyncio.sleep(0.3)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        rows = await outbox_rows(db, ids)
        statuses = {row.status for row in rows}
        assert MessageStatus.QUEUED in statuses  # handed back, not left to a lease
        assert all(row.claimed_by is None for row in rows if row.status == MessageStatus.QUEUED)


class TestTwoWorkers:
    async def test_no_double_claim_on_postgresql(self, db: Database, worker_settings: Settings) -> None:
        if db.is_sqlite:
            pytest.skip("SQLite has a single claimer by design")
        ids = await queue_messages(db, 120)
        # A lease longer than the run: this test is about claiming, not about reclaiming on a loaded machine.
        patient = worker_settings.model_copy(update={"sms_lease_seconds": 120.0})
        async with aligo_gateway(patient, FakeAligo(faults(latency=0.005))) as gw:
            one, two = Worker(db, gw.settings, worker_id="one"), Worker(db, gw.settings, worker_id="two")
            first, second = await asyncio.gather(one.run_until_empty(timeout=60), two.run_until_empty(timeout=60))
        rows = await outbox_rows(db, ids)
        assert [row.status for row in rows] == [MessageStatus.SENT] * len(ids)
        assert_each_sent_once(gw.fake, [row.text for row in rows])
        assert first.claimed + second.claimed == len(ids)
        assert first.claimed > 0
        assert second.claimed > 0


class TestPermanentFailures:
    async def test_unregistered_sender_fails_at_once_on_aligo(self, db: Database, worker_settings: Settings) -> None:
        ids = await queue_messages(db, 3)
        async with aligo_gateway(worker_settings, FakeAligo(senders=("0299999999",))) as gw:
            stats = await Worker(db, gw.settings).run_until_empty(timeout=30)
        rows = await outbox_rows(db, ids)
        assert [(r.status, r.result_code) for r in rows] == [(MessageStatus.FAILED, "-302")] * 3
        # Never retried after the refusal: one request per attempt, and an attempt only follows a lost answer
        # (a timeout on a loaded machine), never the permanent "-302".
        assert gw.fake.requests["send"] == sum(r.attempts for r in rows)
        assert stats.failed == 3

    async def test_byte_limit_and_bad_credentials_on_solapi(self, db: Database, worker_settings: Settings) -> None:
        too_long = await queue_messages(db, 1, text="가" * 50, message_type=MessageType.SMS)
        async with solapi_gateway(worker_settings, FakeSolapi()) as gw:
            await Worker(db, gw.settings).run_until_empty(timeout=30)
            [row] = await outbox_rows(db, too_long)
            assert (row.status, row.attempts, row.result_code) == (MessageStatus.FAILED, 1, "1031")
            assert gw.fake.requests["send_group"] == 0

            wrong_secret = await queue_messages(db, 1)
            bad = gw.settings.model_copy(update={"solapi_secret": "not-the-secret"})
            await Worker(db, bad).run_until_empty(timeout=30)
            [row] = await outbox_rows(db, wrong_secret)
            assert (row.status, row.attempts, row.result_code) == (MessageStatus.FAILED, 1, "SignatureDoesNotMatch")
        assert sum(gw.fake.sent.values()) == 0

    async def test_transient_failures_stop_at_max_attempts(self, db: Database, worker_settings: Settings) -> None:
        ids = await queue_messages(db, 2)
        capped = worker_settings.model_copy(update={"sms_max_attempts": 3})
        async with aligo_gateway(capped, FakeAligo(faults(error_rate=1.0))) as gw:
            await Worker(db, gw.settings).run_until_empty(timeout=30)
        rows = await outbox_rows(db, ids)
        assert [(r.status, r.attempts, r.result_code) for r in rows] == [(MessageStatus.FAILED, 3, "http_503")] * 2
        assert gw.fake.requests["send"] == 6

    async def test_unanswered_sends_that_stay_unresolved_fail_as_unresolved(
        self, db: Database, worker_settings: Settings
    ) -> None:
        ids = await queue_messages(db, 1)
        capped = worker_settings.model_copy(update={"sms_max_attempts": 2})
        async with aligo_gateway(capped, FakeAligo(faults(timeout_rate=1.0))) as gw:
            await Worker(db, gw.settings).run_until_empty(timeout=30)
        [row] = await outbox_rows(db, ids)
        # First attempt timed out; the second asked Aligo's history (nothing there), sent again, timed out again.
        assert (row.status, row.attempts, row.result_code) == (MessageStatus.FAILED, 2, UNRESOLVED)
        assert gw.fake.requests["list"] >= 1


class TestMms:
    async def test_aligo_sends_images_as_multipart(
        self, db: Database, worker_settings: Settings, storage: LocalStorage
    ) -> None:
        image = await stored_jpeg(db, storage)
        ids = await queue_messages(db, 1, image_file_ids=(image, image), subject="[전방홈케어]")
        async with aligo_gateway(worker_settings, FakeAligo()) as gw:
            await Worker(db, gw.settings, storage=storage).run_until_empty(timeout=30)
        [row] = await outbox_rows(db, ids)
        assert row.status == MessageStatus.SENT
        [sent] = gw.fake.sends
        assert (sent.msg_type, sent.images, sent.title) == ("MMS", 2, "[전방홈케어]")

    async def test_solapi_uploads_the_image_first(
        self, db: Database, worker_settings: Settings, storage: LocalStorage
    ) -> None:
        image = await stored_jpeg(db, storage)
        ids = await queue_messages(db, 1, image_file_ids=(image,), subject="[전방홈케어]")
        async with solapi_gateway(worker_settings, FakeSolapi()) as gw:
            await Worker(db, gw.settings, storage=storage).run_until_empty(timeout=30)
        [row] = await outbox_rows(db, ids)
        assert row.status == MessageStatus.SENT
        assert gw.fake.requests["upload"] == 1
        assert gw.fake.received_images() == 1

    async def test_missing_image_fails_without_sending(self, db: Database, worker_settings: Settings) -> None:
        ids = await queue_messages(db, 1, image_file_ids=(987654,))
        async with aligo_gateway(worker_settings, FakeAligo()) as gw:
            await Worker(db, gw.settings).run_until_empty(timeout=30)
        [row] = await outbox_rows(db, ids)
        assert (row.status, row.result_code) == (MessageStatus.FAILED, "image_missing")
        assert gw.fake.requests["send"] == 0


class TestConsole:
    async def test_console_records_and_logs_masked(
        self, db: Database, worker_settings: Settings, caplog: pytest.LogCaptureFixture
    ) -> None:
        ids = await queue_messages(db, 2, recipient="01012345678")
        provider = get_provider(worker_settings)
        assert isinstance(provider, ConsoleProvider)
        with caplog.at_level(logging.INFO, logger="jibsa.sms.console"):
            stats = await Worker(db, worker_settings, provider).run_until_empty(timeout=30)
        rows = await outbox_rows(db, ids)
        assert stats.sent == 2
        assert all(
            r.status == MessageStatus.SENT and (r.provider_message_id or "").startswith("console-") for r in rows
        )
        assert "010-****-5678" in caplog.text
        assert "01012345678" not in caplog.text
        assert "방문 일정" not in caplog.text  # texts carry PII: never logged
