"""Public service requests."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from jibsa.applications.intake import submit_application
from jibsa.applications.schemas import ApplicationCreate, ApplicationSubmitted
from jibsa.core import idempotency
from jibsa.core.db import SessionDep
from jibsa.core.deps import IdempotencyKey, LimiterDep, SettingsDep, StorageDep
from jibsa.core.forms import openapi_submission_body, parse_submission
from jibsa.core.ratelimit import client_ip

public_router = APIRouter(tags=["applications"])

MAX_PHOTOS = 10


async def _submit(
    request: Request,
    session: SessionDep,
    storage: StorageDep,
    limiter: LimiterDep,
    settings: SettingsDep,
    idempotency_key: str | None,
) -> JSONResponse:
    await limiter.hit(settings.rate_limit_public_submit_ip, "submit:ip", client_ip(request))
    submission = await parse_submission(
        request,
        ApplicationCreate,
        list_fields=frozenset({"selected_services"}),
        file_limits={"photos": MAX_PHOTOS},
        max_file_bytes=settings.max_upload_bytes,
    )
    data = submission.data
    await limiter.hit(settings.rate_limit_public_submit_phone, "submit:phone", data.customer_phone)
    slot = await idempotency.claim(
        session,
        "public.application",
        idempotency_key,
        idempotency.request_fingerprint(submission.fingerprint_payload()),
    )
    if slot.is_replay:
        return JSONResponse(slot.replay_body, status_code=slot.replay_status or 201)
    result = await submit_application(
        session, data, submission.files.get("photos", []), storage=storage, settings=settings
    )
    body = result.model_dump(mode="json")
    await idempotency.complete(session, slot, 201, body)
    return JSONResponse(body, status_code=201)


@public_router.post(
    "/applications",
    status_code=201,
    response_model=ApplicationSubmitted,
    operation_id="applications-submit",
    openapi_extra=openapi_submission_body(ApplicationCreate, {"photos": MAX_PHOTOS}),
)
async def submit(
    request: Request,
    session: SessionDep,
    storage: StorageDep,
    limiter: LimiterDep,
    settings: SettingsDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Submit a service request (multipart with up to 10 photos, or JSON)."""
    return await _submit(request, session, storage, limiter, settings, idempotency_key)


@public_router.post(
    "/applications/simple",
    status_code=201,
    response_model=ApplicationSubmitted,
    operation_id="applications-submit-simple",
    openapi_extra=openapi_submission_body(ApplicationCreate, {}),
)
async def submit_simple(
    request: Request,
    session: SessionDep,
    storage: StorageDep,
    limiter: LimiterDep,
    settings: SettingsDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Submit a service request as JSON (kept for the reference's clients)."""
    return await _submit(request, session, storage, limiter, settings, idempotency_key)
