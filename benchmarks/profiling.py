"""``--profile``: sample the server with py-spy during each measurement (``pip install py-spy`` into the venv).

Writes py-spy's raw (collapsed) stacks of the thread holding the GIL, per measurement, and a short summary of the
hottest frames of the event-loop thread (own time, and cumulative time of ``jibsa`` frames): it usually names the cause.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

IDLE = ("Condition.wait", "Queue.get", "select (selectors", "_worker (concurrent", "_connection_worker_thread")


def py_spy() -> str | None:
    local = Path(sys.executable).with_name("py-spy")
    return str(local) if local.exists() else shutil.which("py-spy")


def start(pid: int, duration: float, output: Path) -> subprocess.Popen[bytes] | None:
    """Start sampling ``pid`` for ``duration`` seconds; ``None`` when py-spy is not installed."""
    tool = py_spy()
    if tool is None:
        return None
    seconds = str(max(1, round(duration)))
    return subprocess.Popen(
        [tool, "record", "--gil", "-p", str(pid), "-d", seconds, "-r", "250", "-f", "raw", "-o", str(output)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def summarise(raw: Path, top: int = 20) -> str:
    """Hottest frames of the event-loop thread (stacks through ``uvicorn``), as text."""
    if not raw.exists():
        return "(no samples)"
    own: Counter[str] = Counter()
    cumulative: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or "uvicorn" not in stack:
            continue
        count = int(count_text)
        frames = stack.split(";")
        total += count
        own[frames[-1]] += count
        for frame in set(frames):
            if "jibsa/" in frame and "cli.py" not in frame:
                cumulative[frame] += count
    if not total:
        return "(no samples of the event loop)"
    lines = [f"{total} samples of the event-loop thread", "", "own time:"]
    lines += [f"  {n / total:6.1%}  {frame}" for frame, n in own.most_common(top)]
    lines += ["", "cumulative, jibsa frames:"]
    lines += [f"  {n / total:6.1%}  {frame}" for frame, n in cumulative.most_common(top)]
    return "\n".join(lines)
