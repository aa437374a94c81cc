from __future__ import annotations

import asyncio
from collections import Counter

import httpx
import pytest
from sqlalchemy import func, select

from jibsa.core.db import Database
from jibsa.models import AdminRole, Application, ApplicationStatusChange
from tests.factories import auth_headers, make_application, quick_admin

URL = "/api/v1/admin/applications"


@pytest.mark.committing
class TestConcurrentUpdates:
    async def test_twenty_updates_with_one_version_let_exactly_one_through(
        self, client: httpx.AsyncClient, db: Database
    ) -> None:
        async with db.transaction() as session:
            admin = await quick_admin(session, role=AdminRole.ADMIN)
            application = await make_application(session)
        headers = auth_headers(admin)

        async def update(i: int) -> httpx.Response:
            body = {"version": 1, "status": "consulting", "address_detail": f"{i}호"}
            return await client.put(f"{URL}/{application.id}", json=body, headers=headers)

        responses = await asyncio.gather(*(update(i) for i in range(20)))

        codes = Counter(r.status_code for r in responses)
        assert codes == {200: 1, 409: 19}, [r.text for r in responses if r.status_code not in (200, 409)]
        assert {r.json()["code"] for r in responses if r.status_code == 409} == {"version_conflict"}
        async with db.transaction(read_only=True) as session:
            stored = (await session.scalars(select(Application).where(Application.id == application.id))).one()
            changes = await session.scalar(
                select(func.count()).where(ApplicationStatusChange.application_id == application.id)
            )
        winner = next(r for r in responses if r.status_code == 200).json()
        assert (stored.version, stored.status, stored.address_detail) == (2, "consulting", winner["address_detail"])
        assert changes == 1
