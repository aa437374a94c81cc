"""Worker throughput: messages per second delivered by the outbox worker against the fake Aligo gateway.

Rows are queued through the outbox service (``enqueue_text``: encrypted recipient and text, blind indexes), then one
``Worker`` drains them (``run_until_empty``) with the gateway's rate limit switched off, talking HTTP to the fake
gateway (``python -m tests.messaging.fakes aligo``) running in its own process, as a real gateway would be.
"""

from __future__ import annotations

import asyncio
import importlib.util
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
# The fake's credentials and registered sender (tests/messaging/fakes/aligo.py).
FAKE_KEY, FAKE_USER_ID, FAKE_SENDER = "fake-aligo-key", "jibsa", "15516640"
QUEUE_BATCH = 1000


def available() -> str | None:
    """Why the measurement cannot run, or ``None``."""
    if importlib.util.find_spec("jibsa.messaging.worker") is None:
        return "worker not available (src/jibsa/messaging/worker.py)"
    if not (REPO / "tests" / "messaging" / "fakes" / "__main__.py").exists():
        return "fake gateway not available (tests/messaging/fakes)"
    return None


def measure(url: str, messages: int, workdir: Path, port: int) -> dict[str, Any]:
    """Queue ``messages`` rows, start the fake gateway, time one worker draining the outbox."""
    reason = available()
    if reason is not None:
        return {"skipped": reason}
    fake = subprocess.Popen(
        [sys.executable, "-m", "tests.messaging.fakes", "aligo", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_listening(port)
        return asyncio.run(_drain(url, messages, workdir, f"http://127.0.0.1:{port}"))
    finally:
        fake.terminate()
        try:
            fake.wait(timeout=10)
        except subprocess.TimeoutExpired:
            fake.kill()
            fake.wait()


def _wait_listening(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"the fake gateway did not start on port {port}")


async def _drain(url: str, messages: int, workdir: Path, gateway_url: str) -> dict[str, Any]:
    from jibsa.core.config import get_settings
    from jibsa.core.db import Database
    from jibsa.messaging.outbox import enqueue_text
    from jibsa.messaging.worker import run_until_empty
    from jibsa.models import TriggerSource

    settings = get_settings().model_copy(
        update={
            "database_url": url,
            "data_dir": workdir,
            "sms_provider": "aligo",
            "aligo_url": gateway_url,
            "aligo_key": FAKE_KEY,
            "aligo_user_id": FAKE_USER_ID,
            "sms_sender": FAKE_SENDER,
            "sms_rate_per_second": 0.0,  # measure the worker, not the configured provider rate limit
        }
    )
    db = Database(url, settings)
    try:
        for start in range(0, messages, QUEUE_BATCH):
            async with db.transaction() as session:
                for i in range(start, min(start + QUEUE_BATCH, messages)):
                    await enqueue_text(
                        session,
                        recipient=f"0109{i:07d}",
                        text=f"[벤치] 방문 일정 안내 {i}번: 내일 오전 10시에 방문합니다.",
                        trigger=TriggerSource.BULK,
                        prefix="[전방홈케어]",
                    )
        stats = await run_until_empty(db, settings, timeout=600)
    finally:
        await db.dispose()
    return {
        "messages": messages,
        "sent": stats.sent,
        "failed": stats.failed,
        "seconds": round(stats.seconds, 3),
        "messages_per_second": round(stats.messages_per_second, 1),
        "concurrency": settings.sms_worker_concurrency,
        "note": f"one worker, {settings.sms_worker_concurrency} concurrent sends, fake Aligo over HTTP, no rate limit",
    }
