"""Service requests (신청), their services, photos, notes and status history; customers by phone."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jibsa.models.base import Base, BigIntPK, CreatedAt, EncryptedText, Timestamps, UTCDateTime


class ApplicationStatus(StrEnum):
    NEW = "new"
    CONSULTING = "consulting"
    ASSIGNED = "assigned"
    SCHEDULED = "scheduled"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


APPLICATION_STATUS_LABELS = {
    ApplicationStatus.NEW: "신규",
    ApplicationStatus.CONSULTING: "상담중",
    ApplicationStatus.ASSIGNED: "배정완료",
    ApplicationStatus.SCHEDULED: "일정확정",
    ApplicationStatus.COMPLETED: "완료",
    ApplicationStatus.CANCELLED: "취소",
}
ACTIVE_APPLICATION_STATUSES = (
    ApplicationStatus.NEW,
    ApplicationStatus.CONSULTING,
    ApplicationStatus.ASSIGNED,
    ApplicationStatus.SCHEDULED,
)


class Customer(Timestamps, Base):
    """A customer is identified by the blind index of their phone number (no account)."""

    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    phone_bidx: Mapped[str] = mapped_column(String(32), unique=True)


class DailySequence(Base):
    """Per-KST-day counter behind application numbers ``YYYYMMDD-NNN``."""

    __tablename__ = "daily_sequence"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Application(Timestamps, Base):
    __tablename__ = "application"
    __table_args__ = (
        Index("ix_application_status_created", "status", "created_at"),
        Index("ix_application_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"), index=True)
    customer_name: Mapped[str] = mapped_column(EncryptedText("application.customer_name"))
    customer_phone: Mapped[str] = mapped_column(EncryptedText("application.customer_phone"))
    address: Mapped[str] = mapped_column(EncryptedText("application.address"))
    address_detail: Mapped[str | None] = mapped_column(EncryptedText("application.address_detail"))
    phone_bidx: Mapped[str] = mapped_column(String(32), index=True)
    phone_last4_bidx: Mapped[str] = mapped_column(String(32), index=True)
    name_bidx: Mapped[str] = mapped_column(String(32), index=True)
    district_code: Mapped[str | None] = mapped_column(
        ForeignKey("district.code", ondelete="SET NULL", onupdate="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    preferred_consultation_date: Mapped[date | None] = mapped_column(Date)
    preferred_work_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ApplicationStatus] = mapped_column(String(20), default=ApplicationStatus.NEW)
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    first_assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str | None] = mapped_column(String(500))
    assigned_admin_id: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"))
    privacy_consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    services: Mapped[list[ApplicationService]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="ApplicationService.position"
    )
    photos: Mapped[list[ApplicationPhoto]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="ApplicationPhoto.position"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it as a plain dict

    @property
    def service_codes(self) -> list[str]:
        return [s.service_code for s in self.services]


class ApplicationService(Base):
    __tablename__ = "application_service"

    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), primary_key=True)
    service_code: Mapped[str] = mapped_column(
        ForeignKey("service_type.code", ondelete="RESTRICT", onupdate="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class ApplicationPhoto(Base):
    __tablename__ = "application_photo"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_file.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class ApplicationNote(CreatedAt, Base):
    """Admin notes: appended, never edited; deletion is soft."""

    __tablename__ = "application_note"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    admin_id: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"))
    admin_name: Mapped[str] = mapped_column(String(100))
    content: Mapped[str] = mapped_column(Text)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ApplicationStatusChange(CreatedAt, Base):
    """Every status transition: who, when, from, to, why."""

    __tablename__ = "application_status_change"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(500))
    admin_id: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(20), default="admin")  # admin | derived | public
