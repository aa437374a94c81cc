"""The audit trail: one helper that every feature calls, inside the transaction of the change it records."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from jibsa.audit import repository
from jibsa.audit.schemas import AuditLogRead
from jibsa.core.middleware import request_id_var
from jibsa.core.pagination import CursorPage, encode_cursor
from jibsa.core.ratelimit import client_ip
from jibsa.models import Actor, AuditLog

# Field names whose values are personal data: the trail keeps that they changed, never the values.
PII_FIELDS = frozenset(
    {
        "customer_name",
        "customer_phone",
        "address",
        "address_detail",
        "representative_name",
        "business_number",
        "contact_phone",
        "contact_email",
        "phone",
        "email",
        "recipient",
        "text",
        "password",
        "password_hash",
    }
)
MASK = "***"


def mask_pii(values: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {key: (MASK if key in PII_FIELDS and value not in (None, "") else value) for key, value in values.items()}


def _entry(
    *,
    action: str,
    entity_type: str,
    entity_id: int | None,
    summary: str,
    admin: Actor | None,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    request: Request | None,
) -> dict[str, Any]:
    """The columns of one audit row, personal data masked."""
    return {
        "admin_id": admin.id if admin else None,
        "admin_name": admin.name if admin else None,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "summary": summary[:500],
        "before": mask_pii(before),
        "after": mask_pii(after),
        "ip_address": client_ip(request) if request else None,
        "user_agent": (request.headers.get("user-agent") or "")[:255] if request else None,
        "request_id": request_id_var.get(),
    }


async def record(
    session: AsyncSession,
    *,
    action: str,
    entity_type: str,
    entity_id: int | None,
    summary: str,
    admin: Actor | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    request: Request | None = None,
) -> AuditLog:
    """Append an audit row to the current unit of work (it commits or rolls back with the change)."""
    entry = AuditLog(
        **_entry(
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            summary=summary,
            admin=admin,
            before=before,
            after=after,
            request=request,
        )
    )
    session.add(entry)
    return entry


# A view is recorded on every detail read: written at once as a Core INSERT (the row is never changed afterwards,
# so the unit of work's bookkeeping for it would be pure cost). It still commits or rolls back with the request.
_INSERT_ENTRY = insert(AuditLog.metadata.tables[AuditLog.__tablename__])


async def record_view(
    session: AsyncSession,
    *,
    entity_type: str,
    entity_id: int,
    admin: Actor,
    request: Request | None = None,
    summary: str | None = None,
    fields: list[str] | None = None,
) -> None:
    """Record that an admin opened a screen showing personal data in full (action ``view``).

    Call it from the detail route, in the request's unit of work: ``await record_view(session,
    entity_type="application", entity_id=app.id, admin=admin, request=request, fields=["customer_phone"])``.
    """
    entry = _entry(
        action="view",
        entity_type=entity_type,
        entity_id=entity_id,
        summary=summary or "개인정보 상세 조회",
        admin=admin,
        before=None,
        after={"fields": fields} if fields else None,
        request=request,
    )
    await session.execute(_INSERT_ENTRY, entry)


async def entries_page(
    session: AsyncSession, where: repository.AuditFilter, *, before_id: int | None, limit: int
) -> CursorPage[AuditLogRead]:
    """One keyset page of entries matching ``where``, newest first, with the cursor of the next page."""
    rows = await repository.list_entries(session, where, before_id=before_id, limit=limit + 1)
    items = [AuditLogRead.model_validate(r) for r in rows[:limit]]
    next_cursor = encode_cursor(items[-1].id) if len(rows) > limit else None
    return CursorPage[AuditLogRead](items=items, next_cursor=next_cursor)


async def entity_history(
    session: AsyncSession, entity_type: str, entity_id: int, *, limit: int
) -> CursorPage[AuditLogRead]:
    """The first page of one entity's history (the activity timeline of detail pages), newest first."""
    where = repository.AuditFilter(entity_type=entity_type, entity_id=entity_id)
    return await entries_page(session, where, before_id=None, limit=limit)
