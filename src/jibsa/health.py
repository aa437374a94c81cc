"""Liveness, readiness and metrics."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import func, select

from jibsa import __version__
from jibsa.core import metrics
from jibsa.core.db import Database
from jibsa.core.engine import READ_ONLY
from jibsa.core.korean import now_utc
from jibsa.migrate import current_revision, head_revision
from jibsa.models import MessageStatus, SmsMessage, WorkerHeartbeat

router = APIRouter(include_in_schema=True, tags=["health"])
HEARTBEAT_STALE_AFTER = timedelta(seconds=90)


@router.get("/health", operation_id="health-live")
async def live() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok", "version": __version__}


@router.get("/health/ready", operation_id="health-ready")
async def ready(request: Request) -> JSONResponse:
    """Readiness: database reachable, migrations at head, a worker beating."""
    db: Database = request.app.state.db
    checks: dict[str, object] = {}
    healthy = True
    try:
        async with db.engine.execution_options(**{READ_ONLY: True}).connect() as connection:
            revision = await current_revision(connection)
            beat = await connection.scalar(select(func.max(WorkerHeartbeat.beat_at)))
        checks["database"] = "ok"
        checks["migrations"] = "ok" if revision == head_revision() else f"at {revision}, head is {head_revision()}"
        healthy = healthy and revision == head_revision()
        worker_ok = beat is not None and now_utc() - beat < HEARTBEAT_STALE_AFTER
        checks["worker"] = "ok" if worker_ok else "no recent heartbeat"
        healthy = healthy and worker_ok
    except Exception as exc:  # any failure to reach the database is "not ready"
        checks["database"] = f"unreachable: {type(exc).__name__}"
        healthy = False
    return JSONResponse({"status": "ok" if healthy else "unavailable", "checks": checks}, 200 if healthy else 503)


@router.get("/metrics", include_in_schema=False)
async def prometheus_metrics(request: Request) -> Response:
    """Prometheus metrics, with the outbox depth read at scrape time."""
    db: Database = request.app.state.db
    try:
        async with db.transaction(read_only=True) as session:
            rows = await session.execute(
                select(SmsMessage.status, func.count())
                .where(SmsMessage.status.in_([MessageStatus.QUEUED, MessageStatus.SENDING]))
                .group_by(SmsMessage.status)
            )
            depth: dict[str, int] = dict(rows.all())
        for status in (MessageStatus.QUEUED, MessageStatus.SENDING):
            metrics.OUTBOX_DEPTH.labels(status.value).set(depth.get(status, 0))
    except Exception:  # metrics must render even when the database is down
        pass
    return Response(generate_latest(metrics.REGISTRY), media_type=CONTENT_TYPE_LATEST)
