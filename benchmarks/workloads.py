"""What the benchmark measures: one small declarative entry per workload.

A workload names an HTTP request (method and path) and the OpenAPI path it needs. A workload whose path is missing
from the running server's OpenAPI document is reported as "skipped: endpoint not available", never faked.

Placeholders in ``path``:
- ``{phone}``, ``{number_prefix}``, ``{month_start}``, ``{month_end}`` are filled once per run from the loaded data;
- ``{application_id}`` is drawn at random per request from the loaded applications' ids, ``{page}`` from the list's
  pages of 20 (many different answers: each page is computed once, then served from the read cache until a write).
Run with ``JIBSA_READ_CACHE_ENABLED=false`` (inherited by the server) to measure every admin read computed.
``body="application"`` makes every request a fresh public submission: its own phone number and Idempotency-Key.
``payload`` is one fixed JSON body for every request (its string values take the once-per-run placeholders): a
search sends its term this way, as the SPA does, since personal data never goes in a URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

# Placeholders drawn per request, with the context key that gives their range.
RANDOM_PLACEHOLDERS = {"application_id": "application_ids", "page": "list_pages"}


@dataclass(frozen=True, slots=True)
class Target:
    """The issue's goals for a workload at concurrency 32 (evaluated and printed, never enforced)."""

    min_health_ratio: float | None = None  # throughput as a fraction of /health in the same run
    max_p95_ms: float | None = None
    zero_errors: bool = False  # at every concurrency


@dataclass(frozen=True, slots=True)
class Workload:
    name: str
    method: Literal["GET", "POST"]
    path: str
    spec_path: str  # the OpenAPI path (parameter names ignored) that must exist for the workload to run
    admin: bool = False  # sends the benchmark admin's bearer token
    body: Literal["application"] | None = None
    payload: dict[str, Any] | None = None
    target: Target | None = None
    floor: str | None = None  # the stack's floor workload that makes as many statements (a lower bound to read with)

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"


WORKLOADS: tuple[Workload, ...] = (
    Workload("health", "GET", "/health", "/health"),
    Workload("catalogue", "GET", "/api/v1/services", "/api/v1/services", target=Target(min_health_ratio=0.70)),
    Workload(
        "public-submit",
        "POST",
        "/api/v1/applications",
        "/api/v1/applications",
        body="application",
        target=Target(max_p95_ms=60, zero_errors=True),
        floor="floor-9",
    ),
    Workload(
        "admin-list",
        "GET",
        "/api/v1/admin/applications?page=1&page_size=20",
        "/api/v1/admin/applications",
        admin=True,
        target=Target(min_health_ratio=0.40, max_p95_ms=40),
    ),
    Workload(
        "admin-list-pages",
        "GET",
        "/api/v1/admin/applications?page={page}&page_size=20",
        "/api/v1/admin/applications",
        admin=True,
    ),
    Workload(
        "admin-search-phone",
        "POST",
        "/api/v1/admin/applications/search",
        "/api/v1/admin/applications/search",
        admin=True,
        payload={"search": "{phone}", "page": 1, "page_size": 20},
    ),
    Workload(
        "admin-detail",
        "GET",
        "/api/v1/admin/applications/{application_id}",
        "/api/v1/admin/applications/{application_id}",
        admin=True,
        target=Target(min_health_ratio=0.40, max_p95_ms=30),
        floor="floor-8",
    ),
    Workload(
        "admin-schedule-month",
        "GET",
        "/api/v1/admin/schedule?start_date={month_start}&end_date={month_end}",
        "/api/v1/admin/schedule",
        admin=True,
    ),
    Workload("admin-sms-log", "GET", "/api/v1/admin/sms?limit=20", "/api/v1/admin/sms", admin=True),
)

# The stack's floor (``benchmarks/floor.py``, ``--floor``): the same stack with no Jibsa code, on the same database.
# Each unit of work makes as many statements as the Jibsa workload it stands for makes today (on PostgreSQL).
FLOOR_WORKLOADS: tuple[Workload, ...] = (
    Workload("floor-health", "GET", "/health", "/health"),
    Workload("floor-1", "GET", "/units/statements/1/0", "/units/{}/{}/{}"),
    Workload("floor-8", "GET", "/units/statements/7/1", "/units/{}/{}/{}"),
    Workload("floor-9", "GET", "/units/transaction/2/7", "/units/{}/{}/{}"),
)
FLOOR_LABELS = {
    "floor-health": "the stack's /health (no middleware)",
    "floor-1": "1 SELECT: any database-backed request",
    "floor-8": "7 SELECT + 1 INSERT, run as an audited read: an admin detail",
    "floor-9": "2 SELECT + 7 INSERT in one transaction: a public submission",
}

HEALTH = "health"
LIST = "admin-list"
MAX_LATENCY_TARGET_MS = 250.0  # "no request above 250 ms in any run"
LIST_SCALE_RATIO_TARGET = 1.5  # list p95 at the largest scale ≤ 1.5 × at the smallest

_PARAM = re.compile(r"\{[^}]*\}")


def _normalise(path: str) -> str:
    return _PARAM.sub("{}", path.rstrip("/") or "/")


def is_available(workload: Workload, openapi: dict[str, Any]) -> bool:
    """Whether the server's OpenAPI document has the workload's path and method."""
    wanted = _normalise(workload.spec_path)
    for path, operations in (openapi.get("paths") or {}).items():
        if _normalise(path) == wanted and workload.method.lower() in operations:
            return True
    return False


def by_name(names: str | None) -> tuple[Workload, ...]:
    """The workloads named (comma-separated), always with ``health`` first (the other figures are relative to it)."""
    if not names:
        return WORKLOADS
    wanted = {n.strip() for n in names.split(",") if n.strip()} | {HEALTH}
    unknown = wanted - {w.name for w in WORKLOADS} - {"worker"}
    if unknown:
        raise SystemExit(
            f"unknown workloads: {', '.join(sorted(unknown))}; known: {', '.join(w.name for w in WORKLOADS)}"
        )
    return tuple(w for w in WORKLOADS if w.name in wanted)
