"""The benchmark's own logic: the stack's floor app and the reading of the targets against it (no load is run)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from benchmarks.floor import create_app, floor_rows
from benchmarks.loadgen import Measurement
from benchmarks.report import RunResult, evaluate_targets
from jibsa.migrate import upgrade


def _measurement(workload: str, rps: float, p95_ms: float, max_ms: float) -> Measurement:
    return Measurement(
        workload=workload,
        concurrency=32,
        tool="wrk",
        requests=int(rps * 10),
        duration_s=10.0,
        rps=rps,
        p50_ms=p95_ms / 2,
        p95_ms=p95_ms,
        p99_ms=max_ms,
        max_ms=max_ms,
        mean_ms=p95_ms / 2,
        non_2xx=0,
        socket_errors=0,
        statuses={"200": int(rps * 10)},
        socket_error_kinds={},
        loadavg_before=0.0,
    )


class TestFloorApp:
    @pytest.fixture
    def url(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
        # A migrated database, as the benchmark's scratch one (this test process also has Jibsa's session
        # listeners, which the served floor app does not: they need the schema's ``data_change`` counter).
        url = f"sqlite+aiosqlite:///{tmp_path / 'floor.db'}"
        upgrade(url)
        monkeypatch.setenv("JIBSA_DATABASE_URL", url)
        return url

    async def _rows(self, url: str) -> int:
        engine = create_async_engine(url)
        try:
            async with engine.connect() as connection:
                return int(await connection.scalar(select(func.count()).select_from(floor_rows)) or 0)
        finally:
            await engine.dispose()

    async def test_units_make_the_statements_asked_and_commit_the_writes(self, url: str) -> None:
        app = create_app()
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://floor") as client:
                assert (await client.get("/health")).json() == {"status": "ok"}
                assert (await client.get("/units/statements/7/1")).json() == {"statements": 8}
                assert (await client.get("/units/transaction/2/7")).json() == {"statements": 9}
                assert (await client.get("/units/statements/3/0")).json() == {"statements": 3}
                assert (await client.get("/units/sometimes/1/1")).status_code == 422
                assert (await client.get("/units/statements/26/0")).status_code == 422
        assert await self._rows(url) == 8


class TestTargetsAgainstTheFloor:
    def test_the_detail_and_the_submission_are_read_against_their_floor(self) -> None:
        run = RunResult(database="postgresql", url="x", scale=10_000, load={})
        run.measurements = [
            _measurement("health", 5000, 8, 60),
            _measurement("admin-detail", 250, 160, 240),
            _measurement("public-submit", 150, 560, 240),
            _measurement("floor-8", 500, 87, 900),
            _measurement("floor-9", 400, 109, 220),
        ]
        checks = {c.goal: c for c in evaluate_targets([run])}

        detail_ratio = checks["admin-detail ≥ 40% of /health (c=32)"]
        assert detail_ratio.measured == "5% (250 req/s); the stack's floor, floor-8: 10%"
        assert detail_ratio.status == "missed"
        assert checks["public-submit p95 ≤ 60 ms (c=32)"].measured == "560.0 ms; the stack's floor, floor-9: 109.0 ms"

    def test_the_floor_never_counts_as_a_slow_request_of_jibsa(self) -> None:
        run = RunResult(database="postgresql", url="x", scale=10_000, load={})
        run.measurements = [_measurement("health", 5000, 8, 60), _measurement("floor-8", 500, 87, 900)]
        check = next(c for c in evaluate_targets([run]) if c.goal.startswith("no request above"))
        assert check.status == "met"
        assert check.measured == "max 60 ms (health, c=32); the stack's floor: max 900 ms (floor-8)"
