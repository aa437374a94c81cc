"""Demo data: what ``jibsa seed-demo`` (and so ``make run``) shows a first-time user."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.korean import now_utc
from jibsa.demo import seed_demo
from jibsa.models import Application, Assignment, MessageStatus, SmsMessage


async def test_the_demo_has_the_texts_its_applications_sent_and_queues_none(session: AsyncSession) -> None:
    counts = await seed_demo(session, partners=20, applications=40)

    messages = (await session.scalars(select(SmsMessage).order_by(SmsMessage.id))).all()
    assert counts["messages"] == len(messages) > 0
    # The log lists them newest first by id: ids follow the events' times, as in a real history.
    assert [m.created_at for m in messages] == sorted(m.created_at for m in messages)
    # Nothing for a gateway to deliver: demo numbers are never texted.
    assert {m.status for m in messages} <= {MessageStatus.SENT, MessageStatus.FAILED}
    assert all(m.sent_at is not None and m.sent_at <= now_utc() for m in messages if m.status == MessageStatus.SENT)
    # Written by the real triggers from the real templates: rendered, prefixed, tied to what caused them.
    names = {
        row.id: row.customer_name for row in await session.execute(select(Application.id, Application.customer_name))
    }
    assignments = set((await session.scalars(select(Assignment.id))).all())
    for m in messages:
        assert m.template_key
        assert m.text.startswith("[전방홈케어] ")
        if m.reference_type == "application":
            assert f"{names[m.reference_id]}님" in m.text
        else:
            assert m.reference_type == "assignment"
            assert m.reference_id in assignments
    assert await session.scalar(
        select(func.count()).select_from(SmsMessage).where(SmsMessage.recipient_kind == "partner")
    )


async def test_seeding_twice_adds_nothing(session: AsyncSession) -> None:
    await seed_demo(session, partners=20, applications=5)
    before = await session.scalar(select(func.count()).select_from(SmsMessage))
    assert await seed_demo(session, partners=20, applications=5) == {"partners": 0, "applications": 0, "messages": 0}
    assert await session.scalar(select(func.count()).select_from(SmsMessage)) == before
