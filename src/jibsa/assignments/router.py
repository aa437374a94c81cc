"""Back-office assignments (under an application), bulk assignment and partner ranking."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.admins.dependencies import CurrentAdmin
from jibsa.applications.versioning import IfMatch, expected_version
from jibsa.assignments import service
from jibsa.assignments.schemas import (
    AssignmentCancel,
    AssignmentCreate,
    AssignmentOut,
    AssignmentResult,
    AssignmentUpdate,
    BatchStatusResult,
    BatchStatusUpdate,
    BulkAssign,
    BulkAssignResult,
    PartnerRanking,
    SmsQueued,
)
from jibsa.core import idempotency
from jibsa.core.db import SessionDep
from jibsa.core.deps import IdempotencyKey
from jibsa.models import Admin

router = APIRouter(prefix="/admin/applications", tags=["admin-assignments"])
ASSIGNMENTS = "/{application_id}/assignments"


async def _idempotent(
    session: AsyncSession,
    admin: Admin,
    scope: str,
    key: str | None,
    payload: Any,
    status_code: int,
    run: Callable[[], Awaitable[BaseModel]],
) -> JSONResponse:
    """Run ``run`` once per ``Idempotency-Key``: a repeat gets the first reply, another body with it a 422."""
    slot = await idempotency.claim(session, f"admin{admin.id}:{scope}", key, idempotency.request_fingerprint(payload))
    if slot.is_replay:
        return JSONResponse(slot.replay_body, status_code=slot.replay_status or status_code)
    body = (await run()).model_dump(mode="json")
    await idempotency.complete(session, slot, status_code, body)
    return JSONResponse(body, status_code=status_code)


@router.get(ASSIGNMENTS, response_model=list[AssignmentOut], operation_id="admin-assignments-list")
async def list_assignments(application_id: int, session: SessionDep, _: CurrentAdmin) -> list[AssignmentOut]:
    """Every assignment of the application (cancelled ones too), with partner and service names."""
    return await service.list_for_application(session, application_id)


@router.post(ASSIGNMENTS, status_code=201, response_model=AssignmentResult, operation_id="admin-assignments-create")
async def create_assignment(
    application_id: int,
    data: AssignmentCreate,
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Assign an approved partner to some of the application's services (schedule conflicts come back as warnings)."""
    return await _idempotent(
        session,
        admin,
        f"assignment.create:{application_id}",
        idempotency_key,
        data.model_dump(mode="json"),
        201,
        lambda: service.create_assignment(session, application_id, data, admin=admin, request=request),
    )


@router.patch(
    ASSIGNMENTS + "/batch-status", response_model=BatchStatusResult, operation_id="admin-assignments-batch-status"
)
async def batch_status(
    application_id: int, data: BatchStatusUpdate, request: Request, session: SessionDep, admin: CurrentAdmin
) -> BatchStatusResult:
    """Move several assignments to one status; per-item results."""
    return await service.batch_status(session, application_id, data, admin=admin, request=request)


@router.put(ASSIGNMENTS + "/{assignment_id}", response_model=AssignmentResult, operation_id="admin-assignments-update")
async def update_assignment(
    application_id: int,
    assignment_id: int,
    data: AssignmentUpdate,
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    if_match: IfMatch = None,
) -> AssignmentResult:
    """Change an assignment (``version`` or ``If-Match`` required); a first date makes it scheduled."""
    version = expected_version(data.version, if_match)
    return await service.update_assignment(
        session, application_id, assignment_id, data, expected_version=version, admin=admin, request=request
    )


@router.post(
    ASSIGNMENTS + "/{assignment_id}/cancel", response_model=AssignmentResult, operation_id="admin-assignments-cancel"
)
async def cancel_assignment(
    application_id: int,
    assignment_id: int,
    data: AssignmentCancel,
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
) -> AssignmentResult:
    """Cancel an open assignment with a reason (the row stays, status ``cancelled``)."""
    return await service.cancel_assignment(session, application_id, assignment_id, data, admin=admin, request=request)


@router.delete(
    ASSIGNMENTS + "/{assignment_id}", response_model=AssignmentResult, operation_id="admin-assignments-delete"
)
async def delete_assignment(
    application_id: int,
    assignment_id: int,
    reason: Annotated[str, Query(min_length=1, max_length=500, description="취소 사유")],
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    if_match: IfMatch = None,
) -> AssignmentResult:
    """The reference's delete: a soft cancel with a reason."""
    version = expected_version(None, if_match) if if_match is not None else None
    data = AssignmentCancel(reason=reason, version=version)
    return await service.cancel_assignment(session, application_id, assignment_id, data, admin=admin, request=request)


@router.post(
    ASSIGNMENTS + "/{assignment_id}/send-sms",
    status_code=202,
    response_model=SmsQueued,
    operation_id="admin-assignments-send-sms",
)
async def send_sms(
    application_id: int,
    assignment_id: int,
    target: Annotated[Literal["customer", "partner"], Query(description="customer: 고객, partner: 협력사")],
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Queue the assignment notice again to the customer or the partner."""
    return await _idempotent(
        session,
        admin,
        f"assignment.sms:{assignment_id}",
        idempotency_key,
        {"application_id": application_id, "target": target},
        202,
        lambda: service.send_assignment_sms(
            session, application_id, assignment_id, target, admin=admin, request=request
        ),
    )


@router.post("/bulk-assign", response_model=BulkAssignResult, operation_id="admin-applications-bulk-assign")
async def bulk_assign(
    data: BulkAssign,
    request: Request,
    session: SessionDep,
    admin: CurrentAdmin,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Assign one partner to up to 50 applications (real assignments for the services it covers)."""
    return await _idempotent(
        session,
        admin,
        "assignment.bulk",
        idempotency_key,
        data.model_dump(mode="json"),
        200,
        lambda: service.bulk_assign(session, data, admin=admin, request=request),
    )


@router.get(
    "/{application_id}/partner-ranking",
    response_model=PartnerRanking,
    operation_id="admin-applications-partner-ranking",
)
async def partner_ranking(
    application_id: int,
    session: SessionDep,
    _: CurrentAdmin,
    include_all: Annotated[bool, Query(description="맡을 서비스가 없는 협력사도 포함")] = False,
) -> PartnerRanking:
    """Approved partners ranked by how many of the still-unassigned services they cover, with their regions."""
    return await service.partner_ranking(session, application_id, include_all=include_all)
