"""The company profile: one row, edited by super admins, read wherever company data is shown."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.audit.service import record
from jibsa.core.errors import InvalidInput
from jibsa.core.korean import format_business_number, format_phone
from jibsa.models import Admin, CompanyProfile
from jibsa.settings.schemas import CompanyProfileOut, CompanyProfileUpdate, PublicCompany

COMPANY_CACHE_KEY = "company"
EDITABLE = (
    "name",
    "phone",
    "sms_prefix",
    "address",
    "business_number",
    "representative",
    "email",
    "bank_account",
    "stamp_text",
    "tagline",
    "vat_mode",
    "sms_sender",
    "reminder_hour",
)
REQUIRED = frozenset({"name", "vat_mode", "reminder_hour"})


async def load_profile(session: AsyncSession) -> CompanyProfile:
    """The profile row (seeded by migration); an unsaved default if it is missing."""
    return await session.get(CompanyProfile, 1) or CompanyProfile(
        id=1, name="집사 홈케어", vat_mode="included", reminder_hour=18
    )


def formatted_business_number(digits: str) -> str:
    return format_business_number(digits) if len(digits) == 10 else digits


def to_out(profile: CompanyProfile) -> CompanyProfileOut:
    return CompanyProfileOut(
        name=profile.name,
        phone=profile.phone or "",
        sms_prefix=profile.sms_prefix or "",
        address=profile.address or "",
        business_number=profile.business_number or "",
        business_number_formatted=formatted_business_number(profile.business_number or ""),
        representative=profile.representative or "",
        email=profile.email or "",
        bank_account=profile.bank_account or "",
        stamp_text=profile.stamp_text or "",
        tagline=profile.tagline or "",
        vat_mode=profile.vat_mode,
        sms_sender=profile.sms_sender or "",
        reminder_hour=profile.reminder_hour,
        updated_at=profile.updated_at,
    )


def to_public(profile: CompanyProfile) -> PublicCompany:
    return PublicCompany(
        name=profile.name,
        phone=profile.phone or "",
        address=profile.address or "",
        business_number=formatted_business_number(profile.business_number or ""),
        representative=profile.representative or "",
        email=profile.email or "",
        tagline=profile.tagline or "",
    )


def _stored(name: str, value: Any) -> Any:
    """The value as the column keeps it: phones formatted for display, sender digits, empty for cleared."""
    if value is None:
        return ""
    if name == "phone":
        return format_phone(value)
    return str(value)


async def get_company(session: AsyncSession) -> CompanyProfileOut:
    """The whole profile, for the settings screen."""
    profile = await load_profile(session)
    return to_out(profile)


async def update_company(
    session: AsyncSession, data: CompanyProfileUpdate, *, admin: Admin, request: Request
) -> CompanyProfileOut:
    """Change the fields sent; audited."""
    profile = await session.get(CompanyProfile, 1)
    if profile is None:
        profile = await load_profile(session)
        session.add(profile)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in EDITABLE:
        if name not in data.model_fields_set:
            continue
        value = getattr(data, name)
        if value is None and name in REQUIRED:
            raise InvalidInput(name, "필수 항목입니다.")
        new = value if name == "reminder_hour" else _stored(name, value)
        old = getattr(profile, name)
        if new != old:
            before[name], after[name] = old, new
            setattr(profile, name, new)
    if after:
        await session.flush()
        await session.refresh(profile, ["updated_at"])
        await record(
            session,
            action="update",
            entity_type="company_profile",
            entity_id=profile.id,
            summary=f"회사 정보 수정 ({', '.join(after)})",
            admin=admin,
            before=before,
            after=after,
            request=request,
        )
    return to_out(profile)
