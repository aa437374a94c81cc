from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins import service
from jibsa.admins.schemas import AdminCreate, ProfileUpdate
from jibsa.audit.service import record, record_view
from jibsa.core.db import Database
from jibsa.core.pagination import encode_cursor
from jibsa.models import Admin, AuditLog
from tests.factories import auth_headers, make_admin

LOGS = "/api/v1/admin/audit-logs"


async def add_entry(session: AsyncSession, admin: Admin | None = None, **fields: object) -> AuditLog:
    entry = await record(
        session,
        action=str(fields.pop("action", "update")),
        entity_type=str(fields.pop("entity_type", "application")),
        entity_id=fields.pop("entity_id", 1),  # type: ignore[arg-type]
        summary=str(fields.pop("summary", "상태 변경: 신규 → 상담중")),
        admin=admin,
    )
    for key, value in fields.items():
        setattr(entry, key, value)
    await session.flush()
    return entry


class TestRecord:
    async def test_masks_pii_and_keeps_context(self, session: AsyncSession) -> None:
        admin = await make_admin(session)
        entry = await record(
            session,
            action="update",
            entity_type="application",
            entity_id=7,
            summary="고객 정보 수정",
            admin=admin,
            before={"customer_phone": "01012345678", "status": "new"},
            after={"customer_phone": "01099998888", "status": "consulting"},
        )
        await session.flush()
        assert entry.before == {"customer_phone": "***", "status": "new"}
        assert entry.after == {"customer_phone": "***", "status": "consulting"}
        assert (entry.admin_id, entry.admin_name) == (admin.id, admin.name)

    async def test_rolls_back_with_the_change_it_records(self, db: Database) -> None:
        email = "rolled.back@example.com"

        async def change_then_fail() -> None:
            async with db.transaction() as s:
                admin = await service.create_admin(s, AdminCreate(email=email, password="long-enough-1", name="되돌림"))
                await service.update_profile(s, admin, ProfileUpdate(name="바뀐이름"))
                await s.flush()
                assert len((await s.scalars(select(AuditLog).where(AuditLog.entity_id == admin.id))).all()) == 2
                raise RuntimeError("the change fails after its audit rows were written")

        with pytest.raises(RuntimeError):
            await change_then_fail()
        async with db.transaction() as s:
            assert await s.scalar(select(Admin).where(Admin.email == email)) is None
            assert (await s.scalars(select(AuditLog).where(AuditLog.summary.contains("되돌림")))).all() == []

    async def test_a_refused_request_leaves_no_audit_row(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        boss = await make_admin(session)
        count = await session.scalar(select(func.count()).select_from(AuditLog))
        response = await client.patch(
            f"/api/v1/admin/admins/{boss.id}", json={"name": "새이름", "role": "admin"}, headers=auth_headers(boss)
        )
        assert response.status_code == 409
        assert await session.scalar(select(func.count()).select_from(AuditLog)) == count
        await session.refresh(boss)
        assert boss.name != "새이름"


@pytest.mark.committing
class TestRollbackForReal:
    async def test_committed_and_failed_units_of_work(self, db: Database) -> None:
        async with db.transaction() as s:
            admin = await make_admin(s)

        async def change_then_fail() -> None:
            async with db.transaction() as s:
                me = await s.get(Admin, admin.id)
                assert me is not None
                await service.update_profile(s, me, ProfileUpdate(name="실패할변경"))
                raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            await change_then_fail()
        async with db.transaction() as s:
            actions = list(await s.scalars(select(AuditLog.action).where(AuditLog.entity_id == admin.id)))
            assert actions == ["create"]
            assert (await s.get(Admin, admin.id)).name == admin.name  # type: ignore[union-attr]


class TestRecordView:
    async def test_records_a_view(self, session: AsyncSession) -> None:
        admin = await make_admin(session)
        await record_view(
            session, entity_type="application", entity_id=42, admin=admin, fields=["customer_phone", "address"]
        )
        entry = (await session.scalars(select(AuditLog).where(AuditLog.entity_id == 42))).one()
        assert (entry.action, entry.entity_type, entry.entity_id) == ("view", "application", 42)
        assert entry.after == {"fields": ["customer_phone", "address"]}
        assert entry.summary == "개인정보 상세 조회"


class TestImmutability:
    @pytest.mark.parametrize("statement", ["update", "delete"])
    async def test_database_refuses_changes(self, session: AsyncSession, statement: str) -> None:
        entry = await add_entry(session)
        entry_id, summary = entry.id, entry.summary
        query = (
            update(AuditLog).where(AuditLog.id == entry_id).values(summary="고쳐 쓴 기록")
            if statement == "update"
            else delete(AuditLog).where(AuditLog.id == entry_id)
        )
        with pytest.raises(DBAPIError, match="append-only"):
            async with session.begin_nested():
                await session.execute(query)
        session.expire_all()
        assert await session.scalar(select(AuditLog.summary).where(AuditLog.id == entry_id)) == summary

    async def test_api_has_no_write_path(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        entry = await add_entry(session, admin)
        for method in ("PUT", "PATCH", "DELETE"):
            response = await client.request(method, f"{LOGS}/{entry.id}", headers=auth_headers(admin))
            assert response.status_code in (404, 405)
            response = await client.request(method, LOGS, headers=auth_headers(admin))
            assert response.status_code == 405


class TestBrowse:
    async def test_filters(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        alice = await make_admin(session)
        bob = await make_admin(session)
        a1 = await add_entry(session, alice, entity_type="application", entity_id=10, action="status_change")
        a2 = await add_entry(session, bob, entity_type="application", entity_id=10, action="assignment")
        p1 = await add_entry(session, alice, entity_type="partner", entity_id=10, action="status_change")

        async def ids(**params: object) -> list[int]:
            response = await client.get(LOGS, params=params, headers=auth_headers(bob))
            assert response.status_code == 200, response.text
            return [item["id"] for item in response.json()["items"]]

        assert await ids(entity_type="application", entity_id=10) == [a2.id, a1.id]
        assert await ids(admin_id=alice.id, action="status_change") == [p1.id, a1.id]
        assert await ids(entity_type="partner") == [p1.id]
        item = (await client.get(LOGS, params={"entity_type": "partner"}, headers=auth_headers(bob))).json()["items"][0]
        assert {"id", "created_at", "admin_id", "admin_name", "action", "summary", "before", "after"} <= set(item)

    async def test_kst_date_range(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        late_first = await add_entry(
            session, entity_type="kst", created_at=datetime(2026, 3, 1, 14, 59, 59, tzinfo=UTC)
        )  # 2026-03-01 23:59:59 KST
        early_second = await add_entry(
            session, entity_type="kst", created_at=datetime(2026, 3, 1, 15, 0, 0, tzinfo=UTC)
        )  # 2026-03-02 00:00 KST
        late_second = await add_entry(
            session, entity_type="kst", created_at=datetime(2026, 3, 2, 14, 59, 59, tzinfo=UTC)
        )

        async def ids(**params: object) -> list[int]:
            response = await client.get(LOGS, params={"entity_type": "kst", **params}, headers=auth_headers(admin))
            return [item["id"] for item in response.json()["items"]]

        assert await ids(date_from="2026-03-02", date_to="2026-03-02") == [late_second.id, early_second.id]
        assert await ids(date_to="2026-03-01") == [late_first.id]
        assert await ids(date_from="2026-03-03") == []
        refused = await client.get(
            LOGS, params={"date_from": "2026-03-02", "date_to": "2026-03-01"}, headers=auth_headers(admin)
        )
        assert (refused.status_code, refused.json()["code"]) == (422, "validation_error")

    async def test_keyset_cursor_walks_every_entry_once(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        entries = [await add_entry(session, entity_type="walk", entity_id=n) for n in range(7)]
        seen: list[int] = []
        cursor: str | None = None
        pages = 0
        while True:
            params: dict[str, object] = {"entity_type": "walk", "limit": 3}
            if cursor:
                params["cursor"] = cursor
            body = (await client.get(LOGS, params=params, headers=auth_headers(admin))).json()
            seen += [item["id"] for item in body["items"]]
            pages += 1
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert seen == [e.id for e in reversed(entries)]
        assert pages == 3

    @pytest.mark.parametrize(
        "params",
        [
            {"cursor": "!!!"},
            {"cursor": encode_cursor(2**70)},
            {"limit": 0},
            {"limit": 101},
            {"entity_id": "abc"},
            {"admin_id": 2**64},
            {"date_from": "2026-13-01"},
            {"action": "x" * 51},
        ],
    )
    async def test_bad_parameters(
        self, client: httpx.AsyncClient, session: AsyncSession, params: dict[str, object]
    ) -> None:
        admin = await make_admin(session)
        response = await client.get(LOGS, params=params, headers=auth_headers(admin))
        assert (response.status_code, response.json()["code"]) == (422, "validation_error")
        assert response.json()["details"]


class TestEntityHistory:
    async def test_one_entity_newest_first(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        first = await add_entry(session, entity_type="partner", entity_id=77, action="status_change")
        await add_entry(session, entity_type="partner", entity_id=78)
        await add_entry(session, entity_type="application", entity_id=77)
        second = await add_entry(session, entity_type="partner", entity_id=77, action="update")
        response = await client.get(f"{LOGS}/entity/partner/77", headers=auth_headers(admin))
        assert response.status_code == 200
        assert [i["id"] for i in response.json()["items"]] == [second.id, first.id]
        assert response.json()["next_cursor"] is None
        paged = (await client.get(f"{LOGS}/entity/partner/77", params={"limit": 1}, headers=auth_headers(admin))).json()
        assert [i["id"] for i in paged["items"]] == [second.id]
        rest = await client.get(
            f"{LOGS}/entity/partner/77", params={"cursor": paged["next_cursor"]}, headers=auth_headers(admin)
        )
        assert [i["id"] for i in rest.json()["items"]] == [first.id]

    async def test_admin_history_shows_account_changes(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        other = await make_admin(session)
        await client.patch(f"/api/v1/admin/admins/{other.id}", json={"name": "새 이름"}, headers=auth_headers(boss))
        items = (await client.get(f"{LOGS}/entity/admin/{other.id}", headers=auth_headers(other))).json()["items"]
        assert [i["action"] for i in items] == ["update", "create"]
        assert items[0]["admin_id"] == boss.id
