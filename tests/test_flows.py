"""The whole back-office journey through the API, checking the messages each step queues."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.korean import today_kst
from jibsa.models import PartnerStatus, SmsMessage
from tests.factories import application_payload, auth_headers, make_admin, make_partner


async def queued(session: AsyncSession, since_id: int) -> list[tuple[str | None, str]]:
    rows = await session.execute(
        select(SmsMessage.template_key, SmsMessage.recipient_kind)
        .where(SmsMessage.id > since_id)
        .order_by(SmsMessage.id)
    )
    return [(key, kind) for key, kind in rows]


async def last_id(session: AsyncSession) -> int:
    return (await session.scalar(select(SmsMessage.id).order_by(SmsMessage.id.desc()).limit(1))) or 0


async def test_submit_consult_assign_schedule_complete(client: httpx.AsyncClient, session: AsyncSession) -> None:
    admin = await make_admin(session, phone="01020003000")
    partner = await make_partner(session, status=PartnerStatus.APPROVED, services=("WEEDING", "TREE_PRUNING"))
    headers = auth_headers(admin)

    submitted = await client.post("/api/v1/applications", json=application_payload(selected_services=["WEEDING"]))
    assert submitted.status_code == 201
    number = submitted.json()["application_number"]
    assert await queued(session, 0) == [("admin_new_application", "admin")]

    found = (await client.post("/api/v1/admin/applications/search", json={"search": number}, headers=headers)).json()
    assert [item["number"] for item in found["items"]] == [number]
    application = found["items"][0]
    url = f"/api/v1/admin/applications/{application['id']}"

    mark = await last_id(session)
    consulting = await client.put(
        url, json={"version": application["version"], "status": "consulting", "send_sms": True}, headers=headers
    )
    assert consulting.status_code == 200, consulting.text
    assert await queued(session, mark) == [("application_received", "customer")]

    mark = await last_id(session)
    visit = today_kst() + timedelta(days=3)
    created = await client.post(
        f"{url}/assignments",
        json={"partner_id": partner.id, "service_codes": ["WEEDING"], "estimated_cost": 150000, "send_sms": True},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    assert sorted(await queued(session, mark)) == [
        ("partner_assigned", "customer"),
        ("partner_notify_assignment", "partner"),
    ]
    assignment = created.json()["assignment"] if "assignment" in created.json() else created.json()

    mark = await last_id(session)
    scheduled = await client.put(
        f"{url}/assignments/{assignment['id']}",
        json={
            "version": assignment["version"],
            "scheduled_date": visit.isoformat(),
            "scheduled_time": "10:00",
            "send_sms": True,
        },
        headers=headers,
    )
    assert scheduled.status_code == 200, scheduled.text
    assert sorted(await queued(session, mark)) == [
        ("partner_schedule_notify", "partner"),
        ("schedule_confirmed", "customer"),
    ]
    detail = (await client.get(url, headers=headers)).json()
    assert detail["status"] == "scheduled"

    schedule = (
        await client.get(
            "/api/v1/admin/schedule",
            params={"start_date": visit.isoformat(), "end_date": visit.isoformat()},
            headers=headers,
        )
    ).json()
    assert [item["application_number"] for item in schedule["items"]] == [number]

    mark = await last_id(session)
    done = await client.patch(
        f"{url}/assignments/batch-status",
        json={"assignment_ids": [assignment["id"]], "status": "completed", "send_sms": True},
        headers=headers,
    )
    assert done.status_code == 200, done.text
    detail = (await client.get(url, headers=headers)).json()
    assert detail["status"] == "completed"
    assert ("service_completed", "customer") in await queued(session, mark)
