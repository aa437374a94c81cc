"""Bulk jobs: a job row, then outbox rows written in batches by a periodic task, resumable from its cursor.

Recipients are resolved by keyset on id (``cursor``), so a restarted worker continues where the last committed
batch ended. Phones are de-duplicated across the whole job through the outbox idempotency key
``bulk:{job}:{phone blind index}``. Progress is read from the outbox rows' statuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from fastapi import Request
from sqlalchemy import ColumnElement, Select, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.audit.service import record
from jibsa.core.config import Settings
from jibsa.core.errors import AppError
from jibsa.core.korean import KST, mask_phone, now_utc
from jibsa.core.pagination import Page, PageParams
from jibsa.messaging.content import check_text, phone
from jibsa.messaging.exceptions import BulkJobFinished, BulkJobNotFound, NoRecipients, QuietHours
from jibsa.messaging.outbox import company_profile, enqueue_text
from jibsa.messaging.periodic import periodic
from jibsa.messaging.schemas import BulkFailure, BulkJobCreate, BulkJobDetail, BulkJobRead, BulkProgress
from jibsa.messaging.text import with_prefix
from jibsa.models import (
    Admin,
    Application,
    ApplicationService,
    BulkSmsJob,
    MessageStatus,
    Partner,
    PartnerService,
    SmsMessage,
    TriggerSource,
)

BATCH_SIZE = 200
FAILURES_SHOWN = 100
AD_MARK = "(광고)"
QUIET_START_HOUR = 21
QUIET_END_HOUR = 8


class BulkStatus(StrEnum):
    PENDING = "pending"  # created, no recipient queued yet
    PROCESSING = "processing"  # queuing recipients batch by batch
    SENDING = "sending"  # every recipient queued; the worker is delivering
    COMPLETED = "completed"
    PARTIAL_FAILED = "partial_failed"
    FAILED = "failed"
    CANCELLED = "cancelled"


QUEUING = (BulkStatus.PENDING, BulkStatus.PROCESSING)
FINISHED = (BulkStatus.COMPLETED, BulkStatus.PARTIAL_FAILED, BulkStatus.FAILED, BulkStatus.CANCELLED)


class OptOutNumberMissing(AppError):
    status_code = 422
    code = "opt_out_number_missing"
    message = "광고 문자에 넣을 수신거부 번호가 없습니다. 회사 전화번호나 수신거부 번호를 설정해 주세요."


def in_quiet_hours(now: datetime) -> bool:
    """Advertising is not sent between 21:00 and 08:00 KST."""
    hour = now.astimezone(KST).hour
    return hour >= QUIET_START_HOUR or hour < QUIET_END_HOUR


async def compose(session: AsyncSession, settings: Settings, message: str, *, is_advertisement: bool) -> str:
    """The final text: the company prefix, or for advertising ``(광고)`` + company name and the opt-out line."""
    profile = await company_profile(session)
    if not is_advertisement:
        return with_prefix(message, profile.sms_prefix)
    opt_out = settings.sms_opt_out_number or profile.phone
    if not opt_out.strip():
        raise OptOutNumberMissing()
    body = message.removeprefix(AD_MARK).strip()
    return f"{AD_MARK}{profile.name}\n{body}\n무료수신거부 {phone(opt_out)}"


# --- recipients ------------------------------------------------------------------------------------------------


def _conditions(job: BulkSmsJob) -> tuple[type[Application] | type[Partner], list[ColumnElement[bool]]]:
    filters: dict[str, Any] = job.target_filter or {}
    if job.target_type == "customer":
        conditions: list[ColumnElement[bool]] = [Application.deleted_at.is_(None)]
        if job.target_ids:
            conditions.append(Application.id.in_(job.target_ids))
        if filters.get("status"):
            conditions.append(Application.status == filters["status"])
        if filters.get("district_code"):
            conditions.append(Application.district_code == filters["district_code"])
        if filters.get("service_code"):
            conditions.append(
                exists().where(
                    ApplicationService.application_id == Application.id,
                    ApplicationService.service_code == filters["service_code"],
                )
            )
        return Application, conditions
    conditions = [Partner.deleted_at.is_(None)]
    if job.target_ids:
        conditions.append(Partner.id.in_(job.target_ids))
    if filters.get("status"):
        conditions.append(Partner.status == filters["status"])
    if filters.get("service_code"):
        conditions.append(
            exists().where(
                PartnerService.partner_id == Partner.id, PartnerService.service_code == filters["service_code"]
            )
        )
    return Partner, conditions


def _batch_query(job: BulkSmsJob, limit: int) -> Select[int, str, str]:
    model, conditions = _conditions(job)
    if model is Application:
        return (
            select(Application.id, Application.phone_bidx, Application.customer_phone)
            .where(*conditions, Application.id > job.cursor)
            .order_by(Application.id)
            .limit(limit)
        )
    return (
        select(Partner.id, Partner.phone_bidx, Partner.contact_phone)
        .where(*conditions, Partner.id > job.cursor)
        .order_by(Partner.id)
        .limit(limit)
    )


async def count_recipients(session: AsyncSession, job: BulkSmsJob) -> int:
    """Distinct phones matching the job's targets (blind indexes only: nothing decrypted)."""
    model, conditions = _conditions(job)
    stmt = select(func.count(func.distinct(model.phone_bidx))).where(*conditions)
    return int(await session.scalar(stmt) or 0)


