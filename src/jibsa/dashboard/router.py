"""The back-office home screen."""

from __future__ import annotations

from fastapi import APIRouter

from jibsa.admins.dependencies import CurrentAdmin
from jibsa.core.db import SessionDep
from jibsa.dashboard import service
from jibsa.dashboard.schemas import Dashboard

router = APIRouter(prefix="/admin/dashboard", tags=["admin_dashboard"])


@router.get("", response_model=Dashboard, operation_id="admin_dashboard-get")
async def get_dashboard(session: SessionDep, _: CurrentAdmin) -> Dashboard:
    """Counts per status and for today / this week / this month (KST), recent items, and the 30-day funnel."""
    return await service.get_dashboard(session)
