from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins import throttle
from jibsa.admins.security import create_access_token, password_hasher
from jibsa.core.config import Settings
from jibsa.core.crypto import blind_index, hash_token
from jibsa.core.korean import now_utc
from jibsa.models import AdminRole, AuditLog, LoginThrottle, RefreshToken
from tests.admins.factories import PASSWORD, FakeClock, bearer, client_from, install_clock, login
from tests.factories import make_admin

LOGIN = "/api/v1/admin/auth/login"
REFRESH = "/api/v1/admin/auth/refresh"
LOGOUT = "/api/v1/admin/auth/logout"
ME = "/api/v1/admin/auth/me"


async def audit_rows(session: AsyncSession, action: str) -> list[AuditLog]:
    return list(await session.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)))


@pytest.fixture
def clock(app: FastAPI) -> Iterator[FakeClock]:
    fake = FakeClock()
    install_clock(app, fake)
    yield fake
    app.dependency_overrides.clear()


class TestLogin:
    async def test_returns_tokens_and_profile(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session, email="Kim@Example.com", phone="010-1234-5678")
        body = await login(client, "kim@example.COM")
        assert body["token_type"] == "bearer"
        assert body["expires_in"] == 900
        assert body["admin"]["id"] == admin.id
        assert body["admin"]["email"] == "kim@example.com"
        assert body["admin"]["phone"] == "01012345678"
        assert body["admin"]["last_login_at"] is not None
        assert set(body["admin"]) == {
            "id", "email", "name", "phone", "role", "is_active", "last_login_at", "created_at"
        }  # fmt: skip
        me = await client.get(ME, headers=bearer(body["access_token"]))
        assert me.status_code == 200
        assert me.json()["id"] == admin.id

    async def test_audits_success(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        await login(client, admin.email)
        [entry] = await audit_rows(session, "login")
        assert (entry.admin_id, entry.entity_type, entry.entity_id) == (admin.id, "admin", admin.id)
        assert entry.ip_address == "127.0.0.1"

    async def test_unknown_email_and_wrong_password_answer_alike(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        admin = await make_admin(session)
        wrong = await client.post(LOGIN, json={"email": admin.email, "password": "wrong-password"})
        unknown = await client.post(LOGIN, json={"email": "nobody@example.com", "password": "wrong-password"})
        assert wrong.status_code == unknown.status_code == 401
        assert wrong.json() == unknown.json()
        assert wrong.json()["code"] == "invalid_credentials"

    async def test_failure_audit_keeps_only_the_email_blind_index(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        await client.post(LOGIN, json={"email": "Ghost@Example.com", "password": "whatever1"})
        [entry] = await audit_rows(session, "login_failed")
        assert entry.after == {
            "email_bidx": blind_index("admin_email", "ghost@example.com"),
            "reason": "bad_credentials",
        }
        assert entry.admin_id is None
        assert "ghost" not in repr((entry.summary, entry.before, entry.after)).lower()

    async def test_inactive_admin_is_refused_even_with_the_right_password(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        admin = await make_admin(session, is_active=False)
        response = await client.post(LOGIN, json={"email": admin.email, "password": PASSWORD})
        assert response.status_code == 403
        assert response.json()["code"] == "account_inactive"
        [entry] = await audit_rows(session, "login_failed")
        assert entry.after is not None
        assert entry.after["reason"] == "inactive"

    async def test_rehashes_when_parameters_changed(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        admin.password_hash = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=2).hash(PASSWORD)
        await session.flush()
        old_hash = admin.password_hash
        assert password_hasher().check_needs_rehash(old_hash)
        await login(client, admin.email)
        await session.refresh(admin)
        assert admin.password_hash != old_hash
        assert not password_hasher().check_needs_rehash(admin.password_hash)
        await login(client, admin.email)

    async def test_ip_rate_limit(
        self, client: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(settings, "rate_limit_login_ip", "2/minute")
        for _ in range(2):
            await client.post(LOGIN, json={"email": "a@example.com", "password": "x"})
        response = await client.post(LOGIN, json={"email": "a@example.com", "password": "x"})
        assert response.status_code == 429
        assert response.json()["code"] == "rate_limited"
        assert int(response.headers["retry-after"]) >= 1

    async def test_refresh_has_its_own_wider_limit(
        self, client: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(settings, "rate_limit_login_ip", "1/minute")
        monkeypatch.setattr(settings, "rate_limit_refresh_ip", "3/minute")
        statuses = [(await client.post(REFRESH, json={"refresh_token": "x" * 43})).status_code for _ in range(4)]
        assert statuses == [401, 401, 401, 429]


class TestLockout:
    def test_lock_grows_from_thirty_seconds_to_fifteen_minutes(self) -> None:
        durations = [throttle.lock_duration(n).total_seconds() for n in range(1, 13)]
        assert durations == [0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]
        assert throttle.lock_duration(10_000) == timedelta(minutes=15)

    async def test_five_failures_lock_the_account_for_thirty_seconds(
        self, client: httpx.AsyncClient, session: AsyncSession, clock: FakeClock
    ) -> None:
        admin = await make_admin(session)
        for _ in range(5):
            await login(client, admin.email, "wrong-password", expect=401)
        locked = await client.post(LOGIN, json={"email": admin.email, "password": PASSWORD})
        assert locked.status_code == 429
        assert locked.json()["code"] == "login_locked"
        assert locked.headers["retry-after"] == "30"
        clock.advance(seconds=29)
        still = await client.post(LOGIN, json={"email": admin.email, "password": PASSWORD})
        assert (still.status_code, still.headers["retry-after"]) == (429, "1")
        clock.advance(seconds=1)
        await login(client, admin.email)
        # Success reset the counter: the next failure is an ordinary 401, counted from one again.
        await login(client, admin.email, "wrong-password", expect=401)
        failures = await session.scalar(
            select(LoginThrottle.failures).where(LoginThrottle.key == throttle.email_key(admin.email))
        )
        assert failures == 1

    async def test_each_further_failure_doubles_the_lock(
        self, client: httpx.AsyncClient, session: AsyncSession, clock: FakeClock
    ) -> None:
        admin = await make_admin(session)
        for _ in range(5):
            await login(client, admin.email, "wrong-password", expect=401)
        for expected in ("60", "120", "240", "480", "900", "900"):
            clock.advance(minutes=15)
            await login(client, admin.email, "wrong-password", expect=401)
            locked = await client.post(LOGIN, json={"email": admin.email, "password": PASSWORD})
            assert (locked.status_code, locked.headers["retry-after"]) == (429, expected)

    async def test_old_failures_are_forgotten(
        self, client: httpx.AsyncClient, session: AsyncSession, clock: FakeClock
    ) -> None:
        admin = await make_admin(session)
        for _ in range(4):
            await login(client, admin.email, "wrong-password", expect=401)
        clock.advance(hours=2)
        await login(client, admin.email, "wrong-password", expect=401)
        await login(client, admin.email)

    async def test_idle_rows_are_purged(
        self, client: httpx.AsyncClient, session: AsyncSession, clock: FakeClock
    ) -> None:
        session.add(LoginThrottle(key="ip:192.0.2.1", failures=3, updated_at=clock.now - timedelta(hours=2)))
        session.add(LoginThrottle(key="ip:192.0.2.2", failures=3, updated_at=clock.now - timedelta(minutes=5)))
        await session.flush()
        await login(client, "someone@example.com", "wrong-password", expect=401)
        keys = set(await session.scalars(select(LoginThrottle.key).execution_options(populate_existing=True)))
        assert "ip:192.0.2.1" not in keys
        assert "ip:192.0.2.2" in keys

    async def test_account_lock_holds_from_another_ip(
        self, app: FastAPI, client: httpx.AsyncClient, session: AsyncSession, clock: FakeClock
    ) -> None:
        admin = await make_admin(session)
        async with client_from(app, "10.0.0.1") as attacker:
            for _ in range(5):
                await login(attacker, admin.email, "wrong-password", expect=401)
        async with client_from(app, "10.0.0.2") as owner:
            response = await owner.post(LOGIN, json={"email": admin.email, "password": PASSWORD})
        assert response.status_code == 429

    async def test_ip_lock_spans_accounts(
        self, app: FastAPI, client: httpx.AsyncClient, session: AsyncSession, clock: FakeClock
    ) -> None:
        admin = await make_admin(session)
        async with client_from(app, "10.0.0.3") as sprayer:
            for n in range(5):
                await login(sprayer, f"guess{n}@example.com", "wrong-password", expect=401)
            blocked = await sprayer.post(LOGIN, json={"email": admin.email, "password": PASSWORD})
            assert blocked.status_code == 429
        async with client_from(app, "10.0.0.4") as elsewhere:
            await login(elsewhere, admin.email)

    async def test_locked_attempts_are_audited(
        self, client: httpx.AsyncClient, session: AsyncSession, clock: FakeClock
    ) -> None:
        admin = await make_admin(session)
        for _ in range(6):
            await client.post(LOGIN, json={"email": admin.email, "password": "wrong-password"})
        reasons = [e.after["reason"] for e in await audit_rows(session, "login_failed") if e.after]
        assert reasons == ["bad_credentials"] * 5 + ["locked"]


class TestRefresh:
    async def test_rotates(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        first = await login(client, admin.email)
        second = (await client.post(REFRESH, json={"refresh_token": first["refresh_token"]})).json()
        assert second["refresh_token"] != first["refresh_token"]
        assert (await client.get(ME, headers=bearer(second["access_token"]))).status_code == 200
        third = await client.post(REFRESH, json={"refresh_token": second["refresh_token"]})
        assert third.status_code == 200
        families = set(await session.scalars(select(RefreshToken.family_id).where(RefreshToken.admin_id == admin.id)))
        assert len(families) == 1

    async def test_stores_only_a_keyed_hash(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        token = (await login(client, admin.email))["refresh_token"]
        [row] = await session.scalars(select(RefreshToken).where(RefreshToken.admin_id == admin.id))
        assert row.token_hash == hash_token(token)
        assert token not in row.token_hash
        assert row.expires_at - row.created_at == timedelta(days=14)

    async def test_reusing_a_rotated_token_revokes_the_family(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        admin = await make_admin(session)
        stolen = (await login(client, admin.email))["refresh_token"]
        other_login = (await login(client, admin.email))["refresh_token"]
        rotated = (await client.post(REFRESH, json={"refresh_token": stolen})).json()["refresh_token"]

        reuse = await client.post(REFRESH, json={"refresh_token": stolen})
        assert reuse.status_code == 401
        assert reuse.json()["code"] == "refresh_token_reused"
        successor = await client.post(REFRESH, json={"refresh_token": rotated})
        assert successor.status_code == 401
        assert successor.json()["code"] == "invalid_refresh_token"
        # Another login of the same admin is a different family and lives on.
        assert (await client.post(REFRESH, json={"refresh_token": other_login})).status_code == 200
        [entry] = await audit_rows(session, "refresh_reuse")
        assert entry.entity_id == admin.id

    async def test_expired(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        token = (await login(client, admin.email))["refresh_token"]
        row = await session.scalar(select(RefreshToken).where(RefreshToken.token_hash == hash_token(token)))
        assert row is not None
        row.expires_at = now_utc() - timedelta(seconds=1)
        await session.flush()
        response = await client.post(REFRESH, json={"refresh_token": token})
        assert (response.status_code, response.json()["code"]) == (401, "invalid_refresh_token")

    async def test_inactive_admin(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        token = (await login(client, admin.email))["refresh_token"]
        admin.is_active = False
        await session.flush()
        assert (await client.post(REFRESH, json={"refresh_token": token})).status_code == 401

    async def test_tokens_are_not_interchangeable(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        pair = await login(client, admin.email)
        as_access = await client.get(ME, headers=bearer(pair["refresh_token"]))
        assert as_access.status_code == 401
        as_refresh = await client.post(REFRESH, json={"refresh_token": pair["access_token"]})
        assert (as_refresh.status_code, as_refresh.json()["code"]) == (401, "invalid_refresh_token")

    async def test_unknown_token(self, client: httpx.AsyncClient) -> None:
        response = await client.post(REFRESH, json={"refresh_token": "nope"})
        assert (response.status_code, response.json()["code"]) == (401, "invalid_refresh_token")


class TestLogout:
    async def test_revokes_the_whole_family(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        first = (await login(client, admin.email))["refresh_token"]
        second = (await client.post(REFRESH, json={"refresh_token": first})).json()["refresh_token"]
        response = await client.post(LOGOUT, json={"refresh_token": second})
        assert response.status_code == 204
        after = await client.post(REFRESH, json={"refresh_token": second})
        assert (after.status_code, after.json()["code"]) == (401, "invalid_refresh_token")
        rows = await session.scalars(select(RefreshToken).where(RefreshToken.admin_id == admin.id))
        assert all(r.revoked_at is not None for r in rows)
        [entry] = await audit_rows(session, "logout")
        assert entry.admin_id == admin.id

    async def test_unknown_token_is_fine(self, client: httpx.AsyncClient) -> None:
        assert (await client.post(LOGOUT, json={"refresh_token": "unknown"})).status_code == 204

    async def test_repeated_logout_is_audited_once(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        admin = await make_admin(session)
        token = (await login(client, admin.email))["refresh_token"]
        for _ in range(2):
            assert (await client.post(LOGOUT, json={"refresh_token": token})).status_code == 204
        assert len(await audit_rows(session, "logout")) == 1


class TestMe:
    async def test_stale_generation_and_inactive_admins_are_refused(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        admin = await make_admin(session)
        token = (await login(client, admin.email))["access_token"]
        admin.token_generation += 1
        await session.flush()
        assert (await client.get(ME, headers=bearer(token))).status_code == 401
        token, _ = create_access_token(admin.id, admin.role, admin.token_generation)
        admin.is_active = False
        await session.flush()
        response = await client.get(ME, headers=bearer(token))
        assert (response.status_code, response.json()["code"]) == (401, "invalid_token")


@pytest.mark.parametrize("path", ["/api/v1/admin/auth/password", "/api/v1/admin/settings/password"])
class TestChangePassword:
    async def test_changes_it_and_ends_other_sessions(
        self, client: httpx.AsyncClient, session: AsyncSession, path: str
    ) -> None:
        admin = await make_admin(session, role=AdminRole.ADMIN)
        old = await login(client, admin.email)
        response = await client.put(
            path,
            json={"current_password": PASSWORD, "new_password": "battery-staple-2"},
            headers=bearer(old["access_token"]),
        )
        assert response.status_code == 200, response.text
        fresh = response.json()
        assert (await client.get(ME, headers=bearer(old["access_token"]))).status_code == 401
        assert (await client.post(REFRESH, json={"refresh_token": old["refresh_token"]})).status_code == 401
        assert (await client.get(ME, headers=bearer(fresh["access_token"]))).status_code == 200
        assert (await client.post(REFRESH, json={"refresh_token": fresh["refresh_token"]})).status_code == 200
        await login(client, admin.email, PASSWORD, expect=401)
        await login(client, admin.email, "battery-staple-2")
        [entry] = await audit_rows(session, "password_change")
        assert entry.admin_id == admin.id
        assert "battery" not in repr((entry.before, entry.after))

    async def test_wrong_current_password(self, client: httpx.AsyncClient, session: AsyncSession, path: str) -> None:
        admin = await make_admin(session)
        headers = bearer((await login(client, admin.email))["access_token"])
        response = await client.put(
            path, json={"current_password": "not-it", "new_password": "battery-staple-2"}, headers=headers
        )
        assert response.status_code == 422
        assert response.json()["code"] == "wrong_current_password"
        assert response.json()["details"][0]["field"] == "current_password"

    async def test_same_password_and_short_password(
        self, client: httpx.AsyncClient, session: AsyncSession, path: str
    ) -> None:
        admin = await make_admin(session)
        headers = bearer((await login(client, admin.email))["access_token"])
        same = await client.put(path, json={"current_password": PASSWORD, "new_password": PASSWORD}, headers=headers)
        assert same.json()["code"] == "password_unchanged"
        short = await client.put(path, json={"current_password": PASSWORD, "new_password": "short"}, headers=headers)
        assert short.status_code == 422
        assert short.json()["details"][0]["field"] == "new_password"
