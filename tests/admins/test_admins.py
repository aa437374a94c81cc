from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins import service
from jibsa.admins.exceptions import LastSuperAdmin
from jibsa.admins.schemas import AdminUpdate
from jibsa.core.db import Database
from jibsa.models import Admin, AdminRole, AuditLog
from tests.admins.factories import PASSWORD, bearer, login
from tests.factories import auth_headers, make_admin

ADMINS = "/api/v1/admin/admins"
PROFILE = "/api/v1/admin/settings/profile"


async def audit_for(session: AsyncSession, admin_id: int) -> list[AuditLog]:
    query = select(AuditLog).where(AuditLog.entity_type == "admin", AuditLog.entity_id == admin_id)
    return list(await session.scalars(query.order_by(AuditLog.id)))


def new_admin(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "email": "New.Admin@Example.com",
        "password": "long-enough-1",
        "name": "새관리자",
        "phone": "010-2222-3333",
        "role": "admin",
    }
    body.update(overrides)
    return body


class TestListAdmins:
    async def test_newest_first_with_active_filter(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        plain = await make_admin(session, role=AdminRole.ADMIN)
        gone = await make_admin(session, role=AdminRole.ADMIN, is_active=False)
        everyone = (await client.get(ADMINS, headers=auth_headers(boss))).json()
        ids = [a["id"] for a in everyone["items"]]
        assert ids[:3] == [gone.id, plain.id, boss.id]
        assert everyone["total"] >= 3
        active = (await client.get(ADMINS, params={"is_active": "true"}, headers=auth_headers(boss))).json()
        assert gone.id not in [a["id"] for a in active["items"]]
        inactive = (await client.get(ADMINS, params={"is_active": False}, headers=auth_headers(boss))).json()
        assert [a["id"] for a in inactive["items"]] == [gone.id]
        paged = (await client.get(ADMINS, params={"page_size": 1, "page": 2}, headers=auth_headers(boss))).json()
        assert [a["id"] for a in paged["items"]] == [plain.id]
        assert paged["page_size"] == 1


class TestCreateAdmin:
    async def test_creates_and_audits_with_pii_masked(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        response = await client.post(ADMINS, json=new_admin(), headers=auth_headers(boss))
        assert response.status_code == 201, response.text
        created = response.json()
        assert created["email"] == "new.admin@example.com"
        assert created["phone"] == "01022223333"
        assert created["role"] == "admin"
        [entry] = await audit_for(session, created["id"])
        assert (entry.action, entry.admin_id) == ("create", boss.id)
        assert entry.after is not None
        assert entry.after["phone"] == entry.after["email"] == "***"
        assert "01022223333" not in repr(entry.after)
        await login(client, "new.admin@example.com", "long-enough-1")

    async def test_phone_is_encrypted_at_rest(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        created = (await client.post(ADMINS, json=new_admin(), headers=auth_headers(boss))).json()
        raw = await session.scalar(text("SELECT phone FROM admin WHERE id = :id"), {"id": created["id"]})
        assert raw is not None
        assert b"01022223333" not in bytes(raw)

    async def test_duplicate_email_any_case(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session, email="taken@example.com")
        response = await client.post(ADMINS, json=new_admin(email="TAKEN@example.com"), headers=auth_headers(boss))
        assert response.status_code == 409
        assert response.json()["code"] == "email_taken"


class TestGetAdmin:
    async def test_found_and_not_found(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        assert (await client.get(f"{ADMINS}/{boss.id}", headers=auth_headers(boss))).json()["id"] == boss.id
        missing = await client.get(f"{ADMINS}/999999", headers=auth_headers(boss))
        assert (missing.status_code, missing.json()["code"]) == (404, "admin_not_found")
        huge = await client.get(f"{ADMINS}/{2**70}", headers=auth_headers(boss))
        assert huge.status_code == 422


class TestUpdateAdmin:
    async def test_changes_fields_and_audits_before_after(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        boss = await make_admin(session)
        other = await make_admin(session, role=AdminRole.ADMIN, phone="010-1111-2222")
        old_name = other.name
        response = await client.patch(
            f"{ADMINS}/{other.id}", json={"name": "바뀐이름", "role": "super_admin"}, headers=auth_headers(boss)
        )
        assert response.status_code == 200, response.text
        assert (response.json()["name"], response.json()["role"]) == ("바뀐이름", "super_admin")
        assert response.json()["phone"] == "01011112222"
        entry = (await audit_for(session, other.id))[-1]
        assert entry.action == "update"
        assert entry.before == {"name": old_name, "role": "admin"}
        assert entry.after == {"name": "바뀐이름", "role": "super_admin"}

    async def test_empty_phone_clears_it(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        other = await make_admin(session, role=AdminRole.ADMIN, phone="010-1111-2222")
        response = await client.patch(f"{ADMINS}/{other.id}", json={"phone": ""}, headers=auth_headers(boss))
        assert response.json()["phone"] is None
        entry = (await audit_for(session, other.id))[-1]
        assert (entry.before, entry.after) == ({"phone": "***"}, {"phone": None})

    async def test_no_change_writes_no_audit(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        other = await make_admin(session, role=AdminRole.ADMIN)
        before = len(await audit_for(session, other.id))
        response = await client.patch(f"{ADMINS}/{other.id}", json={"role": "admin"}, headers=auth_headers(boss))
        assert response.status_code == 200
        assert len(await audit_for(session, other.id)) == before

    async def test_nobody_demotes_themselves(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        await make_admin(session)  # another super admin exists: the refusal is about self, not the last one
        response = await client.patch(f"{ADMINS}/{boss.id}", json={"role": "admin"}, headers=auth_headers(boss))
        assert (response.status_code, response.json()["code"]) == (409, "cannot_change_own_role")

    async def test_nobody_deactivates_themselves(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        await make_admin(session)
        patch = await client.patch(f"{ADMINS}/{boss.id}", json={"is_active": False}, headers=auth_headers(boss))
        assert (patch.status_code, patch.json()["code"]) == (409, "cannot_deactivate_self")
        delete = await client.delete(f"{ADMINS}/{boss.id}", headers=auth_headers(boss))
        assert (delete.status_code, delete.json()["code"]) == (409, "cannot_deactivate_self")

    async def test_own_name_may_change(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        response = await client.patch(
            f"{ADMINS}/{boss.id}", json={"name": "새이름", "role": "super_admin"}, headers=auth_headers(boss)
        )
        assert response.status_code == 200

    async def test_last_super_admin_is_kept(self, session: AsyncSession) -> None:
        # Only reachable when the caller is not an active super admin (the CLI, or a race): the service guards it.
        await session.execute(text("UPDATE admin SET is_active = false WHERE role = 'super_admin'"))
        only = await make_admin(session)
        plain = await make_admin(session, role=AdminRole.ADMIN)
        with pytest.raises(LastSuperAdmin):
            await service.update_admin(session, only.id, AdminUpdate(role=AdminRole.ADMIN), actor=plain)
        with pytest.raises(LastSuperAdmin):
            await service.deactivate_admin(session, only.id, actor=None)
        second = await make_admin(session)
        await service.update_admin(session, only.id, AdminUpdate(role=AdminRole.ADMIN), actor=second)
        assert only.role == AdminRole.ADMIN

    async def test_reactivation(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        other = await make_admin(session, role=AdminRole.ADMIN, is_active=False)
        response = await client.patch(f"{ADMINS}/{other.id}", json={"is_active": True}, headers=auth_headers(boss))
        assert response.json()["is_active"] is True
        await login(client, other.email)


class TestDeactivateAdmin:
    async def test_soft_deletes_and_kills_tokens(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        other = await make_admin(session, role=AdminRole.ADMIN)
        pair = await login(client, other.email)
        response = await client.delete(f"{ADMINS}/{other.id}", headers=auth_headers(boss))
        assert response.status_code == 204
        assert (await client.get("/api/v1/admin/auth/me", headers=bearer(pair["access_token"]))).status_code == 401
        refresh = await client.post("/api/v1/admin/auth/refresh", json={"refresh_token": pair["refresh_token"]})
        assert refresh.status_code == 401
        await login(client, other.email, expect=403)
        await session.refresh(other)
        assert other.is_active is False
        assert [e.action for e in await audit_for(session, other.id)][-2:] == ["deactivate", "login_failed"]

    async def test_unknown(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        boss = await make_admin(session)
        response = await client.delete(f"{ADMINS}/987654", headers=auth_headers(boss))
        assert response.status_code == 404


@pytest.mark.committing
class TestConcurrentDemotion:
    async def test_two_super_admins_demoting_each_other_leave_one(
        self, client: httpx.AsyncClient, db: Database
    ) -> None:
        async with db.transaction() as s:
            await s.execute(text("UPDATE admin SET role = 'admin'"))
            first = await make_admin(s)
            second = await make_admin(s)
        responses = await asyncio.gather(
            client.patch(f"{ADMINS}/{second.id}", json={"role": "admin"}, headers=auth_headers(first)),
            client.patch(f"{ADMINS}/{first.id}", json={"role": "admin"}, headers=auth_headers(second)),
        )
        # The loser is refused either as no longer a super admin (it was demoted first: SQLite serialises whole
        # requests) or as the last one (PostgreSQL: both passed the role check, the row locks decide).
        outcomes = sorted((r.status_code, r.json().get("code")) for r in responses)
        assert outcomes[0][0] == 200, outcomes
        assert outcomes[1] in {(403, "super_admin_required"), (409, "last_super_admin")}, outcomes
        async with db.transaction() as s:
            roles = set(await s.scalars(select(Admin.role).where(Admin.id.in_([first.id, second.id]))))
        assert roles == {"admin", "super_admin"}


class TestProfile:
    async def test_read_and_update_own_profile(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        me = await make_admin(session, role=AdminRole.ADMIN, phone="010-5555-6666")
        profile = (await client.get(PROFILE, headers=auth_headers(me))).json()
        assert (profile["id"], profile["phone"]) == (me.id, "01055556666")
        response = await client.put(
            PROFILE, json={"name": "  홍 길동 ", "phone": "010 7777 8888"}, headers=auth_headers(me)
        )
        assert response.status_code == 200, response.text
        assert (response.json()["name"], response.json()["phone"]) == ("홍 길동", "01077778888")
        cleared = await client.put(PROFILE, json={"phone": ""}, headers=auth_headers(me))
        assert cleared.json()["phone"] is None
        assert cleared.json()["name"] == "홍 길동"
        entries = await audit_for(session, me.id)
        assert [e.action for e in entries[-2:]] == ["update", "update"]
        assert entries[-1].before == {"phone": "***"}

    async def test_role_cannot_be_set_through_profile(self, client: httpx.AsyncClient, session: AsyncSession) -> None:
        me = await make_admin(session, role=AdminRole.ADMIN)
        response = await client.put(PROFILE, json={"role": "super_admin"}, headers=auth_headers(me))
        assert response.status_code == 422


class TestValidation:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            (new_admin(email=None), "email"),
            ({"password": "long-enough-1", "name": "이름"}, "email"),
            (new_admin(email="not-an-email"), "email"),
            (new_admin(email="a" * 250 + "@example.com"), "email"),
            (new_admin(password="short"), "password"),
            (new_admin(password="p" * 129), "password"),
            (new_admin(name="가" * 101), "name"),
            (new_admin(name="<script>alert(1)</script>"), "name"),
            (new_admin(name=123), "name"),
            (new_admin(role="owner"), "role"),
            (new_admin(phone="12345"), "phone"),
            (new_admin(extra="field"), "extra"),
        ],
    )
    async def test_create_refuses_bad_input(
        self, client: httpx.AsyncClient, session: AsyncSession, body: dict[str, Any], field: str
    ) -> None:
        boss = await make_admin(session)
        response = await client.post(ADMINS, json=body, headers=auth_headers(boss))
        assert response.status_code == 422, response.text
        payload = response.json()
        assert payload["code"] == "validation_error"
        assert isinstance(payload["message"], str)
        assert field in [d["field"] for d in payload["details"]]
        assert all(d["message"] for d in payload["details"])

    @pytest.mark.parametrize(
        "body",
        [{"is_active": "maybe"}, {"role": "owner"}, {"role": 5}, {"name": "x" * 101}, {"phone": "abc"}],
    )
    async def test_update_refuses_bad_input(
        self, client: httpx.AsyncClient, session: AsyncSession, body: dict[str, Any]
    ) -> None:
        boss = await make_admin(session)
        response = await client.patch(f"{ADMINS}/{boss.id}", json=body, headers=auth_headers(boss))
        assert (response.status_code, response.json()["code"]) == (422, "validation_error")

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"email": "a@example.com"},
            {"email": "a@example.com", "password": ""},
            {"email": "a@example.com", "password": "p" * 129},
            {"email": ["a@example.com"], "password": PASSWORD},
        ],
    )
    async def test_login_refuses_bad_input(self, client: httpx.AsyncClient, body: dict[str, Any]) -> None:
        response = await client.post("/api/v1/admin/auth/login", json=body)
        assert (response.status_code, response.json()["code"]) == (422, "validation_error")
        assert response.json()["details"]

    async def test_malformed_json(self, client: httpx.AsyncClient) -> None:
        response = await client.post(
            "/api/v1/admin/auth/login", content=b"{not json", headers={"content-type": "application/json"}
        )
        assert (response.status_code, response.json()["code"]) == (422, "validation_error")
