"""Builders for messaging tests: applications, partners and assignments written straight through the models;
outbox rows queued through the real ``enqueue_text`` for delivery tests."""

from __future__ import annotations

import io
import itertools
import secrets
from datetime import date
from typing import Any

from PIL import Image
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.db import Database
from jibsa.core.korean import now_utc
from jibsa.files.storage import LocalStorage, new_key
from jibsa.messaging.outbox import enqueue_text
from jibsa.models import (
    Application,
    ApplicationService,
    ApplicationStatus,
    Assignment,
    AssignmentService,
    AssignmentStatus,
    CompanyProfile,
    Customer,
    MessageType,
    Partner,
    PartnerService,
    PartnerStatus,
    SmsMessage,
    StoredFile,
)
from tests.factories import unique_phone

_numbers = itertools.count(1)


async def set_company(session: AsyncSession, **values: Any) -> CompanyProfile:
    profile = await session.get(CompanyProfile, 1)
    assert profile is not None
    defaults = {"name": "집사 홈케어", "phone": "15516640", "sms_prefix": "[집사]", "reminder_hour": 18}
    for key, value in {**defaults, **values}.items():
        setattr(profile, key, value)
    await session.flush()
    return profile


async def make_application(
    session: AsyncSession,
    *,
    name: str = "홍길동",
    phone: str | None = None,
    status: ApplicationStatus = ApplicationStatus.NEW,
    services: tuple[str, ...] = ("WEEDING",),
    district_code: str | None = "41830",
    address: str = "경기도 양평군 양평읍 중앙로 123 양평아파트 101동 1004호",
    **overrides: Any,
) -> Application:
    phone = phone or unique_phone()
    bidx = blind_index("phone", phone)
    customer_id = await session.scalar(select(Customer.id).where(Customer.phone_bidx == bidx))
    if customer_id is None:
        customer = Customer(phone_bidx=bidx)
        session.add(customer)
        await session.flush()
        customer_id = customer.id
    now = now_utc()
    application = Application(
        number=f"20261128-{next(_numbers):03d}",
        customer_id=customer_id,
        customer_name=name,
        customer_phone=phone,
        address=address,
        phone_bidx=bidx,
        phone_last4_bidx=blind_index("phone_last4", phone[-4:]),
        name_bidx=blind_index("name", normalise_name(name)),
        district_code=district_code,
        description="마당 제초 부탁드립니다.",
        status=status,
        status_changed_at=now,
        privacy_consent_at=now,
        services=[ApplicationService(service_code=c, position=i) for i, c in enumerate(services)],
        **overrides,
    )
    session.add(application)
    await session.flush()
    return application


async def make_partner(
    session: AsyncSession,
    *,
    company_name: str | None = None,
    phone: str | None = None,
    status: PartnerStatus = PartnerStatus.APPROVED,
    services: tuple[str, ...] = ("WEEDING", "TREE_PRUNING"),
    representative_name: str = "이영희",
) -> Partner:
    phone = phone or unique_phone()
    company_name = company_name or f"푸른조경{next(_numbers)}"
    now = now_utc()
    partner = Partner(
        company_name=company_name,
        company_name_bidx=blind_index("company", company_name.lower()),
        representative_name=representative_name,
        name_bidx=blind_index("name", normalise_name(representative_name)),
        contact_phone=phone,
        phone_bidx=blind_index("phone", phone),
        phone_last4_bidx=blind_index("phone_last4", phone[-4:]),
        phone_company_bidx=blind_index("phone_company", f"{phone}|{company_name}"),
        address="경기도 양평군 강변로 5",
        status=status,
        status_changed_at=now,
        privacy_consent_at=now,
        terms_consent_at=now,
        services=[PartnerService(service_code=c, position=i) for i, c in enumerate(services)],
    )
    session.add(partner)
    await session.flush()
    return partner


async def make_assignment(
    session: AsyncSession,
    application: Application,
    partner: Partner,
    *,
    status: AssignmentStatus = AssignmentStatus.PENDING,
    scheduled_date: date | None = None,
    scheduled_time: str | None = None,
    estimated_cost: int | None = None,
    services: tuple[str, ...] = ("WEEDING",),
) -> Assignment:
    assignment = Assignment(
        application_id=application.id,
        partner_id=partner.id,
        status=status,
        scheduled_date=scheduled_date,
        scheduled_time=scheduled_time,
        estimated_cost=estimated_cost,
        services=[AssignmentService(service_code=c, position=i) for i, c in enumerate(services)],
    )
    session.add(assignment)
    await session.flush()
    return assignment


async def queued(session: AsyncSession, **where: Any) -> list[SmsMessage]:
    """Outbox rows matching ``where`` (column == value), oldest first."""
    stmt = select(SmsMessage).order_by(SmsMessage.id)
    for column, value in where.items():
        stmt = stmt.where(getattr(SmsMessage, column) == value)
    return list((await session.scalars(stmt.execution_options(populate_existing=True))).all())


async def queue_messages(
    db: Database,
    count: int,
    *,
    text: str = "방문 일정 안내",
    recipient: str | None = None,
    image_file_ids: tuple[int, ...] = (),
    subject: str | None = None,
    message_type: MessageType | None = None,
) -> list[int]:
    """Queue ``count`` messages with distinct texts (the fakes count deliveries by text)."""
    ids = []
    async with db.transaction() as session:
        for n in range(count):
            message = await enqueue_text(
                session,
                recipient=recipient or unique_phone(),
                text=f"{text} {n + 1}번 ({secrets.token_hex(3)})",
                subject=subject,
                image_file_ids=image_file_ids,
                prefix="",
            )
            if message_type is not None:
                message.message_type = message_type
            await session.flush()
            ids.append(message.id)
    return ids


async def outbox_rows(db: Database, ids: list[int] | None = None) -> list[SmsMessage]:
    async with db.transaction(read_only=True) as session:
        query = select(SmsMessage).order_by(SmsMessage.id)
        if ids is not None:
            query = query.where(SmsMessage.id.in_(ids))
        return list((await session.scalars(query)).all())


async def stored_jpeg(db: Database, storage: LocalStorage, *, size: tuple[int, int] = (64, 48)) -> int:
    """A small JPEG in storage with its ``stored_file`` row."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (44, 164, 73)).save(buffer, "JPEG", quality=80)
    data = buffer.getvalue()
    key = new_key("sms_image", "jpg")
    await storage.put(key, data)
    async with db.transaction() as session:
        stored = StoredFile(
            kind="sms_image",
            storage_key=key,
            content_type="image/jpeg",
            size_bytes=len(data),
            width=size[0],
            height=size[1],
            sha256=secrets.token_hex(32),
        )
        session.add(stored)
        await session.flush()
        return stored.id
