"""Printing (rich tables) and evaluation of the issue's targets. Figures only: nothing here fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from benchmarks.loadgen import Measurement
from benchmarks.workloads import (
    FLOOR_LABELS,
    FLOOR_WORKLOADS,
    HEALTH,
    LIST,
    LIST_SCALE_RATIO_TARGET,
    MAX_LATENCY_TARGET_MS,
    WORKLOADS,
)

TARGET_SCALE = 10_000
TARGET_CONCURRENCY = 32


@dataclass
class RunResult:
    """One database at one scale: load figures, measurements, skipped workloads, worker throughput."""

    database: str  # "sqlite" | "postgresql"
    url: str
    scale: int
    load: dict[str, Any]
    measurements: list[Measurement] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    worker: dict[str, Any] | None = None

    def find(self, workload: str, concurrency: int) -> Measurement | None:
        for m in self.measurements:
            if m.workload == workload and m.concurrency == concurrency:
                return m
        return None

    def health_ratio(self, m: Measurement) -> float | None:
        health = self.find(HEALTH, m.concurrency)
        return m.rps / health.rps if health and health.rps else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "url": self.url,
            "scale": self.scale,
            "load": self.load,
            "measurements": [{**m.as_dict(), "health_ratio": _round(self.health_ratio(m))} for m in self.measurements],
            "skipped": self.skipped,
            "worker": self.worker,
        }


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _ms(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def run_table(run: RunResult) -> Table:
    table = Table(
        title=f"{run.database} · {run.scale:,} applications · {run.url}",
        caption="latencies in ms; errors = non-2xx responses + socket errors; % of /health = requests/s relative "
        "to GET /health at the same concurrency in this run; CPU ms/req = the server process's CPU time per "
        "completed request (excludes PostgreSQL's own processes; steady when other work shares the machine)",
        title_justify="left",
    )
    columns = ("workload", "conc.", "req/s", "p50", "p95", "p99", "max", "errors", "% of /health", "CPU ms/req", "note")
    for column in columns:
        table.add_column(column, justify="left" if column in ("workload", "note") else "right")
    for workload in WORKLOADS + FLOOR_WORKLOADS:
        if workload.name in run.skipped:
            table.add_row(workload.name, *[""] * 9, f"[yellow]skipped: {run.skipped[workload.name]}[/yellow]")
            continue
        for m in (m for m in run.measurements if m.workload == workload.name):
            if workload.name == FLOOR_WORKLOADS[0].name:
                table.add_section()
            ratio = run.health_ratio(m)
            errors = f"[red]{m.errors:,}[/red]" if m.errors else "0"
            table.add_row(
                workload.name,
                str(m.concurrency),
                f"{m.rps:,.0f}",
                _ms(m.p50_ms),
                _ms(m.p95_ms),
                _ms(m.p99_ms),
                _ms(m.max_ms),
                errors,
                f"{ratio:.0%}" if ratio is not None else "",
                f"{m.server_cpu_ms:.2f}" if m.server_cpu_ms is not None else "",
                ", ".join(filter(None, (FLOOR_LABELS.get(m.workload), _status_summary(m)))),
            )
    if run.worker:
        w = run.worker
        if w.get("skipped"):
            table.add_row("worker", *[""] * 9, f"[yellow]skipped: {w['skipped']}[/yellow]")
        else:
            table.add_row(
                "worker",
                "",
                f"{w['messages_per_second']:,.0f}",
                *[""] * 4,
                str(w.get("failed", 0)),
                "",
                "",
                f"messages/s: {w['messages']:,} messages, {w['seconds']:.1f} s ({w.get('note', '')})",
            )
    return table


def _status_summary(m: Measurement) -> str:
    if m.note:
        return f"[red]{m.note}[/red]"
    parts = [f"{code}×{n}" for code, n in sorted(m.statuses.items()) if not code.startswith("2")]
    parts += [f"{kind}×{n}" for kind, n in m.socket_error_kinds.items() if n]
    if m.tcp_retransmits:
        parts.append(f"TCP retransmits: {m.tcp_retransmits}")
    if m.spread:
        parts.append(m.spread)
    return ", ".join(parts)


def load_table(runs: list[RunResult]) -> Table:
    table = Table(title="Data loading (through the models, encrypted, blind-indexed)", title_justify="left")
    for column in ("database", "applications", "rows", "seconds", "rows/s"):
        table.add_column(column, justify="right")
    for run in runs:
        rows, seconds = run.load["total_rows"], run.load["seconds"]
        table.add_row(run.database, f"{run.scale:,}", f"{rows:,}", f"{seconds:,.1f}", f"{rows / seconds:,.0f}")
    return table


def scale_table(runs: list[RunResult], concurrencies: list[int]) -> Table | None:
    scales = sorted({r.scale for r in runs})
    if len(scales) < 2:
        return None
    table = Table(title=f"{LIST}: p95 (ms) by data size", title_justify="left")
    table.add_column("database")
    table.add_column("conc.", justify="right")
    for scale in scales:
        table.add_column(f"{scale:,}", justify="right")
    table.add_column(f"{scales[-1]:,} ÷ {scales[0]:,}", justify="right")
    for database in dict.fromkeys(r.database for r in runs):
        for concurrency in concurrencies:
            values: list[float | None] = []
            for scale in scales:
                run = next((r for r in runs if r.database == database and r.scale == scale), None)
                m = run.find(LIST, concurrency) if run else None
                values.append(m.p95_ms if m else None)
            first, last = values[0], values[-1]
            ratio = f"{last / first:.2f}×" if first and last else ""
            table.add_row(database, str(concurrency), *[_ms(v) if v is not None else "—" for v in values], ratio)
    return table


@dataclass
class TargetCheck:
    database: str
    goal: str
    measured: str
    status: str  # "met" | "missed" | "not measured"

    def as_dict(self) -> dict[str, str]:
        return {"database": self.database, "goal": self.goal, "measured": self.measured, "status": self.status}


def evaluate_targets(runs: list[RunResult]) -> list[TargetCheck]:
    """The issue's goals, per database, at 10,000 applications (or the nearest scale run) and concurrency 32."""
    checks: list[TargetCheck] = []
    for database in dict.fromkeys(r.database for r in runs):
        mine = [r for r in runs if r.database == database]
        run = min(mine, key=lambda r: abs(r.scale - TARGET_SCALE))
        for workload in WORKLOADS:
            target = workload.target
            if target is None:
                continue
            if workload.name in run.skipped or run.find(workload.name, TARGET_CONCURRENCY) is None:
                checks.append(TargetCheck(database, f"{workload.name}: targets", "not run", "not measured"))
                continue
            m = run.find(workload.name, TARGET_CONCURRENCY)
            assert m is not None
            floor = run.find(workload.floor, TARGET_CONCURRENCY) if workload.floor else None
            if not m.statuses:
                checks.append(
                    TargetCheck(database, f"{workload.name}: answers at c={TARGET_CONCURRENCY}", m.note, "missed")
                )
                continue
            if target.min_health_ratio is not None:
                ratio = run.health_ratio(m) or 0.0
                checks.append(
                    TargetCheck(
                        database,
                        f"{workload.name} ≥ {target.min_health_ratio:.0%} of /health (c={TARGET_CONCURRENCY})",
                        f"{ratio:.0%} ({m.rps:,.0f} req/s)"
                        + (
                            f"; the stack's floor, {floor.workload}: {run.health_ratio(floor) or 0:.0%}"
                            if floor
                            else ""
                        ),
                        "met" if ratio >= target.min_health_ratio else "missed",
                    )
                )
            if target.max_p95_ms is not None:
                checks.append(
                    TargetCheck(
                        database,
                        f"{workload.name} p95 ≤ {target.max_p95_ms:.0f} ms (c={TARGET_CONCURRENCY})",
                        f"{m.p95_ms:.1f} ms"
                        + (f"; the stack's floor, {floor.workload}: {floor.p95_ms:.1f} ms" if floor else ""),
                        "met" if m.p95_ms <= target.max_p95_ms else "missed",
                    )
                )
            if target.zero_errors:
                all_conc = [x for x in run.measurements if x.workload == workload.name]
                errors = sum(x.errors for x in all_conc)
                checks.append(
                    TargetCheck(
                        database,
                        f"{workload.name}: zero errors at c={'/'.join(str(x.concurrency) for x in all_conc)}",
                        f"{errors:,} errors",
                        "met" if errors == 0 else "missed",
                    )
                )
        scales = sorted(mine, key=lambda r: r.scale)
        small, large = scales[0].find(LIST, TARGET_CONCURRENCY), scales[-1].find(LIST, TARGET_CONCURRENCY)
        if len(scales) > 1 and small and large:
            ratio = large.p95_ms / small.p95_ms if small.p95_ms else 0.0
            checks.append(
                TargetCheck(
                    database,
                    f"{LIST} p95 at {scales[-1].scale:,} ≤ {LIST_SCALE_RATIO_TARGET}× at {scales[0].scale:,}",
                    f"{ratio:.2f}× ({large.p95_ms:.1f} / {small.p95_ms:.1f} ms)",
                    "met" if ratio <= LIST_SCALE_RATIO_TARGET else "missed",
                )
            )
        floors = {w.name for w in FLOOR_WORKLOADS}
        ours = [m for r in mine for m in r.measurements if m.workload not in floors]
        worst = max(ours, key=lambda m: m.max_ms, default=None)
        worst_floor = max(
            (m for r in mine for m in r.measurements if m.workload in floors), key=lambda m: m.max_ms, default=None
        )
        stalled = [m for m in ours if not m.statuses]
        if stalled:
            checks.append(
                TargetCheck(
                    database,
                    f"no request above {MAX_LATENCY_TARGET_MS:.0f} ms in any run",
                    "stalled: " + ", ".join(f"{m.workload} c={m.concurrency}" for m in stalled),
                    "missed",
                )
            )
        elif worst is not None:
            checks.append(
                TargetCheck(
                    database,
                    f"no request above {MAX_LATENCY_TARGET_MS:.0f} ms in any run",
                    f"max {worst.max_ms:,.0f} ms ({worst.workload}, c={worst.concurrency}"
                    + (f"; {worst.tcp_retransmits} TCP retransmits in that run" if worst.tcp_retransmits else "")
                    + ")"
                    + (
                        f"; the stack's floor: max {worst_floor.max_ms:,.0f} ms ({worst_floor.workload})"
                        if worst_floor
                        else ""
                    ),
                    "met" if worst.max_ms <= MAX_LATENCY_TARGET_MS else "missed",
                )
            )
    return checks


def targets_table(checks: list[TargetCheck]) -> Table:
    table = Table(
        title="Targets from the issue (stated for PostgreSQL, 10,000 applications, c=32, one server process)",
        caption="printed for information: a benchmark never fails the suite",
        title_justify="left",
    )
    for column in ("database", "goal", "measured", "status"):
        table.add_column(column)
    colour = {"met": "green", "missed": "red", "not measured": "yellow"}
    for c in checks:
        table.add_row(c.database, c.goal, c.measured, f"[{colour[c.status]}]{c.status}[/{colour[c.status]}]")
    return table


def print_machine_note(console: Console, machine: dict[str, Any]) -> None:
    console.print(
        f"[bold]Machine:[/bold] {machine['cpus']} CPU cores, load average {machine['loadavg'][0]:.2f} at start. "
        "The server (one process), the database and the load generator share these cores, so every figure "
        "includes the load generator's own CPU use; compare workloads by their % of /health in the same run. "
        f"Load generator: {machine['loadgen']}."
    )
