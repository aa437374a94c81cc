"""Public catalogue and regions: cached, revalidated with ETags."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.catalog import repository
from jibsa.catalog.exceptions import ProvinceNotFound
from jibsa.catalog.schemas import (
    Catalog,
    DistrictOut,
    ProvinceOut,
    ProvinceWithDistricts,
    ServiceCategoryOut,
    ServiceTypeOut,
)
from jibsa.core.http_cache import cached_read

router = APIRouter(tags=["catalog"])


@router.get("/services", response_model=Catalog, operation_id="catalog-services")
async def get_catalog(request: Request) -> Response:
    """Every active category with its services (PREPARING ones included, flagged by ``booking_status``)."""

    async def query(session: AsyncSession) -> dict[str, Any]:
        categories = await repository.list_categories_with_services(session)
        return Catalog.model_validate({"categories": categories}).model_dump(mode="json")

    return await cached_read(request, "catalog:services", query)


@router.get("/services/categories", response_model=list[ServiceCategoryOut], operation_id="catalog-categories")
async def get_categories(request: Request) -> Response:
    """Active service categories."""

    async def query(session: AsyncSession) -> list[dict[str, Any]]:
        categories = await repository.list_categories_with_services(session)
        return [ServiceCategoryOut.model_validate(c).model_dump(mode="json") for c in categories]

    return await cached_read(request, "catalog:categories", query)


@router.get("/services/types", response_model=list[ServiceTypeOut], operation_id="catalog-types")
async def get_service_types(
    request: Request, category_code: Annotated[str | None, Query(max_length=30)] = None
) -> Response:
    """Active service types, optionally of one category."""

    async def query(session: AsyncSession) -> list[dict[str, Any]]:
        types = await repository.list_service_types(session, category_code)
        return [ServiceTypeOut.model_validate(t).model_dump(mode="json") for t in types]

    return await cached_read(request, f"catalog:types:{category_code or ''}", query)


@router.get("/regions/provinces", response_model=list[ProvinceOut], operation_id="regions-provinces")
async def get_provinces(request: Request) -> Response:
    """Active provinces (시/도) in display order."""

    async def query(session: AsyncSession) -> list[dict[str, Any]]:
        provinces = await repository.list_provinces(session)
        return [ProvinceOut.model_validate(p).model_dump(mode="json") for p in provinces]

    return await cached_read(request, "regions:provinces", query)


@router.get(
    "/regions/provinces/{province_code}/districts",
    response_model=list[DistrictOut],
    operation_id="regions-districts",
)
async def get_districts(request: Request, province_code: str) -> Response:
    """Districts (시/군/구) of one province."""

    async def query(session: AsyncSession) -> list[dict[str, Any]]:
        province = await repository.get_province(session, province_code)
        if province is None:
            raise ProvinceNotFound()
        return [DistrictOut.model_validate(d).model_dump(mode="json") for d in province.districts]

    return await cached_read(request, f"regions:districts:{province_code[:10]}", query)


@router.get("/regions/all", response_model=list[ProvinceWithDistricts], operation_id="regions-all")
async def get_all_regions(request: Request) -> Response:
    """Every province with its districts, in one cacheable call."""

    async def query(session: AsyncSession) -> list[dict[str, Any]]:
        provinces = await repository.list_provinces(session, with_districts=True)
        return [ProvinceWithDistricts.model_validate(p).model_dump(mode="json") for p in provinces]

    return await cached_read(request, "regions:all", query)
