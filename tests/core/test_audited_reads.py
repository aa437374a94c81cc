"""Audited reads write in the request's own unit of work: one connection per request, even under load."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import func, select

from jibsa.core.db import Database
from jibsa.models import AuditLog
from tests.factories import auth_headers, make_application, quick_admin


@pytest.mark.committing
async def test_forty_concurrent_detail_views_all_answer_and_are_audited(
    client: httpx.AsyncClient, db: Database
) -> None:
    async with db.transaction() as session:
        admin = await quick_admin(session)
        application = await make_application(session)
    headers = auth_headers(admin)
    url = f"/api/v1/admin/applications/{application.id}"

    async def view() -> int:
        return (await client.get(url, headers=headers)).status_code

    # More concurrent requests than the pool has connections: a second connection per request would deadlock.
    statuses = await asyncio.wait_for(asyncio.gather(*(view() for _ in range(40))), timeout=60)
    assert statuses == [200] * 40
    async with db.transaction(read_only=True) as session:
        views = await session.scalar(
            select(func.count())
            .select_from(AuditLog)
            .where(
                AuditLog.action == "view", AuditLog.entity_type == "application", AuditLog.entity_id == application.id
            )
        )
    assert views == 40
