"""Infrastructure tables: idempotent request replies, worker heartbeats and SQLite's data change counter."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from jibsa.models.base import Base, CreatedAt, UTCDateTime


class IdempotencyRecord(CreatedAt, Base):
    """The first reply to a request carrying an ``Idempotency-Key``, replayed for repeats."""

    __tablename__ = "idempotency_record"

    scope: Mapped[str] = mapped_column(String(60), primary_key=True)
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[dict[str, Any]] = mapped_column(JSON)


class WorkerHeartbeat(Base):
    __tablename__ = "worker_heartbeat"

    worker_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    beat_at: Mapped[datetime] = mapped_column(UTCDateTime())
    hostname: Mapped[str] = mapped_column(String(100))


class DataChange(Base):
    """One row (``id = 1``) whose ``generation`` every writing transaction on SQLite moves (``core.data_version``)."""

    __tablename__ = "data_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    generation: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
