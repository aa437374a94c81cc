"""Plaintext PII never reaches the database: read the raw SQLite file or the PostgreSQL heap files."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from jibsa.core.db import Database
from tests.factories import application_payload, make_admin, partner_payload

NAME = "비밀스런홍길동"
PHONE = "01087654321"
ADDRESS = "경기도 양평군 비밀면 숨은길 77"


@pytest.mark.committing
async def test_no_plaintext_pii_in_database_files(client: httpx.AsyncClient, db: Database) -> None:
    async with db.transaction() as session:
        await make_admin(session, phone="01011112222")
    response = await client.post(
        "/api/v1/applications", json=application_payload(customer_name=NAME, customer_phone=PHONE, address=ADDRESS)
    )
    assert response.status_code == 201
    response = await client.post(
        "/api/v1/partners",
        json=partner_payload(
            company_name="공개된상호명조경", representative_name=NAME, contact_phone="01076543210", address=ADDRESS
        ),
    )
    assert response.status_code == 201

    needles = [NAME.encode(), PHONE.encode(), b"010-8765-4321", ADDRESS.encode(), b"01076543210"]
    blobs = await _raw_database_bytes(db)
    # Control: the company name is not personal data and is stored in clear, so the scan can see rows.
    assert any("공개된상호명조경".encode() in blob for blob in blobs)
    for blob in blobs:
        for needle in needles:
            assert needle not in blob, f"plaintext {needle.decode()} found at rest"


async def _raw_database_bytes(db: Database) -> list[bytes]:
    url = make_url(db.url)
    if db.is_sqlite:
        # Read the main file and the write-ahead log: committed rows live in one or the other.
        path = Path(url.database or "")
        return [p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists()]
    async with db.engine.connect() as connection:
        await connection.execute(text("CHECKPOINT"))
        data_dir = (await connection.execute(text("SHOW data_directory"))).scalar_one()
        files = []
        for table in ("application", "partner", "sms_message", "audit_log", "customer"):
            relative = (await connection.execute(text(f"SELECT pg_relation_filepath('{table}')"))).scalar_one()
            files.append(Path(data_dir) / relative)
            toast = (
                await connection.execute(
                    text(
                        f"SELECT pg_relation_filepath(reltoastrelid) FROM pg_class WHERE relname = '{table}' AND reltoastrelid <> 0"
                    )
                )
            ).scalar_one_or_none()
            if toast:
                files.append(Path(data_dir) / toast)
    readable = [p for p in files if p.exists()]
    if not readable:
        pytest.skip("PostgreSQL data files are not readable from this process")
    return [p.read_bytes() for p in readable]
