"""Admin messaging: templates, manual sends, the log, statistics, the recipient picker and bulk jobs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from jibsa.admins.dependencies import AdminRead, CurrentAdmin
from jibsa.core import idempotency
from jibsa.core.db import ReadOnly, SessionDep, WritesOnRead
from jibsa.core.deps import IdempotencyKey, NoSearchInUrl, SettingsDep, StorageDep, check_no_search_in_url
from jibsa.core.errors import InvalidInput
from jibsa.core.forms import openapi_submission_body, parse_submission
from jibsa.core.pagination import CursorPage, Page, PageDep, PageParams
from jibsa.messaging import bulk, service, templates
from jibsa.messaging.dependencies import ClockDep
from jibsa.messaging.mms import MMS_MAX_IMAGES, save_mms_image
from jibsa.messaging.schemas import (
    BulkJobCreate,
    BulkJobDetail,
    BulkJobRead,
    MmsSendForm,
    RecipientItem,
    RecipientSearch,
    SmsDetail,
    SmsItem,
    SmsLogQuery,
    SmsLogSearch,
    SmsQueued,
    SmsSendRequest,
    SmsStats,
    SmsTemplateCreate,
    SmsTemplateRead,
    SmsTemplateUpdate,
    TemplatePreview,
    TemplatePreviewRequest,
)
from jibsa.models import Admin

templates_router = APIRouter(prefix="/admin/sms-templates", tags=["sms-templates"])
sms_router = APIRouter(prefix="/admin/sms", tags=["sms"])


async def _once(
    session: SessionDep,
    admin: Admin,
    scope: str,
    key: str | None,
    payload: Any,
    run: Callable[[], Awaitable[BaseModel]],
    status_code: int,
) -> JSONResponse:
    """Run ``run`` once per ``Idempotency-Key``: a repeat gets the first reply, another body with the key a 422."""
    slot = await idempotency.claim(session, f"admin:{admin.id}:{scope}", key, idempotency.request_fingerprint(payload))
    if slot.is_replay:
        return JSONResponse(slot.replay_body, status_code=slot.replay_status or status_code)
    body = (await run()).model_dump(mode="json")
    await idempotency.complete(session, slot, status_code, body)
    return JSONResponse(body, status_code=status_code)


# --- templates -------------------------------------------------------------------------------------------------


@templates_router.get("", response_model=list[SmsTemplateRead], operation_id="sms_templates-list")
async def list_templates(
    session: SessionDep,
    _: CurrentAdmin,
    is_active: bool | None = None,
    search: Annotated[str | None, Query(max_length=100)] = None,
) -> list[SmsTemplateRead]:
    """Templates, system ones first; ``search`` matches title or key."""
    rows = await templates.list_templates(session, is_active=is_active, search=search)
    return [SmsTemplateRead.model_validate(t) for t in rows]


@templates_router.post("/preview", response_model=TemplatePreview, operation_id="sms_templates-preview")
async def preview_template(session: SessionDep, _: CurrentAdmin, data: TemplatePreviewRequest) -> TemplatePreview:
    """Render a template (or raw content) with sample values and the company prefix; bytes, type, bad characters."""
    return await templates.preview(session, data)


@templates_router.get("/key/{template_key}", response_model=SmsTemplateRead, operation_id="sms_templates-get_by_key")
async def get_template_by_key(session: SessionDep, _: CurrentAdmin, template_key: str) -> SmsTemplateRead:
    """One template by its key."""
    return SmsTemplateRead.model_validate(await templates.get_template_by_key(session, template_key))


@templates_router.get("/{template_id}", response_model=SmsTemplateRead, operation_id="sms_templates-get")
async def get_template(session: SessionDep, _: CurrentAdmin, template_id: int) -> SmsTemplateRead:
    """One template."""
    return SmsTemplateRead.model_validate(await templates.get_template(session, template_id))


@templates_router.post("", status_code=201, response_model=SmsTemplateRead, operation_id="sms_templates-create")
async def create_template(
    request: Request, session: SessionDep, admin: CurrentAdmin, settings: SettingsDep, data: SmsTemplateCreate
) -> SmsTemplateRead:
    """Create a custom template (placeholders and bytes checked)."""
    template = await templates.create_template(session, data, admin=admin, settings=settings, request=request)
    return SmsTemplateRead.model_validate(template)


@templates_router.put("/{template_id}", response_model=SmsTemplateRead, operation_id="sms_templates-update")
async def update_template(
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    settings: SettingsDep,
    template_id: int,
    data: SmsTemplateUpdate,
) -> SmsTemplateRead:
    """Edit a template; system templates accept content and is_active only."""
    template = await templates.update_template(
        session, template_id, data, admin=admin, settings=settings, request=request
    )
    return SmsTemplateRead.model_validate(template)


@templates_router.delete("/{template_id}", status_code=204, operation_id="sms_templates-delete")
async def delete_template(request: Request, session: SessionDep, admin: CurrentAdmin, template_id: int) -> Response:
    """Delete a custom template (system templates: 409 ``system_template``)."""
    await templates.delete_template(session, template_id, admin=admin, request=request)
    return Response(status_code=204)


# --- sends -----------------------------------------------------------------------------------------------------


@sms_router.post("/send", status_code=202, response_model=SmsQueued, operation_id="sms-send")
async def send(
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    data: SmsSendRequest,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Queue a message to one recipient (company prefix added once); honours ``Idempotency-Key``."""
    return await _once(
        session,
        admin,
        "sms.send",
        idempotency_key,
        data.model_dump(mode="json"),
        lambda: service.send_manual(session, data, admin=admin, request=request),
        202,
    )


