"""``jibsa``: serve, worker, migrate, create-admin, seed-demo, backup, restore."""

from __future__ import annotations

import asyncio
import gc
import os
import secrets
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
import uvicorn
from rich.console import Console
from rich.progress import Progress

from jibsa.core.config import get_settings
from jibsa.core.db import Database

if TYPE_CHECKING:
    from fastapi import FastAPI

app = typer.Typer(help="집사(Jibsa) 운영 도구", no_args_is_help=True, add_completion=False)
console = Console()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="listen address")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="listen port")] = 8000,
    workers: Annotated[int, typer.Option(help="server processes")] = 1,
    no_worker: Annotated[bool, typer.Option("--no-worker", help="do not deliver SMS in this process")] = False,
) -> None:
    """Serve the API and the web app (with an in-process SMS worker unless ``--no-worker``)."""
    # The app factory runs in uvicorn's processes: the environment is how the flag reaches them.
    os.environ["JIBSA_RUN_WORKER_IN_PROCESS"] = "false" if no_worker else "true"
    get_settings.cache_clear()
    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    _ = settings.root_secret  # generate the development secret before worker processes race for it
    uvicorn.run(
        "jibsa.cli:serving_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        proxy_headers=True,
        log_level="warning",
    )


def serving_app() -> FastAPI:
    """The app of ``jibsa serve``, built in each server process, with what it built kept out of the cyclic GC."""
    from jibsa.main import create_app

    application = create_app()
    # Modules, models, schemas and routes live as long as the process: frozen, full collections stop re-scanning them
    # (measured: a sixth of an admin request's CPU went to full collections walking ~180,000 such objects). Startup's
    # garbage is collected first so that none of it is kept for good.
    gc.collect()
    gc.freeze()
    return application


async def _run_worker(concurrency: int | None) -> None:
    from jibsa.core.middleware import configure_logging
    from jibsa.messaging.worker import Worker

    settings = get_settings()
    configure_logging(settings.log_level)
    if concurrency is not None:
        settings = settings.model_copy(update={"sms_worker_concurrency": concurrency})
    db = Database(settings.resolved_database_url, settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await Worker(db, settings).run(stop)
    finally:
        await db.dispose()


@app.command()
def worker(
    concurrency: Annotated[int | None, typer.Option(help="messages sent at once (default from settings)")] = None,
) -> None:
    """Deliver queued SMS, run bulk jobs and reminders, until SIGTERM (finishes in-flight sends first)."""
    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    _ = settings.root_secret
    console.print(f"SMS 작업자를 시작합니다 (발송 방식: {settings.sms_provider}). 종료: Ctrl+C")
    asyncio.run(_run_worker(concurrency))


@app.command()
def migrate() -> None:
    """Upgrade the database schema to the latest migration."""
    from jibsa.migrate import upgrade

    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.resolved_database_url)
    console.print("[green]데이터베이스가 최신 상태입니다.[/green]")


async def _create_admin(email: str, password: str, name: str, role: str, phone: str | None, if_none: bool) -> bool:
    from jibsa.admins.schemas import AdminCreate
    from jibsa.admins.service import count_admins, create_admin

    settings = get_settings()
    db = Database(settings.resolved_database_url, settings)
    try:
        async with db.transaction() as session:
            if if_none and await count_admins(session):
                return False
            await create_admin(
                session,
                AdminCreate.model_validate(
                    {"email": email, "password": password, "name": name, "role": role, "phone": phone}
                ),
            )
            return True
    finally:
        await db.dispose()


