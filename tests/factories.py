"""Plain async builders for test data, going through the same models and indexes as production.

Every builder takes the row's columns as keywords: the named ones have defaults, any other column can be passed
as an override. Builders only ``flush()``; the outbox helpers that take a ``Database`` open their own transaction.
"""

from __future__ import annotations

import functools
import io
import itertools
import secrets
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PIL import Image
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins.schemas import AdminCreate
from jibsa.admins.security import create_access_token, hash_password
from jibsa.admins.service import create_admin
from jibsa.applications.intake import PhoneIndexes, _customer_id
from jibsa.applications.numbering import format_number, next_sequence
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.db import Database
from jibsa.core.korean import now_utc, today_kst
from jibsa.files.storage import LocalStorage, Storage, new_key
from jibsa.messaging.outbox import enqueue_text
from jibsa.models import (
    Admin,
    AdminRole,
    Application,
    ApplicationService,
    ApplicationStatus,
    Assignment,
    AssignmentService,
    AssignmentStatus,
    CompanyProfile,
    MessageType,
    Partner,
    PartnerRegion,
    PartnerService,
    PartnerStatus,
    SmsMessage,
    StoredFile,
)
from jibsa.partners.registration import company_key, phone_company_index

PASSWORD = "correct-horse-1"
_counter = itertools.count(1)
_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def unique_phone() -> str:
    return f"0107{next(_counter):07d}"


def business_number(seed: int | None = None) -> str:
    """A checksum-valid business registration number (digits)."""
    n = next(_counter) if seed is None else seed
    head = f"{(n * 7919) % 10**9:09d}"
    digits = [int(c) for c in head]
    total = sum(d * w for d, w in zip(digits, _WEIGHTS, strict=True)) + digits[8] * 5 // 10
    return head + str((10 - total % 10) % 10)


# ---- admins


async def make_admin(
    session: AsyncSession,
    *,
    role: AdminRole = AdminRole.SUPER_ADMIN,
    password: str = PASSWORD,
    phone: str | None = None,
    **overrides: Any,
) -> Admin:
    """An admin created through the service (argon2 hashes ``password``: use it for tests that log in)."""
    n = next(_counter)
    data = AdminCreate(
        email=overrides.pop("email", f"admin{n}@example.com"),
        password=password,
        name=overrides.pop("name", f"관리자{n}"),
        phone=phone,
        role=role,
    )
    admin = await create_admin(session, data)
    for key, value in overrides.items():
        setattr(admin, key, value)
    await session.flush()
    return admin


@functools.cache
def _password_hash() -> str:
    return hash_password(PASSWORD)


async def quick_admin(session: AsyncSession, *, role: AdminRole = AdminRole.ADMIN, name: str | None = None) -> Admin:
    """An admin row for token-authenticated calls, reusing one password hash (argon2 is deliberately slow)."""
    n = next(_counter)
    admin = Admin(
        email=f"bo-admin{n}@example.com", password_hash=_password_hash(), name=name or f"관리자{n}", role=role
    )
    session.add(admin)
    await session.flush()
    return admin


def auth_headers(admin: Admin) -> dict[str, str]:
    token, _ = create_access_token(admin.id, admin.role, admin.token_generation)
    return {"Authorization": f"Bearer {token}"}


# ---- request bodies


def application_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "customer_name": "홍길동",
        "customer_phone": unique_phone(),
        "address": "경기도 양평군 양평읍 중앙로 123",
        "address_detail": "101동",
        "selected_services": ["WEEDING"],
        "description": "마당 잔디와 텃밭 주변 제초 부탁드립니다.",
        "privacy_consent": True,
    }
    payload.update(overrides)
    return payload


def partner_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "company_name": f"푸른조경 {next(_counter)}",
        "representative_name": "이영희",
        "business_number": "123-45-67891",
        "contact_phone": unique_phone(),
        "contact_email": "green@example.com",
        "address": "경기도 양평군 양평읍 강변로 5",
        "service_codes": ["WEEDING", "TREE_PRUNING"],
        "work_regions": [{"province_code": "41", "district_codes": ["41830", "41820"], "all_districts": False}],
        "privacy_consent": True,
        "terms_consent": True,
    }
    payload.update(overrides)
    return payload


# ---- rows


async def set_company(session: AsyncSession, **values: Any) -> CompanyProfile:
    """The company profile with a name, a phone, the SMS prefix ``[집사]`` and reminders at 18:00, then ``values``."""
    profile = await session.get(CompanyProfile, 1)
    assert profile is not None
    defaults = {"name": "집사 홈케어", "phone": "15516640", "sms_prefix": "[집사]", "reminder_hour": 18}
    for key, value in {**defaults, **values}.items():
        setattr(profile, key, value)
    await session.flush()
    return profile


