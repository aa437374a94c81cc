"""Assignments (배정): one partner doing a subset of an application's services."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jibsa.models.base import Base, BigIntPK, Timestamps, UTCDateTime


class AssignmentStatus(StrEnum):
    PENDING = "pending"
    SCHEDULED = "scheduled"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


ASSIGNMENT_STATUS_LABELS = {
    AssignmentStatus.PENDING: "대기",
    AssignmentStatus.SCHEDULED: "일정확정",
    AssignmentStatus.COMPLETED: "완료",
    AssignmentStatus.CANCELLED: "취소",
}


class QuoteStatus(StrEnum):
    NONE = "none"
    DRAFT = "draft"
    SENT = "sent"
    VIEWED = "viewed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Assignment(Timestamps, Base):
    __tablename__ = "assignment"
    __table_args__ = (
        Index("ix_assignment_partner_date", "partner_id", "scheduled_date"),
        Index("ix_assignment_scheduled_date", "scheduled_date"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="RESTRICT"), index=True)
    status: Mapped[AssignmentStatus] = mapped_column(String(20), default=AssignmentStatus.PENDING, index=True)
    scheduled_date: Mapped[date | None] = mapped_column(Date)
    scheduled_time: Mapped[str | None] = mapped_column(String(20))
    estimated_cost: Mapped[int | None] = mapped_column(Integer)
    final_cost: Mapped[int | None] = mapped_column(Integer)
    estimate_note: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    quote_status: Mapped[QuoteStatus] = mapped_column(String(20), default=QuoteStatus.NONE)
    quote_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    quote_viewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    quote_responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    quote_response_reason: Mapped[str | None] = mapped_column(String(500))
    assigned_by: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str | None] = mapped_column(String(500))
    reminder_sent_for: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    services: Mapped[list[AssignmentService]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="AssignmentService.position"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it as a plain dict

    @property
    def service_codes(self) -> list[str]:
        return [s.service_code for s in self.services]


class AssignmentService(Base):
    __tablename__ = "assignment_service"

    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id", ondelete="CASCADE"), primary_key=True)
    service_code: Mapped[str] = mapped_column(
        ForeignKey("service_type.code", ondelete="RESTRICT", onupdate="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
