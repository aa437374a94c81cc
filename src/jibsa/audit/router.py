"""Browsing the audit trail (any admin; there is no path that changes or deletes an entry)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from jibsa.admins.dependencies import CurrentAdmin
from jibsa.audit import repository, service
from jibsa.audit.schemas import AuditLogRead
from jibsa.core.db import SessionDep
from jibsa.core.errors import InvalidInput
from jibsa.core.pagination import MAX_PAGE_SIZE, CursorPage, decode_cursor

router = APIRouter(prefix="/admin/audit-logs", tags=["audit"])

CursorQuery = Annotated[str | None, Query(max_length=40, description="이전 응답의 `next_cursor`")]
LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Name = Annotated[str | None, Query(max_length=50)]
MAX_ID = 2**63 - 1  # BIGINT: a larger id would make PostgreSQL fail instead of answering "no match"
IdQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]


async def _page(
    session: SessionDep, where: repository.AuditFilter, cursor: str | None, limit: int
) -> CursorPage[AuditLogRead]:
    before_id = decode_cursor(cursor)
    if before_id is not None and not 0 < before_id <= MAX_ID:
        raise InvalidInput("cursor", "잘못된 커서 값입니다.")
    return await service.entries_page(session, where, before_id=before_id, limit=limit)


@router.get("", response_model=CursorPage[AuditLogRead], operation_id="audit-list")
async def list_audit_logs(
    _: CurrentAdmin,
    session: SessionDep,
    entity_type: Name = None,
    entity_id: IdQuery = None,
    admin_id: IdQuery = None,
    action: Name = None,
    date_from: Annotated[date | None, Query(description="KST 날짜부터 (포함)")] = None,
    date_to: Annotated[date | None, Query(description="KST 날짜까지 (포함)")] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 50,
) -> CursorPage[AuditLogRead]:
    """Audit entries, newest first, filtered by entity, admin, action and KST date range (keyset cursor)."""
    if date_from and date_to and date_from > date_to:
        raise InvalidInput("date_to", "종료일은 시작일 이후여야 합니다.")
    where = repository.AuditFilter(
        entity_type=entity_type,
        entity_id=entity_id,
        admin_id=admin_id,
        action=action,
        date_from=date_from,
        date_to=date_to,
    )
    return await _page(session, where, cursor, limit)


@router.get(
    "/entity/{entity_type}/{entity_id}", response_model=CursorPage[AuditLogRead], operation_id="audit-entity-history"
)
async def entity_history(
    entity_type: Annotated[str, Path(max_length=50)],
    entity_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    _: CurrentAdmin,
    session: SessionDep,
    cursor: CursorQuery = None,
    limit: LimitQuery = 50,
) -> CursorPage[AuditLogRead]:
    """The history of one entity (the activity timeline of detail pages), newest first."""
    where = repository.AuditFilter(entity_type=entity_type, entity_id=entity_id)
    return await _page(session, where, cursor, limit)