# --- admin actions ---------------------------------------------------------------------------------------------


async def create_job(
    session: AsyncSession,
    data: BulkJobCreate,
    *,
    admin: Admin,
    settings: Settings,
    now: datetime,
    request: Request | None,
) -> BulkSmsJob:
    """Record a bulk job (``pending``); the worker queues its recipients in batches."""
    if data.is_advertisement and in_quiet_hours(now):
        raise QuietHours()
    text = await compose(session, settings, data.message, is_advertisement=data.is_advertisement)
    check_text(text)
    job = BulkSmsJob(
        title=data.title,
        job_type=data.job_type,
        target_type=data.target_type,
        target_filter=data.target_filter.model_dump(exclude_none=True) if data.target_filter else None,
        target_ids=list(dict.fromkeys(data.target_ids)) if data.target_ids else None,
        message=text,
        is_advertisement=data.is_advertisement,
        status=BulkStatus.PENDING,
        cursor=0,
        enqueued_count=0,
        created_by=admin.id,
    )
    job.total_count = await count_recipients(session, job)
    if job.total_count == 0:
        raise NoRecipients()
    session.add(job)
    await session.flush()
    await record(
        session,
        action="sms_send",
        entity_type="bulk_sms_job",
        entity_id=job.id,
        summary=f"대량 문자 작업 등록: {job.title} ({job.total_count}명{', 광고' if job.is_advertisement else ''})",
        admin=admin,
        after={
            "job_type": job.job_type,
            "target_type": job.target_type,
            "target_filter": job.target_filter,
            "target_count": job.total_count,
            "is_advertisement": job.is_advertisement,
        },
        request=request,
    )
    return job


async def _get_job(session: AsyncSession, job_id: int) -> BulkSmsJob:
    job = await session.get(BulkSmsJob, job_id)
    if job is None:
        raise BulkJobNotFound()
    return job


async def cancel_job(session: AsyncSession, job_id: int, *, admin: Admin, request: Request | None) -> BulkSmsJob:
    """Stop a job: no further batches, and its still-queued messages are cancelled."""
    job = await _get_job(session, job_id)
    if job.status in FINISHED:
        raise BulkJobFinished()
    before = job.status
    job.status = BulkStatus.CANCELLED
    job.cancelled_at = job.completed_at = now_utc()
    result = await session.execute(
        update(SmsMessage)
        .where(SmsMessage.bulk_job_id == job.id, SmsMessage.status == MessageStatus.QUEUED)
        .values(status=MessageStatus.CANCELLED, updated_at=now_utc())
        .execution_options(synchronize_session=False)
    )
    await session.flush()
    await record(
        session,
        action="cancel",
        entity_type="bulk_sms_job",
        entity_id=job.id,
        summary=f"대량 문자 작업 취소: {job.title} (대기 중 {getattr(result, 'rowcount', 0)}건 취소)",
        admin=admin,
        before={"status": before},
        after={"status": job.status},
        request=request,
    )
    return job


