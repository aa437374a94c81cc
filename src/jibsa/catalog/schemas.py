from __future__ import annotations

from jibsa.core.pagination import Schema
from jibsa.models import BookingStatus


class ServiceTypeOut(Schema):
    code: str
    name: str
    description: str
    category_code: str
    sort_order: int
    booking_status: BookingStatus
    is_active: bool


class ServiceCategoryOut(Schema):
    code: str
    name: str
    icon: str
    description: str
    sort_order: int


class CategoryWithServices(ServiceCategoryOut):
    services: list[ServiceTypeOut]


class Catalog(Schema):
    categories: list[CategoryWithServices]


class DistrictOut(Schema):
    code: str
    name: str


class ProvinceOut(Schema):
    code: str
    name: str
    short_name: str


class ProvinceWithDistricts(ProvinceOut):
    districts: list[DistrictOut]
