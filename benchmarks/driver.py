"""The fallback load generator: asyncio + httpx, run as its own process (``python -m benchmarks.driver``).

Reads ``{"plan", "base_url", "concurrency", "duration"}`` as JSON on stdin and prints the same ``BENCH_JSON`` line
as the wrk script. Closed loop like wrk: each of ``concurrency`` connections sends its next request when the previous
one is answered. Python is a slower client than wrk, so its figures are a lower bound of the server's capacity.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time
from collections import Counter
from typing import Any

import httpx

from benchmarks.loadgen import MARKER, SUBMIT_ADDRESS, SUBMIT_DESCRIPTION, SUBMIT_NAME


def _percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


class _Requests:
    def __init__(self, plan: dict[str, Any], worker: int) -> None:
        self.plan = plan
        self.worker = worker
        self.counter = 0
        self.rng = random.Random(worker * 7919 + time.time_ns())

    def next(self) -> tuple[str, dict[str, str], bytes | None]:
        self.counter += 1
        path = "".join(s if isinstance(s, str) else str(self.rng.randint(s[0], s[1])) for s in self.plan["segments"])
        headers = dict(self.plan["headers"])
        if self.plan.get("body") != "application":
            fixed = self.plan.get("fixed_body")
            return path, headers, fixed.encode() if fixed is not None else None
        plan = self.plan
        phone = f"010{(plan['run_slot'] * 100 + self.worker) * 100_000 + self.counter:08d}"
        body: dict[str, Any] = {
            "customer_name": SUBMIT_NAME,
            "customer_phone": phone,
            "address": SUBMIT_ADDRESS,
            "address_detail": "101동",
            "description": SUBMIT_DESCRIPTION,
            "privacy_consent": True,
            "selected_services": [self.rng.choice(plan["services"])],
        }
        if plan.get("district_code"):
            body["district_code"] = plan["district_code"]
        headers["Idempotency-Key"] = f"bench-{plan['nonce']}-{self.worker}-{self.counter}"
        return path, headers, json.dumps(body, ensure_ascii=False).encode()


async def _drive(spec: dict[str, Any]) -> dict[str, Any]:
    plan, concurrency, duration = spec["plan"], int(spec["concurrency"]), float(spec["duration"])
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    async with httpx.AsyncClient(base_url=spec["base_url"], limits=limits, timeout=5.0) as client:
        started = time.perf_counter()
        deadline = started + duration

        async def worker(index: int) -> None:
            requests = _Requests(plan, index)
            while time.perf_counter() < deadline:
                path, headers, body = requests.next()
                sent = time.perf_counter()
                try:
                    response = await client.request(plan["method"], path, headers=headers, content=body)
                except httpx.TimeoutException:
                    errors["timeout"] += 1
                    continue
                except httpx.ConnectError:
                    errors["connect"] += 1
                    continue
                except httpx.HTTPError:
                    errors["read"] += 1
                    continue
                latencies.append((time.perf_counter() - sent) * 1e6)
                statuses[str(response.status_code)] += 1

        await asyncio.gather(*(worker(i) for i in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "duration_us": int(elapsed * 1e6),
        "latency_us": {
            "p50": _percentile(latencies, 50),
            "p95": _percentile(latencies, 95),
            "p99": _percentile(latencies, 99),
            "max": latencies[-1] if latencies else 0,
            "mean": sum(latencies) / len(latencies) if latencies else 0,
        },
        "socket_errors": {k: errors[k] for k in ("connect", "read", "write", "timeout")},
        "statuses": dict(statuses),
    }


def main() -> None:
    spec = json.loads(sys.stdin.read())
    report = asyncio.run(_drive(spec))
    sys.stdout.write(MARKER + json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