async def make_partner(
    session: AsyncSession,
    *,
    company_name: str | None = None,
    representative_name: str = "이영희",
    contact_phone: str | None = None,
    business_number: str | None = None,
    status: PartnerStatus = PartnerStatus.PENDING,
    services: Sequence[str] = ("WEEDING", "TREE_PRUNING"),
    regions: Sequence[tuple[str, str | None]] = (("41", "41830"),),
    created_at: datetime | None = None,
    **overrides: Any,
) -> Partner:
    """A partner with a unique company name and phone, as registration would index it (pending unless told)."""
    company = company_name or f"푸른조경 {next(_counter)}"
    phone = contact_phone or unique_phone()
    now = now_utc()
    columns: dict[str, Any] = {
        "contact_email": "partner@example.com",
        "address": "경기도 양평군 양평읍 강변로 5",
        "address_detail": "2층",
        "status_changed_at": now,
        "approved_at": now if status == PartnerStatus.APPROVED else None,
        "privacy_consent_at": now,
        "terms_consent_at": now,
        **overrides,
    }
    partner = Partner(
        company_name=company,
        company_name_bidx=blind_index("company", company_key(company)),
        representative_name=representative_name,
        name_bidx=blind_index("name", normalise_name(representative_name)),
        business_number=business_number,
        business_number_bidx=blind_index("business_number", business_number) if business_number else None,
        contact_phone=phone,
        phone_bidx=blind_index("phone", phone),
        phone_last4_bidx=blind_index("phone_last4", phone[-4:]),
        phone_company_bidx=phone_company_index(phone, company),
        status=status,
        created_at=created_at or now,
        services=[PartnerService(service_code=c, position=i) for i, c in enumerate(services)],
        regions=[PartnerRegion(province_code=p, district_code=d) for p, d in regions],
        **columns,
    )
    session.add(partner)
    await session.flush()
    return partner


async def attach_business_registration(
    session: AsyncSession, storage: Storage, partner: Partner, *, data: bytes, original_name: str | None
) -> StoredFile:
    """A stored PDF set as the partner's business registration certificate."""
    key = f"business_registration/test/{next(_counter)}-{partner.id}.pdf"
    await storage.put(key, data)
    stored = StoredFile(
        kind="business_registration",
        storage_key=key,
        content_type="application/pdf",
        size_bytes=len(data),
        sha256="0" * 64,
        original_name=original_name,
    )
    session.add(stored)
    await session.flush()
    partner.business_registration_file_id = stored.id
    await session.flush()
    return stored


async def make_application(
    session: AsyncSession,
    *,
    customer_name: str = "홍길동",
    customer_phone: str | None = None,
    address: str = "경기도 양평군 양평읍 중앙로 123",
    address_detail: str | None = "101동",
    district_code: str | None = "41830",
    description: str = "마당 제초 부탁드립니다.",
    status: ApplicationStatus = ApplicationStatus.NEW,
    services: Sequence[str] = ("WEEDING",),
    number: str | None = None,
    created_at: datetime | None = None,
    first_assigned_at: datetime | None = None,
    **overrides: Any,
) -> Application:
    """An application numbered for its KST day (unless ``number`` is given), its customer upserted as intake does."""
    created = created_at or now_utc()
    phone = customer_phone or unique_phone()
    indexes = PhoneIndexes.of(phone)
    if number is None:
        day = today_kst(created)
        number = format_number(day, await next_sequence(session, day))
    application = Application(
        number=number,
        customer_id=await _customer_id(session, indexes.full),
        customer_name=customer_name,
        customer_phone=phone,
        address=address,
        address_detail=address_detail,
        phone_bidx=indexes.full,
        phone_last4_bidx=indexes.last4,
        name_bidx=blind_index("name", normalise_name(customer_name)),
        district_code=district_code,
        description=description,
        status=status,
        status_changed_at=created,
        first_assigned_at=first_assigned_at,
        privacy_consent_at=created,
        created_at=created,
        updated_at=created,
        services=[ApplicationService(service_code=c, position=i) for i, c in enumerate(services)],
        **overrides,
    )
    session.add(application)
    await session.flush()
    return application


async def make_assignment(
    session: AsyncSession,
    application: Application,
    partner: Partner,
    *,
    status: AssignmentStatus = AssignmentStatus.PENDING,
    scheduled_date: date | None = None,
    scheduled_time: str | None = None,
    estimated_cost: int | None = None,
    services: Sequence[str] | None = None,
    **overrides: Any,
) -> Assignment:
    """An assignment of ``partner`` to ``application``, for the application's services unless ``services`` is given."""
    codes = list(services if services is not None else application.service_codes)
    assignment = Assignment(
        application_id=application.id,
        partner_id=partner.id,
        status=status,
        scheduled_date=scheduled_date,
        scheduled_time=scheduled_time,
        estimated_cost=estimated_cost,
        services=[AssignmentService(service_code=c, position=i) for i, c in enumerate(codes)],
        **overrides,
    )
    session.add(assignment)
    await session.flush()
    return assignment


# ---- the SMS outbox


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
    """Queue ``count`` messages with distinct texts through ``enqueue_text`` (the fakes count deliveries by text)."""
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
    """Outbox rows (only ``ids`` if given), oldest first, read in their own transaction."""
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
