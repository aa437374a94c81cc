"""The application factory."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic.json_schema import models_json_schema

from jibsa import __version__
from jibsa.core.config import Settings, get_settings
from jibsa.core.db import Database
from jibsa.core.errors import ERROR_RESPONSES, install_error_handlers
from jibsa.core.forms import EXTRA_OPENAPI_MODELS
from jibsa.core.http_cache import ResponseCache
from jibsa.core.middleware import RequestContextMiddleware, configure_logging
from jibsa.core.ratelimit import RateLimiter
from jibsa.core.read_cache import ReadCache
from jibsa.files.storage import LocalStorage
from jibsa.health import router as health_router
from jibsa.messaging.periodic import TASK_MODULES

API_PREFIX = "/api/v1"
FRONTEND_DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"


def _api_routers() -> tuple[APIRouter, ...]:
    from jibsa.admins.router import admins_router, auth_router
    from jibsa.admins.router import settings_router as profile_router
    from jibsa.applications.admin_router import router as applications_admin
    from jibsa.applications.router import public_router as applications_public
    from jibsa.assignments.router import router as assignments_admin
    from jibsa.audit.router import router as audit_router
    from jibsa.catalog.router import router as catalog_router
    from jibsa.dashboard.router import router as dashboard_router
    from jibsa.files.admin_router import router as files_admin
    from jibsa.messaging.router import sms_router, templates_router
    from jibsa.partners.admin_router import router as partners_admin
    from jibsa.partners.router import public_router as partners_public
    from jibsa.schedule.router import router as schedule_router
    from jibsa.settings.router import public_router as company_public
    from jibsa.settings.router import router as company_router

    # Routes are matched in this order, one pattern at a time (~2 µs each): the busiest come first. The public
    # catalogue and form, then the admin screens people keep open, then the rest. ``tests/core/test_dependencies.py``
    # checks that no route ever catches another's requests. Each is included in the app itself, not in an
    # ``/api/v1`` router of routers: FastAPI matches the chosen router's routes again to handle the request, and
    # walks every nested router on each match; the extra level cost the cached admin list about 35 µs (a tenth).
    return (
        catalog_router,
        applications_public,
        applications_admin,
        assignments_admin,
        schedule_router,
        dashboard_router,
        partners_admin,
        templates_router,
        sms_router,
        partners_public,
        company_public,
        auth_router,
        profile_router,
        admins_router,
        audit_router,
        company_router,
        files_admin,
    )


def _install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes, description=app.description)
            _, extra = models_json_schema(
                [(m, "validation") for m in sorted(EXTRA_OPENAPI_MODELS, key=lambda m: m.__name__)],
                ref_template="#/components/schemas/{model}",
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(extra.get("$defs", {}))
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _mount_frontend(app: FastAPI, dist: Path) -> None:
    """Serve the built web app; unknown non-API paths fall back to ``index.html`` (client-side routes)."""
    index = dist / "index.html"
    root = dist.resolve()

    @app.get("/{path:path}", include_in_schema=False)
    async def spa(path: str) -> Response:
        if path.startswith(("api/", "health", "metrics")):
            return JSONResponse(
                {"code": "not_found", "message": "요청한 주소를 찾을 수 없습니다.", "details": None}, 404
            )
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root):
            cache = "public, max-age=31536000, immutable" if path.startswith("assets/") else "no-cache"
            return FileResponse(candidate, headers={"Cache-Control": cache})
        if not index.exists():
            return JSONResponse(
                {"code": "not_found", "message": "요청한 주소를 찾을 수 없습니다.", "details": None}, 404
            )
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


def _register_messaging() -> None:
    """Import the modules that subscribe to domain events and register periodic tasks."""
    for module in TASK_MODULES:
        importlib.import_module(module)


def create_app(
    settings: Settings | None = None, *, database: Database | None = None, frontend_dist: Path | None = FRONTEND_DIST
) -> FastAPI:
    settings = settings or get_settings()
    _register_messaging()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        worker_task: asyncio.Task[None] | None = None
        await app.state.db.change_feed.start()
        if settings.run_worker_in_process:
            from jibsa.messaging.worker import Worker

            worker_task = asyncio.create_task(Worker(app.state.db, settings).run(), name="sms-worker")
        yield
        if worker_task is not None:
            worker_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker_task
        await app.state.db.change_feed.stop()
        if database is None:
            await app.state.db.dispose()

    app = FastAPI(
        title="Jibsa API",
        version=__version__,
        description="집사 — 홈케어 운영 플랫폼 API",
        lifespan=lifespan,
        openapi_url=f"{API_PREFIX}/openapi.json" if settings.docs_enabled else None,
        docs_url="/docs" if settings.docs_enabled else None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.db = database or Database(settings.resolved_database_url, settings)
    app.state.storage = LocalStorage(settings.upload_dir)
    app.state.rate_limiter = RateLimiter(settings.redis_url)
    app.state.response_cache = ResponseCache()
    app.state.read_cache = ReadCache(
        app.state.db.change_feed,
        enabled=settings.read_cache_enabled,
        ttl=settings.read_cache_ttl_seconds,
        max_bytes=settings.read_cache_max_mb << 20,
    )

    install_error_handlers(app)
    app.add_middleware(RequestContextMiddleware, access_log=settings.access_log)
    app.include_router(health_router)
    for router in _api_routers():
        app.include_router(router, prefix=API_PREFIX, responses=ERROR_RESPONSES)
    _install_openapi(app)
    if frontend_dist is not None and frontend_dist.is_dir():
        _mount_frontend(app, frontend_dist)
    return app
