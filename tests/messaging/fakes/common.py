"""Shared pieces of the fake gateways: fault switches, CP949 byte counting, a loopback server."""

from __future__ import annotations

import asyncio
import os
import random
import socket
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import uvicorn
from starlette.applications import Starlette
from starlette.responses import JSONResponse, Response

PORTS = range(8400, 8450)  # this helper's loopback range


def cp949_bytes(text: str) -> int:
    """Gateways count CP949 bytes; characters CP949 lacks count as 2 (as they would after substitution)."""
    return sum(len(ch.encode("cp949", errors="ignore")) or 2 for ch in text)


@dataclass
class Faults:
    """Switches for the failures a real gateway shows. Rates are drawn per request from a seeded RNG.

    - ``error_rate``: answer 5xx without recording the message;
    - ``timeout_rate``: sleep past the client's timeout without recording it;
    - ``lost_rate``: record (and send) the message, then sleep past the timeout: "accepted, answer lost";
    - ``rate_limit_rate``: answer 429 with ``Retry-After`` (nothing recorded);
    - ``latency``: every recorded send waits this long before answering.
    """

    error_rate: float = 0.0
    timeout_rate: float = 0.0
    lost_rate: float = 0.0
    rate_limit_rate: float = 0.0
    latency: float = 0.0
    hang_seconds: float = 1.0
    seed: int = 7
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def draw(self) -> str | None:
        """Which fault (if any) hits this request."""
        roll = self.rng.random()
        for name, rate in (
            ("error", self.error_rate),
            ("timeout", self.timeout_rate),
            ("lost", self.lost_rate),
            ("rate_limit", self.rate_limit_rate),
        ):
            if roll < rate:
                return name
            roll -= rate
        return None


class FakeGateway:
    """Base: counts what was actually sent, keyed by message text."""

    def __init__(self, faults: Faults | None = None) -> None:
        self.faults = faults or Faults()
        self.sent: Counter[str] = Counter()
        self.requests: Counter[str] = Counter()
        self.app = Starlette()

    async def before(self) -> Response | str | None:
        """Apply a pre-processing fault: a response to return now, ``"lost"`` to apply it later, or ``None``."""
        fault = self.faults.draw()
        if fault == "error":
            return JSONResponse({"errorCode": "InternalError", "errorMessage": "fake 5xx"}, status_code=503)
        if fault == "rate_limit":
            return JSONResponse(
                {"errorCode": "TooManyRequests", "errorMessage": "slow down"},
                status_code=429,
                headers={"Retry-After": "0.05"},
            )
        if fault == "timeout":
            await asyncio.sleep(self.faults.hang_seconds)
            return JSONResponse({"errorCode": "Late", "errorMessage": "too late"}, status_code=504)
        return fault

    async def after(self, fault: str | None) -> None:
        if fault == "lost":
            await asyncio.sleep(self.faults.hang_seconds)
        elif self.faults.latency:
            await asyncio.sleep(self.faults.latency)


def _bind() -> socket.socket:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw9")
    offset = (int(worker[2:]) if worker[2:].isdigit() else 9) * 7 % len(PORTS)
    for index in range(len(PORTS)):
        port = PORTS[(offset + index) % len(PORTS)]
        # proto=IPPROTO_TCP: asyncio only sets TCP_NODELAY on such sockets; without it every answer waits for
        # a delayed ACK (~40 ms), which would make the fake, not the worker, the bottleneck.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            sock.close()
            continue
        return sock
    raise RuntimeError("no free loopback port in 8400-8449")


@asynccontextmanager
async def serve(app: Starlette) -> AsyncIterator[str]:
    """Run ``app`` with uvicorn on a loopback port of this helper's range; yield its base URL."""
    sock = _bind()
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, log_level="error", lifespan="off", ws="none", access_log=False, timeout_graceful_shutdown=1
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
        sock.close()
