"""SMS templates, the outbox (every message ever sent or to be sent) and bulk jobs."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jibsa.models.base import Base, BigIntPK, EncryptedText, Timestamps, UTCDateTime


class MessageType(StrEnum):
    SMS = "SMS"
    LMS = "LMS"
    MMS = "MMS"


class MessageStatus(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class TriggerSource(StrEnum):
    SYSTEM = "system"
    MANUAL = "manual"
    BULK = "bulk"


class SmsTemplate(Timestamps, Base):
    __tablename__ = "sms_template"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    key: Mapped[str] = mapped_column(String(50), unique=True)
    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(255), default="")
    content: Mapped[str] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(String(40))
    variables: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_system: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"))


class SmsMessage(Timestamps, Base):
    """One outgoing message: written in the transaction of its cause, delivered by the worker."""

    __tablename__ = "sms_message"
    __table_args__ = (
        Index("ix_sms_message_due", "status", "next_attempt_at"),
        Index("ix_sms_message_reference", "reference_type", "reference_id"),
        Index("ix_sms_message_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    recipient: Mapped[str] = mapped_column(EncryptedText("sms_message.recipient"))
    recipient_bidx: Mapped[str] = mapped_column(String(32), index=True)
    recipient_last4_bidx: Mapped[str] = mapped_column(String(32), index=True)
    recipient_kind: Mapped[str] = mapped_column(String(20), default="customer")  # customer | partner | admin
    # Message texts carry names, phones and addresses: encrypted like every other PII field.
    text: Mapped[str] = mapped_column(EncryptedText("sms_message.text"))
    subject: Mapped[str | None] = mapped_column(String(40))
    message_type: Mapped[MessageType] = mapped_column(String(3))
    template_key: Mapped[str | None] = mapped_column(String(50), index=True)
    trigger: Mapped[TriggerSource] = mapped_column(String(10), default=TriggerSource.SYSTEM, index=True)
    reference_type: Mapped[str | None] = mapped_column(String(30))
    reference_id: Mapped[int | None] = mapped_column(BigInteger)
    bulk_job_id: Mapped[int | None] = mapped_column(ForeignKey("bulk_sms_job.id", ondelete="SET NULL"), index=True)
    retry_of_id: Mapped[int | None] = mapped_column(ForeignKey("sms_message.id", ondelete="SET NULL"))
    idempotency_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    image_file_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    status: Mapped[MessageStatus] = mapped_column(String(10), default=MessageStatus.QUEUED, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    provider: Mapped[str | None] = mapped_column(String(20))
    provider_message_id: Mapped[str | None] = mapped_column(String(100))
    provider_group_id: Mapped[str | None] = mapped_column(String(100))
    result_code: Mapped[str | None] = mapped_column(String(40))
    result_message: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"))


class BulkSmsJob(Timestamps, Base):
    __tablename__ = "bulk_sms_job"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    job_type: Mapped[str] = mapped_column(String(30))  # announcement | status_notify | manual_select
    target_type: Mapped[str] = mapped_column(String(20))  # customer | partner
    target_filter: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    target_ids: Mapped[list[int] | None] = mapped_column(JSON)
    message: Mapped[str] = mapped_column(Text)
    is_advertisement: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    total_count: Mapped[int] = mapped_column(Integer, default=0)
    enqueued_count: Mapped[int] = mapped_column(Integer, default=0)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    error_message: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"), index=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
