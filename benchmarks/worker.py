"""Worker throughput: messages per second delivered by the outbox worker against a fake gateway."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any


def measure(url: str, messages: int, workdir: Path) -> dict[str, Any]:
    """Queue ``messages`` rows and time the worker delivering them (skipped until the worker exists)."""
    if importlib.util.find_spec("jibsa.messaging.worker") is None:
        return {"skipped": "worker not available (src/jibsa/messaging/worker.py)"}
    return {"skipped": "worker present, measurement not written yet"}
