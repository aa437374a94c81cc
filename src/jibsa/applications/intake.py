"""Public intake of service requests: validation against the catalogue, duplicates, numbering, notification."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa import events
from jibsa.applications.exceptions import ServiceNotAvailable, UnknownDistrict, UnknownService
from jibsa.applications.numbering import format_number, next_sequence
from jibsa.applications.schemas import ApplicationCreate, ApplicationSubmitted, DuplicateInfo
from jibsa.catalog import repository as catalog
from jibsa.core.config import Settings
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.db import dialect_name
from jibsa.core.forms import Upload
from jibsa.core.korean import format_phone, now_utc, today_kst
from jibsa.events import publish
from jibsa.files.service import save_image
from jibsa.files.storage import Storage
from jibsa.messaging.outbox import notify_admins
from jibsa.messaging.text import summarise_services
from jibsa.models import (
    ACTIVE_APPLICATION_STATUSES,
    APPLICATION_STATUS_LABELS,
    Application,
    ApplicationPhoto,
    ApplicationService,
    ApplicationStatus,
    ApplicationStatusChange,
    Customer,
    StoredFile,
)

SUBMITTED_MESSAGE = "서비스 신청이 접수되었습니다. 담당자가 확인 후 연락드리겠습니다."


@dataclass(frozen=True, slots=True)
class PhoneIndexes:
    full: str
    last4: str

    @classmethod
    def of(cls, digits: str) -> PhoneIndexes:
        return cls(blind_index("phone", digits), blind_index("phone_last4", digits[-4:]))


async def _check_services(session: AsyncSession, codes: list[str]) -> list[str]:
    """Service names in request order; unknown or not bookable services are refused."""
    found = await catalog.service_states(session, codes)
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise UnknownService(
            details=[{"field": "selected_services", "message": f"알 수 없는 서비스: {', '.join(unknown)}"}]
        )
    closed = [found[code].name for code in codes if not found[code].is_bookable]
    if closed:
        raise ServiceNotAvailable(
            f"현재 신청할 수 없는 서비스입니다: {', '.join(closed)}",
            details=[{"field": "selected_services", "message": f"준비 중인 서비스: {', '.join(closed)}"}],
        )
    return [found[code].name for code in codes]


# Built once: a request only binds its values (SQLAlchemy's compiled cache does the rest).
_ACTIVE_DUPLICATE = (
    select(Application.number, Application.status, Application.created_at)  # no PII read, no ORM object
    .where(
        Application.phone_bidx == bindparam("phone_bidx"),
        Application.status.in_(ACTIVE_APPLICATION_STATUSES),
        Application.deleted_at.is_(None),
    )
    .order_by(Application.created_at.desc(), Application.id.desc())
    .limit(1)
)
_UPSERT_CUSTOMER = {
    name: dialect.insert(Customer)
    .values(phone_bidx=bindparam("phone_bidx"), created_at=bindparam("now"), updated_at=bindparam("now"))
    .on_conflict_do_update(index_elements=[Customer.phone_bidx], set_={"updated_at": bindparam("now")})
    .returning(Customer.id)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}


@dataclass(frozen=True, slots=True)
class ActiveDuplicate:
    number: str
    status: ApplicationStatus
    created_at: datetime


async def find_active_duplicate(session: AsyncSession, phone_bidx: str) -> ActiveDuplicate | None:
    """The newest open application with the same phone (number, status and date only)."""
    row = (await session.execute(_ACTIVE_DUPLICATE, {"phone_bidx": phone_bidx})).first()
    return None if row is None else ActiveDuplicate(row.number, ApplicationStatus(row.status), row.created_at)


async def _customer_id(session: AsyncSession, phone_bidx: str) -> int:
    stmt = _UPSERT_CUSTOMER["postgresql" if dialect_name(session) == "postgresql" else "sqlite"]
    return int((await session.execute(stmt, {"phone_bidx": phone_bidx, "now": now_utc()})).scalar_one())


def schedule_info(data: ApplicationCreate) -> str:
    parts = []
    if data.preferred_consultation_date:
        parts.append(f"상담 {data.preferred_consultation_date.isoformat()}")
    if data.preferred_work_date:
        parts.append(f"작업 {data.preferred_work_date.isoformat()}")
    return ", ".join(parts) or "미정"


async def submit_application(
    session: AsyncSession,
    data: ApplicationCreate,
    photos: Sequence[Upload],
    *,
    storage: Storage,
    settings: Settings,
) -> ApplicationSubmitted:
    """Create the application, its services and photos, and queue the admin notification, in one transaction."""
    service_names = await _check_services(session, data.selected_services)
    if data.district_code and not await catalog.district_exists(session, data.district_code):
        raise UnknownDistrict(details=[{"field": "district_code", "message": "존재하지 않는 지역입니다."}])
    stored: list[StoredFile] = []
    for upload in photos:
        stored.append(
            await save_image(
                session,
                storage,
                settings,
                upload.data,
                kind="application_photo",
                field="photos",
                original_name=upload.filename,
            )
        )

    phone = PhoneIndexes.of(data.customer_phone)
    duplicate = await find_active_duplicate(session, phone.full)
    now = now_utc()
    day = today_kst(now)
    customer_id = await _customer_id(session, phone.full)
    # Last before the insert: the day's counter row stays locked until commit, so take it as late as possible.
    number = format_number(day, await next_sequence(session, day))
    application = Application(
        number=number,
        customer_id=customer_id,
        customer_name=data.customer_name,
        customer_phone=data.customer_phone,
        address=data.address,
        address_detail=data.address_detail,
        phone_bidx=phone.full,
        phone_last4_bidx=phone.last4,
        name_bidx=blind_index("name", normalise_name(data.customer_name)),
        district_code=data.district_code,
        description=data.description,
        preferred_consultation_date=data.preferred_consultation_date,
        preferred_work_date=data.preferred_work_date,
        status=ApplicationStatus.NEW,
        status_changed_at=now,
        privacy_consent_at=now,
        created_at=now,
        updated_at=now,
        services=[ApplicationService(service_code=code, position=i) for i, code in enumerate(data.selected_services)],
        photos=[ApplicationPhoto(file_id=photo.id, position=i) for i, photo in enumerate(stored)],
    )
    session.add(application)
    await session.flush()
    session.add(
        ApplicationStatusChange(
            application_id=application.id, from_status=None, to_status=ApplicationStatus.NEW, source="public"
        )
    )

    variables: dict[str, object] = {
        "application_number": application.number,
        "customer_phone": format_phone(data.customer_phone),
        "services": summarise_services(service_names),
        "schedule_info": schedule_info(data),
    }
    duplicate_info = None
    if duplicate is not None:
        label = APPLICATION_STATUS_LABELS[ApplicationStatus(duplicate.status)]
        variables |= {"existing_application_number": duplicate.number, "existing_status": label}
        duplicate_info = DuplicateInfo(
            existing_application_number=duplicate.number,
            existing_status=duplicate.status,
            existing_status_label=label,
            existing_created_at=duplicate.created_at,
        )
    await notify_admins(
        session,
        template_key="admin_new_application_duplicate" if duplicate else "admin_new_application",
        variables=variables,
        reference=("application", application.id),
    )
    await publish(session, events.ApplicationSubmitted(application_id=application.id, send_sms=True))
    return ApplicationSubmitted(
        application_number=application.number,
        message=SUBMITTED_MESSAGE,
        is_duplicate=duplicate is not None,
        duplicate_info=duplicate_info,
    )