@sms_router.post(
    "/send-mms",
    status_code=202,
    response_model=SmsQueued,
    operation_id="sms-send_mms",
    openapi_extra=openapi_submission_body(MmsSendForm, {"images": MMS_MAX_IMAGES}),
)
async def send_mms(
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    settings: SettingsDep,
    storage: StorageDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Queue an MMS with 1–3 images (multipart ``images``), each re-encoded to JPEG ≤ 200 KB."""
    submission = await parse_submission(
        request, MmsSendForm, file_limits={"images": MMS_MAX_IMAGES}, max_file_bytes=settings.max_upload_bytes
    )
    uploads = submission.files.get("images", [])

    async def run() -> SmsQueued:
        if not uploads:
            raise InvalidInput("images", "이미지를 1장 이상 첨부해 주세요.")
        stored = [
            await save_mms_image(session, storage, settings, u.data, field="images", original_name=u.filename)
            for u in uploads
        ]
        data = SmsSendRequest.model_validate(submission.data.model_dump())
        return await service.send_manual(
            session, data, admin=admin, request=request, image_file_ids=[s.id for s in stored]
        )

    return await _once(session, admin, "sms.send_mms", idempotency_key, submission.fingerprint_payload(), run, 202)


@sms_router.post("/retry/{message_id}", status_code=202, response_model=SmsQueued, operation_id="sms-retry")
async def retry(
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    message_id: int,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Send a failed message again as a new message linked to it (failed ones only)."""
    return await _once(
        session,
        admin,
        "sms.retry",
        idempotency_key,
        {"message_id": message_id},
        lambda: service.retry_message(session, message_id, admin=admin, request=request),
        202,
    )


# --- log, statistics, recipients -------------------------------------------------------------------------------


@sms_router.get("", response_model=CursorPage[SmsItem], operation_id="sms-list")
async def list_messages(read: AdminRead, request: Request, params: Annotated[SmsLogQuery, Query()]) -> Response:
    """The message log, newest first (keyset ``cursor``), phones masked; searching a phone is ``POST /search``."""
    check_no_search_in_url(request)
    filters = params.filters()
    return await read(lambda session: service.list_messages(session, filters, cursor=params.cursor, limit=params.limit))


@sms_router.post("/search", response_model=CursorPage[SmsItem], operation_id="sms-search", dependencies=[ReadOnly])
async def search_messages(read: AdminRead, data: SmsLogSearch) -> Response:
    """The message log searched by a full phone or its last 4 digits; the number travels in the body."""
    return await read(
        lambda session: service.list_messages(session, data.filters(), cursor=data.cursor, limit=data.limit),
        key=data.model_dump_json(),
    )


@sms_router.get("/stats", response_model=SmsStats, operation_id="sms-stats")
async def stats(session: SessionDep, _: CurrentAdmin, clock: ClockDep) -> SmsStats:
    """Queued, sent, failed and cancelled counts for today, this month (KST) and in total."""
    return await service.stats(session, now=clock())


@sms_router.get(
    "/recipients", response_model=Page[RecipientItem], operation_id="sms-recipients", dependencies=[NoSearchInUrl]
)
async def recipients(
    session: SessionDep,
    _: CurrentAdmin,
    page: PageDep,
    target_type: Literal["customer", "partner"] = "customer",
    status: Annotated[str | None, Query(max_length=20)] = None,
) -> Page[RecipientItem]:
    """Recipient picker: customers (one per phone, latest application) or partners; phones masked."""
    return await service.recipients(session, target_type=target_type, status=status, search=None, params=page)


@sms_router.post(
    "/recipients/search",
    response_model=Page[RecipientItem],
    operation_id="sms-recipients_search",
    dependencies=[ReadOnly],
)
async def search_recipients(session: SessionDep, _: CurrentAdmin, data: RecipientSearch) -> Page[RecipientItem]:
    """The recipient picker searched by name, phone or application number; the term travels in the body."""
    params = PageParams(page=data.page, page_size=data.page_size)
    return await service.recipients(
        session, target_type=data.target_type, status=data.status, search=data.search, params=params
    )


# --- bulk jobs -------------------------------------------------------------------------------------------------


@sms_router.post("/bulk", status_code=201, response_model=BulkJobRead, operation_id="sms-bulk_create")
async def create_bulk_job(
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    settings: SettingsDep,
    clock: ClockDep,
    data: BulkJobCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Create a bulk job; the worker queues its recipients in batches (advertising refused 21:00–08:00 KST)."""

    async def run() -> BulkJobRead:
        job = await bulk.create_job(session, data, admin=admin, settings=settings, now=clock(), request=request)
        detail = await bulk.job_detail(session, job.id)
        return BulkJobRead.model_validate(detail.model_dump(exclude={"failures"}))

    return await _once(session, admin, "sms.bulk", idempotency_key, data.model_dump(mode="json"), run, 201)


@sms_router.get("/bulk", response_model=Page[BulkJobRead], operation_id="sms-bulk_list")
async def list_bulk_jobs(
    session: SessionDep,
    _: CurrentAdmin,
    page: PageDep,
    status: Annotated[str | None, Query(max_length=20)] = None,
) -> Page[BulkJobRead]:
    """Bulk jobs, newest first, with progress."""
    return await bulk.list_jobs(session, status=status, params=page)


@sms_router.get("/bulk/{job_id}", response_model=BulkJobDetail, operation_id="sms-bulk_get")
async def get_bulk_job(session: SessionDep, _: CurrentAdmin, job_id: int) -> BulkJobDetail:
    """A bulk job's progress (from its messages' statuses) and failures."""
    return await bulk.job_detail(session, job_id)


@sms_router.post("/bulk/{job_id}/cancel", response_model=BulkJobDetail, operation_id="sms-bulk_cancel")
async def cancel_bulk_job(request: Request, session: SessionDep, admin: CurrentAdmin, job_id: int) -> BulkJobDetail:
    """Cancel a bulk job: no further batches; its still-queued messages are cancelled."""
    await bulk.cancel_job(session, job_id, admin=admin, request=request)
    return await bulk.job_detail(session, job_id)


@sms_router.get("/{message_id}", response_model=SmsDetail, operation_id="sms-get", dependencies=[WritesOnRead])
async def get_message(request: Request, session: SessionDep, admin: CurrentAdmin, message_id: int) -> SmsDetail:
    """One message with the full number (the view is audited)."""
    return await service.get_message(session, message_id, admin=admin, request=request)
