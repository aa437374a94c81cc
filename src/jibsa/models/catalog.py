"""Service catalogue and administrative regions (seeded by migration)."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jibsa.models.base import Base, Timestamps


class BookingStatus(StrEnum):
    AVAILABLE = "AVAILABLE"
    PREPARING = "PREPARING"
    PAUSED = "PAUSED"


class ServiceCategory(Timestamps, Base):
    __tablename__ = "service_category"

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    icon: Mapped[str] = mapped_column(String(30), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    services: Mapped[list[ServiceType]] = relationship(
        back_populates="category", lazy="raise", order_by="ServiceType.sort_order"
    )


class ServiceType(Timestamps, Base):
    __tablename__ = "service_type"

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    category_code: Mapped[str] = mapped_column(
        ForeignKey("service_category.code", ondelete="RESTRICT", onupdate="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    booking_status: Mapped[BookingStatus] = mapped_column(String(20), default=BookingStatus.AVAILABLE)

    category: Mapped[ServiceCategory] = relationship(back_populates="services", lazy="raise")

    @property
    def is_bookable(self) -> bool:
        return self.is_active and self.booking_status == BookingStatus.AVAILABLE


class Province(Timestamps, Base):
    __tablename__ = "province"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    short_name: Mapped[str] = mapped_column(String(20))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    districts: Mapped[list[District]] = relationship(
        back_populates="province", lazy="raise", order_by="District.sort_order"
    )


class District(Timestamps, Base):
    __tablename__ = "district"

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    province_code: Mapped[str] = mapped_column(
        ForeignKey("province.code", ondelete="RESTRICT", onupdate="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    province: Mapped[Province] = relationship(back_populates="districts", lazy="raise")
