"""Builders for back-office tests: applications, partners and assignments written through the models."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from jibsa import events
from jibsa.applications.intake import PhoneIndexes
from jibsa.applications.intake import _customer_id as upsert_customer
from jibsa.applications.numbering import format_number, next_sequence
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.korean import now_utc, today_kst
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
)
from jibsa.partners.registration import phone_company_index
from tests.factories import unique_phone


async def make_application(
    session: AsyncSession,
    *,
    services: Sequence[str] = ("WEEDING",),
    customer_name: str = "홍길동",
    customer_phone: str | None = None,
    status: ApplicationStatus = ApplicationStatus.NEW,
    created_at: datetime | None = None,
    district_code: str | None = "41830",
    **overrides: Any,
) -> Application:
    phone = customer_phone or unique_phone()
    indexes = PhoneIndexes.of(phone)
    created = created_at or now_utc()
    day = today_kst(created)
    number = overrides.pop("number", None) or format_number(day, await next_sequence(session, day))
    application = Application(
        number=number,
        customer_id=await upsert_customer(session, indexes.full),
        customer_name=customer_name,
        customer_phone=phone,
        address=overrides.pop("address", "경기도 양평군 양평읍 중앙로 123"),
        address_detail=overrides.pop("address_detail", "101동"),
        phone_bidx=indexes.full,
        phone_last4_bidx=indexes.last4,
        name_bidx=blind_index("name", normalise_name(customer_name)),
        district_code=district_code,
        description=overrides.pop("description", "마당 제초 부탁드립니다."),
        status=status,
        status_changed_at=created,
        privacy_consent_at=created,
        created_at=created,
        updated_at=created,
        services=[ApplicationService(service_code=code, position=i) for i, code in enumerate(services)],
        **overrides,
    )
    session.add(application)
    await session.flush()
    return application


async def make_partner(
    session: AsyncSession,
    *,
    status: PartnerStatus = PartnerStatus.APPROVED,
    services: Sequence[str] = ("WEEDING", "TREE_PRUNING"),
    regions: Sequence[tuple[str, str | None]] = (("41", "41830"),),
    company_name: str = "푸른조경",
    contact_phone: str | None = None,
) -> Partner:
    phone = contact_phone or unique_phone()
    now = now_utc()
    partner = Partner(
        company_name=company_name,
        company_name_bidx=blind_index("company", company_name.lower()),
        representative_name="이영희",
        name_bidx=blind_index("name", normalise_name("이영희")),
        contact_phone=phone,
        phone_bidx=blind_index("phone", phone),
        phone_last4_bidx=blind_index("phone_last4", phone[-4:]),
        phone_company_bidx=phone_company_index(phone, company_name),
        address="경기도 양평군 양평읍 강변로 5",
        status=status,
        status_changed_at=now,
        privacy_consent_at=now,
        terms_consent_at=now,
        services=[PartnerService(service_code=code, position=i) for i, code in enumerate(services)],
        regions=[PartnerRegion(province_code=p, district_code=d) for p, d in regions],
    )
    session.add(partner)
    await session.flush()
    return partner


async def make_assignment(
    session: AsyncSession,
    application: Application,
    partner: Partner,
    *,
    services: Sequence[str] | None = None,
    status: AssignmentStatus = AssignmentStatus.PENDING,
    scheduled_date: date | None = None,
    scheduled_time: str | None = None,
) -> Assignment:
    codes = list(services if services is not None else application.service_codes)
    assignment = Assignment(
        application_id=application.id,
        partner_id=partner.id,
        status=status,
        scheduled_date=scheduled_date,
        scheduled_time=scheduled_time,
        services=[AssignmentService(service_code=code, position=i) for i, code in enumerate(codes)],
    )
    session.add(assignment)
    await session.flush()
    return assignment


class EventLog:
    """Every domain event published while installed (a test subscriber, removed afterwards)."""

    def __init__(self) -> None:
        self.events: list[events.Event] = []

    async def __call__(self, _: AsyncSession, event: events.Event) -> None:
        self.events.append(event)

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]

    def install(self) -> None:
        for kind in EVENT_TYPES:
            events._handlers[kind].append(self)

    def remove(self) -> None:
        for kind in EVENT_TYPES:
            events._handlers[kind].remove(self)


E = TypeVar("E", bound=events.Event)
EVENT_TYPES = (
    events.ApplicationStatusChanged,
    events.AssignmentCreated,
    events.AssignmentScheduled,
    events.AssignmentRescheduled,
    events.AssignmentChanged,
    events.AssignmentCompleted,
    events.AssignmentCancelled,
)


async def quick_admin(session: AsyncSession, *, role: AdminRole = AdminRole.ADMIN, name: str | None = None) -> Admin:
    """An admin for token-authenticated calls (no password hashing: these tests never log in)."""
    n = next(_counter)
    admin = Admin(email=f"bo{n}@example.com", password_hash="!", name=name or f"관리자{n}", role=role)
    session.add(admin)
    await session.flush()
    return admin


_counter = itertools.count(1)
