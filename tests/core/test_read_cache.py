"""The admin read cache: answers from memory only while no write has committed since (``core.read_cache``)."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core import data_version
from jibsa.core.data_version import CHANNEL, PostgresChangeFeed, SQLiteChangeFeed, process_token
from jibsa.core.db import Database
from jibsa.core.read_cache import ReadCache, memo
from jibsa.models import Admin, Application, AuditLog, ServiceType, SmsTemplate
from tests.conftest import ENGINE, StillFeed
from tests.factories import auth_headers, make_application, quick_admin
from tests.querycount import count_statements

LIST = "/api/v1/admin/applications"


class TestDataVersion:
    async def test_a_tracked_write_moves_it_at_flush_and_again_at_commit(self, db: Database) -> None:
        before = data_version.local_generation()
        async with db.transaction() as session:
            application = await make_application(session)
            flushed = data_version.local_generation()
            assert flushed > before
        assert data_version.local_generation() > flushed
        async with db.transaction() as session:
            moved = data_version.local_generation()
            await session.execute(
                update(Application).where(Application.id == application.id).values(description="바뀐 설명")
            )
            assert data_version.local_generation() > moved

    async def test_bookkeeping_writes_do_not_move_it(self, db: Database) -> None:
        async with db.transaction() as session:
            admin = await quick_admin(session)
        before = data_version.local_generation()
        async with db.transaction() as session:
            await session.execute(
                insert(AuditLog).values(
                    admin_id=admin.id, action="application.view", entity_type="application", summary="열람"
                )
            )
        assert data_version.local_generation() == before

    async def test_a_rolled_back_write_moves_it(self, db: Database) -> None:
        written: list[int] = []

        async def write_then_fail() -> None:
            async with db.transaction() as session:
                await make_application(session)
                written.append(data_version.local_generation())
                raise RuntimeError

        with pytest.raises(RuntimeError):
            await write_then_fail()
        assert data_version.local_generation() > written[0]

    async def test_a_write_that_opens_its_unit_of_work_moves_it_when_an_outer_transaction_rolls_back(
        self, database: Database
    ) -> None:
        # As in the test harness: units of work are savepoints in one outer transaction, rolled back at the end.
        async with database.engine.connect() as connection:
            outer = await connection.begin()
            session = AsyncSession(bind=connection, join_transaction_mode="create_savepoint")
            await session.execute(update(Application).where(Application.id == -1).values(description="없음"))
            await session.commit()
            await session.close()
            committed = data_version.local_generation()
            await outer.rollback()
        assert data_version.local_generation() > committed

    async def test_reads_do_not_move_it(self, db: Database) -> None:
        before = data_version.local_generation()
        async with db.transaction(read_only=True) as session:
            await session.scalars(select(Application).limit(5))
        assert data_version.local_generation() == before


TEMPLATES = data_version.tables_of(SmsTemplate)


class TestTableVersions:
    def test_a_table_counts_the_tables_whose_foreign_key_actions_reach_into_it(self) -> None:
        # sms_template.updated_by is SET NULL when its admin is deleted: an admin write may change a template row.
        assert TEMPLATES == {"sms_template", "admin"}
        assert data_version.tables_of(ServiceType) == {"service_type", "service_category"}

    async def test_a_write_moves_the_version_of_its_tables_only(self, db: Database, still_feed: StillFeed) -> None:
        async with db.transaction() as session:
            templates = data_version.current_for(session, TEMPLATES)
            applications = data_version.current_for(session, {"application"})
            await make_application(session)
            assert data_version.current_for(session, TEMPLATES) == templates
            assert data_version.current_for(session, {"application"}) != applications
            moved = data_version.current_for(session, {"application"})
        assert data_version.current_for(session, TEMPLATES) == templates
        assert data_version.current_for(session, {"application"}) != moved  # again at commit

    async def test_a_write_to_a_table_it_cannot_name_moves_every_version(
        self, db: Database, still_feed: StillFeed
    ) -> None:
        async with db.transaction() as session:
            before = data_version.current_for(session, TEMPLATES)
            await session.execute(text("UPDATE application SET description = description WHERE id = -1"))
            assert data_version.current_for(session, TEMPLATES) != before
            before = data_version.current_for(session, TEMPLATES)
            aliased = Application.__table__.alias("a")
            await session.execute(update(aliased).where(aliased.c.id == -1).values(description="없음"))
            assert data_version.current_for(session, TEMPLATES) != before

    async def test_another_process_commit_moves_every_version(self, db: Database, still_feed: StillFeed) -> None:
        async with db.transaction() as session:
            before = data_version.current_for(session, TEMPLATES)
            still_feed.value = 1
            assert data_version.current_for(session, TEMPLATES) != before
            still_feed.value = None
            assert data_version.current_for(session, TEMPLATES) is None


class TestMemo:
    @staticmethod
    def counting(session: AsyncSession, calls: list[int]) -> Any:
        async def compute() -> int | None:
            calls.append(1)
            return await session.scalar(select(SmsTemplate.id).where(SmsTemplate.key == "new_application"))

        return compute

    async def test_served_until_one_of_its_tables_changes(self, db: Database, still_feed: StillFeed) -> None:
        calls: list[int] = []
        async with db.transaction() as session:
            first = await memo(session, "t", TEMPLATES, self.counting(session, calls))
            assert await memo(session, "t", TEMPLATES, self.counting(session, calls)) == first
        assert len(calls) == 1
        async with db.transaction() as session:
            await make_application(session)  # another table: still served
            assert await memo(session, "t", TEMPLATES, self.counting(session, calls)) == first
        assert len(calls) == 1
        async with db.transaction() as session:
            await session.execute(update(Admin).where(Admin.id == -1).values(name="없음"))
        async with db.transaction() as session:
            await memo(session, "t", TEMPLATES, self.counting(session, calls))
        assert len(calls) == 2

    async def test_a_session_that_wrote_its_tables_reads_them_itself_and_stores_nothing(
        self, db: Database, still_feed: StillFeed
    ) -> None:
        calls: list[int] = []
        async with db.transaction() as session:
            await memo(session, "t", TEMPLATES, self.counting(session, calls))
            await session.execute(update(SmsTemplate).where(SmsTemplate.id == -1).values(title="없음"))
            await memo(session, "t", TEMPLATES, self.counting(session, calls))
            await memo(session, "t", TEMPLATES, self.counting(session, calls))
            assert len(calls) == 3
            # Changes not flushed yet count too: its reads are its own until it commits.
            session.add(SmsTemplate(key="memo-test", title="t", content="c"))
            assert data_version.wrote_any(session, TEMPLATES)
            await session.rollback()

    async def test_a_value_computed_across_a_write_is_not_stored(self, db: Database, still_feed: StillFeed) -> None:
        calls: list[int] = []
        async with db.transaction() as session:

            async def compute_while_another_process_commits() -> int:
                calls.append(1)
                still_feed.value = (still_feed.value or 0) + 1
                return len(calls)

            assert await memo(session, "t", TEMPLATES, compute_while_another_process_commits) == 1
            assert await memo(session, "t", TEMPLATES, self.counting(session, calls)) is not None
        assert len(calls) == 2

    async def test_nothing_is_kept_while_other_processes_cannot_be_heard(
        self, db: Database, still_feed: StillFeed
    ) -> None:
        still_feed.value = None
        calls: list[int] = []
        async with db.transaction() as session:
            await memo(session, "t", TEMPLATES, self.counting(session, calls))
            await memo(session, "t", TEMPLATES, self.counting(session, calls))
        assert len(calls) == 2


class TestReadCache:
    def test_serves_only_the_version_it_was_computed_from(self) -> None:
        feed = StillFeed()
        cache = ReadCache(feed)
        version = cache.version()
        cache.put("k", version, b"body")
        assert cache.get("k", cache.version()) == b"body"
        feed.value = 1  # another process committed
        assert cache.get("k", cache.version()) is None
        feed.value = 0
        data_version.bump()  # this process wrote
        assert cache.get("k", cache.version()) is None

    def test_a_result_computed_across_a_write_is_not_stored(self) -> None:
        cache = ReadCache(StillFeed())
        version = cache.version()
        data_version.bump()  # committed while the result was being computed
        cache.put("k", version, b"maybe stale")
        assert cache.get("k", version) is None
        assert cache.get("k", cache.version()) is None

    def test_an_unknown_version_caches_nothing(self) -> None:
        cache = ReadCache(StillFeed(token=None))
        assert cache.version() is None
        cache.put("k", cache.version(), b"body")
        assert cache.get("k", cache.version()) is None

    def test_entries_expire(self, monkeypatch: pytest.MonkeyPatch) -> None:
        cache = ReadCache(StillFeed(), ttl=30)
        cache.put("k", cache.version(), b"body")
        now = time.monotonic()
        monkeypatch.setattr("jibsa.core.read_cache.time.monotonic", lambda: now + 31)
        assert cache.get("k", cache.version()) is None

    def test_least_recently_used_entries_go_when_full(self) -> None:
        cache = ReadCache(StillFeed(), max_bytes=400)
        version = cache.version()
        for key in ("a", "b", "c"):
            cache.put(key, version, key * 100, 100)
        assert cache.get("a", version) == "a" * 100  # a is now the most recently used
        cache.put("d", version, "d" * 100, 100)
        cache.put("e", version, "e" * 100, 100)
        assert cache.get("b", version) is None
        assert [cache.get(key, version) is not None for key in ("a", "c", "d", "e")] == [True, True, True, True]

    def test_off_when_disabled(self) -> None:
        assert ReadCache(StillFeed(), enabled=False).version() is None


class TestOneComputationAtATime:
    async def test_concurrent_askers_share_one_computation(self) -> None:
        cache = ReadCache(StillFeed())
        calls = 0
        release = asyncio.Event()

        async def compute() -> bytes:
            nonlocal calls
            calls += 1
            await release.wait()
            return b"answer"

        askers = [asyncio.create_task(cache.once("k", cache.version(), compute)) for _ in range(8)]
        await asyncio.sleep(0)
        release.set()
        assert await asyncio.gather(*askers) == [b"answer"] * 8
        assert calls == 1

    async def test_a_failure_is_everyones(self) -> None:
        cache = ReadCache(StillFeed())
        release = asyncio.Event()

        async def compute() -> bytes:
            await release.wait()
            raise LookupError("없음")

        askers = [asyncio.create_task(cache.once("k", cache.version(), compute)) for _ in range(3)]
        await asyncio.sleep(0)
        release.set()
        results = await asyncio.gather(*askers, return_exceptions=True)
        assert [type(result) for result in results] == [LookupError] * 3

    async def test_when_the_first_asker_goes_away_the_others_still_get_an_answer(self) -> None:
        cache = ReadCache(StillFeed())
        started = asyncio.Event()

        async def slow() -> bytes:
            started.set()
            await asyncio.sleep(10)
            return b"never"

        async def fast() -> bytes:
            return b"answer"

        first = asyncio.create_task(cache.once("k", cache.version(), slow))
        await started.wait()
        second = asyncio.create_task(cache.once("k", cache.version(), fast))
        await asyncio.sleep(0)
        first.cancel()
        assert await second == b"answer"
        with pytest.raises(asyncio.CancelledError):
            await first


class TestAdminList:
    async def test_a_repeated_read_costs_no_statement(
        self, client: httpx.AsyncClient, session: AsyncSession, database: Database, still_feed: StillFeed
    ) -> None:
        headers = auth_headers(await quick_admin(session))
        await make_application(session)
        first = await client.get(LIST, headers=headers)
        with count_statements(database.engine) as statements:
            again = await client.get(LIST, headers=headers)
        assert statements == []
        assert again.status_code == 200
        assert again.json() == first.json()
        assert again.headers["content-type"] == "application/json"

    async def test_a_change_through_the_api_shows_at_once(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        headers = auth_headers(await quick_admin(session))
        application = await make_application(session)
        assert (await client.get(LIST, headers=headers)).json()["counts"]["new"] == 1
        changed = await client.put(
            f"{LIST}/{application.id}", json={"version": application.version, "status": "consulting"}, headers=headers
        )
        assert changed.status_code == 200, changed.text
        counts = (await client.get(LIST, headers=headers)).json()["counts"]
        assert (counts["new"], counts["consulting"]) == (0, 1)

    async def test_another_process_commit_shows_at_once(
        self, app: FastAPI, client: httpx.AsyncClient, session: AsyncSession, database: Database, still_feed: StillFeed
    ) -> None:
        headers = auth_headers(await quick_admin(session))
        await make_application(session)
        assert (await client.get(LIST, headers=headers)).json()["total"] == 1
        # As another process would: straight on the connection (no session event here), then its notification.
        connection = await session.connection()
        await connection.exec_driver_sql("UPDATE application SET status = 'completed'")
        still_feed.value = 1
        counts = (await client.get(LIST, headers=headers)).json()["counts"]
        assert (counts["new"], counts["completed"]) == (0, 1)

    async def test_searches_are_keyed_by_their_body(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        headers = auth_headers(await quick_admin(session))
        await make_application(session, customer_phone="01011112222")
        await make_application(session, customer_phone="01033334444")
        first = await client.post(f"{LIST}/search", json={"search": "2222"}, headers=headers)
        second = await client.post(f"{LIST}/search", json={"search": "4444"}, headers=headers)
        assert [item["customer_phone"][-4:] for item in first.json()["items"]] == ["2222"]
        assert [item["customer_phone"][-4:] for item in second.json()["items"]] == ["4444"]

    async def test_a_deactivated_admin_is_refused_at_once(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        admin = await quick_admin(session)
        headers = auth_headers(admin)
        assert (await client.get(LIST, headers=headers)).status_code == 200
        admin.is_active = False
        await session.flush()
        refused = await client.get(LIST, headers=headers)
        assert refused.status_code == 401
        assert refused.json()["code"] == "invalid_token"

    async def test_the_audited_detail_names_the_cached_caller_and_refuses_a_deactivated_one(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        admin = await quick_admin(session, name="김관리")
        headers = auth_headers(admin)
        application = await make_application(session)
        for _ in range(2):  # the second view's caller comes from memory
            assert (await client.get(f"{LIST}/{application.id}", headers=headers)).status_code == 200
        views = (
            await session.scalars(
                select(AuditLog).where(AuditLog.entity_id == application.id, AuditLog.action == "view")
            )
        ).all()
        assert [(v.admin_id, v.admin_name) for v in views] == [(admin.id, "김관리")] * 2
        admin.is_active = False
        await session.flush()
        assert (await client.get(f"{LIST}/{application.id}", headers=headers)).status_code == 401

    async def test_no_token_no_answer_even_when_cached(
        self, client: httpx.AsyncClient, session: AsyncSession, still_feed: StillFeed
    ) -> None:
        headers = auth_headers(await quick_admin(session))
        assert (await client.get(LIST, headers=headers)).status_code == 200
        assert (await client.get(LIST)).status_code == 401
        assert (await client.get(LIST, headers={"Authorization": "Bearer not-a-token"})).status_code == 401


class TestSQLiteFeed:
    def test_moves_with_the_data_change_counter_only(self, tmp_path: Path) -> None:
        path = tmp_path / "feed.db"
        other = sqlite3.connect(path)
        other.execute("CREATE TABLE data_change (id INTEGER PRIMARY KEY, generation BIGINT NOT NULL DEFAULT 0)")
        other.execute("INSERT INTO data_change (id, generation) VALUES (1, 0)")
        other.execute("CREATE TABLE audit (x INTEGER)")
        other.commit()
        feed = SQLiteChangeFeed(f"sqlite+aiosqlite:///{path}")
        before = feed.token()
        assert before is not None
        other.execute("INSERT INTO audit VALUES (1)")  # bookkeeping: no cached read shows it
        other.commit()
        assert feed.token() == before
        other.execute("UPDATE data_change SET generation = generation + 1 WHERE id = 1")
        other.commit()
        assert feed.token() != before
        other.close()

    def test_keeps_nothing_by_tables(self, tmp_path: Path) -> None:
        # One counter for all tables, which this process's own writes move too (memoised reads are off).
        assert SQLiteChangeFeed(f"sqlite+aiosqlite:///{tmp_path / 'feed.db'}").token_for(TEMPLATES) is None

    def test_an_unreadable_or_unmigrated_database_caches_nothing(self, tmp_path: Path) -> None:
        assert SQLiteChangeFeed(f"sqlite+aiosqlite:///{tmp_path}/missing/dir/x.db").token() is None
        sqlite3.connect(tmp_path / "empty.db").close()
        assert SQLiteChangeFeed(f"sqlite+aiosqlite:///{tmp_path}/empty.db").token() is None

    @pytest.mark.committing
    async def test_a_tracked_write_moves_the_counter_and_an_audit_row_does_not(self, db: Database) -> None:
        if ENGINE != "sqlite":
            pytest.skip("PostgreSQL notifies instead")
        async with db.transaction() as session:
            admin = await quick_admin(session)
        feed = SQLiteChangeFeed(db.url)
        before = feed.token()
        async with db.transaction() as session:
            await session.execute(
                insert(AuditLog).values(
                    admin_id=admin.id, action="application.view", entity_type="application", summary="열람"
                )
            )
        assert feed.token() == before
        async with db.transaction() as session:
            await make_application(session)
        assert feed.token() != before
        await feed.stop()


@pytest.mark.skipif(ENGINE != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's")
class TestPostgresFeed:
    async def test_other_processes_notifications_move_it_and_ours_do_not(self, database: Database) -> None:
        import asyncpg  # type: ignore[import-untyped]

        feed = PostgresChangeFeed(database.url)
        assert feed.token() is None  # not listening yet: nothing may be cached
        await feed.start()
        try:
            await feed.wait_connected()
            before = feed.token()
            assert before is not None
            dsn = database.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
            other = await asyncpg.connect(dsn)
            try:
                await other.execute("SELECT pg_notify($1, $2)", CHANNEL, process_token())
                await other.execute("SELECT pg_notify($1, 'another-process')", CHANNEL)
                await _until(lambda: feed.token() != before)
                assert feed.token() == before + 1  # type: ignore[operator]
            finally:
                await other.close()
        finally:
            await feed.stop()
        assert feed.token() is None

    async def test_a_table_version_moves_only_with_notifications_naming_it_or_no_table(
        self, database: Database
    ) -> None:
        import asyncpg

        feed = PostgresChangeFeed(database.url)
        await feed.start()
        try:
            await feed.wait_connected()
            dsn = database.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
            other = await asyncpg.connect(dsn)
            try:
                before, templates = feed.token(), feed.token_for(TEMPLATES)
                await other.execute("SELECT pg_notify($1, 'another-process application,customer')", CHANNEL)
                await _until(lambda: feed.token() != before)
                assert feed.token_for(TEMPLATES) == templates  # a submission elsewhere
                await other.execute("SELECT pg_notify($1, 'another-process admin')", CHANNEL)
                await _until(lambda: feed.token_for(TEMPLATES) != templates)
                templates = feed.token_for(TEMPLATES)
                await other.execute("SELECT pg_notify($1, 'an-older-process')", CHANNEL)  # no tables: all of them
                await _until(lambda: feed.token_for(TEMPLATES) != templates)
            finally:
                await other.close()
        finally:
            await feed.stop()

    async def test_a_lost_connection_caches_nothing_until_it_listens_again(self, database: Database) -> None:
        import asyncpg

        feed = PostgresChangeFeed(database.url)
        await feed.start()
        try:
            await feed.wait_connected()
            before, templates = feed.token(), feed.token_for(TEMPLATES)
            dsn = database.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
            admin = await asyncpg.connect(dsn)
            try:
                await admin.execute("SELECT pg_terminate_backend($1)", feed._connection.get_server_pid())
            finally:
                await admin.close()
            # Commits made meanwhile would go unseen: nothing is served from memory until it listens again.
            await _until(lambda: feed.token() is None)
            await feed.wait_connected()
            assert feed.token() not in (None, before)  # back, under a version no cached answer was stored with
            assert feed.token_for(TEMPLATES) != templates
        finally:
            await feed.stop()

    @pytest.mark.committing
    async def test_a_committed_write_notifies_and_a_read_does_not(self, db: Database) -> None:
        import asyncpg

        dsn = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        listener = await asyncpg.connect(dsn)
        heard: list[str] = []
        await listener.add_listener(CHANNEL, lambda *args: heard.append(args[3]))
        try:
            async with db.transaction(read_only=True) as session:
                await session.scalars(select(Application).limit(1))
            async with db.transaction() as session:
                await make_application(session)
            await _until(lambda: bool(heard))
            assert len(heard) == 1
            token, tables = heard[0].split(" ")
            assert token == process_token()
            assert "application" in tables.split(",")
            assert "audit_log" not in tables.split(",")
        finally:
            await listener.close()


class TestBulkWrite:
    @pytest.mark.committing
    async def test_a_write_on_a_bare_connection_moves_every_version_here_and_in_other_processes(
        self, db: Database
    ) -> None:
        # What ``jibsa restore`` does: Core inserts on a connection, no session to notice them.
        heard: list[str] = []
        listener: Any = None
        feed = SQLiteChangeFeed(db.url) if ENGINE == "sqlite" else None
        if feed is None:
            import asyncpg

            listener = await asyncpg.connect(db.engine.url.set(drivername="postgresql").render_as_string(False))
            await listener.add_listener(CHANNEL, lambda *args: heard.append(args[3]))
        counter = feed.token() if feed is not None else None
        before = data_version.local_generation()
        try:
            async with db.engine.begin() as connection:
                await connection.run_sync(data_version.mark_bulk_write)
            assert data_version.local_generation() > before
            if feed is not None:
                assert feed.token() not in (None, counter)
            else:
                await _until(lambda: bool(heard))
                assert heard == [f"{process_token()} *"]  # no table named: every table's version moves
        finally:
            if feed is not None:
                await feed.stop()
            if listener is not None:
                await listener.close()


async def _until(condition: Any, timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)
