"""Manual sends, the message log, statistics and the recipient picker.

Nothing here talks to a gateway: every send is an outbox row the worker delivers after commit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from fastapi import Request
from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.audit.service import record, record_view
from jibsa.core.crypto import blind_index, normalise_name
from jibsa.core.errors import InvalidInput
from jibsa.core.korean import kst_day_start, mask_phone, normalise_phone, now_utc, today_kst
from jibsa.core.pagination import CursorPage, Page, PageParams, decode_cursor, encode_cursor
from jibsa.messaging.content import check_subject, check_text, phone
from jibsa.messaging.exceptions import MessageNotFound, NotRetryable, RecipientNotFound
from jibsa.messaging.outbox import company_profile, enqueue_text
from jibsa.messaging.schemas import (
    RecipientItem,
    SmsDetail,
    SmsItem,
    SmsLogFilters,
    SmsQueued,
    SmsSendRequest,
    SmsStats,
    SmsStatsBucket,
)
from jibsa.messaging.text import byte_length, with_prefix
from jibsa.models import (
    Admin,
    Application,
    MessageStatus,
    Partner,
    SmsMessage,
    TriggerSource,
)

_SEPARATORS = re.compile(r"[\s\-().]")
_APPLICATION_NUMBER = re.compile(r"^\d{8}(-\d{0,4})?$")


# --- recipients ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recipient:
    phone: str
    kind: str
    reference: tuple[str, int] | None


async def resolve_recipient(
    session: AsyncSession,
    *,
    receiver_phone: str | None,
    application_id: int | None,
    partner_id: int | None,
    recipient_kind: str | None,
) -> Recipient:
    """The phone to send to: given directly, or read from an application's customer or a partner."""
    if application_id is not None:
        application = await session.get(Application, application_id)
        if application is None or application.deleted_at is not None:
            raise RecipientNotFound()
        return Recipient(application.customer_phone, recipient_kind or "customer", ("application", application.id))
    if partner_id is not None:
        partner = await session.get(Partner, partner_id)
        if partner is None or partner.deleted_at is not None:
            raise RecipientNotFound()
        return Recipient(partner.contact_phone, recipient_kind or "partner", ("partner", partner.id))
    if receiver_phone is None:  # pragma: no cover - the schema requires one recipient
        raise RecipientNotFound()
    if recipient_kind is None:
        bidx = blind_index("phone", receiver_phone)
        if await session.scalar(select(Partner.id).where(Partner.phone_bidx == bidx).limit(1)):
            recipient_kind = "partner"
        elif await session.scalar(select(Application.id).where(Application.phone_bidx == bidx).limit(1)):
            recipient_kind = "customer"
        else:
            recipient_kind = "other"
    return Recipient(receiver_phone, recipient_kind, None)


def phone_search(search: str) -> tuple[Literal["full", "last4"], str] | None:
    """A search term as a phone blind index: the full number or its last four digits."""
    digits = _SEPARATORS.sub("", search.strip())
    if digits.isdigit() and len(digits) == 4:
        return "last4", blind_index("phone_last4", digits)
    full = normalise_phone(search)
    if full is not None:
        return "full", blind_index("phone", full)
    return None


# --- manual sends ----------------------------------------------------------------------------------------------


def queued_reply(message: SmsMessage) -> SmsQueued:
    return SmsQueued(
        id=message.id,
        status=message.status,
        message_type=message.message_type,
        byte_length=byte_length(message.text),
        recipient_masked=mask_phone(message.recipient),
        image_file_ids=list(message.image_file_ids),
    )


async def _audit_send(
    session: AsyncSession, message: SmsMessage, *, admin: Admin, request: Request | None, summary: str
) -> None:
    await record(
        session,
        action="sms_send",
        entity_type="sms_message",
        entity_id=message.id,
        summary=f"{summary}: {mask_phone(message.recipient)} ({message.message_type})",
        admin=admin,
        after={
            "message_type": message.message_type,
            "byte_length": byte_length(message.text),
            "recipient_kind": message.recipient_kind,
            "trigger": message.trigger,
            "image_count": len(message.image_file_ids),
            "retry_of_id": message.retry_of_id,
        },
        request=request,
    )


async def send_manual(
    session: AsyncSession,
    data: SmsSendRequest,
    *,
    admin: Admin,
    request: Request | None,
    image_file_ids: Sequence[int] = (),
) -> SmsQueued:
    """Queue an admin's message (prefix added once; EUC-KR and byte limits checked) and audit it."""
    recipient = await resolve_recipient(
        session,
        receiver_phone=data.receiver_phone,
        application_id=data.application_id,
        partner_id=data.partner_id,
        recipient_kind=data.recipient_kind,
    )
    profile = await company_profile(session)
    text = with_prefix(data.message, profile.sms_prefix)
    check_text(text)
    check_subject(data.subject)
    message = await enqueue_text(
        session,
        recipient=recipient.phone,
        text=text,
        recipient_kind=recipient.kind,
        subject=data.subject,
        trigger=TriggerSource.MANUAL,
        reference=recipient.reference,
        image_file_ids=image_file_ids,
        created_by=admin.id,
        prefix=profile.sms_prefix,
    )
    await session.flush()
    await _audit_send(
        session, message, admin=admin, request=request, summary="MMS 발송 요청" if image_file_ids else "문자 발송 요청"
    )
    return queued_reply(message)


