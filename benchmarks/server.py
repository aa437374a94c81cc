"""The real server (``jibsa serve``, one worker process) as a subprocess of the benchmark."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

# High enough that the limiter never answers 429 under load; the limiter's own cost still counts.
UNTHROTTLED = "1000000000/minute"


def server_env(database_url: str, data_dir: Path, secret_key: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "JIBSA_ENV": "development",  # docs (the OpenAPI document) stay on; nothing else differs for these paths
            "JIBSA_DATABASE_URL": database_url,
            "JIBSA_DATA_DIR": str(data_dir),
            "JIBSA_SECRET_KEY": secret_key,
            "JIBSA_RATE_LIMIT_PUBLIC_SUBMIT_IP": UNTHROTTLED,
            "JIBSA_RATE_LIMIT_PUBLIC_SUBMIT_PHONE": UNTHROTTLED,
            "JIBSA_RATE_LIMIT_LOGIN_IP": UNTHROTTLED,
            "JIBSA_RATE_LIMIT_REFRESH_IP": UNTHROTTLED,
            "JIBSA_RATE_LIMIT_PORTAL_IP": UNTHROTTLED,
        }
    )
    return env


def jibsa_executable() -> str:
    candidate = Path(sys.executable).with_name("jibsa")
    return str(candidate) if candidate.exists() else "jibsa"


class ServerProcess:
    """``jibsa serve --workers 1`` (or another ``command``) as a subprocess; restartable after a stalled run."""

    def __init__(
        self, database_url: str, data_dir: Path, secret_key: str, port: int, command: list[str] | None = None
    ) -> None:
        self.env = server_env(database_url, data_dir, secret_key)
        self.command = command or [
            jibsa_executable(),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
        ]
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.log = data_dir / f"server-{port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> None:
        with self.log.open("ab") as sink:
            self.process = subprocess.Popen(
                self.command,
                env=self.env,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        _wait_healthy(self.base_url, self.process, self.log)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def openapi(self) -> dict[str, Any]:
        """The server's OpenAPI document (``{}`` when docs are switched off)."""
        response = httpx.get(f"{self.base_url}/api/v1/openapi.json", timeout=30)
        return response.json() if response.status_code == 200 else {}


def floor_command(port: int) -> list[str]:
    """The stack's floor app (``benchmarks.floor``), served as ``jibsa serve`` serves Jibsa: uvicorn, one process."""
    return [
        sys.executable, "-m", "uvicorn", "benchmarks.floor:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", "1", "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip


@contextmanager
def running_server(
    database_url: str, data_dir: Path, secret_key: str, port: int, command: list[str] | None = None
) -> Iterator[ServerProcess]:
    """Start the server and wait for ``/health``; stop it (SIGTERM, then SIGKILL) afterwards."""
    server = ServerProcess(database_url, data_dir, secret_key, port, command)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _wait_healthy(base_url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}; see {log}:\n{log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base_url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer /health within {timeout:.0f} s; see {log}")


def serve_options() -> str:
    """``jibsa serve --help`` (to learn which options this version has, e.g. ``--no-worker``)."""
    result = subprocess.run([jibsa_executable(), "serve", "--help"], capture_output=True, text=True, check=False)
    return result.stdout
