"""The audit trail as the API shows it (read only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jibsa.core.pagination import Schema


class AuditLogRead(Schema):
    id: int
    created_at: datetime
    admin_id: int | None
    admin_name: str | None
    action: str
    entity_type: str
    entity_id: int | None
    summary: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    ip_address: str | None
    user_agent: str | None
    request_id: str | None
