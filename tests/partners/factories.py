"""Builders for partners, applications and assignments, through the models with real blind indexes."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins.security import hash_password
from jibsa.applications.intake import PhoneIndexes, _customer_id
from jibsa.applications.numbering import format_number, next_sequence
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.korean import KST, now_utc
from jibsa.files.storage import Storage
from jibsa.models import (
    Admin,
    AdminRole,
    Application,
    ApplicationService,
    ApplicationStatus,
    Assignment,
    AssignmentService,
    AssignmentStatus,
    Partner,
    PartnerRegion,
    PartnerService,
    PartnerStatus,
    StoredFile,
)
from jibsa.partners.registration import company_key, phone_company_index
from tests.factories import unique_phone

_counter = itertools.count(1)
_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


@functools.cache
def _password_hash() -> str:
    return hash_password("correct-horse-1")


async def quick_admin(session: AsyncSession, *, role: AdminRole, name: str) -> Admin:
    """An admin row without hashing a password per test (argon2 is deliberately slow)."""
    n = next(_counter)
    admin = Admin(email=f"bo-admin{n}@example.com", password_hash=_password_hash(), name=name, role=role)
    session.add(admin)
    await session.flush()
    return admin


def business_number(seed: int | None = None) -> str:
    """A checksum-valid business registration number (digits)."""
    n = next(_counter) if seed is None else seed
    head = f"{(n * 7919) % 10**9:09d}"
    digits = [int(c) for c in head]
    total = sum(d * w for d, w in zip(digits, _WEIGHTS, strict=True)) + digits[8] * 5 // 10
    return head + str((10 - total % 10) % 10)


async def make_partner(
    session: AsyncSession,
    *,
    company_name: str | None = None,
    representative_name: str = "이영희",
    phone: str | None = None,
    business_number: str | None = None,
    status: PartnerStatus = PartnerStatus.PENDING,
    services: Sequence[str] = ("WEEDING", "TREE_PRUNING"),
    regions: Sequence[tuple[str, str | None]] = (("41", "41830"),),
    created_at: datetime | None = None,
    **overrides: Any,
) -> Partner:
    company = company_name or f"푸른조경 {next(_counter)}"
    phone = phone or unique_phone()
    now = now_utc()
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
        contact_email="partner@example.com",
        address="경기도 양평군 양평읍 강변로 5",
        address_detail="2층",
        status=status,
        status_changed_at=now,
        approved_at=now if status == PartnerStatus.APPROVED else None,
        privacy_consent_at=now,
        terms_consent_at=now,
        created_at=created_at or now,
        services=[PartnerService(service_code=c, position=i) for i, c in enumerate(services)],
        regions=[PartnerRegion(province_code=p, district_code=d) for p, d in regions],
        **overrides,
    )
    session.add(partner)
    await session.flush()
    return partner


async def attach_business_registration(
    session: AsyncSession, storage: Storage, partner: Partner, *, data: bytes, original_name: str | None
) -> StoredFile:
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
    phone: str | None = None,
    address: str = "경기도 양평군 양평읍 중앙로 123",
    status: ApplicationStatus = ApplicationStatus.NEW,
    services: Sequence[str] = ("WEEDING",),
    created_at: datetime | None = None,
    first_assigned_at: datetime | None = None,
    **overrides: Any,
) -> Application:
    created_at = created_at or now_utc()
    phone = phone or unique_phone()
    indexes = PhoneIndexes.of(phone)
    day = created_at.astimezone(KST).date()
    application = Application(
        number=format_number(day, await next_sequence(session, day)),
        customer_id=await _customer_id(session, indexes.full),
        customer_name=customer_name,
        customer_phone=phone,
        address=address,
        address_detail="101동",
        phone_bidx=indexes.full,
        phone_last4_bidx=indexes.last4,
        name_bidx=blind_index("name", normalise_name(customer_name)),
        description="마당 제초 부탁드립니다.",
        status=status,
        status_changed_at=created_at,
        first_assigned_at=first_assigned_at,
        privacy_consent_at=created_at,
        created_at=created_at,
        updated_at=created_at,
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
    status: AssignmentStatus = AssignmentStatus.SCHEDULED,
    scheduled_date: date | None = None,
    scheduled_time: str | None = "10:00",
    services: Sequence[str] = ("WEEDING",),
    **overrides: Any,
) -> Assignment:
    assignment = Assignment(
        application_id=application.id,
        partner_id=partner.id,
        status=status,
        scheduled_date=scheduled_date,
        scheduled_time=scheduled_time if scheduled_date else None,
        estimated_cost=150_000,
        services=[AssignmentService(service_code=c, position=i) for i, c in enumerate(services)],
        **overrides,
    )
    session.add(assignment)
    await session.flush()
    return assignment
