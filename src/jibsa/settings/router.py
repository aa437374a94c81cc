"""Company profile: the back-office screen and the public subset the web app shows."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins.dependencies import CurrentAdmin, SuperAdmin
from jibsa.core.db import SessionDep
from jibsa.core.http_cache import ResponseCacheDep, cached_read
from jibsa.settings import service
from jibsa.settings.schemas import CompanyProfileOut, CompanyProfileUpdate, PublicCompany

router = APIRouter(prefix="/admin/settings", tags=["admin_settings"])
public_router = APIRouter(tags=["company"])


@router.get("/company", response_model=CompanyProfileOut, operation_id="admin_settings-get_company")
async def get_company(session: SessionDep, _: CurrentAdmin) -> CompanyProfileOut:
    """The company profile."""
    return await service.get_company(session)


@router.put("/company", response_model=CompanyProfileOut, operation_id="admin_settings-update_company")
async def update_company(
    request: Request,
    session: SessionDep,
    admin: SuperAdmin,
    cache: ResponseCacheDep,
    background: BackgroundTasks,
    data: CompanyProfileUpdate,
) -> CompanyProfileOut:
    """Change the company profile (super admin)."""
    result = await service.update_company(session, data, admin=admin, request=request)
    cache.invalidate(service.COMPANY_CACHE_KEY)
    # Again once the response is out (after commit): a read racing the commit may have cached the old row.
    background.add_task(cache.invalidate, service.COMPANY_CACHE_KEY)
    return result


@public_router.get("/company", response_model=PublicCompany, operation_id="company-get")
async def get_public_company(request: Request) -> Response:
    """The company's public details for the web app's header and footer (cached, ETag)."""

    async def query(session: AsyncSession) -> dict[str, Any]:
        return service.to_public(await service.load_profile(session)).model_dump(mode="json")

    return await cached_read(request, service.COMPANY_CACHE_KEY, query, max_age=60)
