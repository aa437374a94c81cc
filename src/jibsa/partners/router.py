"""Public partner registration."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from jibsa.core import idempotency
from jibsa.core.db import SessionDep
from jibsa.core.deps import IdempotencyKey, LimiterDep, SettingsDep, StorageDep
from jibsa.core.forms import openapi_submission_body, parse_submission
from jibsa.core.ratelimit import client_ip
from jibsa.partners.registration import register_partner
from jibsa.partners.schemas import PartnerCreate, PartnerRegistered

public_router = APIRouter(tags=["partners"])


@public_router.post(
    "/partners",
    status_code=201,
    response_model=PartnerRegistered,
    operation_id="partners-register",
    openapi_extra=openapi_submission_body(PartnerCreate, {"business_registration_file": 1}),
)
async def register(
    request: Request,
    session: SessionDep,
    storage: StorageDep,
    limiter: LimiterDep,
    settings: SettingsDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Register as a partner (multipart with an optional business registration file, or JSON)."""
    await limiter.hit(settings.rate_limit_public_submit_ip, "submit:ip", client_ip(request))
    submission = await parse_submission(
        request,
        PartnerCreate,
        list_fields=frozenset({"service_codes", "work_regions"}),
        file_limits={"business_registration_file": 1},
        max_file_bytes=settings.max_upload_bytes,
    )
    await limiter.hit(settings.rate_limit_public_submit_phone, "submit:phone", submission.data.contact_phone)
    slot = await idempotency.claim(
        session,
        "public.partner",
        idempotency_key,
        idempotency.request_fingerprint(submission.fingerprint_payload()),
    )
    if slot.is_replay:
        return JSONResponse(slot.replay_body, status_code=slot.replay_status or 201)
    files = submission.files.get("business_registration_file", [])
    result = await register_partner(
        session, submission.data, files[0] if files else None, storage=storage, settings=settings
    )
    body = result.model_dump(mode="json")
    await idempotency.complete(session, slot, 201, body)
    return JSONResponse(body, status_code=201)