async def retry_message(session: AsyncSession, message_id: int, *, admin: Admin, request: Request | None) -> SmsQueued:
    """Queue a failed message again as a new row linked to it (one retry per failed row)."""
    original = await session.get(SmsMessage, message_id)
    if original is None:
        raise MessageNotFound()
    if original.status != MessageStatus.FAILED:
        raise NotRetryable()
    reference = (
        (original.reference_type, original.reference_id)
        if original.reference_type and original.reference_id is not None
        else None
    )
    message = await enqueue_text(
        session,
        recipient=original.recipient,
        text=original.text,
        recipient_kind=original.recipient_kind,
        subject=original.subject,
        template_key=original.template_key,
        trigger=TriggerSource.MANUAL,
        reference=reference,
        idempotency_key=f"retry-of:{original.id}",
        image_file_ids=original.image_file_ids,
        retry_of_id=original.id,
        created_by=admin.id,
        prefix="",  # the stored text already carries it
    )
    await session.flush()
    await _audit_send(session, message, admin=admin, request=request, summary=f"문자 재발송 요청 (#{original.id})")
    return queued_reply(message)


# --- the log ---------------------------------------------------------------------------------------------------


def _item_fields(message: SmsMessage) -> dict[str, Any]:
    return {
        "id": message.id,
        "recipient_masked": mask_phone(message.recipient),
        "recipient_kind": message.recipient_kind,
        "text": message.text,
        "subject": message.subject,
        "message_type": message.message_type,
        "template_key": message.template_key,
        "trigger": message.trigger,
        "reference_type": message.reference_type,
        "reference_id": message.reference_id,
        "bulk_job_id": message.bulk_job_id,
        "retry_of_id": message.retry_of_id,
        "status": message.status,
        "attempts": message.attempts,
        "result_code": message.result_code,
        "result_message": message.result_message,
        "image_file_ids": list(message.image_file_ids),
        "created_by": message.created_by,
        "created_at": message.created_at,
        "sent_at": message.sent_at,
    }


def _filtered(filters: SmsLogFilters) -> Select[SmsMessage]:
    stmt = select(SmsMessage)
    if filters.status is not None:
        stmt = stmt.where(SmsMessage.status == filters.status)
    if filters.message_type is not None:
        stmt = stmt.where(SmsMessage.message_type == filters.message_type)
    if filters.trigger is not None:
        stmt = stmt.where(SmsMessage.trigger == filters.trigger)
    if filters.template_key:
        stmt = stmt.where(SmsMessage.template_key == filters.template_key)
    if filters.date_from is not None:
        stmt = stmt.where(SmsMessage.created_at >= kst_day_start(filters.date_from))
    if filters.date_to is not None:
        stmt = stmt.where(SmsMessage.created_at < kst_day_start(filters.date_to + timedelta(days=1)))
    if filters.search and filters.search.strip():
        found = phone_search(filters.search)
        if found is None:
            raise InvalidInput("search", "전화번호 전체 또는 뒤 4자리로 검색해 주세요.")
        kind, bidx = found
        column = SmsMessage.recipient_bidx if kind == "full" else SmsMessage.recipient_last4_bidx
        stmt = stmt.where(column == bidx)
    return stmt