@app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(help="login email")],
    name: Annotated[str, typer.Option(help="display name")] = "관리자",
    password: Annotated[str | None, typer.Option(help="password (generated and printed when omitted)")] = None,
    role: Annotated[str, typer.Option(help="super_admin | admin")] = "super_admin",
    phone: Annotated[str | None, typer.Option(help="mobile number for notifications")] = None,
    if_none: Annotated[bool, typer.Option("--if-none", help="do nothing when any admin exists")] = False,
) -> None:
    """Create an admin account."""
    from pydantic import ValidationError

    from jibsa.core.errors import AppError

    generated = password is None
    password = password or secrets.token_urlsafe(12)
    try:
        created = asyncio.run(_create_admin(email, password, name, role, phone, if_none))
    except (ValidationError, AppError) as exc:
        console.print(f"[red]관리자를 만들 수 없습니다:[/red] {exc}")
        raise typer.Exit(1) from exc
    if not created:
        console.print("관리자 계정이 이미 있습니다. 새로 만들지 않았습니다.")
        return
    console.print(f"[green]관리자 계정을 만들었습니다.[/green] 이메일: [bold]{email}[/bold]")
    if generated:
        console.print(f"비밀번호: [bold]{password}[/bold]  (지금 한 번만 표시됩니다)")


async def _seed_demo(partners: int, applications: int) -> dict[str, int]:
    from jibsa.demo import seed_demo

    settings = get_settings()
    db = Database(settings.resolved_database_url, settings)
    try:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("데모 데이터 생성", total=applications)
            async with db.transaction() as session:
                return await seed_demo(
                    session,
                    partners=partners,
                    applications=applications,
                    progress=lambda done: progress.update(task, completed=done),
                )
    finally:
        await db.dispose()


@app.command("seed-demo")
def seed_demo(
    partners: Annotated[int, typer.Option(help="partners to create")] = 20,
    applications: Annotated[int, typer.Option(help="applications to create")] = 200,
) -> None:
    """Load demo data (company profile, partners, applications, their sent texts) into an empty database."""
    if get_settings().is_production:
        console.print("[red]운영 환경에서는 데모 데이터를 넣을 수 없습니다.[/red]")
        raise typer.Exit(1)
    counts = asyncio.run(_seed_demo(partners, applications))
    if not counts["applications"]:
        console.print("이미 데이터가 있어 데모 데이터를 넣지 않았습니다.")
        return
    console.print(
        f"[green]데모 데이터:[/green] 협력사 {counts['partners']}곳, 신청 {counts['applications']}건, "
        f"보낸 문자 {counts['messages']}건"
    )


def _table_progress(label: str) -> Callable[[str, int], None]:
    def report(table: str, count: int) -> None:
        console.print(f"  {label} {table}: {count}")

    return report


@app.command()
def backup(directory: Annotated[Path, typer.Argument(help="empty or new directory")]) -> None:
    """Copy the database (as stored, PII still encrypted) and the uploads into DIRECTORY."""
    from jibsa.backup import backup as run_backup

    settings = get_settings()

    async def go() -> dict[str, int]:
        db = Database(settings.resolved_database_url, settings)
        try:
            return await run_backup(db, settings.upload_dir, directory, _table_progress("저장"))
        finally:
            await db.dispose()

    try:
        counts = asyncio.run(go())
    except FileExistsError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    console.print(f"[green]백업 완료:[/green] {directory} ({sum(counts.values())}행)")
    console.print("암호화 키(JIBSA_SECRET_KEY 또는 secret.key)는 백업에 들어 있지 않습니다. 따로 보관하세요.")


@app.command()
def restore(
    directory: Annotated[Path, typer.Argument(help="a directory written by `jibsa backup`")],
    yes: Annotated[bool, typer.Option("--yes", help="do not ask for confirmation")] = False,
) -> None:
    """Load a backup into a new (empty) database and its uploads directory."""
    from jibsa.backup import restore as run_restore

    settings = get_settings()
    if not yes and not typer.confirm(
        "백업을 빈 데이터베이스에 복원합니다. 업로드 폴더는 백업 내용으로 바뀝니다. 계속할까요?"
    ):
        raise typer.Exit(1)

    async def go() -> dict[str, int]:
        db = Database(settings.resolved_database_url, settings)
        try:
            return await run_restore(db, settings.upload_dir, directory, _table_progress("복원"))
        finally:
            await db.dispose()

    try:
        counts = asyncio.run(go())
    except (ValueError, FileNotFoundError) as exc:
        console.print(f"[red]복원할 수 없습니다:[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print(f"[green]복원 완료:[/green] {sum(counts.values())}행")


if __name__ == "__main__":  # pragma: no cover
    app()
