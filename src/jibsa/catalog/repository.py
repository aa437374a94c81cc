from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload, with_loader_criteria

from jibsa.core.data_version import tables_of
from jibsa.core.read_cache import memo
from jibsa.models import District, Province, ServiceCategory, ServiceType


async def list_categories_with_services(session: AsyncSession) -> Sequence[ServiceCategory]:
    stmt = (
        select(ServiceCategory)
        .where(ServiceCategory.is_active.is_(True))
        .options(selectinload(ServiceCategory.services), with_loader_criteria(ServiceType, ServiceType.is_active))
        .order_by(ServiceCategory.sort_order, ServiceCategory.code)
    )
    return (await session.scalars(stmt)).all()


async def list_service_types(session: AsyncSession, category_code: str | None = None) -> Sequence[ServiceType]:
    stmt = select(ServiceType).where(ServiceType.is_active.is_(True))
    if category_code:
        stmt = stmt.where(ServiceType.category_code == category_code)
    return (await session.scalars(stmt.order_by(ServiceType.category_code, ServiceType.sort_order))).all()


# Built once: every public submission checks its services; a request only binds the codes.
_SERVICES_BY_CODES = select(ServiceType).where(ServiceType.code.in_(bindparam("codes", expanding=True)))


async def get_services_by_codes(session: AsyncSession, codes: Sequence[str]) -> dict[str, ServiceType]:
    if not codes:
        return {}
    rows = await session.scalars(_SERVICES_BY_CODES, {"codes": sorted(set(codes))})
    return {s.code: s for s in rows}


@dataclass(frozen=True, slots=True)
class ServiceState:
    code: str
    name: str
    is_bookable: bool


_SERVICE_TABLES = tables_of(ServiceType)


async def service_states(session: AsyncSession, codes: Sequence[str]) -> Mapping[str, ServiceState]:
    """The known ones of ``codes``, with whether each can be booked now (every public submission checks its services:
    kept in memory while the catalogue is unchanged, ``core.read_cache.memo``)."""
    wanted = tuple(sorted(set(codes)))

    async def compute() -> Mapping[str, ServiceState]:
        found = await get_services_by_codes(session, wanted)
        return MappingProxyType({s.code: ServiceState(s.code, s.name, s.is_bookable) for s in found.values()})

    return await memo(session, ("catalog.service_states", wanted), _SERVICE_TABLES, compute)


# Service and district names are reference data: written by migrations only (no route edits them), and migrations
# run before a release's processes start. So each process reads them once per database and keeps them.
_names: dict[tuple[str, str], dict[str, str]] = {}


async def _reference_names(session: AsyncSession, kind: str) -> dict[str, str]:
    key = (session.get_bind().engine.url.render_as_string(hide_password=True), kind)
    names = _names.get(key)
    if names is None:
        if kind == "service":
            stmt = select(ServiceType.code, ServiceType.name)
        else:
            stmt = select(District.code, Province.short_name + " " + District.name).join(
                Province, Province.code == District.province_code
            )
        names = _names[key] = {str(code): str(name) for code, name in await session.execute(stmt)}
    return names


async def service_names(session: AsyncSession) -> dict[str, str]:
    """Service code → name (read once per process; a copy, so callers may change it)."""
    return dict(await _reference_names(session, "service"))


async def district_exists(session: AsyncSession, code: str) -> bool:
    """Whether a district code is known (the same once-per-process read as :func:`district_label`)."""
    return code in await _reference_names(session, "district")


async def district_label(session: AsyncSession, code: str | None) -> str | None:
    """``"양평 양평군"``-style label of a district code (read once per process), ``None`` when unknown."""
    if code is None:
        return None
    return (await _reference_names(session, "district")).get(code)


async def list_provinces(session: AsyncSession, *, with_districts: bool = False) -> Sequence[Province]:
    stmt = select(Province).where(Province.is_active.is_(True)).order_by(Province.sort_order, Province.code)
    if with_districts:
        stmt = stmt.options(selectinload(Province.districts), with_loader_criteria(District, District.is_active))
    return (await session.scalars(stmt)).all()


async def get_province(session: AsyncSession, code: str) -> Province | None:
    stmt = (
        select(Province)
        .where(Province.code == code, Province.is_active.is_(True))
        .options(selectinload(Province.districts), with_loader_criteria(District, District.is_active))
    )
    return (await session.scalars(stmt)).first()


async def get_districts(session: AsyncSession, codes: Sequence[str]) -> dict[str, District]:
    if not codes:
        return {}
    rows = await session.scalars(select(District).where(District.code.in_(set(codes))))
    return {d.code: d for d in rows}
