"""Load generation: ``wrk`` with a generated Lua script when installed, else the asyncio + httpx driver.

Both take the same request plan and report the same JSON (one ``BENCH_JSON {...}`` line): request count, duration,
latency percentiles in microseconds, response statuses and socket errors.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from benchmarks.workloads import RANDOM_PLACEHOLDERS, Workload

MARKER = "BENCH_JSON "
SUBMIT_NAME = "김벤치"
SUBMIT_ADDRESS = "경기도 양평군 양평읍 중앙로 123"
SUBMIT_DESCRIPTION = "마당 잔디와 텃밭 주변 제초 부탁드립니다. 차량 진입 가능합니다."


@dataclass
class RequestPlan:
    """Everything a load generator needs to produce a workload's requests."""

    method: str
    segments: list[str | list[int]]  # literal path pieces and [low, high] random integer ranges
    headers: dict[str, str]
    body: str | None = None  # "application": a fresh public submission per request
    fixed_body: str | None = None  # the same JSON body for every request (a search term, say)
    services: list[str] = field(default_factory=list)
    district_code: str | None = None
    run_slot: int = 0  # 0–9: keeps phone numbers distinct between runs on one database
    nonce: str = ""  # keeps Idempotency-Keys distinct between runs


@dataclass
class Measurement:
    workload: str
    concurrency: int
    tool: str
    requests: int
    duration_s: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float
    non_2xx: int
    socket_errors: int
    statuses: dict[str, int]
    socket_error_kinds: dict[str, int]
    loadavg_before: float
    server_cpu_ms: float | None = None  # server process CPU time per completed request (robust to a busy machine)
    # TCP segments the kernel retransmitted during the run (all of the machine's TCP, loopback included): each one
    # holds a request for at least the 200 ms minimum RTO, whatever the server does.
    tcp_retransmits: int | None = None
    spread: str = ""  # with --rounds: the spread of the runs this one is the median of
    note: str = ""

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "errors": self.errors}


ONCE_PER_RUN = ("phone", "number_prefix", "month_start", "month_end")


def _fill(value: str, context: dict[str, Any]) -> str:
    for key in ONCE_PER_RUN:
        value = value.replace("{" + key + "}", str(context.get(key, "{" + key + "}")))
    return value


def plan_for(
    workload: Workload, context: dict[str, Any], token: str | None, run_slot: int, services: list[str]
) -> RequestPlan:
    """Resolve the workload's placeholders against the loaded data and the admin token."""
    path = workload.path
    for key in ONCE_PER_RUN:
        if "{" + key + "}" in path:
            path = path.replace("{" + key + "}", quote(str(context[key]), safe=""))
    fixed_body = None
    if workload.payload is not None:
        filled = {k: _fill(v, context) if isinstance(v, str) else v for k, v in workload.payload.items()}
        fixed_body = json.dumps(filled, ensure_ascii=False)
    segments: list[str | list[int]] = []
    rest = path
    while True:
        start = rest.find("{")
        if start < 0:
            segments.append(rest)
            break
        end = rest.index("}", start)
        name = rest[start + 1 : end]
        if name not in RANDOM_PLACEHOLDERS:
            raise ValueError(f"unknown placeholder {{{name}}} in {workload.path}")
        low, high = context[RANDOM_PLACEHOLDERS[name]]
        segments.extend([rest[:start], [int(low), int(high)]])
        rest = rest[end + 1 :]
    headers = {"Accept": "application/json"}
    if workload.admin and token:
        headers["Authorization"] = f"Bearer {token}"
    if workload.body or fixed_body is not None:
        headers["Content-Type"] = "application/json"
    return RequestPlan(
        method=workload.method,
        segments=[s for s in segments if s != ""],
        headers=headers,
        body=workload.body,
        fixed_body=fixed_body,
        services=services,
        district_code=context.get("district_code"),
        run_slot=run_slot % 10,
        nonce=secrets.token_hex(4),
    )