async def list_messages(
    session: AsyncSession, filters: SmsLogFilters, *, cursor: str | None, limit: int
) -> CursorPage[SmsItem]:
    """Newest first, keyset-paged by id; phones masked, texts decrypted for this page only."""
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise InvalidInput("date_from", "시작일이 종료일보다 늦습니다.")
    stmt = _filtered(filters)
    before = decode_cursor(cursor)
    if before is not None:
        stmt = stmt.where(SmsMessage.id < before)
    rows = (await session.scalars(stmt.order_by(SmsMessage.id.desc()).limit(limit + 1))).all()
    page = rows[:limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > limit else None
    return CursorPage[SmsItem](items=[SmsItem(**_item_fields(m)) for m in page], next_cursor=next_cursor)


async def get_message(session: AsyncSession, message_id: int, *, admin: Admin, request: Request | None) -> SmsDetail:
    """One message with its full (decrypted) number; the view is audited before the data goes out."""
    message = await session.get(SmsMessage, message_id)
    if message is None:
        raise MessageNotFound()
    # The route is marked ``WritesOnRead``: the audit row joins the request's unit of work.
    await record_view(
        session,
        entity_type="sms_message",
        entity_id=message.id,
        admin=admin,
        request=request,
        summary=f"문자 발송 기록 열람: {mask_phone(message.recipient)}",
        fields=["recipient"],
    )
    return SmsDetail(
        **_item_fields(message),
        recipient=phone(message.recipient),
        provider=message.provider,
        provider_message_id=message.provider_message_id,
        next_attempt_at=message.next_attempt_at,
    )


async def _bucket(session: AsyncSession, since: datetime | None) -> SmsStatsBucket:
    stmt = select(SmsMessage.status, func.count()).group_by(SmsMessage.status)
    if since is not None:
        stmt = stmt.where(SmsMessage.created_at >= since)
    counts = {str(status): int(n) for status, n in (await session.execute(stmt))}
    return SmsStatsBucket(
        total=sum(counts.values()),
        queued=counts.get(MessageStatus.QUEUED, 0) + counts.get(MessageStatus.SENDING, 0),
        sent=counts.get(MessageStatus.SENT, 0),
        failed=counts.get(MessageStatus.FAILED, 0),
        cancelled=counts.get(MessageStatus.CANCELLED, 0),
    )


async def stats(session: AsyncSession, *, now: datetime | None = None) -> SmsStats:
    """Counts by status for today, this month (KST, by time queued) and all time."""
    today = today_kst(now or now_utc())
    return SmsStats(
        today=await _bucket(session, kst_day_start(today)),
        this_month=await _bucket(session, kst_day_start(today.replace(day=1))),
        total=await _bucket(session, None),
    )


# --- the recipient picker --------------------------------------------------------------------------------------


async def _customer_recipients(
    session: AsyncSession, *, status: str | None, search: str | None, params: PageParams
) -> Page[RecipientItem]:
    conditions: list[ColumnElement[bool]] = [Application.deleted_at.is_(None)]
    if status:
        conditions.append(Application.status == status)
    if search and search.strip():
        term = search.strip()
        found = phone_search(term)
        if found is not None:
            kind, bidx = found
            conditions.append((Application.phone_bidx if kind == "full" else Application.phone_last4_bidx) == bidx)
        elif _APPLICATION_NUMBER.match(term):
            conditions.append(Application.number.startswith(term, autoescape=True))
        else:
            conditions.append(Application.name_bidx == blind_index("name", normalise_name(term)))
    latest = select(func.max(Application.id).label("id")).where(*conditions).group_by(Application.phone_bidx).subquery()
    total = int(await session.scalar(select(func.count()).select_from(latest)) or 0)
    rows = (
        await session.scalars(
            select(Application)
            .join(latest, Application.id == latest.c.id)
            .order_by(Application.id.desc())
            .offset(params.offset)
            .limit(params.page_size)
        )
    ).all()
    items = [
        RecipientItem(
            target_type="customer",
            id=a.id,
            name=a.customer_name,
            phone_masked=mask_phone(a.customer_phone),
            label=a.number,
            status=a.status,
        )
        for a in rows
    ]
    return Page[RecipientItem].build(items, total, params)


async def _partner_recipients(
    session: AsyncSession, *, status: str | None, search: str | None, params: PageParams
) -> Page[RecipientItem]:
    conditions: list[ColumnElement[bool]] = [Partner.deleted_at.is_(None)]
    if status:
        conditions.append(Partner.status == status)
    if search and search.strip():
        term = search.strip()
        found = phone_search(term)
        if found is not None:
            kind, bidx = found
            conditions.append((Partner.phone_bidx if kind == "full" else Partner.phone_last4_bidx) == bidx)
        else:
            conditions.append(
                or_(
                    Partner.company_name.contains(term, autoescape=True),
                    Partner.name_bidx == blind_index("name", normalise_name(term)),
                )
            )
    total = int(await session.scalar(select(func.count(Partner.id)).where(*conditions)) or 0)
    rows = (
        await session.scalars(
            select(Partner)
            .where(*conditions)
            .order_by(Partner.company_name, Partner.id)
            .offset(params.offset)
            .limit(params.page_size)
        )
    ).all()
    items = [
        RecipientItem(
            target_type="partner",
            id=p.id,
            name=p.company_name,
            phone_masked=mask_phone(p.contact_phone),
            label=f"{p.company_name} ({p.representative_name})",
            status=p.status,
        )
        for p in rows
    ]
    return Page[RecipientItem].build(items, total, params)


async def recipients(
    session: AsyncSession,
    *,
    target_type: Literal["customer", "partner"],
    status: str | None,
    search: str | None,
    params: PageParams,
) -> Page[RecipientItem]:
    """Customers (one per phone, with their latest application) or partners, searched by blind index."""
    if target_type == "customer":
        return await _customer_recipients(session, status=status, search=search, params=params)
    return await _partner_recipients(session, status=status, search=search, params=params)
