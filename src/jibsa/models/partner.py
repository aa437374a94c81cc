"""Partner contractors (협력사): registration, services, work regions and notes."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jibsa.models.base import Base, BigIntPK, CreatedAt, EncryptedText, Timestamps, UTCDateTime


class PartnerStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"
    INACTIVE = "inactive"


PARTNER_STATUS_LABELS = {
    PartnerStatus.PENDING: "대기중",
    PartnerStatus.APPROVED: "승인됨",
    PartnerStatus.REJECTED: "거절됨",
    PartnerStatus.SUSPENDED: "일시중지",
    PartnerStatus.INACTIVE: "비활성",
}


class Partner(Timestamps, Base):
    __tablename__ = "partner"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    company_name: Mapped[str] = mapped_column(String(100))
    company_name_bidx: Mapped[str] = mapped_column(String(32), index=True)
    representative_name: Mapped[str] = mapped_column(EncryptedText("partner.representative_name"))
    name_bidx: Mapped[str] = mapped_column(String(32), index=True)
    business_number: Mapped[str | None] = mapped_column(EncryptedText("partner.business_number"))
    business_number_bidx: Mapped[str | None] = mapped_column(String(32), index=True)
    contact_phone: Mapped[str] = mapped_column(EncryptedText("partner.contact_phone"))
    phone_bidx: Mapped[str] = mapped_column(String(32), index=True)
    phone_last4_bidx: Mapped[str] = mapped_column(String(32), index=True)
    phone_company_bidx: Mapped[str] = mapped_column(String(32), index=True)
    contact_email: Mapped[str | None] = mapped_column(EncryptedText("partner.contact_email"))
    address: Mapped[str] = mapped_column(EncryptedText("partner.address"))
    address_detail: Mapped[str | None] = mapped_column(EncryptedText("partner.address_detail"))
    introduction: Mapped[str | None] = mapped_column(Text)
    experience: Mapped[str | None] = mapped_column(Text)
    remarks: Mapped[str | None] = mapped_column(Text)
    business_registration_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id", ondelete="SET NULL"))
    status: Mapped[PartnerStatus] = mapped_column(String(20), default=PartnerStatus.PENDING, index=True)
    status_reason: Mapped[str | None] = mapped_column(String(500))
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    privacy_consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    terms_consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    services: Mapped[list[PartnerService]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="PartnerService.position"
    )
    regions: Mapped[list[PartnerRegion]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="PartnerRegion.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it as a plain dict

    @property
    def service_codes(self) -> list[str]:
        return [s.service_code for s in self.services]


class PartnerService(Base):
    __tablename__ = "partner_service"

    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"), primary_key=True)
    service_code: Mapped[str] = mapped_column(
        ForeignKey("service_type.code", ondelete="RESTRICT", onupdate="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class PartnerRegion(Base):
    """A work region: a whole province (``district_code`` null) or one district of it."""

    __tablename__ = "partner_region"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"), index=True)
    province_code: Mapped[str] = mapped_column(
        ForeignKey("province.code", ondelete="RESTRICT", onupdate="CASCADE"), index=True
    )
    district_code: Mapped[str | None] = mapped_column(
        ForeignKey("district.code", ondelete="RESTRICT", onupdate="CASCADE"), index=True
    )


class PartnerNote(CreatedAt, Base):
    __tablename__ = "partner_note"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"), index=True)
    admin_id: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"))
    admin_name: Mapped[str] = mapped_column(String(100))
    note_type: Mapped[str] = mapped_column(String(20), default="memo")  # memo | status_change | system
    content: Mapped[str] = mapped_column(Text)
    old_status: Mapped[str | None] = mapped_column(String(20))
    new_status: Mapped[str | None] = mapped_column(String(20))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