def _lua_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def lua_script(plan: RequestPlan) -> str:
    """The wrk script: builds each request, counts statuses per thread, prints one JSON line when done."""
    path_expr = " .. ".join(
        _lua_string(s) if isinstance(s, str) else f"math.random({s[0]}, {s[1]})" for s in plan.segments
    )
    base_headers = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in plan.headers.items())
    if plan.body == "application":
        services = ", ".join(_lua_string(s) for s in plan.services)
        district = f', "district_code": "{plan.district_code}"' if plan.district_code else ""
        head = (
            f'{{"customer_name": "{SUBMIT_NAME}", "address": "{SUBMIT_ADDRESS}", "address_detail": "101동", '
            f'"description": "{SUBMIT_DESCRIPTION}", "privacy_consent": true{district}, "customer_phone": "'
        )
        build = f"""
  local phone = string.format("010%08d", ({plan.run_slot} * 10 + thread_id) * 1000000 + counter)
  local service = services[math.random(#services)]
  local body = {_lua_string(head)} .. phone .. '", "selected_services": ["' .. service .. '"]}}'
  local headers = {{{base_headers}}}
  headers["Idempotency-Key"] = "bench-{plan.nonce}-" .. thread_id .. "-" .. counter
  return wrk.format({_lua_string(plan.method)}, {path_expr}, headers, body)"""
    else:
        services = ""
        fixed = _lua_string(plan.fixed_body) if plan.fixed_body is not None else "nil"
        build = f"""
  return wrk.format({_lua_string(plan.method)}, {path_expr}, {{{base_headers}}}, {fixed})"""
    return f"""-- generated by benchmarks.loadgen
local threads = {{}}
local counter = 0
local services = {{{services}}}
statuses = {{}}
thread_id = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  math.randomseed(thread_id * 7919 + os.time())
end

function request()
  counter = counter + 1{build}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {{}}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    if counts then
      for code, n in pairs(counts) do all[tostring(code)] = (all[tostring(code)] or 0) + n end
    end
  end
  local parts = {{}}
  for code, n in pairs(all) do table.insert(parts, string.format('"%s": %d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    '{MARKER}{{"requests": %d, "duration_us": %d, '
    .. '"latency_us": {{"p50": %d, "p95": %d, "p99": %d, "max": %d, "mean": %.1f}}, '
    .. '"socket_errors": {{"connect": %d, "read": %d, "write": %d, "timeout": %d}}, "statuses": {{%s}}}}\\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.timeout, table.concat(parts, ", ")))
end
"""


def wrk_path() -> str | None:
    return shutil.which("wrk")


def _measurement(workload: str, concurrency: int, tool: str, report: dict[str, Any], loadavg: float) -> Measurement:
    statuses = {str(k): int(v) for k, v in report["statuses"].items()}
    socket = {str(k): int(v) for k, v in report["socket_errors"].items()}
    latency = report["latency_us"]
    duration = report["duration_us"] / 1e6
    completed = sum(statuses.values())
    return Measurement(
        workload=workload,
        concurrency=concurrency,
        tool=tool,
        requests=int(report["requests"]),
        duration_s=round(duration, 3),
        rps=round(completed / duration, 1) if duration else 0.0,
        p50_ms=latency["p50"] / 1000,
        p95_ms=latency["p95"] / 1000,
        p99_ms=latency["p99"] / 1000,
        max_ms=latency["max"] / 1000,
        mean_ms=round(latency["mean"] / 1000, 3),
        non_2xx=sum(n for code, n in statuses.items() if not code.startswith("2")),
        socket_errors=sum(socket.values()),
        statuses=statuses,
        socket_error_kinds=socket,
        loadavg_before=loadavg,
    )


def _parse(output: str) -> dict[str, Any]:
    for line in output.splitlines():
        if line.startswith(MARKER):
            parsed: dict[str, Any] = json.loads(line[len(MARKER) :])
            return parsed
    raise RuntimeError(f"the load generator printed no result:\n{output[-2000:]}")


def run(
    plan: RequestPlan,
    base_url: str,
    *,
    workload: str,
    concurrency: int,
    duration: float,
    tool: str,
    raw_log: Path | None = None,
) -> Measurement:
    """Drive ``base_url`` with ``concurrency`` connections for ``duration`` seconds."""
    loadavg = os.getloadavg()[0]
    if tool == "wrk":
        output = _run_wrk(plan, base_url, concurrency, duration)
    else:
        output = _run_driver(plan, base_url, concurrency, duration)
    if raw_log is not None:
        with raw_log.open("a", encoding="utf-8") as log:
            log.write(f"### {workload} c={concurrency} ({tool})\n{output}\n")
    return _measurement(workload, concurrency, tool, _parse(output), loadavg)


def _run_wrk(plan: RequestPlan, base_url: str, concurrency: int, duration: float) -> str:
    threads = max(1, min(2, os.cpu_count() or 1, concurrency))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", encoding="utf-8", delete=False) as script:
        script.write(lua_script(plan))
    try:
        result = subprocess.run(
            [
                wrk_path() or "wrk",
                f"-t{threads}",
                f"-c{concurrency}",
                f"-d{max(1, round(duration))}s",
                "--timeout",
                "5s",
                "--latency",
                "-s",
                script.name,
                base_url,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=duration + 60,
        )
    finally:
        Path(script.name).unlink(missing_ok=True)
    return result.stdout + result.stderr


def _run_driver(plan: RequestPlan, base_url: str, concurrency: int, duration: float) -> str:
    """The asyncio + httpx driver in its own process (so that it does not share the harness's interpreter)."""
    spec = json.dumps({"plan": asdict(plan), "base_url": base_url, "concurrency": concurrency, "duration": duration})
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.driver"],
        input=spec,
        capture_output=True,
        text=True,
        check=False,
        timeout=duration + 120,
        cwd=Path(__file__).resolve().parents[1],
    )
    return result.stdout + result.stderr
