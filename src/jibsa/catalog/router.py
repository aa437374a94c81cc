"""Public catalogue and regions: cached, revalidated with ETags."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

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
from jibsa.core.db import DatabaseDep
from jibsa.core.http_cache import ResponseCacheDep

router = APIRouter(tags=["catalog"])


@router.get("/services", response_model=Catalog, operation_id="catalog-services")
async def get_catalog(request: Request, cache: ResponseCacheDep, db: DatabaseDep) -> Response:
    """Every active category with its services (PREPARING ones included, flagged by ``booking_status``)."""

    async def produce() -> dict[str, Any]:
        async with db.transaction(read_only=True) as session:
            categories = await repository.list_categories_with_services(session)
            return Catalog.model_validate({"categories": categories}).model_dump(mode="json")

    return await cache.respond(request, "catalog:services", produce)


@router.get("/services/categories", response_model=list[ServiceCategoryOut], operation_id="catalog-categories")
async def get_categories(request: Request, cache: ResponseCacheDep, db: DatabaseDep) -> Response:
    """Active service categories."""

    async def produce() -> list[dict[str, Any]]:
        async with db.transaction(read_only=True) as session:
            categories = await repository.list_categories_with_services(session)
            return [ServiceCategoryOut.model_validate(c).model_dump(mode="json") for c in categories]

    return await cache.respond(request, "catalog:categories", produce)


@router.get("/services/types", response_model=list[ServiceTypeOut], operation_id="catalog-types")
async def get_service_types(
    request: Request,
    cache: ResponseCacheDep,
    db: DatabaseDep,
    category_code: Annotated[str | None, Query(max_length=30)] = None,
) -> Response:
    """Active service types, optionally of one category."""

    async def produce() -> list[dict[str, Any]]:
        async with db.transaction(read_only=True) as session:
            types = await repository.list_service_types(session, category_code)
            return [ServiceTypeOut.model_validate(t).model_dump(mode="json") for t in types]

    return await cache.respond(request, f"catalog:types:{category_code or ''}", produce)


@router.get("/regions/provinces", response_model=list[ProvinceOut], operation_id="regions-provinces")
async def get_provinces(request: Request, cache: ResponseCacheDep, db: DatabaseDep) -> Response:
    """Active provinces (시/도) in display order."""

    async def produce() -> list[dict[str, Any]]:
        async with db.transaction(read_only=True) as session:
            provinces = await repository.list_provinces(session)
            return [ProvinceOut.model_validate(p).model_dump(mode="json") for p in provinces]

    return await cache.respond(request, "regions:provinces", produce)


@router.get(
    "/regions/provinces/{province_code}/districts",
    response_model=list[DistrictOut],
    operation_id="regions-districts",
)
async def get_districts(request: Request, cache: ResponseCacheDep, db: DatabaseDep, province_code: str) -> Response:
    """Districts (시/군/구) of one province."""

    async def produce() -> list[dict[str, Any]]:
        async with db.transaction(read_only=True) as session:
            province = await repository.get_province(session, province_code)
            if province is None:
                raise ProvinceNotFound()
            return [DistrictOut.model_validate(d).model_dump(mode="json") for d in province.districts]

    return await cache.respond(request, f"regions:districts:{province_code[:10]}", produce)


@router.get("/regions/all", response_model=list[ProvinceWithDistricts], operation_id="regions-all")
async def get_all_regions(request: Request, cache: ResponseCacheDep, db: DatabaseDep) -> Response:
    """Every province with its districts, in one cacheable call."""

    async def produce() -> list[dict[str, Any]]:
        async with db.transaction(read_only=True) as session:
            provinces = await repository.list_provinces(session, with_districts=True)
            return [ProvinceWithDistricts.model_validate(p).model_dump(mode="json") for p in provinces]

    return await cache.respond(request, "regions:all", produce)
