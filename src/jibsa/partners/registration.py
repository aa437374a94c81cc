"""Public partner registration: validation against catalogue and regions, duplicate detection, notification."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa import events
from jibsa.applications.exceptions import UnknownService
from jibsa.catalog import repository as catalog
from jibsa.core.config import Settings
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.forms import Upload
from jibsa.core.korean import format_phone, now_utc
from jibsa.events import publish
from jibsa.files.service import save_document
from jibsa.files.storage import Storage
from jibsa.messaging.outbox import notify_admins
from jibsa.messaging.text import summarise_services
from jibsa.models import Partner, PartnerRegion, PartnerService, Province
from jibsa.partners.exceptions import InvalidRegion
from jibsa.partners.schemas import PartnerCreate, PartnerRegistered, WorkRegionIn

REGISTERED_MESSAGE = "협력사 등록 신청이 접수되었습니다. 검토 후 연락드리겠습니다."


def company_key(company_name: str) -> str:
    return " ".join(company_name.split()).lower()


def phone_company_index(phone: str, company_name: str) -> str:
    return blind_index("phone_company", f"{phone}|{company_key(company_name)}")


async def build_regions(session: AsyncSession, regions: list[WorkRegionIn]) -> list[PartnerRegion]:
    """Region rows for the chosen provinces/districts; unknown codes or mismatched pairs are refused (422)."""
    province_codes = {r.province_code for r in regions}
    known = set((await session.scalars(select(Province.code).where(Province.code.in_(province_codes)))).all())
    districts = await catalog.get_districts(session, [c for r in regions for c in r.district_codes])
    rows: list[PartnerRegion] = []
    for index, region in enumerate(regions):
        if region.province_code not in known:
            raise InvalidRegion(
                details=[{"field": f"work_regions.{index}.province_code", "message": "존재하지 않는 시/도입니다."}]
            )
        if region.all_districts:
            rows.append(PartnerRegion(province_code=region.province_code, district_code=None))
            continue
        for code in dict.fromkeys(region.district_codes):
            district = districts.get(code)
            if district is None or district.province_code != region.province_code:
                raise InvalidRegion(
                    details=[
                        {
                            "field": f"work_regions.{index}.district_codes",
                            "message": f"{code}: 해당 시/도의 시/군/구가 아닙니다.",
                        }
                    ]
                )
            rows.append(PartnerRegion(province_code=region.province_code, district_code=code))
    return rows


async def find_duplicate(
    session: AsyncSession, business_bidx: str | None, phone_company_bidx: str
) -> Literal["business_number", "phone_company"] | None:
    alive = Partner.deleted_at.is_(None)
    if business_bidx is not None:
        if await session.scalar(
            select(Partner.id).where(Partner.business_number_bidx == business_bidx, alive).limit(1)
        ):
            return "business_number"
    if await session.scalar(select(Partner.id).where(Partner.phone_company_bidx == phone_company_bidx, alive).limit(1)):
        return "phone_company"
    return None


async def register_partner(
    session: AsyncSession, data: PartnerCreate, file: Upload | None, *, storage: Storage, settings: Settings
) -> PartnerRegistered:
    """Create a pending partner and queue the admin notification in one transaction (duplicates never block)."""
    services = await catalog.get_services_by_codes(session, data.service_codes)
    unknown = [c for c in data.service_codes if c not in services or not services[c].is_active]
    if unknown:
        raise UnknownService(
            details=[{"field": "service_codes", "message": f"알 수 없는 서비스: {', '.join(unknown)}"}]
        )
    regions = await build_regions(session, data.work_regions)

    business_bidx = blind_index("business_number", data.business_number) if data.business_number else None
    phone_company = phone_company_index(data.contact_phone, data.company_name)
    duplicate_type = await find_duplicate(session, business_bidx, phone_company)

    stored = None
    if file is not None:
        stored = await save_document(
            session,
            storage,
            file.data,
            kind="business_registration",
            field="business_registration_file",
            original_name=file.filename,
        )
    now = now_utc()
    partner = Partner(
        company_name=data.company_name,
        company_name_bidx=blind_index("company", company_key(data.company_name)),
        representative_name=data.representative_name,
        name_bidx=blind_index("name", normalise_name(data.representative_name)),
        business_number=data.business_number,
        business_number_bidx=business_bidx,
        contact_phone=data.contact_phone,
        phone_bidx=blind_index("phone", data.contact_phone),
        phone_last4_bidx=blind_index("phone_last4", data.contact_phone[-4:]),
        phone_company_bidx=phone_company,
        contact_email=str(data.contact_email) if data.contact_email else None,
        address=data.address,
        address_detail=data.address_detail,
        introduction=data.introduction,
        experience=data.experience,
        remarks=data.remarks,
        business_registration_file_id=stored.id if stored else None,
        privacy_consent_at=now,
        terms_consent_at=now,
        status_changed_at=now,
        services=[PartnerService(service_code=c, position=i) for i, c in enumerate(data.service_codes)],
        regions=regions,
    )
    session.add(partner)
    await session.flush()
    await notify_admins(
        session,
        template_key="admin_new_partner",
        variables={
            "company_name": data.company_name,
            "contact_phone": format_phone(data.contact_phone),
            "services": summarise_services([services[c].name for c in data.service_codes]),
        },
        reference=("partner", partner.id),
    )
    await publish(session, events.PartnerRegistered(partner_id=partner.id, send_sms=True))
    return PartnerRegistered(
        message=REGISTERED_MESSAGE,
        is_duplicate=duplicate_type is not None,
        duplicate_type=duplicate_type,
    )