async def _counts(session: AsyncSession, job_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    if not job_ids:
        return {}
    stmt = (
        select(SmsMessage.bulk_job_id, SmsMessage.status, func.count())
        .where(SmsMessage.bulk_job_id.in_(job_ids))
        .group_by(SmsMessage.bulk_job_id, SmsMessage.status)
    )
    counts: dict[int, dict[str, int]] = {job_id: {} for job_id in job_ids}
    for job_id, status, n in await session.execute(stmt):
        if job_id is not None:
            counts[job_id][str(status)] = int(n)
    return counts


def _progress(job: BulkSmsJob, counts: dict[str, int]) -> BulkProgress:
    queued = counts.get(MessageStatus.QUEUED, 0) + counts.get(MessageStatus.SENDING, 0)
    sent = counts.get(MessageStatus.SENT, 0)
    failed = counts.get(MessageStatus.FAILED, 0)
    cancelled = counts.get(MessageStatus.CANCELLED, 0)
    total = max(job.total_count, job.enqueued_count)
    done = sent + failed + cancelled
    return BulkProgress(
        total=total,
        enqueued=job.enqueued_count,
        queued=queued,
        sent=sent,
        failed=failed,
        cancelled=cancelled,
        percent=min(100, done * 100 // total) if total else 100,
    )


async def _creator_names(session: AsyncSession, jobs: Sequence[BulkSmsJob]) -> dict[int, str]:
    ids = {job.created_by for job in jobs if job.created_by is not None}
    if not ids:
        return {}
    rows = await session.execute(select(Admin.id, Admin.name).where(Admin.id.in_(ids)))
    return {row.id: row.name for row in rows}


def _read_fields(job: BulkSmsJob, counts: dict[str, int], names: dict[int, str]) -> dict[str, Any]:
    return {
        "id": job.id,
        "title": job.title,
        "job_type": job.job_type,
        "target_type": job.target_type,
        "target_filter": job.target_filter,
        "target_ids": job.target_ids,
        "message": job.message,
        "is_advertisement": job.is_advertisement,
        "status": job.status,
        "created_by": job.created_by,
        "created_by_name": names.get(job.created_by) if job.created_by is not None else None,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "completed_at": job.completed_at,
        "cancelled_at": job.cancelled_at,
        "progress": _progress(job, counts),
    }


async def job_detail(session: AsyncSession, job_id: int) -> BulkJobDetail:
    """A job with its progress (from its outbox rows) and its failures, phones masked."""
    job = await _get_job(session, job_id)
    counts = (await _counts(session, [job.id]))[job.id]
    failed = (
        await session.scalars(
            select(SmsMessage)
            .where(SmsMessage.bulk_job_id == job.id, SmsMessage.status == MessageStatus.FAILED)
            .order_by(SmsMessage.id)
            .limit(FAILURES_SHOWN)
        )
    ).all()
    failures = [
        BulkFailure(
            id=m.id,
            recipient_masked=mask_phone(m.recipient),
            result_code=m.result_code,
            result_message=m.result_message,
        )
        for m in failed
    ]
    names = await _creator_names(session, [job])
    return BulkJobDetail(**_read_fields(job, counts, names), failures=failures)


async def list_jobs(session: AsyncSession, *, status: str | None, params: PageParams) -> Page[BulkJobRead]:
    """Jobs, newest first, with their progress."""
    conditions = [BulkSmsJob.status == status] if status else []
    total = int(await session.scalar(select(func.count(BulkSmsJob.id)).where(*conditions)) or 0)
    jobs = (
        await session.scalars(
            select(BulkSmsJob)
            .where(*conditions)
            .order_by(BulkSmsJob.id.desc())
            .offset(params.offset)
            .limit(params.page_size)
        )
    ).all()
    counts = await _counts(session, [job.id for job in jobs])
    names = await _creator_names(session, jobs)
    items = [BulkJobRead(**_read_fields(job, counts[job.id], names)) for job in jobs]
    return Page[BulkJobRead].build(items, total, params)


# --- the periodic task -----------------------------------------------------------------------------------------


async def _queue_batch(session: AsyncSession, job: BulkSmsJob, *, limit: int, now: datetime) -> int:
    """Queue the next ``limit`` targets after the job's cursor; returns how many targets were scanned."""
    rows = (await session.execute(_batch_query(job, limit))).all()
    keys = {bidx: f"bulk:{job.id}:{bidx}" for _, bidx, _ in rows}
    already = set(
        (
            await session.scalars(
                select(SmsMessage.idempotency_key).where(SmsMessage.idempotency_key.in_(keys.values()))
            )
        ).all()
    )
    queued = 0
    for _, bidx, to in rows:
        key = keys[bidx]
        if key in already:
            continue
        already.add(key)
        await enqueue_text(
            session,
            recipient=to,
            text=job.message,
            recipient_kind=job.target_type,
            trigger=TriggerSource.BULK,
            reference=("bulk_sms_job", job.id),
            idempotency_key=key,
            bulk_job_id=job.id,
            created_by=job.created_by,
            prefix="",  # composed at creation
        )
        queued += 1
    if job.status == BulkStatus.PENDING:
        job.status = BulkStatus.PROCESSING
        job.started_at = now
    job.enqueued_count += queued
    if rows:
        job.cursor = rows[-1][0]
    if len(rows) < limit:
        job.status = BulkStatus.SENDING
    return len(rows)


async def _finish_sent_jobs(session: AsyncSession, now: datetime) -> None:
    jobs = (await session.scalars(select(BulkSmsJob).where(BulkSmsJob.status == BulkStatus.SENDING).limit(50))).all()
    counts = await _counts(session, [job.id for job in jobs])
    for job in jobs:
        progress = _progress(job, counts[job.id])
        if progress.queued:
            continue
        if progress.failed and not progress.sent:
            job.status = BulkStatus.FAILED
        elif progress.failed:
            job.status = BulkStatus.PARTIAL_FAILED
        else:
            job.status = BulkStatus.COMPLETED
        job.total_count = job.enqueued_count
        job.completed_at = now
    await session.flush()


@periodic("bulk_sms_jobs", every=timedelta(seconds=5))
async def advance_bulk_jobs(session: AsyncSession, now: datetime, *, budget: int = BATCH_SIZE) -> None:
    """Queue up to ``budget`` recipients of the oldest open jobs, then close jobs whose messages are all done."""
    jobs = (
        await session.scalars(
            select(BulkSmsJob)
            .where(BulkSmsJob.status.in_(QUEUING))
            .order_by(BulkSmsJob.id)
            .limit(10)
            .with_for_update(skip_locked=True)
        )
    ).all()
    quiet = in_quiet_hours(now)
    for job in jobs:
        if budget <= 0:
            break
        if job.is_advertisement and quiet:
            continue  # resumes at 08:00
        budget -= await _queue_batch(session, job, limit=budget, now=now)
    await session.flush()
    await _finish_sent_jobs(session, now)
